import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { memberships, municipalities, organisations, users } from "./organizations";
import { enrollments, OCCUPATIONS } from "./outreach";
import { youths } from "./youth";
import {
  DOCUMENTATION_ENTITIES,
  EVALUATION_OUTCOMES,
  INTERVENTION_END_REASONS,
  RESPONSIBLE_PARTIES,
  SCB_INTERVENTION_TYPES,
  STUDIEBEVIS_STATES,
  YOUTH_RATINGS,
} from "./plan-values";

export * from "./plan-values";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * Documentation of the KAA work with one youth (issue 4): kartläggning, individuell plan,
 * insatser with follow-ups and evaluation. Everything hangs off an enrollment (inskrivning), so a
 * new period in the register starts a new assessment and plan.
 * Förordning 2006:39 limits what the register may hold: free-text fields are short and each has
 * one stated purpose; nothing here is meant for health, ethnicity or other sensitive data.
 */

/** The municipality's catalogue of intervention types (insatstyper), kept by the samordnare. */
export const interventionTypes = sqliteTable(
  "intervention_types",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    // Types are retired, never deleted: old interventions keep their type.
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    // The SCB kind of åtgärd (block 3), set once by the samordnare; null until then.
    scbType: text("scb_type", { enum: SCB_INTERVENTION_TYPES }),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("intervention_types_name").on(t.municipalityId, t.name), index("intervention_types_position").on(t.municipalityId, t.position)],
);

/** Kartläggning: one per enrollment, changed in place with every change in `documentation_revisions`. */
export const assessments = sqliteTable(
  "assessments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    enrollmentId: integer("enrollment_id")
      .notNull()
      .references(() => enrollments.id),
    youthId: text("youth_id")
      .notNull()
      .references(() => youths.id),
    date: text("date").notNull(),
    occupation: text("occupation", { enum: OCCUPATIONS }).notNull(),
    occupationNote: text("occupation_note"),
    // School background: completed grades (e.g. "åk 9, gymnasiet åk 1"), studiebevis, IM history.
    completedGrades: text("completed_grades"),
    studiebevis: text("studiebevis", { enum: STUDIEBEVIS_STATES }).notNull().default("unknown"),
    imHistory: text("im_history"),
    prerequisites: text("prerequisites"),
    needs: text("needs"),
    youthWishes: text("youth_wishes"),
    youthTookPart: integer("youth_took_part", { mode: "boolean" }).notNull().default(false),
    guardianTookPart: integer("guardian_took_part", { mode: "boolean" }).notNull().default(false),
    otherParticipants: text("other_participants"),
    updatedAt: text("updated_at").notNull().default(now),
    updatedByMembershipId: integer("updated_by_membership_id")
      .notNull()
      .references(() => memberships.id),
  },
  (t) => [uniqueIndex("assessments_enrollment").on(t.enrollmentId)],
);

/** Individuell plan: one per enrollment. */
export const plans = sqliteTable(
  "plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    enrollmentId: integer("enrollment_id")
      .notNull()
      .references(() => enrollments.id),
    youthId: text("youth_id")
      .notNull()
      .references(() => youths.id),
    goal: text("goal").notNull(),
    // The plan is made together with the youth: recorded with date and the youth's own comment.
    madeWithYouth: integer("made_with_youth", { mode: "boolean" }).notNull().default(false),
    madeWithYouthDate: text("made_with_youth_date"),
    youthComment: text("youth_comment"),
    // "Not relevant" for a responsible party, with the reason, documents points 2–4 without an insats.
    noYouthInterventionsReason: text("no_youth_interventions_reason"),
    noMunicipalityInterventionsReason: text("no_municipality_interventions_reason"),
    noOtherActorInterventionsReason: text("no_other_actor_interventions_reason"),
    updatedAt: text("updated_at").notNull().default(now),
    updatedByMembershipId: integer("updated_by_membership_id")
      .notNull()
      .references(() => memberships.id),
  },
  (t) => [uniqueIndex("plans_enrollment").on(t.enrollmentId)],
);

