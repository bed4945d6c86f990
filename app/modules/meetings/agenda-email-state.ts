import type { AgendaEmailStatus, OutboxState } from "#db/schema";

/**
 * A participant's agenda e-mail as the meeting page shows it: while the e-mail is in the outbox its
 * delivery state decides (queued until the relay took it, then sent, or failed for good); before
 * that, what sending the agenda recorded (no address, not configured, in the portal only).
 */
export function agendaEmailState(
  participant: { agendaEmailStatus: AgendaEmailStatus | null; agendaEmailError: string | null },
  outbox: { state: OutboxState; lastError: string | null; attempts: number } | null,
): { agendaEmailStatus: AgendaEmailStatus | null; agendaEmailError: string | null } {
  if (!outbox) return { agendaEmailStatus: participant.agendaEmailStatus, agendaEmailError: participant.agendaEmailError };
  if (outbox.state === "sent") return { agendaEmailStatus: "sent", agendaEmailError: null };
  if (outbox.state === "failed")
    return { agendaEmailStatus: "failed", agendaEmailError: `e-posten kom inte fram (${outbox.lastError ?? "okänt fel"}, ${outbox.attempts} försök)` };
  return {
    agendaEmailStatus: "queued",
    agendaEmailError: outbox.lastError ? `väntar på nytt försök (${outbox.lastError}, ${outbox.attempts} försök hittills)` : null,
  };
}
