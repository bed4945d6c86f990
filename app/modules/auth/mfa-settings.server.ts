/**
 * The installation's MFA setting and each user's factors: what sign-in, the account page and the
 * actor's defence ask.
 */
import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { authSettings } from "#db/schema";
import type { Actor } from "./actor.server";
import { mfaRequired } from "./mfa-policy";
import { STAFF_STEP_UP_PAGE } from "./step-up.server";
import { passkeyCount } from "./passkeys.server";
import { recoveryCodesLeft } from "./recovery-codes.server";
import { hasTotp } from "./totp.server";
import { activeMembershipsOfUser } from "~/modules/organizations/memberships.server";
import { logAdminEvent } from "~/modules/organizations/admin.server";

export type MfaSettings = { mfaForEveryone: boolean };

export function mfaSettings(): MfaSettings {
  const row = getDb().select({ mfaForEveryone: authSettings.mfaForEveryone }).from(authSettings).where(eq(authSettings.id, 1)).get();
  return { mfaForEveryone: row?.mfaForEveryone ?? false };
}

/** Turns "every local account must use a second factor" on or off; logged for the administrative history. */
export function setMfaForEveryone(on: boolean, by: Pick<Actor, "userId" | "membershipId">) {
  const db = getDb();
  db.transaction((tx) => {
    const values = { mfaForEveryone: on, updatedAt: new Date().toISOString(), updatedByMembershipId: by.membershipId };
    tx.insert(authSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: authSettings.id, set: values })
      .run();
    logAdminEvent(by, on ? "mfa_required_for_everyone" : "mfa_required_for_youth_data_roles", {}, tx);
  });
}

/** Whether this user must have a second factor with the password (any active membership decides). */
export function userNeedsMfa(userId: number, settings = mfaSettings()): boolean {
  return mfaRequired(
    activeMembershipsOfUser(userId).map((m) => m.role),
    settings,
  );
}

export type Factors = { totp: boolean; passkeys: number; recoveryCodes: number };

export function factorsOf(userId: number): Factors {
  return { totp: hasTotp(userId), passkeys: passkeyCount(userId), recoveryCodes: recoveryCodesLeft(userId) };
}

/** A factor that can stand alone as the second step (recovery codes are the way back, not a factor). */
export function hasSecondFactor(factors: Factors): boolean {
  return factors.totp || factors.passkeys > 0;
}

export const ACCOUNT_MFA_PAGE = "/konto/tvastegsverifiering";

/** Where a password-only session that needs a second factor goes: prove it (step-up), or set one up. */
export function secondFactorLocation(userId: number, back: string): string {
  if (hasSecondFactor(factorsOf(userId))) return `${STAFF_STEP_UP_PAGE}?redirectTo=${encodeURIComponent(back)}`;
  return `${ACCOUNT_MFA_PAGE}?krav=1`;
}
