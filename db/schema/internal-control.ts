import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { memberships, municipalities } from "./organizations";
import { enrollments } from "./outreach";
import { youths } from "./youth";
import { SAMPLE_STATES } from "./internal-control-values";

export * from "./internal-control-values";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * Internal control (issue 15): a stickprov of enrollments the samordnare draws with a stated seed, scored on the
 * auditors' four criteria. The draw is frozen here: drawing again later can give other cases once backdated
 * enrollments appear, and the auditor must be able to see exactly which cases were drawn and how.
 */
export const internalControlSamples = sqliteTable(
  "internal_control_samples",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    seed: text("seed").notNull(),
    requestedSize: integer("requested_size").notNull(),
    // The filters: enrollments in the register some time in [period_from, period_to], in the given state, of one
    // caseworker or all.
    periodFrom: text("period_from").notNull(),
    periodTo: text("period_to").notNull(),
    state: text("state", { enum: SAMPLE_STATES }).notNull().default("all"),
    caseworkerMembershipId: integer("caseworker_membership_id").references(() => memberships.id),
    // How many enrollments the filters gave when the sample was drawn (the population the cases came from).
    populationSize: integer("population_size").notNull(),
    // The frame's enrollment ids (JSON, ascending), so that an auditor can redo the draw from the seed.
    frameEnrollmentIds: text("frame_enrollment_ids").notNull().default("[]"),
    // The contact routine the cases are judged against, as it was when the sample was drawn (JSON of its steps).
    routineSnapshot: text("routine_snapshot").notNull(),
    createdByMembershipId: integer("created_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    index("internal_control_samples_municipality").on(t.municipalityId, t.createdAt),
    check("internal_control_samples_size", sql`${t.requestedSize} > 0`),
    check("internal_control_samples_period", sql`${t.periodFrom} <= ${t.periodTo}`),
  ],
);

/** The drawn cases, numbered 1..n in draw order: the number is the case number of the anonymised report. */
export const internalControlSampleCases = sqliteTable(
  "internal_control_sample_cases",
  {
    sampleId: integer("sample_id")
      .notNull()
      .references(() => internalControlSamples.id),
    position: integer("position").notNull(),
    enrollmentId: integer("enrollment_id")
      .notNull()
      .references(() => enrollments.id),
    youthId: text("youth_id")
      .notNull()
      .references(() => youths.id),
  },
  (t) => [
    primaryKey({ columns: [t.sampleId, t.position] }),
    uniqueIndex("internal_control_sample_cases_enrollment").on(t.sampleId, t.enrollmentId),
    // The kernel asks "is this youth in a sample the granskare holds a grant for?".
    index("internal_control_sample_cases_youth").on(t.youthId, t.sampleId),
  ],
);

/**
 * A time-limited grant that lets a granskare (an auditor's membership) read the cases of one sample, and nothing
 * else. In force from valid_from to valid_until inclusive (Stockholm calendar days), unless revoked; checked on
 * every request, so expiry and revocation bite at once.
 */
export const reviewGrants = sqliteTable(
  "review_grants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sampleId: integer("sample_id")
      .notNull()
      .references(() => internalControlSamples.id),
    membershipId: integer("membership_id")
      .notNull()
      .references(() => memberships.id),
    validFrom: text("valid_from").notNull(),
    validUntil: text("valid_until").notNull(),
    revokedAt: text("revoked_at"),
    revokedByMembershipId: integer("revoked_by_membership_id").references(() => memberships.id),
    createdByMembershipId: integer("created_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    index("review_grants_membership").on(t.membershipId, t.validUntil),
    index("review_grants_sample").on(t.sampleId),
    check("review_grants_period", sql`${t.validFrom} <= ${t.validUntil}`),
  ],
);
