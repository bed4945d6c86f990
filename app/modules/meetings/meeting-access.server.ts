/**
 * Opening a meeting: members of its forum and invited guests may; anyone else gets the same 404 as
 * for a meeting that does not exist. Opening reads only. A meeting not yet held is brought up to date
 * (case items whose consents no longer cover the participants lose their link, open action items of
 * earlier meetings are carried onto its agenda) by the writes that change those things and by the
 * status job, which catches what only the calendar changes (a consent that expires).
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { forums, meetingParticipants, meetings } from "#db/schema";
import { notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { syncFollowUps } from "./agenda.server";
import { recheckMeetingCaseItems } from "./case-item-links.server";
import { standingIn } from "./forums.server";
import type { MeetingContext } from "./meetings.server";
import { consentsRechecked, mayOpenMeeting } from "./permissions";

function loadMeeting(meetingId: number) {
  if (!Number.isSafeInteger(meetingId) || meetingId <= 0) return null;
  const row = getDb()
    .select({ meeting: meetings, forum: forums })
    .from(meetings)
    .innerJoin(forums, eq(forums.id, meetings.forumId))
    .where(eq(meetings.id, meetingId))
    .get();
  return row ?? null;
}

export function isInvited(meetingId: number, membershipId: number) {
  return Boolean(
    getDb()
      .select({ id: meetingParticipants.id })
      .from(meetingParticipants)
      .where(and(eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.membershipId, membershipId), isNull(meetingParticipants.removedAt)))
      .get(),
  );
}

/** Re-checks case items against consents and carries over open action items. */
export function bringUpToDate(ctx: Pick<MeetingContext, "meeting" | "forum">) {
  if (!consentsRechecked(ctx.meeting.status)) return;
  recheckMeetingCaseItems(ctx.meeting.id);
  syncFollowUps(ctx.meeting);
}

/** A meeting just created: it takes up the forum's open action items at once. */
export function bringNewMeetingUpToDate(meetingId: number) {
  const row = loadMeeting(meetingId);
  if (row) bringUpToDate(row);
}

/** The status job's part: every meeting not yet held, brought up to date. Returns the case items unlinked. */
export function bringMeetingsUpToDate(municipalityId?: number) {
  const rows = getDb()
    .select({ meeting: meetings, forum: forums })
    .from(meetings)
    .innerJoin(forums, eq(forums.id, meetings.forumId))
    .where(and(inArray(meetings.status, ["planned", "agenda_sent"]), municipalityId === undefined ? undefined : eq(forums.municipalityId, municipalityId)))
    .all();
  let unlinked = 0;
  for (const row of rows) {
    if (!consentsRechecked(row.meeting.status)) continue;
    unlinked += recheckMeetingCaseItems(row.meeting.id).length;
    syncFollowUps(row.meeting);
  }
  return unlinked;
}

export function requireMeeting(actor: Actor, meetingId: number): MeetingContext {
  const row = loadMeeting(meetingId);
  if (!row) throw notFound();
  const standing = {
    ...standingIn(actor, row.forum),
    isParticipant: isInvited(row.meeting.id, actor.membershipId),
    isAdjuster: row.meeting.adjusterMembershipId === actor.membershipId,
  };
  if (!mayOpenMeeting(standing)) throw notFound();
  return { meeting: row.meeting, forum: row.forum, standing };
}
