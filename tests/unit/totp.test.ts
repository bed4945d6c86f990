// TOTP (RFC 6238) with a fake clock: the window of one step either side, and a code that works once.
import { describe, expect, it } from "vitest";
import { groupedSecret, newTotpSecret, TOTP_PERIOD_SECONDS, totpCodeAt, totpUri, verifyTotp } from "~/modules/auth/totp";

const STEP = TOTP_PERIOD_SECONDS * 1000;
// A fixed moment in the middle of a 30-second step.
const NOW = Date.UTC(2026, 11, 2, 9, 0, 15);
const stepOf = (at: number) => Math.floor(at / STEP);

describe("verifyTotp", () => {
  const secret = newTotpSecret();

  it("accepts the current code and returns its time step", () => {
    expect(verifyTotp({ secret, code: totpCodeAt(secret, NOW), lastUsedCounter: 0, now: NOW })).toBe(stepOf(NOW));
  });

  it("accepts a code from the previous window (a clock a little behind, a slow typist)", () => {
    const previous = totpCodeAt(secret, NOW - STEP);
    expect(verifyTotp({ secret, code: previous, lastUsedCounter: 0, now: NOW })).toBe(stepOf(NOW) - 1);
  });

  it("refuses a code that was already used, and any older one", () => {
    const code = totpCodeAt(secret, NOW);
    const used = verifyTotp({ secret, code, lastUsedCounter: 0, now: NOW })!;
    expect(verifyTotp({ secret, code, lastUsedCounter: used, now: NOW })).toBeNull();
    // Still refused a step later, when it is "the previous window".
    expect(verifyTotp({ secret, code, lastUsedCounter: used, now: NOW + STEP })).toBeNull();
    expect(verifyTotp({ secret, code: totpCodeAt(secret, NOW - STEP), lastUsedCounter: used, now: NOW })).toBeNull();
    // The next step's code is new and passes.
    expect(verifyTotp({ secret, code: totpCodeAt(secret, NOW + STEP), lastUsedCounter: used, now: NOW + STEP })).toBe(used + 1);
  });

  it("refuses a code two windows old", () => {
    expect(verifyTotp({ secret, code: totpCodeAt(secret, NOW - 2 * STEP), lastUsedCounter: 0, now: NOW })).toBeNull();
  });

  it("refuses another seed's code and anything that is not six digits; accepts spaces typed between", () => {
    const other = newTotpSecret();
    const code = totpCodeAt(secret, NOW);
    expect(verifyTotp({ secret: other, code, lastUsedCounter: 0, now: NOW })).toBeNull();
    expect(verifyTotp({ secret, code: "12345", lastUsedCounter: 0, now: NOW })).toBeNull();
    expect(verifyTotp({ secret, code: "abcdef", lastUsedCounter: 0, now: NOW })).toBeNull();
    expect(verifyTotp({ secret, code: `${code.slice(0, 3)} ${code.slice(3)}`, lastUsedCounter: 0, now: NOW })).toBe(stepOf(NOW));
  });
});

describe("enrolment values", () => {
  it("makes a 160-bit seed, an otpauth URI for the QR code, and the seed in groups of four", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, "anna@test.example");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Samverkansportalen:anna%40test\.example\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(groupedSecret(secret).split(" ")).toHaveLength(8);
  });
});
