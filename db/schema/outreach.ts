import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { notices } from "./notices";
import { memberships, municipalities, organisations } from "./organizations";
import { youths } from "./youth";
import {
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  CONTACT_TARGETS,
  ENROLLMENT_END_REASONS,
  ENROLLMENT_START_REASONS,
  ENROLLMENT_STATUSES,
  LAST_SCHOOL_OCCUPATIONS,
  OCCUPATIONS,
  OFFSET_UNITS,
  REGISTRATION_REASONS,
} from "./outreach-values";

export * from "./outreach-values";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** A period in the register (inskrivning). A youth has at most one open at a time. */
export const enrollments = sqliteTable(
  "enrollments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    youthId: text("youth_id")
      .notNull()
      .references(() => youths.id),
    // The youth's home municipality, repeated so the worklist is one indexed query.
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    startDate: text("start_date").notNull(),
    startReason: text("start_reason", { enum: ENROLLMENT_START_REASONS }).notNull(),
    // SCB block 1: why the youth is in the target group, and what the youth last did at school.
    registrationReason: text("registration_reason", { enum: REGISTRATION_REASONS }).notNull().default("unknown"),
    lastSchoolOccupation: text("last_school_occupation", { enum: LAST_SCHOOL_OCCUPATIONS }).notNull().default("unknown"),
    sourceNoticeId: integer("source_notice_id").references(() => notices.id),
    status: text("status", { enum: ENROLLMENT_STATUSES }).notNull().default("not_contacted"),
    caseworkerMembershipId: integer("caseworker_membership_id").references(() => memberships.id),
    watchUntil: text("watch_until"),
    endDate: text("end_date"),
    endReason: text("end_reason", { enum: ENROLLMENT_END_REASONS }),
    endNote: text("end_note"),
    // What the youth does when the enrollment closes (asked at closing; follow-up for the styrgrupp).
    endOccupation: text("end_occupation", { enum: OCCUPATIONS }),
    endedByMembershipId: integer("ended_by_membership_id").references(() => memberships.id),
    createdByMembershipId: integer("created_by_membership_id").references(() => memberships.id),
    createdAt: text("created_at").notNull().default(now),
    // The next step of the contact routine while the youth is not yet reached, kept by every write that
    // changes it and by the status job (outreach/next-step.server.ts), so the worklist reads it by index
    // instead of running the routine over every enrollment.
    nextStepDue: text("next_step_due"),
    nextStepIndex: integer("next_step_index"),
    nextStepMissingGuardian: integer("next_step_missing_guardian", { mode: "boolean" }),
  },
  (t) => [
    uniqueIndex("enrollments_one_open")
      .on(t.youthId)
      .where(sql`end_date IS NULL`),
    index("enrollments_youth").on(t.youthId, t.startDate),
    index("enrollments_worklist").on(t.municipalityId, t.endDate, t.status, t.caseworkerMembershipId),
    index("enrollments_next_step")
      .on(t.municipalityId, t.nextStepDue)
      .where(sql`end_date IS NULL AND next_step_due IS NOT NULL`),
    index("enrollments_open_status_start")
      .on(t.municipalityId, t.status, t.startDate)
      .where(sql`end_date IS NULL`),
    index("enrollments_open_watch")
      .on(t.municipalityId, t.watchUntil)
      .where(sql`end_date IS NULL AND status = 'watch'`),
    // The documentation list (documentation-report.server.ts): contacted open enrollments by start date.
    index("enrollments_contacted_start")
      .on(t.municipalityId, t.startDate)
      .where(sql`end_date IS NULL AND status != 'not_contacted'`),
    index("enrollments_caseworker_contacted_start")
      .on(t.caseworkerMembershipId, t.startDate)
      .where(sql`end_date IS NULL AND status != 'not_contacted'`),
    // One caseworker's worklist (worklist.server.ts reads these, not the unit's, for a caseworker).
    index("enrollments_caseworker").on(t.caseworkerMembershipId, t.endDate),
    index("enrollments_caseworker_next_step")
      .on(t.caseworkerMembershipId, t.nextStepDue)
      .where(sql`end_date IS NULL AND next_step_due IS NOT NULL`),
    index("enrollments_caseworker_open")
      .on(t.caseworkerMembershipId, t.status, t.startDate)
      .where(sql`end_date IS NULL`),
    index("enrollments_caseworker_watch")
      .on(t.caseworkerMembershipId, t.watchUntil)
      .where(sql`end_date IS NULL AND status = 'watch'`),
  ],
);

/** A contact attempt (kontaktförsök) in the outreach work. */
export const contactAttempts = sqliteTable(
  "contact_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    enrollmentId: integer("enrollment_id")
      .notNull()
      .references(() => enrollments.id),
    youthId: text("youth_id")
      .notNull()
      .references(() => youths.id),
    channel: text("channel", { enum: CONTACT_CHANNELS }).notNull(),
    target: text("target", { enum: CONTACT_TARGETS }).notNull().default("youth"),
    date: text("date").notNull(),
    outcome: text("outcome", { enum: CONTACT_OUTCOMES }).notNull(),
    occupation: text("occupation", { enum: OCCUPATIONS }),
    occupationNote: text("occupation_note"),
    // A home visit is always made by two staff (domain.md); the second is recorded by name.
    secondStaff: text("second_staff"),
    letterTemplate: text("letter_template"),
    note: text("note"),
    recordedByMembershipId: integer("recorded_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("contact_attempts_enrollment").on(t.enrollmentId, t.date), index("contact_attempts_youth").on(t.youthId, t.date)],
);

/** The municipality's written contact routine: ordered steps, each due some time after the previous. */
export const contactRoutineSteps = sqliteTable(
  "contact_routine_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    // Comma-separated channels; any of them completes the step.
    channels: text("channels").notNull(),
    offsetAmount: integer("offset_amount").notNull(),
    offsetUnit: text("offset_unit", { enum: OFFSET_UNITS }).notNull(),
    updatedAt: text("updated_at").notNull().default(now),
    updatedByMembershipId: integer("updated_by_membership_id").references(() => memberships.id),
  },
  (t) => [uniqueIndex("contact_routine_position").on(t.municipalityId, t.position)],
);

/**
 * The KAA unit's contact details, kept by the samordnare and printed on every letter so that a
 * youth (or a guardian) can answer. One row per KAA unit; no row means nothing filled in yet.
 */
export const unitContactDetails = sqliteTable("unit_contact_details", {
  organisationId: integer("organisation_id")
    .primaryKey()
    .references(() => organisations.id),
  phone: text("phone").notNull(),
  sms: text("sms").notNull(),
  email: text("email").notNull(),
  streetAddress: text("street_address").notNull(),
  postalCode: text("postal_code").notNull(),
  city: text("city").notNull(),
  openingHours: text("opening_hours").notNull(),
  updatedAt: text("updated_at").notNull().default(now),
  updatedByMembershipId: integer("updated_by_membership_id").references(() => memberships.id),
});
