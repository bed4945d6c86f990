/**
 * Sending the agenda: key figures are frozen, every participant with a portal account gets an in-app
 * notice, and every participant with an address gets an e-mail, put in the outbox in the same
 * transaction and delivered by the delivery run. The agenda counts as sent whatever becomes of the
 * e-mail; each participant's delivery state is shown on the meeting page (queued, sent, failed).
 * The e-mail carries the meeting's title, time, place and a link, never the agenda or youth data.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { agendaItems, meetingParticipants, meetings, memberships, type AgendaEmailStatus } from "#db/schema";
import { forbidden } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import type { MailMessage } from "~/modules/integrations/smtp.server";
import { notify } from "~/modules/notifications/notifications.server";
import { enqueueEmail } from "~/modules/notifications/outbox.server";
import { wantsEmail } from "~/modules/notifications/preferences.server";
import { computeKeyFigures } from "~/modules/statistics/key-figures.server";
import { prepareGoalsFreeze } from "~/modules/steering/agenda-goals.server";
import { acceptedItems } from "./agenda.server";
import { bringUpToDate } from "./meeting-access.server";
import { participantsOf, type MeetingContext, type ParticipantView } from "./meetings.server";
import { meetingLink, meetingTopic, meetingWhen, participantMembershipIds } from "./meeting-notices.server";
import { mayPlan, maySendAgenda } from "./permissions";
import { formatMeetingTime } from "./time";

export type SendReport =
  | {
      ok: true;
      notified: number;
      /** E-mails put in the outbox; the meeting page shows how their delivery goes. */
      queued: number;
      withoutAddress: string[];
      /** Participants who want notices in the portal only. */
      optedOut: string[];
      notConfigured: boolean;
    }
  | { ok: false; errors: { form: string } };

/** The portal's address for links in e-mails. */
export { portalOrigin } from "~/modules/security/origin.server";

/** The e-mail to one participant. Deliberately without the agenda: it leaves the portal. */
export function agendaEmail(
  ctx: Pick<MeetingContext, "meeting" | "forum">,
  participant: { name: string; email: string },
  origin: string,
  resent: boolean,
): MailMessage {
  const m = ctx.meeting;
  const lines = [
    `Hej ${participant.name},`,
    "",
    `${resent ? "Dagordningen är uppdaterad" : "Dagordningen är skickad"} för ${m.title} (${ctx.forum.name}).`,
    "",
    `Tid: ${formatMeetingTime(m.startsAt, m.endsAt)}`,
    ...(m.place ? [`Plats: ${m.place}`] : []),
    ...(m.videoLink ? [`Videolänk: ${m.videoLink}`] : []),
    "",
    "Läs dagordningen i Samverkansportalen (inloggning krävs):",
    `${origin}${meetingLink(m.id)}`,
    "",
    "Meddelandet är skickat automatiskt från Samverkansportalen.",
  ];
  return { to: participant.email, subject: `Dagordning: ${m.title}`, text: lines.join("\n") };
}

/**
 * Puts each participant's agenda e-mail in the outbox (inside the sending transaction) and records
 * per participant what became of it. A portal user who chose the portal only for agendas gets none.
 */
function queueAgendaEmails(tx: Tx, actor: Actor, ctx: MeetingContext, participants: ParticipantView[], origin: string, resent: boolean) {
  const ids = participants.map((p) => p.membershipId).filter((id): id is number => id !== null);
  const userOf = new Map(
    ids.length === 0
      ? []
      : tx
          .select({ id: memberships.id, userId: memberships.userId })
          .from(memberships)
          .where(inArray(memberships.id, ids))
          .all()
          .map((m) => [m.id, m.userId] as const),
  );
  const now = new Date().toISOString();
  const results = participants.map((p) => {
    let status: AgendaEmailStatus;
    let outboxId: number | null = null;
    const userId = p.membershipId !== null ? userOf.get(p.membershipId) : undefined;
    if (!p.email) status = "no_address";
    else if (userId !== undefined && !wantsEmail(tx, userId, "agenda_sent")) status = "opted_out";
    else {
      outboxId = enqueueEmail(tx, {
        ...agendaEmail(ctx, { name: p.name, email: p.email }, origin, resent),
        kind: "agenda_sent",
        causedByMembershipId: actor.membershipId,
        link: meetingLink(ctx.meeting.id),
      });
      status = outboxId === null ? "not_configured" : "queued";
    }
    tx.update(meetingParticipants)
      .set({ agendaEmailStatus: status, agendaEmailError: null, agendaEmailedAt: now, agendaOutboxId: outboxId })
      .where(eq(meetingParticipants.id, p.id))
      .run();
    return { p, status };
  });
  const named = (status: AgendaEmailStatus) => results.filter((r) => r.status === status).map((r) => r.p.name);
  return {
    queued: named("queued").length,
    withoutAddress: named("no_address"),
    optedOut: named("opted_out"),
    notConfigured: results.some((r) => r.status === "not_configured"),
  };
}

