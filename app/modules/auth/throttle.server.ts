import { and, count, desc, eq, gt, lt } from "drizzle-orm";
import { getDb } from "#db/client";
import { loginAttempts } from "#db/schema";

/** OWASP ASVS 2.2.1: limit failed sign-ins per account and per address. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 50;

/** What an attempt tried: the password, or a second factor (sign-in, enrolment or step-up). All share one budget. */
export type AttemptFactor = "password" | "totp" | "recovery_code" | "passkey";

export function normaliseUsername(username: string) {
  return username.trim().toLocaleLowerCase("sv");
}

export function isThrottled(usernameKey: string, address: string, now: number): boolean {
  return isAccountThrottled(usernameKey, now) || isAddressThrottled(address, now);
}

/** Failures for one username since its last success, within the window. */
export function isAccountThrottled(usernameKey: string, now: number): boolean {
  const db = getDb();
  const lastSuccess = db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.usernameKey, usernameKey), eq(loginAttempts.succeeded, true)))
    .orderBy(desc(loginAttempts.at))
    .limit(1)
    .get()?.at;
  const accountSince = Math.max(now - THROTTLE_WINDOW_MS, lastSuccess ?? 0);
  const accountFailures =
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.usernameKey, usernameKey), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, accountSince)))
      .get()?.n ?? 0;
  return accountFailures >= MAX_FAILURES_PER_ACCOUNT;
}

/** Failures from one address within the window: needs no username, so it is checked before the body is read. */
export function isAddressThrottled(address: string, now: number): boolean {
  const addressFailures =
    getDb()
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.address, address), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, now - THROTTLE_WINDOW_MS)))
      .get()?.n ?? 0;
  return addressFailures >= MAX_FAILURES_PER_ADDRESS;
}

/**
 * Records an attempt as failed *before* the password or factor is checked (which awaits), so that parallel
 * attempts all count against the limit; a correct one then marks it as a success. A correct password of an
 * account with a second factor stays a failure until that factor passes: the password alone proves nothing.
 */
export function recordAttempt(usernameKey: string, address: string, now: number, factor: AttemptFactor = "password"): number {
  const db = getDb();
  return db.transaction((tx) => {
    // Attempts older than a day serve no throttle; keep the table small.
    tx.delete(loginAttempts)
      .where(lt(loginAttempts.at, now - 24 * 60 * 60 * 1000))
      .run();
    return tx.insert(loginAttempts).values({ usernameKey, address, succeeded: false, at: now, factor }).returning({ id: loginAttempts.id }).get().id;
  });
}

export function markAttemptSucceeded(attemptId: number) {
  getDb().update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId)).run();
}
