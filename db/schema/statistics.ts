import { sql } from "drizzle-orm";
import { check, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { memberships, municipalities } from "./organizations";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * The municipality's population aged 16–19 in a year (from SCB's population statistics), entered by
 * the samordnare, so the follow-up can show the target group as a share of it. Not youth data.
 */
export const populationFigures = sqliteTable(
  "population_figures",
  {
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    year: integer("year").notNull(),
    aged16To19: integer("aged_16_to_19").notNull(),
    updatedAt: text("updated_at").notNull().default(now),
    updatedByMembershipId: integer("updated_by_membership_id")
      .notNull()
      .references(() => memberships.id),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.year] }), check("population_figures_positive", sql`aged_16_to_19 > 0`)],
);
