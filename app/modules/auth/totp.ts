/**
 * TOTP (RFC 6238): six digits, 30-second steps, SHA-1 (what every authenticator app speaks). Pure: the
 * clock is a parameter, so tests step it. A code is accepted in the current step and one step either side
 * (clock drift), and only if its step is newer than the last one used (§5.2: a code works once, so a code
 * seen over someone's shoulder cannot be used again within its window).
 */
import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const ISSUER = "Samverkansportalen";

function totp(secret: string, label = "") {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** A new 20-byte (160-bit, RFC 4226's recommendation) seed, base32 as apps type it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI the QR code carries. */
export function totpUri(secret: string, accountName: string): string {
  return totp(secret, accountName).toString();
}

/** The seed in groups of four, easier to type into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/** Digits only; spaces and dashes people type between groups are dropped. */
export function normaliseTotpCode(code: string): string {
  return code.replace(/[\s-]/g, "");
}

/**
 * The time step of an accepted code, or null: wrong, outside the window, or not newer than
 * `lastUsedCounter` (a replay). The caller stores the returned step as the new last used one.
 */
export function verifyTotp(input: { secret: string; code: string; lastUsedCounter: number; now: number }): number | null {
  const code = normaliseTotpCode(input.code);
  if (!/^\d{6}$/.test(code)) return null;
  const generator = totp(input.secret);
  const delta = generator.validate({ token: code, timestamp: input.now, window: 1 });
  if (delta === null) return null;
  const counter = generator.counter({ timestamp: input.now }) + delta;
  return counter > input.lastUsedCounter ? counter : null;
}

/** The code for a moment (tests and the demo's own checks). */
export function totpCodeAt(secret: string, now: number): string {
  return totp(secret).generate({ timestamp: now });
}
