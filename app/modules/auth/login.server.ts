import { and, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { users } from "#db/schema";
import { activeMembershipsOfUser } from "~/modules/organizations/memberships.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { startSession } from "./session.server";
import { isAddressThrottled, isThrottled, markAttemptSucceeded, normaliseUsername, recordAttempt } from "./throttle.server";

export const LOGIN_ERRORS = {
  // The same answer for an unknown user, a wrong password and a disabled account (ASVS 2.2.x).
  invalid: "Fel användarnamn eller lösenord.",
  throttled: "För många misslyckade inloggningsförsök. Vänta en kvart och försök igen.",
} as const;

export type LoginResult = { ok: true; cookie: string; needsMembershipChoice: boolean } | { ok: false; error: string };

/**
 * Whether an address is throttled, asked before the sign-in form is read: a sprayer gets the answer
 * without the server parsing its body. (The per-account limit needs the username: signIn.)
 */
export function addressThrottled(address: string): boolean {
  return isAddressThrottled(address, Date.now());
}

export async function signIn(username: string, password: string, address: string): Promise<LoginResult> {
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
  const memberships = user ? activeMembershipsOfUser(user.id) : [];
  if (!user || !valid || user.disabledAt) return { ok: false, error: LOGIN_ERRORS.invalid };
  markAttemptSucceeded(attemptId);
  const only = memberships.length === 1 ? memberships[0]!.id : null;
  const cookie = await startSession(user.id, only);
  return { ok: true, cookie, needsMembershipChoice: memberships.length > 1 };
}
