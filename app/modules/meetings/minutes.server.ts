/**
 * Minutes (protokoll): notes and decisions per agenda item, attendance, action items, and the
 * justerare's approval that locks them. After approval nothing of the meeting changes, here or in
 * the database (triggers in 0010_meetings_locked_minutes.sql).
 */
import { and, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { actionItems, agendaItems, meetingParticipants, meetings } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { forbidden, notFound } from "~/lib/http";
import { todayIso } from "~/lib/dates";
import type { Actor } from "~/modules/auth/actor.server";
import { notify } from "~/modules/notifications/notifications.server";
import { acceptedItems, syncForumFollowUps } from "./agenda.server";
import { forumMembersOf } from "./forums.server";
import { participantsOf, type MeetingContext } from "./meetings.server";
import { actionItemTopic, meetingLink, meetingNoticeTopic, participantMembershipIds } from "./meeting-notices.server";
import type { ActionItemInput, MinutesInput } from "./minutes-schemas";
import { mayMarkHeld, mayPlan, minutesEditable } from "./permissions";
import { utcToStockholm } from "./time";

type Result = { ok: true } | { ok: false; errors: FieldErrors };

export const LOCKED_MESSAGE = "Protokollet är justerat och kan inte ändras.";

function assertWritable(ctx: MeetingContext): Result | null {
  if (!mayPlan(ctx.standing)) throw forbidden();
  if (ctx.meeting.status === "minutes_approved") return { ok: false, errors: { form: LOCKED_MESSAGE } };
  if (!minutesEditable(ctx.meeting.status)) return { ok: false, errors: { form: "Markera först att mötet har hållits." } };
  return null;
}

/** Starts the minutes: the meeting was held (not before its date). */
export function markHeld(actor: Actor, ctx: MeetingContext, today = todayIso()): Result {
  if (!mayPlan(ctx.standing)) throw forbidden();
  if (!mayMarkHeld(ctx.meeting.status, utcToStockholm(ctx.meeting.startsAt).date, today)) {
    return { ok: false, errors: { form: "Mötet kan markeras som hållet från och med mötesdagen, om det inte är inställt eller redan hållet." } };
  }
  getDb().update(meetings).set({ status: "held", heldMarkedAt: new Date().toISOString() }).where(eq(meetings.id, ctx.meeting.id)).run();
  return { ok: true };
}

export function saveMinutes(actor: Actor, ctx: MeetingContext, input: MinutesInput): Result {
  const blocked = assertWritable(ctx);
  if (blocked) return blocked;
  const items = new Set(acceptedItems(ctx.meeting.id).map((i) => i.id));
  const participants = participantsOf(ctx.meeting.id, ctx.forum.id);
  const present = new Set(input.present);
  if (input.adjusterMembershipId !== null) {
    const adjuster = participants.find((p) => p.membershipId === input.adjusterMembershipId);
    if (!adjuster) return { ok: false, errors: { adjusterMembershipId: "Välj justerare bland mötets deltagare." } };
    if (!present.has(adjuster.id)) return { ok: false, errors: { adjusterMembershipId: "Justeraren ska ha varit närvarande vid mötet." } };
  }
  getDb().transaction((tx) => {
    for (const item of input.items) {
      if (!items.has(item.id)) continue;
      tx.update(agendaItems)
        .set({ minutesNotes: item.notes ?? null, minutesDecision: item.decision ?? null })
        .where(eq(agendaItems.id, item.id))
        .run();
    }
    for (const p of participants) {
      tx.update(meetingParticipants)
        .set({ attendance: present.has(p.id) ? "present" : "absent" })
        .where(eq(meetingParticipants.id, p.id))
        .run();
    }
    tx.update(meetings)
      .set({ minutesNote: input.minutesNote ?? null, adjusterMembershipId: input.adjusterMembershipId })
      .where(eq(meetings.id, ctx.meeting.id))
      .run();
    // The justerare may approve from the moment they are named: that is when they are asked to, once.
    const named = input.adjusterMembershipId;
    if (named !== null && named !== ctx.meeting.adjusterMembershipId && named !== actor.membershipId) {
      notify(
        tx,
        [
          {
            membershipId: named,
            kind: "minutes_awaiting_approval",
            title: `Protokoll att justera: ${ctx.meeting.title}`,
            body: "Du är utsedd till justerare. Läs protokollet och justera det i portalen.",
            link: `${meetingLink(ctx.meeting.id)}/protokoll`,
            topic: meetingNoticeTopic(ctx.meeting.id, "minutes_awaiting_approval"),
          },
        ],
        { causedBy: actor.membershipId },
      );
    }
  });
  return { ok: true };
}

/** Who can own an action item: the forum's members and the meeting's invited portal users. */
export function actionOwnerCandidates(ctx: MeetingContext) {
  const owners = new Map<number, string>();
  for (const m of forumMembersOf(ctx.forum.id)) owners.set(m.membershipId, `${m.displayName} (${m.organisationName})`);
  for (const p of participantsOf(ctx.meeting.id, ctx.forum.id))
    if (p.membershipId !== null && !owners.has(p.membershipId)) owners.set(p.membershipId, `${p.name} (${p.organisationName})`);
  return [...owners].map(([membershipId, label]) => ({ membershipId, label })).sort((a, b) => a.label.localeCompare(b.label, "sv"));
}

export function addActionItem(actor: Actor, ctx: MeetingContext, input: ActionItemInput): Result {
  const blocked = assertWritable(ctx);
  if (blocked) return blocked;
  if (!actionOwnerCandidates(ctx).some((o) => o.membershipId === input.actionOwnerMembershipId)) {
    return { ok: false, errors: { actionOwnerMembershipId: "Välj en av forumets medlemmar eller mötets deltagare." } };
  }
  if (input.actionDueDate < utcToStockholm(ctx.meeting.startsAt).date) return { ok: false, errors: { actionDueDate: "Datumet kan inte ligga före mötet." } };
  if (input.actionAgendaItemId !== null && !acceptedItems(ctx.meeting.id).some((i) => i.id === input.actionAgendaItemId)) {
    return { ok: false, errors: { actionAgendaItemId: "Välj en punkt på dagordningen." } };
  }
  getDb()
    .insert(actionItems)
    .values({
      forumId: ctx.forum.id,
      meetingId: ctx.meeting.id,
      agendaItemId: input.actionAgendaItemId,
      title: input.actionTitle,
      ownerMembershipId: input.actionOwnerMembershipId,
      dueDate: input.actionDueDate,
      createdByMembershipId: actor.membershipId,
    })
    .run();
  return { ok: true };
}

/** Strikes out an action item from draft minutes (kept, marked struck). */
export function cancelActionItem(actor: Actor, ctx: MeetingContext, actionItemId: number): Result {
  const blocked = assertWritable(ctx);
  if (blocked) return blocked;
  const row = getDb()
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.id, actionItemId), eq(actionItems.meetingId, ctx.meeting.id)))
    .get();
  if (!row) throw notFound();
  getDb().update(actionItems).set({ status: "cancelled" }).where(eq(actionItems.id, row.id)).run();
  return { ok: true };
}

