import { sql } from "drizzle-orm";
import { blob, check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { memberships, municipalities } from "./organizations";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * The SCB half-year files made (issue 15): who made which file for which half-year, after which version of the
 * mapping, with the checksum of the data file and the file itself, so a past export can be downloaded again
 * byte for byte (ADR 0021). The file holds every included youth's personnummer: a youth-data table.
 */
export const scbExports = sqliteTable(
  "scb_exports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    // The half-year as the period picker names it (halvar-2026-1) and its days, inclusive.
    period: text("period").notNull(),
    periodFrom: text("period_from").notNull(),
    periodTo: text("period_to").notNull(),
    // The id of the mapping version the file was written by (app/modules/scb/versions/<id>.ts).
    mappingVersion: text("mapping_version").notNull(),
    createdByMembershipId: integer("created_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    createdAt: text("created_at").notNull().default(now),
    youthCount: integer("youth_count").notNull(),
    // Hex SHA-256 of the data file's bytes.
    sha256: text("sha256").notNull(),
    // Made although the checks found errors, because the samordnare accepted the exceptions report below.
    withExceptions: integer("with_exceptions", { mode: "boolean" }).notNull().default(false),
    // JSON: the failures of the checks when the file was made (empty list when there were none).
    exceptionsReport: text("exceptions_report").notNull().default("[]"),
    // JSON: the ids of the youths in the file, so that every later download is logged per youth.
    youthIds: text("youth_ids").notNull(),
    dataFile: blob("data_file", { mode: "buffer" }).notNull(),
  },
  (t) => [
    index("scb_exports_municipality").on(t.municipalityId, t.createdAt),
    check("scb_exports_period", sql`${t.periodFrom} <= ${t.periodTo}`),
    check("scb_exports_checksum", sql`length(${t.sha256}) = 64`),
  ],
);
