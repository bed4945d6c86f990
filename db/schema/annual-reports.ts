import { sql } from "drizzle-orm";
import { check, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ANNUAL_REPORT_PERIOD_KINDS, ANNUAL_REPORT_STATUSES } from "./annual-reports-values";
import { memberships, municipalities } from "./organizations";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export * from "./annual-reports-values";

/**
 * The annual report (årsrapport) of the KAA work to the nämnd, per läsår or calendar year: the
 * samordnare's analysis per area, and once approved (fastställd) the figures frozen as they were
 * then (already suppressed: the report leaves the KAA unit). Aggregates and prose only, no youth.
 * An approved report cannot change (triggers in the custom migration "annual_reports_locked").
 */
export const annualReports = sqliteTable(
  "annual_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    /** The period's search-param value (`lasar-2025`, `ar-2025`), as parsePeriod reads it. */
    period: text("period").notNull(),
    periodKind: text("period_kind", { enum: ANNUAL_REPORT_PERIOD_KINDS }).notNull(),
    status: text("status", { enum: ANNUAL_REPORT_STATUSES }).notNull().default("draft"),
    /** The analysis per area, JSON: { [areaKey]: text }. */
    analysis: text("analysis").notNull().default("{}"),
    /** Raised by every save, so that two samordnare cannot overwrite each other's text unseen. */
    version: integer("version").notNull().default(1),
    /** The figures frozen at approval (JSON, ReportFigures); null while a draft. */
    figures: text("figures"),
    createdAt: text("created_at").notNull().default(now),
    createdByMembershipId: integer("created_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    updatedAt: text("updated_at").notNull().default(now),
    updatedByMembershipId: integer("updated_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    approvedAt: text("approved_at"),
    approvedByMembershipId: integer("approved_by_membership_id").references(() => memberships.id),
  },
  (t) => [
    uniqueIndex("annual_reports_municipality_period").on(t.municipalityId, t.period),
    check(
      "annual_reports_approved_complete",
      sql`status = 'draft' OR (figures IS NOT NULL AND approved_at IS NOT NULL AND approved_by_membership_id IS NOT NULL)`,
    ),
  ],
);
