import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { memberships, municipalities } from "./organizations";
import { populationSnapshots } from "./reconciliation-inputs";
import { PROPOSAL_KINDS, PROPOSAL_STATES } from "./reconciliation-values";
import { youths } from "./youth";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** The samordnare's settings for the reconciliation of one municipality. */
export const reconciliationSettings = sqliteTable("reconciliation_settings", {
  municipalityId: integer("municipality_id")
    .primaryKey()
    .references(() => municipalities.id),
  // Year-9 leavers are held back from `hold_from` until `hold_until` (MM-DD, the summer between
  // grundskola and gymnasium, when the schools' lists do not yet show who started).
  holdFrom: text("hold_from").notNull().default("06-01"),
  holdUntil: text("hold_until").notNull().default("09-01"),
  // Unexcused absence at or above this share of offered time is proposed as a notice of absence.
  absenceThresholdPercent: integer("absence_threshold_percent").notNull().default(15),
  updatedAt: text("updated_at").notNull().default(now),
  updatedByMembershipId: integer("updated_by_membership_id").references(() => memberships.id),
});

/** One reconciliation: which extract it read, when, by whom, and what it found. */
export const reconciliationRuns = sqliteTable(
  "reconciliation_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    snapshotId: integer("snapshot_id").references(() => populationSnapshots.id, { onDelete: "set null" }),
    ranAt: text("ran_at").notNull().default(now),
    // Null when the schedule ran it.
    ranByMembershipId: integer("ran_by_membership_id").references(() => memberships.id),
    peopleRead: integer("people_read").notNull(),
    newProposals: integer("new_proposals").notNull(),
    openProposals: integer("open_proposals").notNull(),
    heldBack: integer("held_back").notNull(),
  },
  (t) => [index("reconciliation_runs_municipality").on(t.municipalityId, t.id), index("reconciliation_runs_snapshot").on(t.snapshotId)],
);

/**
 * A proposal for one person. The evidence (JSON) is what the samordnare reviews; its hash keys the
 * proposal, so a rejected proposal is not made again until the evidence changes, and running the
 * reconciliation twice on the same data proposes nothing new.
 */
export const reconciliationProposals = sqliteTable(
  "reconciliation_proposals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    kind: text("kind", { enum: PROPOSAL_KINDS }).notNull(),
    // Twelve digits, no separator.
    personalNumber: text("personal_number").notNull(),
    // The register's youth, when the person is in it.
    youthId: text("youth_id").references(() => youths.id),
    // The open enrollment an end_* proposal ends.
    enrollmentId: integer("enrollment_id"),
    // The start or end date the proposal would write.
    effectiveDate: text("effective_date").notNull(),
    evidence: text("evidence").notNull(),
    evidenceHash: text("evidence_hash").notNull(),
    state: text("state", { enum: PROPOSAL_STATES }).notNull().default("open"),
    // The run that made it, and the extract whose identity a registration takes.
    runId: integer("run_id")
      .notNull()
      .references(() => reconciliationRuns.id),
    snapshotId: integer("snapshot_id").references(() => populationSnapshots.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull().default(now),
    decidedAt: text("decided_at"),
    decidedByMembershipId: integer("decided_by_membership_id").references(() => memberships.id),
  },
  (t) => [
    uniqueIndex("reconciliation_proposals_evidence").on(t.municipalityId, t.personalNumber, t.kind, t.evidenceHash),
    index("reconciliation_proposals_list").on(t.municipalityId, t.state, t.kind, t.id),
    // The foreign keys' own look-ups (a run or an extract deleted), so they need not scan every proposal.
    index("reconciliation_proposals_run").on(t.runId),
    index("reconciliation_proposals_snapshot").on(t.snapshotId),
  ],
);
