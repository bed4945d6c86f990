import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { ORGANISATION_KINDS, ROLES, SCHOOL_ORGANISER_KINDS, USER_KINDS } from "./organizations-values";

export * from "./organizations-values";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const municipalities = sqliteTable("municipalities", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  // Kommunkod from SCB, four digits.
  code: text("code").notNull().unique(),
  name: text("name").notNull().unique(),
  // Länskod and län (SCB); the länskod is the kommunkod's first two digits. Null for a municipality added by hand.
  countyCode: text("county_code"),
  countyName: text("county_name"),
  createdAt: text("created_at").notNull().default(now),
});

export const organisations = sqliteTable(
  "organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
    name: text("name").notNull(),
    // The municipality the organisation belongs to; for a school, the one it sits in.
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    schoolOrganiserKind: text("school_organiser_kind", { enum: SCHOOL_ORGANISER_KINDS }),
    schoolOrganiserName: text("school_organiser_name"),
    // The organisation's functional mailbox (e.g. socialtjanst.mottagning@kommun.se): e-mail about new
    // referrals goes there as well as to the members who asked for it.
    functionalMailbox: text("functional_mailbox"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("organisations_name_unique").on(t.municipalityId, t.name),
    // A municipality has exactly one KAA unit: notices are routed to it.
    uniqueIndex("organisations_one_kaa_unit")
      .on(t.municipalityId)
      .where(sql`kind = 'kaa_unit'`),
    check("organisations_school_organiser", sql`(kind = 'school') = (school_organiser_kind IS NOT NULL AND school_organiser_name IS NOT NULL)`),
  ],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Work e-mail address, lower-cased; the sign-in name.
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    disabledAt: text("disabled_at"),
    createdAt: text("created_at").notNull().default(now),
    passwordChangedAt: text("password_changed_at"),
    // staff: a municipal employee's account, created by the systemförvaltare. citizen: a youth or a
    // guardian who signed in with e-legitimation; created at the first sign-in, never signs in by password
    // (password_hash is "!"), found again by personal_number_key.
    kind: text("kind", { enum: USER_KINDS }).notNull().default("staff"),
    // HMAC-SHA256 of the verified personnummer under AUTH_SECRETS_KEY (app/modules/auth/secrets.server.ts):
    // the portal finds the citizen again without storing their personnummer beside the account.
    personalNumberKey: text("personal_number_key"),
  },
  (t) => [
    uniqueIndex("users_personal_number_key")
      .on(t.personalNumberKey)
      .where(sql`personal_number_key IS NOT NULL`),
  ],
);

export const memberships = sqliteTable(
  "memberships",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    // Null only for the systemförvaltare, who belongs to no case-work organisation.
    organisationId: integer("organisation_id").references(() => organisations.id),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: text("created_at").notNull().default(now),
    endedAt: text("ended_at"),
  },
  (t) => [
    index("memberships_user").on(t.userId),
    index("memberships_organisation").on(t.organisationId),
    check("memberships_admin_has_no_organisation", sql`(role = 'system_admin') = (organisation_id IS NULL)`),
  ],
);
