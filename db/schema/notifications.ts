import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
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
    createdAt: text("created_at").notNull().default(now),
    readAt: text("read_at"),
  },
  (t) => [
    index("notifications_user").on(t.userId, t.createdAt),
    index("notifications_unread")
      .on(t.userId)
      .where(sql`read_at IS NULL`),
  ],
);
