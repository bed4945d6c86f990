/**
 * Meetings of a forum: planning (date, time, place or video link), participants (members and
 * guests), cancelling, and the forum's calendar.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "#db/client";
import {
  agendaItems,
  emailOutbox,
  forumMembers,
  forums,
  meetingParticipants,
  meetings,
  memberships,
  organisations,
  users,
  type AgendaEmailStatus,
  type ForumRole,
  type MeetingStatus,
} from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { forbidden, notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { tellMeetingCancelled, tellMeetingMoved } from "./meeting-notices.server";
import { activeMembershipsIn, forumMembersOf, organisationsOfMunicipality, requireForum, type Forum } from "./forums.server";
import type { ExternalGuestInput, MeetingInput } from "./meeting-schemas";
import { agendaEditable, mayCancel, mayPlan, type MeetingStanding } from "./permissions";
import { stockholmToUtc } from "./time";
import { agendaEmailState } from "./agenda-email-state";

export type Meeting = typeof meetings.$inferSelect;
export type MeetingContext = { meeting: Meeting; forum: Forum; standing: MeetingStanding };
type Result<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

/* ------------------------------------------------------------------ the calendar */

export function forumCalendar(forumId: number) {
  return getDb()
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      place: meetings.place,
      videoLink: meetings.videoLink,
      status: meetings.status,
    })
    .from(meetings)
    .where(eq(meetings.forumId, forumId))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .all();
}

export function latestMeetingStart(forumId: number): string | null {
  return (
    getDb()
      .select({ startsAt: meetings.startsAt })
      .from(meetings)
      .where(and(eq(meetings.forumId, forumId), ne(meetings.status, "cancelled")))
      .orderBy(desc(meetings.startsAt))
      .limit(1)
      .get()?.startsAt ?? null
  );
}

/** The actor's coming meetings: of the forums the membership sits in, and those it is a guest at. */
export function upcomingMeetingsOf(actor: Actor, now = new Date()) {
  const db = getDb();
  const forumIds = db
    .select({ id: forumMembers.forumId })
    .from(forumMembers)
    .where(and(eq(forumMembers.membershipId, actor.membershipId), isNull(forumMembers.endedAt)));
  const invited = db
    .select({ id: meetingParticipants.meetingId })
    .from(meetingParticipants)
    .where(and(eq(meetingParticipants.membershipId, actor.membershipId), isNull(meetingParticipants.removedAt)));
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, endsAt: meetings.endsAt, status: meetings.status, forumName: forums.name })
    .from(meetings)
    .innerJoin(forums, eq(forums.id, meetings.forumId))
    .where(
      and(or(inArray(meetings.forumId, forumIds), inArray(meetings.id, invited)), gte(meetings.endsAt, now.toISOString()), ne(meetings.status, "cancelled")),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(20)
    .all();
}

/* ------------------------------------------------------------------ participants */

export type ParticipantView = {
  id: number;
  membershipId: number | null;
  name: string;
  organisationName: string;
  role: ForumRole | "guest";
  email: string | null;
  attendance: "present" | "absent" | null;
  agendaEmailStatus: AgendaEmailStatus | null;
  agendaEmailError: string | null;
};

