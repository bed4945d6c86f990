/**
 * Sending the agenda: key figures are frozen, every participant with a portal account gets an in-app
 * notice, and every participant with an address gets an e-mail. The agenda counts as sent even when
 * e-mail fails; what could not be sent is stored per participant and shown on the meeting page.
 * The e-mail carries the meeting's title, time, place and a link, never the agenda or youth data.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { config } from "~/config.server";
import { agendaItems, meetingParticipants, meetings, type AgendaEmailStatus } from "#db/schema";
import { forbidden } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { sendEmail, type EmailMessage } from "~/modules/integrations/email.server";
import { notify } from "~/modules/notifications/notifications.server";
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
      emailed: number;
      failed: { name: string; email: string; message: string }[];
      withoutAddress: string[];
      notConfigured: boolean;
    }
  | { ok: false; errors: { form: string } };

/** The portal's address for links in e-mails: PUBLIC_ORIGIN behind a proxy, else the request's own. */
export function portalOrigin(request: Request) {
  return config().PUBLIC_ORIGIN?.replace(/\/+$/, "") ?? new URL(request.url).origin;
}

/** The e-mail to one participant. Deliberately without the agenda: it leaves the portal. */
export function agendaEmail(
  ctx: Pick<MeetingContext, "meeting" | "forum">,
  participant: { name: string; email: string },
  origin: string,
  resent: boolean,
): EmailMessage {
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

async function emailParticipants(ctx: MeetingContext, participants: ParticipantView[], origin: string, resent: boolean) {
  const results = await Promise.all(
    participants.map(async (p) => {
      if (!p.email) return { p, status: "no_address" as AgendaEmailStatus, error: null };
      const result = await sendEmail(agendaEmail(ctx, { name: p.name, email: p.email }, origin, resent));
      if (result.ok) return { p, status: "sent" as AgendaEmailStatus, error: null };
      return { p, status: (result.reason === "not_configured" ? "not_configured" : "failed") as AgendaEmailStatus, error: result.message };
    }),
  );
  const db = getDb();
  const now = new Date().toISOString();
  db.transaction((tx) => {
    for (const r of results) {
      tx.update(meetingParticipants)
        .set({ agendaEmailStatus: r.status, agendaEmailError: r.error, agendaEmailedAt: now })
        .where(eq(meetingParticipants.id, r.p.id))
        .run();
    }
  });
  return {
    emailed: results.filter((r) => r.status === "sent").length,
    failed: results.filter((r) => r.status === "failed").map((r) => ({ name: r.p.name, email: r.p.email!, message: r.error ?? "" })),
    withoutAddress: results.filter((r) => r.status === "no_address").map((r) => r.p.name),
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
  db.transaction((tx) => {
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
      })),
    );
  });
  const email = await emailParticipants(ctx, participantsOf(ctx.meeting.id, ctx.forum.id), origin, resent);
  return { ok: true, notified: recipients.length, ...email };
}

/** Tries the e-mails that failed once more. */
export async function resendFailedEmails(actor: Actor, ctx: MeetingContext, origin: string): Promise<SendReport> {
  if (!mayPlan(ctx.standing)) throw forbidden();
  if (ctx.meeting.status !== "agenda_sent") return { ok: false, errors: { form: "Dagordningen är inte skickad." } };
  const failed = participantsOf(ctx.meeting.id, ctx.forum.id).filter((p) => p.agendaEmailStatus === "failed");
  const email = await emailParticipants(ctx, failed, origin, true);
  return { ok: true, notified: 0, ...email };
}