/**
 * The named justerare approves the minutes. From then on the minutes are locked, and their open
 * action items go to their owners and to the forum's next meetings.
 */
export function approveMinutes(actor: Actor, ctx: MeetingContext): Result {
  if (ctx.meeting.status === "minutes_approved") return { ok: false, errors: { form: LOCKED_MESSAGE } };
  if (ctx.meeting.status !== "held") return { ok: false, errors: { form: "Protokollet kan justeras när mötet har hållits." } };
  if (ctx.meeting.adjusterMembershipId === null) return { ok: false, errors: { form: "Sekreteraren har inte utsett någon justerare." } };
  if (ctx.meeting.adjusterMembershipId !== actor.membershipId) throw forbidden("Bara den utsedda justeraren kan justera protokollet.");
  const db = getDb();
  const open = db
    .select({ id: actionItems.id, ownerMembershipId: actionItems.ownerMembershipId, title: actionItems.title })
    .from(actionItems)
    .where(and(eq(actionItems.meetingId, ctx.meeting.id), eq(actionItems.status, "open")))
    .all();
  db.transaction((tx) => {
    tx.update(meetings)
      .set({ status: "minutes_approved", minutesApprovedAt: new Date().toISOString(), minutesApprovedByMembershipId: actor.membershipId })
      .where(eq(meetings.id, ctx.meeting.id))
      .run();
    notify(
      tx,
      [
        ...participantMembershipIds(ctx.meeting.id).map((membershipId) => ({
          membershipId,
          kind: "minutes_approved" as const,
          title: `Protokollet är justerat: ${ctx.meeting.title}`,
          link: meetingLink(ctx.meeting.id),
          topic: meetingNoticeTopic(ctx.meeting.id, "minutes_approved"),
        })),
        ...open.map((a) => ({
          membershipId: a.ownerMembershipId,
          kind: "action_item_assigned" as const,
          // The item's own words stay in the minutes: they may name a youth, and notices may go by e-mail.
          title: `Ny åtgärdspunkt från ${ctx.meeting.title}`,
          body: "Du är ansvarig för en åtgärdspunkt i det justerade protokollet.",
          link: meetingLink(ctx.meeting.id),
          topic: actionItemTopic(a.id),
        })),
      ],
      { causedBy: actor.membershipId },
    );
  });
  // Its open action items go onto the forum's coming agendas now, not when someone next reads them.
  syncForumFollowUps(ctx.forum.id, ctx.meeting.startsAt);
  return { ok: true };
}
