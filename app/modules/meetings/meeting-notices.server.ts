/**
 * Who among a meeting's people is told, and the topics their notices carry. Notices that state when
 * and where the meeting is (the agenda, a move, a cancellation) share the topic `meeting:<id>`, so a
 * move or a cancellation restates them all instead of leaving an old time in someone's meddelanden.
 * Notices that state no time carry `meeting:<id>:<kind>` and are left as they are.
 */
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { getDb, type Db, type Tx } from "#db/client";
import { meetingParticipants, meetings, type NotificationKind } from "#db/schema";
import type { Actor } from "~/modules/auth/actor.server";
import { notify, restateNotices } from "~/modules/notifications/notifications.server";
import { enqueueEmail } from "~/modules/notifications/outbox.server";
import { forumMembersOf } from "./forums.server";
import { formatMeetingTime } from "./time";

type Conn = Db | Tx;
type MeetingRow = typeof meetings.$inferSelect;

export const meetingLink = (meetingId: number) => `/samverkan/moten/${meetingId}`;

/** The topic of the notices that state the meeting's time and place. */
export const meetingTopic = (meetingId: number) => `meeting:${meetingId}`;

/** The topic of a notice about the meeting that states no time (a proposal, the minutes). */
export const meetingNoticeTopic = (meetingId: number, kind: NotificationKind) => `${meetingTopic(meetingId)}:${kind}`;

/** The topic of the notice to an action item's owner. */
export const actionItemTopic = (actionItemId: number) => `action-item:${actionItemId}`;

/** When and where, as the notices say it: "tisdag 3 mars 2026 kl. 13.00–14.30, Stadshuset". */
export function meetingWhen(meeting: Pick<MeetingRow, "startsAt" | "endsAt" | "place">) {
  return `${formatMeetingTime(meeting.startsAt, meeting.endsAt)}${meeting.place ? `, ${meeting.place}` : ""}`;
}

/** Memberships invited to the meeting (they get the in-app notices). */
export function participantMembershipIds(meetingId: number, db: Conn = getDb()): number[] {
  return db
    .select({ id: meetingParticipants.membershipId })
    .from(meetingParticipants)
    .where(and(eq(meetingParticipants.meetingId, meetingId), isNull(meetingParticipants.removedAt)))
    .all()
    .flatMap((r) => (r.id === null ? [] : [r.id]));
}

/** The chair and secretaries, who decide on proposals and are told about changes. */
export function plannerMembershipIds(forumId: number): number[] {
  return forumMembersOf(forumId)
    .filter((m) => m.forumRole === "chair" || m.forumRole === "secretary")
    .map((m) => m.membershipId);
}

/**
 * The meeting was moved (new time or place): every earlier notice stating its time is restated with
 * the new one, and the participants other than the one who moved it are told.
 */
export function tellMeetingMoved(tx: Tx, actor: Actor, moved: MeetingRow) {
  const when = meetingWhen(moved);
  tellGuests(tx, actor, moved, "meeting_moved", `Ny tid eller plats: ${moved.title}`, [`${moved.title} har fått ny tid eller plats.`, "", when]);
  restateNotices(tx, meetingTopic(moved.id), { body: when });
  notify(
    tx,
    participantMembershipIds(moved.id, tx)
      .filter((id) => id !== actor.membershipId)
      .map((membershipId) => ({
        membershipId,
        kind: "meeting_moved" as const,
        title: `Ny tid eller plats: ${moved.title}`,
        body: when,
        link: meetingLink(moved.id),
        topic: meetingTopic(moved.id),
      })),
    { causedBy: actor.membershipId },
  );
}

/** The meeting was cancelled: the notices stating its time say so, and the participants are told why. */
export function tellMeetingCancelled(tx: Tx, actor: Actor, meeting: MeetingRow) {
  restateNotices(tx, meetingTopic(meeting.id), { body: `Mötet är inställt (var ${meetingWhen(meeting)}).` });
  tellGuests(tx, actor, meeting, "meeting_cancelled", `Inställt: ${meeting.title}`, [`${meeting.title} (${meetingWhen(meeting)}) är inställt.`]);
  notify(
    tx,
    participantMembershipIds(meeting.id, tx)
      .filter((id) => id !== actor.membershipId)
      .map((membershipId) => ({
        membershipId,
        kind: "meeting_cancelled" as const,
        title: `Inställt: ${meeting.title}`,
        // The reason is free text and may name someone: it stays on the meeting page, out of e-mail.
        body: "Anledningen står på mötets sida.",
        link: meetingLink(meeting.id),
        topic: meetingTopic(meeting.id),
      })),
    { causedBy: actor.membershipId },
  );
}

/**
 * Guests outside the portal who were e-mailed the agenda have only e-mail: a move or a cancellation
 * reaches them the same way, with the time and place and nothing else (never the reason).
 */
function tellGuests(tx: Tx, actor: Actor, meeting: MeetingRow, kind: NotificationKind, subject: string, lines: string[]) {
  const guests = tx
    .select({ email: meetingParticipants.guestEmail })
    .from(meetingParticipants)
    .where(
      and(
        eq(meetingParticipants.meetingId, meeting.id),
        eq(meetingParticipants.isGuest, true),
        isNull(meetingParticipants.membershipId),
        isNull(meetingParticipants.removedAt),
        isNotNull(meetingParticipants.guestEmail),
        isNotNull(meetingParticipants.agendaOutboxId),
      ),
    )
    .all();
  const text = ["Hej,", "", ...lines, "", "Meddelandet är skickat automatiskt från Samverkansportalen."].join("\n");
  for (const guest of guests) {
    enqueueEmail(tx, { to: guest.email!, subject, text, kind, causedByMembershipId: actor.membershipId, link: meetingLink(meeting.id) });
  }
}
