import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { memberships, municipalities } from "./organizations";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * The KAA register. Each municipality keeps its own register (Skollagen 29 kap. 9 §), so the
 * same person can have one record per home municipality over time, but only one in each.
 * Holds only what Förordning 2006:39 allows.
 */
export const youths = sqliteTable(
  "youths",
  {
    // Random, so that URLs carry neither personnummer nor a guessable sequence.
    id: text("id").primaryKey(),
    homeMunicipalityId: integer("home_municipality_id")
      .notNull()
      .references(() => municipalities.id),
    // Twelve digits, no separator.
    personalNumber: text("personal_number").notNull(),
    isCoordinationNumber: integer("is_coordination_number", { mode: "boolean" }).notNull(),
    birthDate: text("birth_date").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    // Lower-cased "first last" for search, and a key that sorts in Swedish order.
    nameSearch: text("name_search").notNull(),
    nameSort: text("name_sort").notNull(),
    streetAddress: text("street_address"),
    postalCode: text("postal_code"),
    city: text("city"),
    phone: text("phone"),
    email: text("email"),
    protectedIdentity: integer("protected_identity", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull().default(now),
    createdByMembershipId: integer("created_by_membership_id").references(() => memberships.id),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("youths_register_personal_number").on(t.homeMunicipalityId, t.personalNumber),
    // name_search last: a name search with many matches walks this index in order and tests each name
    // on the index entry itself (register-selection.server.ts), without reading the youth's row.
    index("youths_register_name").on(t.homeMunicipalityId, t.nameSort, t.id, t.nameSearch),
    index("youths_register_created").on(t.homeMunicipalityId, t.createdAt, t.id),
    index("youths_register_birth").on(t.homeMunicipalityId, t.birthDate, t.id),
    // A youth signing in with e-legitimation is found in every register that holds them.
    index("youths_personal_number").on(t.personalNumber),
  ],
);

export const guardians = sqliteTable(
  "guardians",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    youthId: text("youth_id")
      .notNull()
      .references(() => youths.id),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    email: text("email"),
  },
  (t) => [uniqueIndex("guardians_youth_position").on(t.youthId, t.position)],
);

/** Every change to a youth's identity keeps the earlier values: nothing is lost on correction. */
export const youthRevisions = sqliteTable(
  "youth_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    youthId: text("youth_id")
      .notNull()
      .references(() => youths.id),
    at: text("at").notNull().default(now),
    membershipId: integer("membership_id")
      .notNull()
      .references(() => memberships.id),
    // JSON of the values before the change (null for the creation).
    previous: text("previous"),
    changedFields: text("changed_fields").notNull(),
  },
  (t) => [index("youth_revisions_youth").on(t.youthId, t.at)],
);

/**
 * The caseworker's decision that a youth of 16 or 17 is mature enough to decide alone about their
 * file (FL/OSL 12 kap. 3 §): the guardians' access through Mina sidor ends. Ended, never deleted.
 */
export const youthMaturityDecisions = sqliteTable(
  "youth_maturity_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    youthId: text("youth_id")
      .notNull()
      .references(() => youths.id),
    decidedOn: text("decided_on").notNull(),
    note: text("note").notNull(),
    decidedByMembershipId: integer("decided_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    endedAt: text("ended_at"),
    endedByMembershipId: integer("ended_by_membership_id").references(() => memberships.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("youth_maturity_decisions_youth").on(t.youthId)],
);
