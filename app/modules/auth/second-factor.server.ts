/**
 * Proving the second factor (sign-in, forced enrolment, step-up), throttled on the same budget as the
 * password: every failed factor is a failed login attempt for the account and the address, so five wrong
 * steps of any kind stop the account for a quarter of an hour (ASVS 2.2.1; issue 17).
 */
import type { AuthMethod } from "#db/schema";
import { LOGIN_ERRORS } from "./login.server";
import { verifyPasskey } from "./passkeys.server";
import { redeemRecoveryCode } from "./recovery-codes.server";
import { isThrottled, markAttemptSucceeded, normaliseUsername, recordAttempt, type AttemptFactor } from "./throttle.server";
import { acceptTotpCode } from "./totp.server";

export type FactorProof =
  { factor: "totp"; code: string } | { factor: "recovery_code"; code: string } | { factor: "passkey"; token: string; response: string; request: Request };

export type FactorResult = { ok: true; authMethod: AuthMethod } | { ok: false; error: string; throttled: boolean };

export const FACTOR_ERRORS = {
  totp: "Koden stämmer inte. Kontrollera att du tar den senaste koden i appen.",
  recovery_code: "Reservkoden stämmer inte eller har redan använts.",
  passkey: "Nyckeln kunde inte bekräftas. Försök igen eller använd en annan metod.",
} as const;

const AUTH_METHOD_OF = { totp: "password_totp", recovery_code: "password_recovery_code", passkey: "password_passkey" } as const satisfies Record<
  AttemptFactor & FactorProof["factor"],
  AuthMethod
>;

async function check(userId: number, proof: FactorProof, now: number): Promise<boolean> {
  switch (proof.factor) {
    case "totp":
      return acceptTotpCode(userId, proof.code, now);
    case "recovery_code":
      return redeemRecoveryCode(userId, proof.code, now);
    case "passkey":
      return verifyPasskey(proof.request, userId, { token: proof.token, response: proof.response });
  }
}

/**
 * Runs `verify` as one throttled attempt of `factor` for the account: refused at once when throttled;
 * otherwise recorded as failed before checking (parallel guesses all count), then marked succeeded.
 */
export async function throttledAttempt(
  user: { username: string },
  address: string,
  factor: AttemptFactor,
  verify: () => Promise<boolean> | boolean,
): Promise<{ ok: true } | { ok: false; throttled: boolean }> {
  const key = normaliseUsername(user.username);
  const now = Date.now();
  if (isThrottled(key, address, now)) return { ok: false, throttled: true };
  const attemptId = recordAttempt(key, address, now, factor);
  if (!(await verify())) return { ok: false, throttled: false };
  markAttemptSucceeded(attemptId);
  return { ok: true };
}

export async function proveSecondFactor(user: { id: number; username: string }, address: string, proof: FactorProof): Promise<FactorResult> {
  const result = await throttledAttempt(user, address, proof.factor, () => check(user.id, proof, Date.now()));
  if (result.ok) return { ok: true, authMethod: AUTH_METHOD_OF[proof.factor] };
  return { ok: false, throttled: result.throttled, error: result.throttled ? LOGIN_ERRORS.throttled : FACTOR_ERRORS[proof.factor] };
}
