import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { memberships, municipalities, organisations } from "./organizations";
import { youths } from "./youth";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

import { NOTICE_REVISION_ACTIONS, NOTICE_STATUSES } from "./notices-values";

export * from "./notices-values";

/**
 * A school's notice to the youth's home municipality (Skollagen 15 kap. 15 §). It goes to the
 * home municipality's KAA unit whichever municipality the school is in.
 */
export const notices = sqliteTable(
  "notices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    schoolOrganisationId: integer("school_organisation_id")
      .notNull()
      .references(() => organisations.id),
    submittedByMembershipId: integer("submitted_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    // "moved": not a school's notice but the former home municipality's KAA unit telling the new one
    // (the sender is then that KAA unit; app/modules/notices/move-notices.server.ts).
    kind: text("kind", { enum: ["dropout", "absence", "started", "not_started", "moved"] }).notNull(),
    personalNumber: text("personal_number").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    homeMunicipalityId: integer("home_municipality_id")
      .notNull()
      .references(() => municipalities.id),
    programme: text("programme").notNull(),
    eventDate: text("event_date").notNull(),
    reason: text("reason"),
    contactName: text("contact_name").notNull(),
    contactPhone: text("contact_phone"),
    contactEmail: text("contact_email"),
    status: text("status", { enum: NOTICE_STATUSES }).notNull().default("sent"),
    youthId: text("youth_id").references(() => youths.id),
    receivedAt: text("received_at"),
    receivedByMembershipId: integer("received_by_membership_id").references(() => memberships.id),
    handledAt: text("handled_at"),
    // A notice to a municipality without a KAA unit in the portal: when and by whom the school sent it by post or e-mail.
    manuallySentAt: text("manually_sent_at"),
    manuallySentByMembershipId: integer("manually_sent_by_membership_id").references(() => memberships.id),
    withdrawnAt: text("withdrawn_at"),
    withdrawnByMembershipId: integer("withdrawn_by_membership_id").references(() => memberships.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    index("notices_inbox").on(t.homeMunicipalityId, t.status, t.createdAt),
    index("notices_school").on(t.schoolOrganisationId, t.createdAt),
    index("notices_youth").on(t.youthId, t.createdAt),
    // The follow-up: notices received in a period, per home municipality.
    index("notices_home_created").on(t.homeMunicipalityId, t.createdAt),
    index("notices_person").on(t.homeMunicipalityId, t.personalNumber),
    // The school's duplicate check: its notices about one person.
    index("notices_school_person").on(t.schoolOrganisationId, t.personalNumber),
  ],
);

/**
 * A notice as it was before the school corrected it, withdrew it or marked it sent by hand: the
 * earlier values are kept (nothing in case data is overwritten without a trace). Append-only.
 */
export const noticeRevisions = sqliteTable(
  "notice_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    noticeId: integer("notice_id")
      .notNull()
      .references(() => notices.id),
    action: text("action", { enum: NOTICE_REVISION_ACTIONS }).notNull(),
    // JSON of the notice's fields before the change.
    previous: text("previous").notNull(),
    byMembershipId: integer("by_membership_id")
      .notNull()
      .references(() => memberships.id),
    at: text("at").notNull().default(now),
  },
  (t) => [index("notice_revisions_notice").on(t.noticeId, t.at)],
);
