/**
 * The agenda of a meeting: items in order with kind, presenter and minutes; proposals that the chair
 * or secretary accepts or declines; follow-ups of open action items carried over from earlier
 * meetings. Items are withdrawn, never deleted.
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import { getDb, type Db, type Tx } from "#db/client";
import { actionItems, agendaItems, meetingParticipants, meetings, type AgendaItemKind } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { forbidden, notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { notify } from "~/modules/notifications/notifications.server";
import { inAgendaOrder, moveItem, nextPosition } from "./agenda-order";
import type { AgendaItemEditInput, AgendaItemInput } from "./agenda-schemas";
import { actionItemsToCarryOver, FOLLOW_UP_MINUTES, followUpTitle } from "./carry-over";
import { type Meeting, type MeetingContext } from "./meetings.server";
import { meetingLink, meetingNoticeTopic, plannerMembershipIds } from "./meeting-notices.server";
import { agendaEditable, mayHaveKeyFigures, mayPlan, mayPropose } from "./permissions";

export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type Result<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

export function agendaRows(meetingId: number, db: Db | Tx = getDb()): AgendaItemRow[] {
  return db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position), asc(agendaItems.id)).all();
}

export function acceptedItems(meetingId: number, db: Db | Tx = getDb()) {
  return inAgendaOrder(agendaRows(meetingId, db).filter((i) => i.state === "accepted"));
}

export function requireItem(ctx: MeetingContext, itemId: number): AgendaItemRow {
  const item = getDb()
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, ctx.meeting.id)))
    .get();
  if (!item) throw notFound();
  return item;
}

export const notEditable = { ok: false as const, errors: { form: "Dagordningen kan inte ändras när mötet har hållits eller är inställt." } };

export function isActiveParticipant(meetingId: number, participantId: number | null) {
  if (participantId === null) return true;
  return Boolean(
    getDb()
      .select({ id: meetingParticipants.id })
      .from(meetingParticipants)
      .where(and(eq(meetingParticipants.id, participantId), eq(meetingParticipants.meetingId, meetingId), isNull(meetingParticipants.removedAt)))
      .get(),
  );
}

/**
 * Inserts an item: on the agenda at once when the chair or secretary adds it, otherwise as a proposal
 * (and the chair and secretary are told). Shared by ordinary items and case items.
 */
export function insertAgendaItem(
  tx: Tx,
  actor: Actor,
  ctx: MeetingContext,
  values: { kind: AgendaItemKind; title: string; description: string | null; presenterParticipantId: number | null; minutesAllotted: number } & Partial<
    Pick<AgendaItemRow, "youthId" | "caseSections" | "linkedAt" | "linkedByMembershipId">
  >,
) {
  const accepted = mayPlan(ctx.standing);
  const row = tx
    .insert(agendaItems)
    .values({
      meetingId: ctx.meeting.id,
      position: accepted ? nextPosition(acceptedItems(ctx.meeting.id, tx)) : 0,
      state: accepted ? "accepted" : "proposed",
      proposedByMembershipId: actor.membershipId,
      decidedByMembershipId: accepted ? actor.membershipId : null,
      decidedAt: accepted ? new Date().toISOString() : null,
      ...values,
    })
    .returning({ id: agendaItems.id, state: agendaItems.state })
    .get();
  if (!accepted) {
    notify(
      tx,
      plannerMembershipIds(ctx.forum.id).map((membershipId) => ({
        membershipId,
        kind: "item_proposed" as const,
        title: `Förslag till dagordningen: ${ctx.meeting.title}`,
        body: `${actor.displayName} föreslår en punkt.`,
        link: meetingLink(ctx.meeting.id),
        topic: meetingNoticeTopic(ctx.meeting.id, "item_proposed"),
      })),
      { causedBy: actor.membershipId },
    );
  }
  return row;
}

export function addAgendaItem(actor: Actor, ctx: MeetingContext, input: AgendaItemInput): Result<{ id: number; state: string }> {
  if (!mayPropose(ctx.standing)) throw forbidden();
  if (!agendaEditable(ctx.meeting.status)) return notEditable;
  if (input.kind === "key_figures" && !mayHaveKeyFigures(ctx.forum.kind)) {
    return { ok: false, errors: { kind: "Nyckeltal finns på dagordningen för styrgruppen och samverkansforumet." } };
  }
  if (input.kind === "goals" && !mayHaveKeyFigures(ctx.forum.kind)) {
    return { ok: false, errors: { kind: "Mål och handlingsplan finns på dagordningen för styrgruppen och samverkansforumet." } };
  }
  if (!isActiveParticipant(ctx.meeting.id, input.presenterParticipantId))
    return { ok: false, errors: { presenterParticipantId: "Välj en av mötets deltagare." } };
  const row = getDb().transaction((tx) =>
    insertAgendaItem(tx, actor, ctx, {
      kind: input.kind,
      title: input.title,
      description: input.description ?? null,
      presenterParticipantId: input.presenterParticipantId,
      minutesAllotted: input.minutesAllotted,
    }),
  );
  return { ok: true, ...row };
}

