import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { organisations } from "./organizations";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const SCHOOL_SYSTEM_RUN_STATUSES = ["ok", "failed"] as const;
export type SchoolSystemRunStatus = (typeof SCHOOL_SYSTEM_RUN_STATUSES)[number];

/**
 * A school organiser's school system read over SS 12000:2020. The draft standard declares only
 * bearer tokens, so how a token is obtained (OAuth2 client credentials, RFC 6749 §4.4) is this
 * configuration (docs/decisions/0016). The lists fetched belong to `organisation_id`, a school; its
 * municipality decides whose lists they are.
 *
 * The client secret is stored as other configuration is (the portal has no secret-key mechanism for
 * encryption at rest); it is never sent back to a browser, never logged and never part of a message.
 */
export const schoolSystemConnections = sqliteTable(
  "school_system_connections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    // The API root, e.g. https://skolsystem.example.se/v2.0 (paths such as /persons are appended).
    baseUrl: text("base_url").notNull(),
    tokenUrl: text("token_url").notNull(),
    clientId: text("client_id").notNull(),
    clientSecret: text("client_secret").notNull(),
    scope: text("scope"),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    lastRunAt: text("last_run_at"),
    lastStatus: text("last_status", { enum: SCHOOL_SYSTEM_RUN_STATUSES }),
    // Swedish, for the systemförvaltare; never personal data or secrets.
    lastMessage: text("last_message"),
    lastPersons: integer("last_persons"),
    lastRows: integer("last_rows"),
    lastAbsences: integer("last_absences"),
    lastSkipped: integer("last_skipped"),
  },
  (t) => [index("school_system_connections_organisation").on(t.organisationId)],
);
