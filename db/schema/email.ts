import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { NOTIFICATION_KINDS } from "./notifications";
import { memberships } from "./organizations";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * queued: waiting for its next attempt (next_attempt_at); sending: claimed by a delivery run (a row
 * left here by a process that died is taken again once its claim is stale); sent; failed: final.
 */
export const OUTBOX_STATES = ["queued", "sending", "sent", "failed"] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * The e-mail outbox: every e-mail is written here in the transaction of what it tells about, and a
 * delivery run in the server process sends it to the SMTP relay, retrying with backoff. The text
 * is final at enqueue time (absolute link included), so delivery needs no request and no youth data.
 */
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    // The notice kind it tells about (null for mail that is not a notice, e.g. nothing yet).
    kind: text("kind", { enum: NOTIFICATION_KINDS }),
    // Who caused it: told in the portal (email_failed) when delivery finally fails. Null: nobody to tell.
    causedByMembershipId: integer("caused_by_membership_id").references(() => memberships.id),
    // The portal page it is about (relative), for the failure notice.
    link: text("link"),
    state: text("state", { enum: OUTBOX_STATES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull().default(now),
    // The claim of the delivery run that is sending it; a stale claim means the sender died mid-send.
    claimToken: text("claim_token"),
    claimedAt: text("claimed_at"),
    // Why the last attempt failed, in general terms (the relay's reply code), never the address.
    lastError: text("last_error"),
    sentAt: text("sent_at"),
    failedAt: text("failed_at"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("email_outbox_due").on(t.state, t.nextAttemptAt)],
);