/** Sends (or sends again, after changes) the agenda to every participant. */
export async function sendAgenda(actor: Actor, ctx: MeetingContext, origin: string, now = new Date()): Promise<SendReport> {
  if (!mayPlan(ctx.standing)) throw forbidden();
  if (!maySendAgenda(ctx.meeting.status)) return { ok: false, errors: { form: "Dagordningen kan bara skickas innan mötet har hållits." } };
  bringUpToDate(ctx);
  const items = acceptedItems(ctx.meeting.id);
  if (items.length === 0) return { ok: false, errors: { form: "Lägg till minst en punkt innan dagordningen skickas." } };
  const resent = ctx.meeting.status === "agenda_sent";
  const db = getDb();
  const recipients = participantMembershipIds(ctx.meeting.id);
  // Goals and the plan: computed before the write (reading only), stored in it.
  const freezeGoals = prepareGoalsFreeze(
    items.filter((i) => i.kind === "goals").map((i) => i.id),
    ctx.forum.municipalityId,
    now,
  );
  const participants = participantsOf(ctx.meeting.id, ctx.forum.id);
  const email = db.transaction((tx) => {
    freezeGoals?.(tx);
    // Frozen once, when first sent: a later send never recomputes a snapshot already taken.
    const unfrozen = items.filter((i) => i.kind === "key_figures" && i.keyFigures === null).map((i) => i.id);
    if (unfrozen.length > 0) {
      const snapshot = JSON.stringify(computeKeyFigures(ctx.forum.municipalityId, { now, db: tx }));
      tx.update(agendaItems)
        .set({ keyFigures: snapshot, keyFiguresFrozenAt: now.toISOString() })
        .where(and(inArray(agendaItems.id, unfrozen), isNull(agendaItems.keyFigures)))
        .run();
    }
    tx.update(meetings)
      .set({ status: "agenda_sent", agendaSentAt: now.toISOString(), agendaSentByMembershipId: actor.membershipId })
      .where(eq(meetings.id, ctx.meeting.id))
      .run();
    notify(
      tx,
      recipients.map((membershipId) => ({
        membershipId,
        kind: "agenda_sent" as const,
        title: `${resent ? "Uppdaterad dagordning" : "Dagordning"}: ${ctx.meeting.title}`,
        body: meetingWhen(ctx.meeting),
        link: meetingLink(ctx.meeting.id),
        topic: meetingTopic(ctx.meeting.id),
        // The agenda e-mail below is per participant (guests outside the portal too).
        email: false as const,
      })),
    );
    return queueAgendaEmails(tx, actor, ctx, participants, origin, resent);
  });
  return { ok: true, notified: recipients.length, ...email };
}

/** Puts the e-mails that failed for good in the outbox once more (e.g. after an address was corrected). */
export function resendFailedEmails(actor: Actor, ctx: MeetingContext, origin: string): SendReport {
  if (!mayPlan(ctx.standing)) throw forbidden();
  if (ctx.meeting.status !== "agenda_sent") return { ok: false, errors: { form: "Dagordningen är inte skickad." } };
  const failed = participantsOf(ctx.meeting.id, ctx.forum.id).filter((p) => p.agendaEmailStatus === "failed");
  const email = getDb().transaction((tx) => queueAgendaEmails(tx, actor, ctx, failed, origin, true));
  return { ok: true, notified: 0, ...email };
}