export function updateAgendaItem(actor: Actor, ctx: MeetingContext, itemId: number, input: AgendaItemEditInput): Result {
  const item = requireItem(ctx, itemId);
  // The chair and secretary edit any item; a member edits a proposal of their own until it is decided.
  const own = item.state === "proposed" && item.proposedByMembershipId === actor.membershipId;
  if (!mayPlan(ctx.standing) && !own) throw forbidden();
  if (!agendaEditable(ctx.meeting.status)) return notEditable;
  if (item.state !== "accepted" && item.state !== "proposed") return { ok: false, errors: { form: "Punkten är återkallad eller avböjd." } };
  if (!isActiveParticipant(ctx.meeting.id, input.presenterParticipantId))
    return { ok: false, errors: { presenterParticipantId: "Välj en av mötets deltagare." } };
  getDb()
    .update(agendaItems)
    .set({
      title: input.title,
      description: input.description ?? null,
      presenterParticipantId: input.presenterParticipantId,
      minutesAllotted: input.minutesAllotted,
    })
    .where(eq(agendaItems.id, item.id))
    .run();
  return { ok: true };
}

export function moveAgendaItem(actor: Actor, ctx: MeetingContext, itemId: number, direction: "up" | "down"): Result {
  if (!mayPlan(ctx.standing)) throw forbidden();
  if (!agendaEditable(ctx.meeting.status)) return notEditable;
  const item = requireItem(ctx, itemId);
  if (item.state !== "accepted") return { ok: false, errors: { form: "Bara punkter på dagordningen kan flyttas." } };
  const db = getDb();
  db.transaction((tx) => {
    for (const change of moveItem(acceptedItems(ctx.meeting.id, tx), item.id, direction)) {
      tx.update(agendaItems).set({ position: change.position }).where(eq(agendaItems.id, change.id)).run();
    }
  });
  return { ok: true };
}

export function withdrawAgendaItem(actor: Actor, ctx: MeetingContext, itemId: number): Result {
  const item = requireItem(ctx, itemId);
  const own = item.state === "proposed" && item.proposedByMembershipId === actor.membershipId;
  if (!mayPlan(ctx.standing) && !own) throw forbidden();
  if (!agendaEditable(ctx.meeting.status)) return notEditable;
  if (item.state !== "accepted" && item.state !== "proposed") return { ok: false, errors: { form: "Punkten är redan återkallad eller avböjd." } };
  // A withdrawn case item no longer names the youth: the link is dropped with the item.
  getDb()
    .update(agendaItems)
    .set({ state: "withdrawn", withdrawnAt: new Date().toISOString(), withdrawnByMembershipId: actor.membershipId, youthId: null, caseSections: null })
    .where(eq(agendaItems.id, item.id))
    .run();
  return { ok: true };
}

/* ------------------------------------------------------------------ carried-over action items */

/**
 * Puts every open action item of the forum's earlier meetings (from justerade protokoll) on this
 * meeting's agenda as a follow-up, once. Run whenever a meeting not yet held is read or sent.
 */
/** Carries open action items onto every meeting of the forum after `after` that is not yet held. */
export function syncForumFollowUps(forumId: number, after: string) {
  const upcoming = getDb()
    .select()
    .from(meetings)
    .where(and(eq(meetings.forumId, forumId), gt(meetings.startsAt, after), inArray(meetings.status, ["planned", "agenda_sent"])))
    .all();
  for (const meeting of upcoming) syncFollowUps(meeting);
}

export function syncFollowUps(meeting: Meeting) {
  const db = getDb();
  db.transaction((tx) => {
    const candidates = tx
      .select({
        id: actionItems.id,
        status: actionItems.status,
        dueDate: actionItems.dueDate,
        title: actionItems.title,
        ownerMembershipId: actionItems.ownerMembershipId,
        createdByMembershipId: actionItems.createdByMembershipId,
        meetingId: actionItems.meetingId,
        meetingStartsAt: meetings.startsAt,
        meetingStatus: meetings.status,
      })
      .from(actionItems)
      .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
      .where(and(eq(actionItems.forumId, meeting.forumId), eq(actionItems.status, "open"), lt(meetings.startsAt, meeting.startsAt)))
      .all()
      .map((c) => ({ ...c, minutesApproved: c.meetingStatus === "minutes_approved" }));
    if (candidates.length === 0) return;
    const onAgenda = new Set(
      tx
        .select({ id: agendaItems.actionItemId })
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, meeting.id), isNotNull(agendaItems.actionItemId)))
        .all()
        .map((r) => r.id!),
    );
    const toAdd = actionItemsToCarryOver(meeting, candidates, onAgenda);
    if (toAdd.length === 0) return;
    const presenters = new Map(
      tx
        .select({ id: meetingParticipants.id, membershipId: meetingParticipants.membershipId })
        .from(meetingParticipants)
        .where(
          and(
            eq(meetingParticipants.meetingId, meeting.id),
            isNull(meetingParticipants.removedAt),
            inArray(
              meetingParticipants.membershipId,
              toAdd.map((a) => a.ownerMembershipId),
            ),
          ),
        )
        .all()
        .map((p) => [p.membershipId, p.id] as const),
    );
    let position = nextPosition(acceptedItems(meeting.id, tx));
    for (const action of toAdd) {
      tx.insert(agendaItems)
        .values({
          meetingId: meeting.id,
          position: position++,
          kind: "follow_up",
          state: "accepted",
          title: followUpTitle(action.title),
          presenterParticipantId: presenters.get(action.ownerMembershipId) ?? null,
          minutesAllotted: FOLLOW_UP_MINUTES,
          actionItemId: action.id,
          proposedByMembershipId: action.createdByMembershipId,
        })
        .run();
    }
  });
}