/** An insats in the plan. Ending one requires an end reason and an evaluation (enforced on the server). */
export const interventions = sqliteTable(
  "interventions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    enrollmentId: integer("enrollment_id")
      .notNull()
      .references(() => enrollments.id),
    youthId: text("youth_id")
      .notNull()
      .references(() => youths.id),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    typeId: integer("type_id")
      .notNull()
      .references(() => interventionTypes.id),
    description: text("description"),
    responsibleParty: text("responsible_party", { enum: RESPONSIBLE_PARTIES }).notNull(),
    // For the municipality: which unit (e.g. "KAA-enheten", "Vuxenutbildningen").
    responsibleUnit: text("responsible_unit"),
    // For another actor: an organisation in the portal, or a named one outside it (e.g. BUP).
    responsibleOrganisationId: integer("responsible_organisation_id").references(() => organisations.id),
    responsibleOrganisationName: text("responsible_organisation_name"),
    provider: text("provider"),
    startDate: text("start_date").notNull(),
    plannedEndDate: text("planned_end_date").notNull(),
    // A youth who declines an offered intervention: recorded, never started.
    declinedDate: text("declined_date"),
    declinedNote: text("declined_note"),
    endDate: text("end_date"),
    endReason: text("end_reason", { enum: INTERVENTION_END_REASONS }),
    evaluationOutcome: text("evaluation_outcome", { enum: EVALUATION_OUTCOMES }),
    evaluationText: text("evaluation_text"),
    // SCB block 4: what the youth does after the åtgärd (asked when it ends; null while open).
    occupationAfter: text("occupation_after", { enum: OCCUPATIONS }),
    // Set when the intervention was taken on by the recipient of a referral (issue 5).
    referralId: integer("referral_id"),
    createdAt: text("created_at").notNull().default(now),
    createdByMembershipId: integer("created_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    updatedAt: text("updated_at").notNull().default(now),
    updatedByMembershipId: integer("updated_by_membership_id")
      .notNull()
      .references(() => memberships.id),
  },
  (t) => [
    index("interventions_enrollment").on(t.enrollmentId, t.startDate),
    // The follow-up: interventions running or ended in a period, per municipality.
    index("interventions_municipality_start").on(t.municipalityId, t.startDate),
    // Covering, so that a period's running and ended interventions are counted from the index alone.
    index("interventions_municipality_end")
      .on(t.municipalityId, t.endDate, t.startDate, t.declinedDate, t.youthId, t.typeId, t.responsibleParty, t.evaluationOutcome)
      .where(sql`end_date IS NOT NULL`),
    // The follow-up: the interventions running now (the work in progress), covering like the one above.
    index("interventions_running")
      .on(t.municipalityId, t.startDate, t.youthId, t.typeId, t.responsibleParty)
      .where(sql`end_date IS NULL AND declined_date IS NULL`),
    // Worklist: open interventions past their planned end, per municipality.
    index("interventions_open_by_end")
      .on(t.municipalityId, t.plannedEndDate)
      .where(sql`end_date IS NULL AND declined_date IS NULL`),
    // Worklist: ended without evaluation (the automatic end at 20), per municipality.
    index("interventions_unevaluated")
      .on(t.municipalityId, t.endDate)
      .where(sql`end_date IS NOT NULL AND evaluation_outcome IS NULL`),
  ],
);

/** A planned follow-up or evaluation time of an intervention; done when `doneDate` is set. */
export const interventionFollowUps = sqliteTable(
  "intervention_follow_ups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    interventionId: integer("intervention_id")
      .notNull()
      .references(() => interventions.id),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    dueDate: text("due_date").notNull(),
    doneDate: text("done_date"),
    note: text("note"),
    doneByMembershipId: integer("done_by_membership_id").references(() => memberships.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    index("follow_ups_intervention").on(t.interventionId, t.dueDate),
    index("follow_ups_due")
      .on(t.municipalityId, t.dueDate)
      .where(sql`done_date IS NULL`),
  ],
);

/** Who changed what and when in the assessment, plan and interventions. Append-only (triggers). */
export const documentationRevisions = sqliteTable(
  "documentation_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    youthId: text("youth_id")
      .notNull()
      .references(() => youths.id),
    enrollmentId: integer("enrollment_id")
      .notNull()
      .references(() => enrollments.id),
    entity: text("entity", { enum: DOCUMENTATION_ENTITIES }).notNull(),
    entityId: integer("entity_id").notNull(),
    // created | updated | ended | declined | done
    action: text("action").notNull(),
    // JSON object: field → [before, after].
    changes: text("changes").notNull(),
    userId: integer("user_id").notNull(),
    membershipId: integer("membership_id")
      .notNull()
      .references(() => memberships.id),
    at: text("at").notNull().default(now),
  },
  (t) => [index("documentation_revisions_enrollment").on(t.enrollmentId, t.at)],
);

/**
 * The seven documentation points per enrollment, recomputed in the same transaction as every write
 * that can change them, so the samordnare's list of incomplete documentation is one indexed query.
 * `missing` is a bitmask (bit n-1 = point n missing); `overdueFrom` is the earliest planned end of an
 * open intervention, because "past its planned end" turns true with the calendar, not with a write.
 */
export const enrollmentDocumentation = sqliteTable(
  "enrollment_documentation",
  {
    enrollmentId: integer("enrollment_id")
      .primaryKey()
      .references(() => enrollments.id),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    missing: integer("missing").notNull(),
    overdueFrom: text("overdue_from"),
    computedAt: text("computed_at").notNull().default(now),
  },
  (t) => [index("enrollment_documentation_municipality").on(t.municipalityId, t.missing)],
);

/**
 * The youth's own evaluation on Mina sidor: of the plan as a whole (intervention null) or of an ended
 * intervention. Written by the youth (a citizen user), never changed: a new opinion is a new row, and the
 * caseworker sees them all with their dates. Append-only (triggers).
 */
export const youthEvaluations = sqliteTable(
  "youth_evaluations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    youthId: text("youth_id")
      .notNull()
      .references(() => youths.id),
    enrollmentId: integer("enrollment_id")
      .notNull()
      .references(() => enrollments.id),
    interventionId: integer("intervention_id").references(() => interventions.id),
    rating: text("rating", { enum: YOUTH_RATINGS }).notNull(),
    text: text("text"),
    authorUserId: integer("author_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("youth_evaluations_youth").on(t.youthId, t.createdAt), index("youth_evaluations_intervention").on(t.interventionId)],
);
