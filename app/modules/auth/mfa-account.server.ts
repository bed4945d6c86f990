/**
 * The account page's second factors (/konto/tvastegsverifiering) and the systemförvaltare's reset. An
 * account that must use MFA keeps at least one factor; removing the last factor of one that need not also
 * removes its recovery codes (they would be a way in without a factor).
 */
import { getDb } from "#db/client";
import type { Actor } from "./actor.server";
import { endChallengesOfUser } from "./challenges.server";
import { hasOtherFactor } from "./mfa-enrolment.server";
import { factorsOf, hasSecondFactor, userNeedsMfa, type Factors } from "./mfa-settings.server";
import { passkeysOf, removePasskey, removePasskeys, type PasskeyView } from "./passkeys.server";
import { newRecoveryCodes, removeRecoveryCodes } from "./recovery-codes.server";
import { endAllSessionsOfUser } from "./session.server";
import { removeTotp } from "./totp.server";
import { logAdminEvent } from "~/modules/organizations/admin.server";

export type AccountMfa = { factors: Factors; passkeys: PasskeyView[]; required: boolean };

export function accountMfa(userId: number): AccountMfa {
  return { factors: factorsOf(userId), passkeys: passkeysOf(userId), required: userNeedsMfa(userId) };
}

export const MFA_ACCOUNT_ERRORS = {
  lastFactor: "Ditt konto måste ha tvåstegsverifiering. Lägg till ett annat sätt (en app eller en nyckel) innan du tar bort det här.",
  noFactor: "Aktivera en app eller en nyckel först; reservkoderna hör till dem.",
  unknownPasskey: "Nyckeln finns inte längre.",
} as const;

function dropCodesIfNoFactor(userId: number) {
  if (!hasSecondFactor(factorsOf(userId))) removeRecoveryCodes(userId);
}

export function turnOffTotp(userId: number): { ok: true } | { ok: false; error: string } {
  if (userNeedsMfa(userId) && !hasOtherFactor(userId, "totp")) return { ok: false, error: MFA_ACCOUNT_ERRORS.lastFactor };
  removeTotp(userId);
  dropCodesIfNoFactor(userId);
  return { ok: true };
}

export function deletePasskey(userId: number, credentialId: string): { ok: true } | { ok: false; error: string } {
  if (!passkeysOf(userId).some((p) => p.id === credentialId)) return { ok: false, error: MFA_ACCOUNT_ERRORS.unknownPasskey };
  if (userNeedsMfa(userId) && !hasOtherFactor(userId, "passkey")) return { ok: false, error: MFA_ACCOUNT_ERRORS.lastFactor };
  removePasskey(userId, credentialId);
  dropCodesIfNoFactor(userId);
  return { ok: true };
}

/** Ten new recovery codes; the old ones stop working. */
export function regenerateRecoveryCodes(userId: number): { ok: true; codes: string[] } | { ok: false; error: string } {
  if (!hasSecondFactor(factorsOf(userId))) return { ok: false, error: MFA_ACCOUNT_ERRORS.noFactor };
  return { ok: true, codes: newRecoveryCodes(userId) };
}

/**
 * "Återställ tvåstegsverifiering" (the person lost phone, keys and codes): removes the app, the passkeys
 * and the recovery codes, ends the person's sessions and sign-ins in progress, and logs who did it. At the
 * next sign-in the person sets up a new factor (forced enrolment when the role requires one).
 */
export async function resetMfa(userId: number, by: Pick<Actor, "userId" | "membershipId">) {
  getDb().transaction((tx) => {
    removeTotp(userId, tx);
    removePasskeys(userId, tx);
    removeRecoveryCodes(userId, tx);
    endChallengesOfUser(userId, tx);
    logAdminEvent(by, "mfa_reset", { userId }, tx);
  });
  await endAllSessionsOfUser(userId);
}
