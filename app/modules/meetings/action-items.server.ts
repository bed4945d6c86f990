/**
 * Åtgärdspunkter: decided in the minutes, owned by one member, open until done. They count from the
 * moment the minutes are approved: then they appear on the owner's worklist and start page and on
 * the agenda of the forum's next meetings.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { actionItems, forums, meetings, memberships, users } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { forbidden, notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { forumRoleOf } from "./forums.server";

type Result = { ok: true } | { ok: false; errors: FieldErrors };

const approved = eq(meetings.status, "minutes_approved");

/** The actor's open action items from justerade protokoll, earliest due first. */
export function myOpenActionItems(actor: Actor) {
  return getDb()
    .select({
      id: actionItems.id,
      title: actionItems.title,
      dueDate: actionItems.dueDate,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingStartsAt: meetings.startsAt,
      forumName: forums.name,
    })
    .from(actionItems)
    .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .innerJoin(forums, eq(forums.id, actionItems.forumId))
    .where(and(eq(actionItems.ownerMembershipId, actor.membershipId), eq(actionItems.status, "open"), approved))
    .orderBy(asc(actionItems.dueDate), asc(actionItems.id))
    .all();
}

/** A forum's open action items, for its page. */
export function openActionItemsOfForum(forumId: number) {
  return getDb()
    .select({
      id: actionItems.id,
      title: actionItems.title,
      dueDate: actionItems.dueDate,
      ownerName: users.displayName,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
    })
    .from(actionItems)
    .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .innerJoin(memberships, eq(memberships.id, actionItems.ownerMembershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(actionItems.forumId, forumId), eq(actionItems.status, "open"), approved))
    .orderBy(asc(actionItems.dueDate), asc(actionItems.id))
    .all();
}

/** Every action item decided in one meeting (the minutes). */
export function actionItemsOfMeeting(meetingId: number) {
  return getDb()
    .select({
      id: actionItems.id,
      title: actionItems.title,
      dueDate: actionItems.dueDate,
      status: actionItems.status,
      agendaItemId: actionItems.agendaItemId,
      ownerMembershipId: actionItems.ownerMembershipId,
      ownerName: users.displayName,
    })
    .from(actionItems)
    .innerJoin(memberships, eq(memberships.id, actionItems.ownerMembershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(actionItems.meetingId, meetingId))
    .orderBy(asc(actionItems.id))
    .all();
}

/** Action items by id with their owner and origin, for the follow-ups on an agenda. */
export function actionItemsById(ids: readonly number[]) {
  const rows = getDb()
    .select({
      id: actionItems.id,
      title: actionItems.title,
      dueDate: actionItems.dueDate,
      status: actionItems.status,
      completedAt: actionItems.completedAt,
      ownerMembershipId: actionItems.ownerMembershipId,
      ownerName: users.displayName,
      meetingTitle: meetings.title,
      meetingStartsAt: meetings.startsAt,
    })
    .from(actionItems)
    .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .innerJoin(memberships, eq(memberships.id, actionItems.ownerMembershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inArray(actionItems.id, [...ids]))
    .all();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Marks an action item done: its owner may, and so may the forum's chair and secretary (at the
 * meeting that follows it up, `inMeetingId`).
 */
export function completeActionItem(actor: Actor, actionItemId: number, inMeetingId: number | null = null): Result {
  const db = getDb();
  const row = db
    .select({ item: actionItems, meetingStatus: meetings.status })
    .from(actionItems)
    .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .where(eq(actionItems.id, actionItemId))
    .get();
  if (!row || row.meetingStatus !== "minutes_approved") throw notFound();
  const role = forumRoleOf(row.item.forumId, actor.membershipId);
  const isOwner = row.item.ownerMembershipId === actor.membershipId;
  if (!isOwner && role === null) throw notFound();
  if (!isOwner && role !== "chair" && role !== "secretary") throw forbidden();
  if (row.item.status !== "open") return { ok: false, errors: { form: "Åtgärdspunkten är redan klar." } };
  db.update(actionItems)
    .set({ status: "done", completedAt: new Date().toISOString(), completedByMembershipId: actor.membershipId, completedInMeetingId: inMeetingId })
    .where(eq(actionItems.id, actionItemId))
    .run();
  return { ok: true };
}
