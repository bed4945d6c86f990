import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The access log. One row per access to (or attempt at) a youth's data. Rows cannot be
 * changed or deleted: triggers in the migrations abort UPDATE and DELETE.
 * No foreign keys: the log must outlive and describe even attempts at youths that do not exist.
 */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    userId: integer("user_id").notNull(),
    membershipId: integer("membership_id"),
    organisationId: integer("organisation_id"),
    role: text("role"),
    youthId: text("youth_id"),
    // The register (home municipality) the youth belongs to, so each samordnare's log review
    // finds every access to its own register with one index.
    youthMunicipalityId: integer("youth_municipality_id"),
    section: text("section").notNull(),
    action: text("action").notNull(),
    outcome: text("outcome", { enum: ["allowed", "denied"] }).notNull(),
    // The legal basis of an allowed access (register_keeper, consent, referral, report_of_concern).
    basis: text("basis"),
    basisRef: text("basis_ref"),
  },
  (t) => [
    // No index on `at` alone: every reader narrows by youth, register, user or organisation first, and
    // each index costs every page that logs what it shows (a list logs a row per youth).
    index("audit_youth").on(t.youthId, t.at),
    index("audit_youth_municipality").on(t.youthMunicipalityId, t.at),
    index("audit_user").on(t.userId, t.at),
    index("audit_organisation").on(t.organisationId, t.at),
    // The log review's "denied" filter: refusals are few, so two small partial indexes find them
    // newest first without walking the millions of allowed rows.
    index("audit_denied_youth_municipality")
      .on(t.youthMunicipalityId, t.at)
      .where(sql`outcome = 'denied'`),
    index("audit_denied_organisation")
      .on(t.organisationId, t.at)
      .where(sql`outcome = 'denied'`),
    // Accesses on any other ground than the register keeper's (consent, referral, report of concern,
    // notice, refusals): what other organisations did with the register's youths. Few beside the
    // unit's own work, so the review of other organisations reads these alone (audit.server.ts).
    index("audit_shared_youth_municipality")
      .on(t.youthMunicipalityId, t.at)
      .where(sql`basis IS NOT 'register_keeper'`),
    index("audit_shared_organisation")
      .on(t.organisationId, t.at)
      .where(sql`basis IS NOT 'register_keeper'`),
  ],
);

/**
 * What system administrators did: accounts created, roles added or ended, accounts disabled,
 * passwords reset. Append-only like the access log (triggers in the migrations).
 */
export const adminEvents = sqliteTable(
  "admin_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    // Null when done from the command line (the first systemförvaltare).
    userId: integer("user_id"),
    membershipId: integer("membership_id"),
    action: text("action").notNull(),
    targetUserId: integer("target_user_id"),
    targetOrganisationId: integer("target_organisation_id"),
    detail: text("detail"),
  },
  (t) => [index("admin_events_target").on(t.targetUserId, t.at), index("admin_events_at").on(t.at)],
);
