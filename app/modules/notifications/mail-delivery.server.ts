/**
 * Delivering the e-mail outbox to the SMTP relay. A run claims the due messages in one immediate
 * transaction (so two runs, in one process or two, never send the same message), sends each, and
 * records the outcome against its claim. A failed attempt is retried with growing pauses; a 5xx
 * reply or the last attempt is final, and whoever caused the e-mail is told in the portal. All state
 * is in the database: after a restart, queued mail is sent, and mail whose sender died mid-send is
 * claimed again once the claim is stale. See docs/decisions/0022-smtp-outbox.md.
 */
import crypto from "node:crypto";
import { and, eq, inArray, lte, or } from "drizzle-orm";
import { getDb } from "#db/client";
import { emailOutbox } from "#db/schema";
import { config } from "~/config.server";
import { sendMail } from "~/modules/integrations/smtp.server";
import { NOTIFICATION_KIND_LABELS } from "./labels";
import { notify } from "./notifications.server";

/** Pause after the 1st, 2nd, … failed attempt; after the last one the failure is final (about 2 days). */
export const RETRY_DELAYS_MS = [1, 5, 15, 60, 240, 720, 1440].map((minutes) => minutes * 60_000);
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A claim older than this belongs to a run that died: longer than a whole batch at the SMTP time-out (50 × 15 s). */
export const STALE_CLAIM_MS = 30 * 60_000;
const BATCH = 50;

export type DeliveryReport = { sent: number; retrying: number; failed: number };

type Claimed = typeof emailOutbox.$inferSelect;

/** Claims up to `limit` due messages for this run: queued and due, or sending under a stale claim. */
export function claimDueMail(now: Date, limit = BATCH): { token: string; rows: Claimed[] } {
  const token = crypto.randomUUID();
  const nowIso = now.toISOString();
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  const rows = getDb().transaction(
    (tx) => {
      const due = tx
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(
          or(
            and(eq(emailOutbox.state, "queued"), lte(emailOutbox.nextAttemptAt, nowIso)),
            and(eq(emailOutbox.state, "sending"), lte(emailOutbox.claimedAt, staleBefore)),
          ),
        )
        .orderBy(emailOutbox.nextAttemptAt, emailOutbox.id)
        .limit(limit)
        .all()
        .map((r) => r.id);
      if (due.length === 0) return [];
      tx.update(emailOutbox).set({ state: "sending", claimToken: token, claimedAt: nowIso }).where(inArray(emailOutbox.id, due)).run();
      return tx.select().from(emailOutbox).where(eq(emailOutbox.claimToken, token)).all();
    },
    { behavior: "immediate" },
  );
  return { token, rows };
}

/** Records one attempt's outcome, if this run still holds the claim. */
function settle(row: Claimed, token: string, outcome: Awaited<ReturnType<typeof sendMail>>, now: Date): keyof DeliveryReport {
  const attempts = row.attempts + 1;
  const mine = and(eq(emailOutbox.id, row.id), eq(emailOutbox.claimToken, token));
  const db = getDb();
  if (outcome.ok) {
    db.update(emailOutbox).set({ state: "sent", attempts, sentAt: now.toISOString(), claimToken: null, lastError: null }).where(mine).run();
    return "sent";
  }
  if (!outcome.permanent && attempts < MAX_ATTEMPTS) {
    const next = new Date(now.getTime() + RETRY_DELAYS_MS[attempts - 1]!).toISOString();
    db.update(emailOutbox).set({ state: "queued", attempts, nextAttemptAt: next, claimToken: null, lastError: outcome.reason }).where(mine).run();
    return "retrying";
  }
  db.transaction((tx) => {
    const changed = tx
      .update(emailOutbox)
      .set({ state: "failed", attempts, failedAt: now.toISOString(), claimToken: null, lastError: outcome.reason })
      .where(mine)
      .run().changes;
    if (changed === 0 || row.causedByMembershipId === null) return;
    const about = row.kind ? ` (${NOTIFICATION_KIND_LABELS[row.kind].toLowerCase()})` : "";
    notify(tx, [
      {
        membershipId: row.causedByMembershipId,
        kind: "email_failed",
        title: `E-post kunde inte levereras: ${row.subject}`,
        body: `E-postmeddelandet${about} till ${row.toAddress} kom inte fram (${outcome.reason}, efter ${attempts} försök). Mottagaren har inte fått det med e-post.`,
        link: row.link ?? undefined,
      },
    ]);
  });
  return "failed";
}

/**
 * One delivery run: sends what is due at `now`, one message at a time. Tests call it directly; the
 * server calls it on a timer (scheduleMailDelivery).
 */
export async function deliverDueMail(options: { now?: Date; limit?: number } = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  if (!config().smtp) return report;
  const { token, rows } = claimDueMail(options.now ?? new Date(), options.limit);
  for (const row of rows) {
    const outcome = await sendMail({ to: row.toAddress, subject: row.subject, text: row.text });
    report[settle(row, token, outcome, options.now ?? new Date())] += 1;
  }
  return report;
}

// Kept on globalThis so that a reloaded module (remix dev) replaces the timer instead of adding one.
const holder = globalThis as typeof globalThis & { __mailDeliveryTimer?: NodeJS.Timeout };

/**
 * Starts delivering the outbox in the server process (app/entry.server.tsx); vitest never loads
 * that file, so tests deliver only when they call deliverDueMail. Logs counts, never addresses.
 */
export function scheduleMailDelivery(log: (message: string) => void = console.log) {
  clearInterval(holder.__mailDeliveryTimer);
  if (!config().smtp) return;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const report = await deliverDueMail();
      if (report.retrying > 0 || report.failed > 0)
        log(`E-post: ${report.sent} skickade, ${report.retrying} försöks igen senare, ${report.failed} kunde inte levereras.`);
    } catch (error) {
      log(`E-postutskicket misslyckades: ${error instanceof Error ? error.name : "okänt fel"}`);
    } finally {
      running = false;
    }
  };
  holder.__mailDeliveryTimer = setInterval(run, config().mailDeliveryIntervalMs);
  holder.__mailDeliveryTimer.unref();
}
