import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { sessions } from "#db/schema";
import {
  blankSessionCookie,
  invalidateSession,
  invalidateUserSessions,
  readSessionToken,
  sessionCookie,
  storeSession,
  validateSession,
  type AuthSession,
  type AuthUser,
  type SessionProof,
} from "./lucia.server";
import type { AuthMethod } from "#db/schema";
import { sessionState, shouldRecordActivity } from "./session-policy";

/** 160 random bits in the cookie; only their SHA-256 is stored (ASVS 3.2.2, 3.2.3). */
function newToken() {
  return crypto.randomBytes(20).toString("base64url");
}

export function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export type StartProof = Partial<SessionProof> & { authMethod: AuthMethod };

/** Starts a new session (a new id at every sign-in) and returns its Set-Cookie header. */
export async function startSession(userId: number, membershipId: number | null, proof: StartProof = { authMethod: "password" }): Promise<string> {
  const token = newToken();
  const now = Date.now();
  await storeSession(
    hashToken(token),
    userId,
    membershipId,
    {
      authenticatedAt: proof.authenticatedAt ?? now,
      authMethod: proof.authMethod,
      identityProviderId: proof.identityProviderId ?? null,
      citizenScope: proof.citizenScope ?? null,
    },
    now,
  );
  return sessionCookie(token);
}

export type Authenticated = { session: AuthSession; user: AuthUser };

/** The signed-in user of a request, or null. Ends sessions that are idle or too old. */
export async function authenticate(request: Request): Promise<Authenticated | null> {
  const token = readSessionToken(request.headers.get("Cookie"));
  if (!token) return null;
  const sessionId = hashToken(token);
  const result = await validateSession(sessionId);
  if (!result) return null;
  const now = Date.now();
  if (sessionState(result.session, now) !== "active") {
    await invalidateSession(sessionId);
    return null;
  }
  if (shouldRecordActivity(result.session, now)) {
    getDb().update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, sessionId)).run();
    result.session.lastActiveAt = now;
  }
  return result;
}

/**
 * Choosing or switching the role: a new session (a new token) with the chosen membership, and the
 * old one ended, so a token seen before the change (ASVS 3.2.1) never carries the new role. The
 * new session keeps the old one's start, so switching cannot stretch the 12-hour limit.
 */
export async function rotateSession(old: AuthSession, membershipId: number): Promise<string> {
  const token = newToken();
  const proof = {
    authenticatedAt: old.authenticatedAt,
    authMethod: old.authMethod,
    identityProviderId: old.identityProviderId,
    citizenScope: old.citizenScope,
  };
  await storeSession(hashToken(token), old.userId, membershipId, proof, Date.now(), old.createdAt);
  await invalidateSession(old.id);
  return sessionCookie(token);
}

/** A step-up succeeded: the person proved who they are again at `at` (Unix ms). The session id stays. */
export function markReauthenticated(sessionId: string, at: number, authMethod?: AuthMethod) {
  getDb()
    .update(sessions)
    .set(authMethod ? { authenticatedAt: at, authMethod } : { authenticatedAt: at })
    .where(eq(sessions.id, sessionId))
    .run();
}

export function setSessionMembership(sessionId: string, membershipId: number) {
  getDb().update(sessions).set({ membershipId }).where(eq(sessions.id, sessionId)).run();
}

export async function endSession(sessionId: string): Promise<string> {
  await invalidateSession(sessionId);
  return blankSessionCookie();
}

export async function endAllSessionsOfUser(userId: number) {
  await invalidateUserSessions(userId);
}

export { blankSessionCookie };