export function participantsOf(meetingId: number, forumId: number): ParticipantView[] {
  const db = getDb();
  const guestOrganisation = alias(organisations, "guest_organisation");
  const rows = db
    .select({
      participant: meetingParticipants,
      displayName: users.displayName,
      username: users.username,
      memberOrganisationName: organisations.name,
      guestOrganisationName: guestOrganisation.name,
      forumRole: forumMembers.forumRole,
      outbox: { state: emailOutbox.state, lastError: emailOutbox.lastError, attempts: emailOutbox.attempts },
    })
    .from(meetingParticipants)
    .leftJoin(memberships, eq(memberships.id, meetingParticipants.membershipId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(guestOrganisation, eq(guestOrganisation.id, meetingParticipants.guestOrganisationId))
    .leftJoin(emailOutbox, eq(emailOutbox.id, meetingParticipants.agendaOutboxId))
    .leftJoin(
      forumMembers,
      and(eq(forumMembers.membershipId, meetingParticipants.membershipId), eq(forumMembers.forumId, forumId), isNull(forumMembers.endedAt)),
    )
    .where(and(eq(meetingParticipants.meetingId, meetingId), isNull(meetingParticipants.removedAt)))
    .all();
  const order = { chair: 0, secretary: 1, member: 2, guest: 3 } as const;
  return rows
    .map(({ participant: p, ...r }) => ({
      id: p.id,
      membershipId: p.membershipId,
      name: r.displayName ?? p.guestName ?? "",
      organisationName: r.memberOrganisationName ?? r.guestOrganisationName ?? p.guestOrganisationName ?? "",
      role: (p.isGuest || r.forumRole === null ? "guest" : r.forumRole) as ParticipantView["role"],
      email: p.membershipId !== null ? r.username : p.guestEmail,
      attendance: p.attendance,
      ...agendaEmailState(p, r.outbox),
    }))
    .sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name, "sv"));
}

/** Portal users who could be invited as guests: in the municipality's organisations, not yet invited. */
export function guestCandidates(meeting: Meeting, forum: Forum) {
  const invited = new Set(participantsOf(meeting.id, forum.id).map((p) => p.membershipId));
  return activeMembershipsIn(organisationsOfMunicipality(forum.municipalityId).map((o) => o.id)).filter((m) => !invited.has(m.membershipId));
}

/* ------------------------------------------------------------------ planning */

function times(input: MeetingInput) {
  return { startsAt: stockholmToUtc(input.date, input.startTime), endsAt: stockholmToUtc(input.date, input.endTime) };
}

export function createMeeting(actor: Actor, forumId: number, input: MeetingInput): Result<{ id: number }> {
  const { forum, standing } = requireForum(actor, forumId);
  if (!mayPlan(standing)) throw forbidden();
  const members = new Map(forumMembersOf(forum.id).map((m) => [m.membershipId, m]));
  const chosen = [...new Set(input.participantIds)];
  if (chosen.length === 0) return { ok: false, errors: { participantIds: "Välj minst en deltagare." } };
  if (chosen.some((id) => !members.has(id)))
    return { ok: false, errors: { participantIds: "Deltagarna väljs bland forumets medlemmar. Gäster bjuds in när mötet är skapat." } };
  const id = getDb().transaction((tx) => {
    const meetingId = tx
      .insert(meetings)
      .values({
        forumId: forum.id,
        title: input.title,
        ...times(input),
        place: input.place ?? null,
        videoLink: input.videoLink ?? null,
        createdByMembershipId: actor.membershipId,
      })
      .returning({ id: meetings.id })
      .get().id;
    tx.insert(meetingParticipants)
      .values(chosen.map((membershipId) => ({ meetingId, membershipId, addedByMembershipId: actor.membershipId })))
      .run();
    return meetingId;
  });
  return { ok: true, id };
}

/** Changes time, place or title; the calendar file's SEQUENCE grows so calendars update the event. */
export function updateMeetingDetails(actor: Actor, ctx: MeetingContext, input: MeetingInput): Result {
  if (!mayPlan(ctx.standing)) throw forbidden();
  if (!agendaEditable(ctx.meeting.status)) return { ok: false, errors: { form: "Mötet har redan hållits eller är inställt och kan inte ändras." } };
  const before = ctx.meeting;
  getDb().transaction((tx) => {
    const after = tx
      .update(meetings)
      .set({ title: input.title, ...times(input), place: input.place ?? null, videoLink: input.videoLink ?? null, revision: before.revision + 1 })
      .where(eq(meetings.id, before.id))
      .returning()
      .get();
    // A new title alone moves nothing; a new time, place or link is news to everyone invited.
    const moved = (["startsAt", "endsAt", "place", "videoLink"] as const).some((k) => after[k] !== before[k]);
    if (moved) tellMeetingMoved(tx, actor, after);
  });
  return { ok: true };
}

