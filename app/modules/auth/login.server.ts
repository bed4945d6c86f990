import { and, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { users, type AuthMethod } from "#db/schema";
import { safeRedirect } from "~/lib/form.server";
import { activeMembershipsOfUser } from "~/modules/organizations/memberships.server";
import {
  blankPendingCookie,
  consumeChallenge,
  createChallenge,
  pendingCookie,
  PENDING_SIGN_IN_TTL_MS,
  readChallenge,
  readPendingToken,
  type Challenge,
} from "./challenges.server";
import { factorsOf, hasSecondFactor, userNeedsMfa } from "./mfa-settings.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { startSession } from "./session.server";
import { isAddressThrottled, isThrottled, markAttemptSucceeded, normaliseUsername, recordAttempt } from "./throttle.server";
import { newEncryptedTotpSecret } from "./totp.server";

export const LOGIN_ERRORS = {
  // The same answer for an unknown user, a wrong password and a disabled account (ASVS 2.2.x).
  invalid: "Fel användarnamn eller lösenord.",
  throttled: "För många misslyckade inloggningsförsök. Vänta en kvart och försök igen.",
  // The pending sign-in expired, had too many wrong answers, or was already used.
  expired: "Inloggningen har avbrutits. Logga in igen.",
} as const;

export const SECOND_FACTOR_PAGE = "/logga-in/tvastegsverifiering";
export const FORCED_ENROLMENT_PAGE = "/logga-in/tvastegsverifiering/aktivera";

/**
 * session: signed in. second_factor: the password was right, the app, a passkey or a recovery code comes
 * next. enrolment: the password was right, but the account must set up a second factor first. In the
 * latter two `cookie` is the short pending cookie, not a session.
 */
export type SignInStep = "session" | "second_factor" | "enrolment";
export type LoginResult = { ok: true; next: SignInStep; cookie: string; location: string; needsMembershipChoice: boolean } | { ok: false; error: string };

/**
 * Whether an address is throttled, asked before the sign-in form is read: a sprayer gets the answer
 * without the server parsing its body. (The per-account limit needs the username: signIn.)
 */
export function addressThrottled(address: string): boolean {
  return isAddressThrottled(address, Date.now());
}

/** Where a finished sign-in goes: the page asked for, through the choice of role when there are several. */
function landing(redirectTo: string, needsMembershipChoice: boolean): string {
  const target = safeRedirect(redirectTo);
  return needsMembershipChoice ? `/valj-roll?redirectTo=${encodeURIComponent(target)}` : target;
}

async function sessionFor(userId: number, authMethod: AuthMethod, redirectTo: string) {
  const memberships = activeMembershipsOfUser(userId);
  const only = memberships.length === 1 ? memberships[0]!.id : null;
  const cookie = await startSession(userId, only, { authMethod });
  const needsMembershipChoice = memberships.length > 1;
  return { cookie, needsMembershipChoice, location: landing(redirectTo, needsMembershipChoice) };
}

export async function signIn(username: string, password: string, address: string, redirectTo = "/"): Promise<LoginResult> {
  const key = normaliseUsername(username);
  const now = Date.now();
  if (isThrottled(key, address, now)) return { ok: false, error: LOGIN_ERRORS.throttled };
  const attemptId = recordAttempt(key, address, now);

  const user = getDb()
    .select()
    .from(users)
    .where(and(eq(users.username, key), eq(users.kind, "staff")))
    .get();
  // Verify against a dummy hash when the user is unknown, so timing does not tell.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid || user.disabledAt) return { ok: false, error: LOGIN_ERRORS.invalid };

  // The password alone is not yet a success when a second factor follows: the attempt stays failed
  // (and counts against the account) until the factor passes.
  const pending = (purpose: "second_factor" | "enrolment", payload: string | null) => {
    const token = createChallenge({ userId: user.id, purpose, payload, redirectTo: safeRedirect(redirectTo), attemptId, ttlMs: PENDING_SIGN_IN_TTL_MS });
    const location = purpose === "second_factor" ? SECOND_FACTOR_PAGE : FORCED_ENROLMENT_PAGE;
    return { ok: true as const, next: purpose, cookie: pendingCookie(token), location, needsMembershipChoice: false };
  };
  if (hasSecondFactor(factorsOf(user.id))) return pending("second_factor", null);
  if (userNeedsMfa(user.id)) return pending("enrolment", newEncryptedTotpSecret(user.id));

  markAttemptSucceeded(attemptId);
  return { ok: true, next: "session", ...(await sessionFor(user.id, "password", redirectTo)) };
}

export type PendingSignIn = { challenge: Challenge; user: { id: number; username: string; displayName: string } };

/** The sign-in waiting in this browser for its second factor (or its enrolment), or null. */
export function pendingSignIn(request: Request, purpose: "second_factor" | "enrolment"): PendingSignIn | null {
  const challenge = readChallenge(readPendingToken(request), [purpose]);
  if (!challenge) return null;
  const user = getDb()
    .select({ id: users.id, username: users.username, displayName: users.displayName, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, challenge.userId))
    .get();
  if (!user || user.disabledAt) return null;
  return { challenge, user };
}

/**
 * The second factor passed: the pending sign-in is used up (once), the password attempt becomes a
 * success, and the session starts. Null when the pending sign-in was used by a parallel request.
 */
export async function completeSignIn(
  pending: PendingSignIn,
  authMethod: AuthMethod,
  redirectTo?: string,
): Promise<{ headers: Headers; location: string } | null> {
  if (!consumeChallenge(pending.challenge.id)) return null;
  if (pending.challenge.attemptId !== null) markAttemptSucceeded(pending.challenge.attemptId);
  const session = await sessionFor(pending.user.id, authMethod, redirectTo ?? pending.challenge.redirectTo ?? "/");
  const headers = new Headers();
  headers.append("Set-Cookie", session.cookie);
  headers.append("Set-Cookie", blankPendingCookie());
  return { headers, location: session.location };
}
