import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { memberships, users } from "./organizations";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const NOTIFICATION_KINDS = [
  "agenda_sent",
  "meeting_cancelled",
  "item_proposed",
  "proposal_decided",
  "case_item_anonymised",
  "minutes_approved",
  "action_item_assigned",
  // Issue 16: what people were left waiting for.
  "meeting_moved",
  "minutes_awaiting_approval",
  "referral_received",
  "referral_accepted",
  "referral_declined",
  "referral_closed",
  "referral_feedback",
  "referral_revoked",
  "notice_received",
  "concern_report_received",
  "concern_report_status",
  // To the sender, when an e-mail could not be delivered after the last retry.
  "email_failed",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * In-app notices to one user (meddelanden). They carry a title and a link, never youth data: the
 * link leads to a page that checks access again.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    // The role the notice concerns (a user can have several).
    membershipId: integer("membership_id").references(() => memberships.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    title: text("title").notNull(),
    body: text("body"),
    link: text("link"),
    // What the notice is about, e.g. "meeting:12" or "referral:7": lets a later change (a moved
    // meeting) restate the notices already sent instead of leaving them stale.
    topic: text("topic"),
    createdAt: text("created_at").notNull().default(now),
    readAt: text("read_at"),
  },
  (t) => [
    index("notifications_user").on(t.userId, t.createdAt),
    index("notifications_topic").on(t.topic),
    index("notifications_unread")
      .on(t.userId)
      .where(sql`read_at IS NULL`),
  ],
);

/**
 * Each user's choice per kind: in the portal, by e-mail, both or neither. No row: the defaults in
 * app/modules/notifications/labels.ts (in the portal always; e-mail for kinds that ask for action).
 */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    inApp: integer("in_app", { mode: "boolean" }).notNull(),
    email: integer("email", { mode: "boolean" }).notNull(),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
