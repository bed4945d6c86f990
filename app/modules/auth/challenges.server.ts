/**
 * Short-lived server-side state of a sign-in or enrolment in progress (auth_challenges). The browser
 * holds a random token; only its SHA-256 is stored, as for sessions. A sign-in between the password and
 * the second factor lives here, not in a session: nothing opens until the second factor passes.
 */
import crypto from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb, type Db } from "#db/client";
import { authChallenges, type AuthChallengePurpose } from "#db/schema";
import { config } from "~/config.server";
import { hashToken } from "./session.server";

export const PENDING_SIGN_IN_TTL_MS = 5 * 60 * 1000;
/** A pending sign-in dies after this many wrong second factors (the account throttle counts them too). */
export const MAX_CHALLENGE_FAILURES = 5;

export type Challenge = typeof authChallenges.$inferSelect;

export function createChallenge(
  input: { userId: number; purpose: AuthChallengePurpose; payload?: string | null; redirectTo?: string | null; attemptId?: number | null; ttlMs: number },
  db: Pick<Db, "insert" | "delete"> = getDb(),
): string {
  const token = crypto.randomBytes(24).toString("base64url");
  const now = Date.now();
  // Expired rows serve nothing; keep the table small.
  db.delete(authChallenges).where(lt(authChallenges.expiresAt, now)).run();
  db.insert(authChallenges)
    .values({
      id: hashToken(token),
      userId: input.userId,
      purpose: input.purpose,
      payload: input.payload ?? null,
      redirectTo: input.redirectTo ?? null,
      attemptId: input.attemptId ?? null,
      createdAt: now,
      expiresAt: now + input.ttlMs,
    })
    .run();
  return token;
}

/** The live challenge of that token and purpose, or null (unknown, expired, or for something else). */
export function readChallenge(token: string | null | undefined, purposes: readonly AuthChallengePurpose[], userId?: number): Challenge | null {
  if (!token || token.length > 100) return null;
  const row = getDb()
    .select()
    .from(authChallenges)
    .where(eq(authChallenges.id, hashToken(token)))
    .get();
  if (!row || row.expiresAt <= Date.now() || !purposes.includes(row.purpose)) return null;
  if (userId !== undefined && row.userId !== userId) return null;
  return row;
}

/** Single use: true only for the one caller that removed it (two parallel uses cannot both pass). */
export function consumeChallenge(id: string): boolean {
  return getDb().delete(authChallenges).where(eq(authChallenges.id, id)).run().changes === 1;
}

/** Counts a wrong answer; the challenge is gone once it has had MAX_CHALLENGE_FAILURES. Returns whether it lives. */
export function recordChallengeFailure(id: string): boolean {
  const db = getDb();
  db.update(authChallenges)
    .set({ failures: sql`${authChallenges.failures} + 1` })
    .where(eq(authChallenges.id, id))
    .run();
  const dead = db
    .delete(authChallenges)
    .where(and(eq(authChallenges.id, id), sql`${authChallenges.failures} >= ${MAX_CHALLENGE_FAILURES}`))
    .run().changes;
  return dead === 0;
}

export function endChallengesOfUser(userId: number, db: Pick<Db, "delete"> = getDb()) {
  db.delete(authChallenges).where(eq(authChallenges.userId, userId)).run();
}

function pendingCookieName() {
  return config().secureCookies ? "__Host-sp_pending" : "sp_pending";
}

/** The cookie of a sign-in waiting for its second factor: five minutes, this site only. */
export function pendingCookie(token: string): string {
  const secure = config().secureCookies ? "; Secure" : "";
  return `${pendingCookieName()}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${PENDING_SIGN_IN_TTL_MS / 1000}${secure}`;
}

export function blankPendingCookie(): string {
  const secure = config().secureCookies ? "; Secure" : "";
  return `${pendingCookieName()}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}

export function readPendingToken(request: Request): string | null {
  const name = pendingCookieName();
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=") || null;
  }
  return null;
}
