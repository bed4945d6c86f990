import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { emailOutbox } from "./email";
import { memberships, municipalities, organisations } from "./organizations";
import { youths } from "./youth";
import {
  FORUM_KINDS,
  FORUM_ROLES,
  MEETING_RHYTHMS,
  MEETING_STATUSES,
  AGENDA_ITEM_KINDS,
  AGENDA_ITEM_STATES,
  ACTION_ITEM_STATUSES,
  AGENDA_EMAIL_STATUSES,
  ATTENDANCE,
} from "./meetings-values";

export * from "./meetings-values";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * Samverkan meetings (issue 6): forums (styrgrupp, samverkansforum, arbetsgrupp …), their meetings,
 * agendas, minutes and action items. Nothing here is hard-deleted: members and participants end,
 * agenda items are withdrawn or declined, action items are cancelled. Once the minutes of a meeting
 * are approved (justerade), triggers in the migrations refuse any change to the meeting, its agenda
 * and participants, and to the action items it decided (only their status may move on).
 */

export const forums = sqliteTable(
  "forums",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    kind: text("kind", { enum: FORUM_KINDS }).notNull(),
    name: text("name").notNull(),
    purpose: text("purpose").notNull(),
    rhythm: text("rhythm", { enum: MEETING_RHYTHMS }).notNull(),
    // E.g. "tisdagar jämna veckor kl. 13–15".
    rhythmNote: text("rhythm_note"),
    defaultPlace: text("default_place"),
    createdAt: text("created_at").notNull().default(now),
    createdByMembershipId: integer("created_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("forums_municipality_name").on(t.municipalityId, t.name)],
);

/** The organisations a forum brings together; ended, never deleted. */
export const forumOrganisations = sqliteTable(
  "forum_organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    forumId: integer("forum_id")
      .notNull()
      .references(() => forums.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    addedAt: text("added_at").notNull().default(now),
    addedByMembershipId: integer("added_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    endedAt: text("ended_at"),
    endedByMembershipId: integer("ended_by_membership_id").references(() => memberships.id),
  },
  (t) => [
    uniqueIndex("forum_organisations_active")
      .on(t.forumId, t.organisationId)
      .where(sql`ended_at IS NULL`),
  ],
);

/**
 * A member of a forum is a membership (user × organisation × role), not a person: Lena Ström sits
 * in the styrgrupp as a steering member, not as a KAA caseworker, and sees the forum only in that role.
 */
export const forumMembers = sqliteTable(
  "forum_members",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    forumId: integer("forum_id")
      .notNull()
      .references(() => forums.id),
    membershipId: integer("membership_id")
      .notNull()
      .references(() => memberships.id),
    forumRole: text("forum_role", { enum: FORUM_ROLES }).notNull(),
    addedAt: text("added_at").notNull().default(now),
    addedByMembershipId: integer("added_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    endedAt: text("ended_at"),
    endedByMembershipId: integer("ended_by_membership_id").references(() => memberships.id),
  },
  (t) => [
    uniqueIndex("forum_members_active")
      .on(t.forumId, t.membershipId)
      .where(sql`ended_at IS NULL`),
    // "My forums": the forums a membership sits in.
    index("forum_members_membership")
      .on(t.membershipId)
      .where(sql`ended_at IS NULL`),
  ],
);

export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    forumId: integer("forum_id")
      .notNull()
      .references(() => forums.id),
    title: text("title").notNull(),
    // UTC instants; shown in Swedish time.
    startsAt: text("starts_at").notNull(),
    endsAt: text("ends_at").notNull(),
    place: text("place"),
    videoLink: text("video_link"),
    status: text("status", { enum: MEETING_STATUSES }).notNull().default("planned"),
    // Bumped on every change of time or place: the SEQUENCE of the calendar file.
    revision: integer("revision").notNull().default(0),
    createdAt: text("created_at").notNull().default(now),
    createdByMembershipId: integer("created_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    agendaSentAt: text("agenda_sent_at"),
    agendaSentByMembershipId: integer("agenda_sent_by_membership_id").references(() => memberships.id),
    heldMarkedAt: text("held_marked_at"),
    // Minutes: "övrigt", the justerare, and the approval that locks them.
    minutesNote: text("minutes_note"),
    adjusterMembershipId: integer("adjuster_membership_id").references(() => memberships.id),
    minutesApprovedAt: text("minutes_approved_at"),
    minutesApprovedByMembershipId: integer("minutes_approved_by_membership_id").references(() => memberships.id),
    cancelledAt: text("cancelled_at"),
    cancelReason: text("cancel_reason"),
    cancelledByMembershipId: integer("cancelled_by_membership_id").references(() => memberships.id),
  },
  (t) => [
    // The forum's calendar, and "earlier meetings of the forum" for carried-over action items.
    index("meetings_forum").on(t.forumId, t.startsAt),
    // Case items are re-checked on meetings not yet held.
    index("meetings_status").on(t.status, t.startsAt),
    check("meetings_ends_after_start", sql`ends_at > starts_at`),
  ],
);

/**
 * Who takes part: a forum member, a portal user invited as a guest (membership set, is_guest), or a
 * person outside the portal (guest name, with an organisation in the portal or one typed by hand).
 * The organisations of the participants decide whether a case item may name a youth.
 */
export const meetingParticipants = sqliteTable(
  "meeting_participants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    membershipId: integer("membership_id").references(() => memberships.id),
    isGuest: integer("is_guest", { mode: "boolean" }).notNull().default(false),
    guestName: text("guest_name"),
    guestOrganisationId: integer("guest_organisation_id").references(() => organisations.id),
    guestOrganisationName: text("guest_organisation_name"),
    guestEmail: text("guest_email"),
    addedAt: text("added_at").notNull().default(now),
    addedByMembershipId: integer("added_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    removedAt: text("removed_at"),
    removedByMembershipId: integer("removed_by_membership_id").references(() => memberships.id),
    attendance: text("attendance", { enum: ATTENDANCE }),
    agendaEmailStatus: text("agenda_email_status", { enum: AGENDA_EMAIL_STATUSES }),
    agendaEmailError: text("agenda_email_error"),
    agendaEmailedAt: text("agenda_emailed_at"),
    // The agenda e-mail in the outbox: its delivery state is the participant's e-mail status.
    agendaOutboxId: integer("agenda_outbox_id").references(() => emailOutbox.id),
  },
  (t) => [
    index("meeting_participants_meeting").on(t.meetingId),
    // A guest opens the meetings they were invited to.
    index("meeting_participants_membership")
      .on(t.membershipId)
      .where(sql`removed_at IS NULL`),
    uniqueIndex("meeting_participants_active")
      .on(t.meetingId, t.membershipId)
      .where(sql`removed_at IS NULL AND membership_id IS NOT NULL`),
    check("meeting_participants_who", sql`membership_id IS NOT NULL OR guest_name IS NOT NULL`),
  ],
);

export const agendaItems = sqliteTable(
  "agenda_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    // Order among the accepted items; proposals get one when accepted.
    position: integer("position").notNull(),
    kind: text("kind", { enum: AGENDA_ITEM_KINDS }).notNull(),
    state: text("state", { enum: AGENDA_ITEM_STATES }).notNull(),
    title: text("title").notNull(),
    // Shown to every participant: for a case item it must hold no personal data.
    description: text("description"),
    presenterParticipantId: integer("presenter_participant_id").references(() => meetingParticipants.id),
    minutesAllotted: integer("minutes_allotted").notNull(),
    // A case item linked to a youth: which sections it shows. Null once anonymised.
    youthId: text("youth_id").references(() => youths.id),
    caseSections: text("case_sections"),
    linkedAt: text("linked_at"),
    linkedByMembershipId: integer("linked_by_membership_id").references(() => memberships.id),
    // Set when a link is removed (consent withdrawn or no longer covering every participant).
    anonymisedAt: text("anonymised_at"),
    anonymisedReason: text("anonymised_reason"),
    // A follow-up item carries an open action item of an earlier meeting.
    actionItemId: integer("action_item_id").references((): AnySQLiteColumn => actionItems.id),
    // Key figures: frozen as JSON when the agenda is sent, never recomputed.
    keyFigures: text("key_figures"),
    keyFiguresFrozenAt: text("key_figures_frozen_at"),
    // The minutes of this item.
    minutesNotes: text("minutes_notes"),
    minutesDecision: text("minutes_decision"),
    proposedByMembershipId: integer("proposed_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    createdAt: text("created_at").notNull().default(now),
    decidedByMembershipId: integer("decided_by_membership_id").references(() => memberships.id),
    decidedAt: text("decided_at"),
    declineReason: text("decline_reason"),
    withdrawnAt: text("withdrawn_at"),
    withdrawnByMembershipId: integer("withdrawn_by_membership_id").references(() => memberships.id),
  },
  (t) => [
    index("agenda_items_meeting").on(t.meetingId, t.position),
    // Every case item naming a youth, for re-checking right after a consent is withdrawn.
    index("agenda_items_youth")
      .on(t.youthId)
      .where(sql`youth_id IS NOT NULL`),
    index("agenda_items_action_item")
      .on(t.actionItemId)
      .where(sql`action_item_id IS NOT NULL`),
    check("agenda_items_minutes", sql`minutes_allotted BETWEEN 0 AND 600`),
    check("agenda_items_case_link", sql`youth_id IS NULL OR (kind = 'case' AND case_sections IS NOT NULL)`),
  ],
);

/** Åtgärdspunkter decided in the minutes of a meeting; open until done, carried to the next meetings. */
export const actionItems = sqliteTable(
  "action_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    forumId: integer("forum_id")
      .notNull()
      .references(() => forums.id),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    agendaItemId: integer("agenda_item_id").references((): AnySQLiteColumn => agendaItems.id),
    title: text("title").notNull(),
    ownerMembershipId: integer("owner_membership_id")
      .notNull()
      .references(() => memberships.id),
    dueDate: text("due_date").notNull(),
    status: text("status", { enum: ACTION_ITEM_STATUSES }).notNull().default("open"),
    createdAt: text("created_at").notNull().default(now),
    createdByMembershipId: integer("created_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    completedAt: text("completed_at"),
    completedByMembershipId: integer("completed_by_membership_id").references(() => memberships.id),
    completedInMeetingId: integer("completed_in_meeting_id").references(() => meetings.id),
  },
  (t) => [
    // The owner's worklist and start page.
    index("action_items_owner").on(t.ownerMembershipId, t.status, t.dueDate),
    // Open items of a forum, carried over to its next meeting.
    index("action_items_forum").on(t.forumId, t.status),
    index("action_items_meeting").on(t.meetingId),
  ],
);
