import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { memberships, municipalities } from "./organizations";
import { populationSnapshots } from "./reconciliation-inputs";
import { EXTRACT_FREQUENCIES } from "./population-extract-values";

export * from "./population-extract-values";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * When the KAA unit's samordnare wants the population-register extract fetched by itself. One row per
 * municipality; no row means "off". Times are Swedish wall-clock hours (the samordnare thinks in them).
 */
export const populationExtractSchedules = sqliteTable("population_extract_schedules", {
  municipalityId: integer("municipality_id")
    .primaryKey()
    .references(() => municipalities.id),
  frequency: text("frequency", { enum: EXTRACT_FREQUENCIES }).notNull().default("off"),
  // ISO weekday 1 (Monday) – 7 (Sunday); used when frequency is weekly.
  weekday: integer("weekday"),
  // Hour of the day in Stockholm, 0–23.
  hour: integer("hour").notNull().default(4),
  // When the schedule last started an extract (UTC): the job starts at most one per due time.
  lastRunAt: text("last_run_at"),
  updatedByMembershipId: integer("updated_by_membership_id").references(() => memberships.id),
  updatedAt: text("updated_at").notNull().default(now),
});

/**
 * What a complete extract held, counted once when it completed (the page and the reconciliation's
 * summary read these, never the 30 000 rows), and the rows it refused: numbers that failed
 * parsePersonalNumber are counted here and never stored.
 */
export const populationSnapshotSummaries = sqliteTable("population_snapshot_summaries", {
  snapshotId: integer("snapshot_id")
    .primaryKey()
    .references(() => populationSnapshots.id, { onDelete: "cascade" }),
  // Folkbokförda in the municipality on the extract's date.
  residentCount: integer("resident_count").notNull().default(0),
  movedInCount: integer("moved_in_count").notNull().default(0),
  movedOutCount: integer("moved_out_count").notNull().default(0),
  deceasedCount: integer("deceased_count").notNull().default(0),
  protectedCount: integer("protected_count").notNull().default(0),
  coordinationCount: integer("coordination_count").notNull().default(0),
  // Rows whose personnummer did not parse (never stored).
  rejectedCount: integer("rejected_count").notNull().default(0),
  // The same person sent twice (kept once).
  duplicateCount: integer("duplicate_count").notNull().default(0),
});