function assertParticipantsEditable(ctx: MeetingContext) {
  if (!mayPlan(ctx.standing)) throw forbidden();
  if (!agendaEditable(ctx.meeting.status))
    return { ok: false as const, errors: { form: "Deltagarna kan inte ändras när mötet har hållits eller är inställt." } };
  return null;
}

/** Invites a forum member who was left out, or another portal user as a guest. */
export function addPortalParticipant(actor: Actor, ctx: MeetingContext, membershipId: number): Result {
  const blocked = assertParticipantsEditable(ctx);
  if (blocked) return blocked;
  if (!guestCandidates(ctx.meeting, ctx.forum).some((c) => c.membershipId === membershipId)) {
    return { ok: false, errors: { guestMembershipId: "Välj en person i kommunen som inte redan är inbjuden." } };
  }
  const isMember = forumMembersOf(ctx.forum.id).some((m) => m.membershipId === membershipId);
  getDb().insert(meetingParticipants).values({ meetingId: ctx.meeting.id, membershipId, isGuest: !isMember, addedByMembershipId: actor.membershipId }).run();
  return { ok: true };
}

export function addExternalGuest(actor: Actor, ctx: MeetingContext, input: ExternalGuestInput): Result {
  const blocked = assertParticipantsEditable(ctx);
  if (blocked) return blocked;
  if (input.guestOrganisationId && !organisationsOfMunicipality(ctx.forum.municipalityId).some((o) => o.id === input.guestOrganisationId)) {
    return { ok: false, errors: { guestOrganisationId: "Välj en organisation i listan." } };
  }
  getDb()
    .insert(meetingParticipants)
    .values({
      meetingId: ctx.meeting.id,
      isGuest: true,
      guestName: input.guestName,
      guestOrganisationId: input.guestOrganisationId,
      guestOrganisationName: input.guestOrganisationId ? null : (input.guestOrganisationName ?? null),
      guestEmail: input.guestEmail ?? null,
      addedByMembershipId: actor.membershipId,
    })
    .run();
  return { ok: true };
}

export function removeParticipant(actor: Actor, ctx: MeetingContext, participantId: number): Result {
  const blocked = assertParticipantsEditable(ctx);
  if (blocked) return blocked;
  const row = getDb()
    .select({ id: meetingParticipants.id })
    .from(meetingParticipants)
    .where(and(eq(meetingParticipants.id, participantId), eq(meetingParticipants.meetingId, ctx.meeting.id), isNull(meetingParticipants.removedAt)))
    .get();
  if (!row) throw notFound();
  getDb()
    .update(meetingParticipants)
    .set({ removedAt: new Date().toISOString(), removedByMembershipId: actor.membershipId })
    .where(eq(meetingParticipants.id, row.id))
    .run();
  return { ok: true };
}

export function cancelMeeting(actor: Actor, ctx: MeetingContext, reason: string): Result {
  if (!mayPlan(ctx.standing)) throw forbidden();
  if (!mayCancel(ctx.meeting.status)) return { ok: false, errors: { form: "Bara ett möte som inte har hållits kan ställas in." } };
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    tx.update(meetings)
      .set({
        status: "cancelled" satisfies MeetingStatus,
        cancelledAt: now,
        cancelReason: reason,
        cancelledByMembershipId: actor.membershipId,
        revision: ctx.meeting.revision + 1,
      })
      .where(eq(meetings.id, ctx.meeting.id))
      .run();
    // A meeting that will not be held needs no youth named on it.
    tx.update(agendaItems)
      .set({ youthId: null, caseSections: null, anonymisedAt: now, anonymisedReason: "Mötet ställdes in och kopplingen till ungdomen togs bort." })
      .where(and(eq(agendaItems.meetingId, ctx.meeting.id), isNotNull(agendaItems.youthId)))
      .run();
    tellMeetingCancelled(tx, actor, ctx.meeting);
  });
  return { ok: true };
}
