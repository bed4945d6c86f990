/**
 * Setting up a second factor: the authenticator app (at a forced enrolment during sign-in, or on the
 * account page) and passkeys. The first factor a person gets comes with ten recovery codes.
 */
import { getDb, type Tx } from "#db/client";
import { consumeChallenge, createChallenge, readChallenge } from "./challenges.server";
import { passkeyCount, registerPasskey } from "./passkeys.server";
import { newRecoveryCodes, recoveryCodesLeft } from "./recovery-codes.server";
import { confirmTotpEnrolment, hasTotp, newEncryptedTotpSecret, totpEnrolmentView, type TotpEnrolmentView } from "./totp.server";

const ENROLMENT_TTL_MS = 15 * 60 * 1000;

/** New recovery codes when the person has none left unused (a first factor, or after an admin's reset). */
function codesIfNone(tx: Tx, userId: number): string[] | null {
  return recoveryCodesLeft(userId, tx) === 0 ? newRecoveryCodes(userId, tx) : null;
}

/**
 * Confirms the app with one code and stores it, in one transaction with the recovery codes it brings.
 * Null when the code is wrong; otherwise the new recovery codes (null when the old ones still stand).
 */
export function enrolTotp(userId: number, encryptedSecret: string, code: string): { codes: string[] | null } | null {
  return getDb().transaction((tx) => {
    if (!confirmTotpEnrolment(userId, encryptedSecret, code, Date.now(), tx)) return null;
    return { codes: codesIfNone(tx, userId) };
  });
}

/** Starts adding (or replacing) the app on the account page: a new seed kept server-side until confirmed. */
export async function startTotpEnrolment(user: { id: number; username: string }): Promise<{ token: string; view: TotpEnrolmentView }> {
  const payload = newEncryptedTotpSecret(user.id);
  const token = createChallenge({ userId: user.id, purpose: "totp_enrolment", payload, ttlMs: ENROLMENT_TTL_MS });
  return { token, view: await totpEnrolmentView(user.id, payload, user.username) };
}

/** The enrolment in progress again (a wrong code shows the same QR code). */
export async function totpEnrolmentInProgress(user: { id: number; username: string }, token: string): Promise<TotpEnrolmentView | null> {
  const challenge = readChallenge(token, ["totp_enrolment"], user.id);
  return challenge?.payload ? totpEnrolmentView(user.id, challenge.payload, user.username) : null;
}

export type EnrolmentOutcome = { ok: true; codes: string[] | null } | { ok: false; reason: "wrong_code" | "expired" };

export function confirmTotpOnAccountPage(userId: number, token: string, code: string): EnrolmentOutcome {
  const challenge = readChallenge(token, ["totp_enrolment"], userId);
  if (!challenge?.payload) return { ok: false, reason: "expired" };
  const done = enrolTotp(userId, challenge.payload, code);
  if (!done) return { ok: false, reason: "wrong_code" };
  consumeChallenge(challenge.id);
  return { ok: true, codes: done.codes };
}

/** Stores a new passkey; the first factor of the account also gets recovery codes. */
export async function addPasskey(request: Request, userId: number, input: { token: string; response: string; name: string }): Promise<EnrolmentOutcome> {
  if (!(await registerPasskey(request, userId, input))) return { ok: false, reason: "wrong_code" };
  return { ok: true, codes: getDb().transaction((tx) => codesIfNone(tx, userId)) };
}

/** Whether the account has a factor other than the one about to be removed (when MFA is required, one must remain). */
export function hasOtherFactor(userId: number, removing: "totp" | "passkey"): boolean {
  return removing === "totp" ? passkeyCount(userId) > 0 : hasTotp(userId) || passkeyCount(userId) > 1;
}
