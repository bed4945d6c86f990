/**
 * Recovery codes: ten single-use codes for when the app and the passkeys are lost. 80 random bits each,
 * shown once as XXXX-XXXX-XXXX-XXXX and stored only as SHA-256 (a long random code needs no slow hash).
 */
import crypto from "node:crypto";
import { and, count, eq, isNull } from "drizzle-orm";
import { getDb, type Db } from "#db/client";
import { recoveryCodes } from "#db/schema";
import { RECOVERY_CODE_COUNT } from "./mfa-policy";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function newCode(): string {
  const bytes = crypto.randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join("-");
}

/** Upper case, without the dashes and spaces people type or leave out. */
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z2-7]/g, "");
}

const hashCode = (code: string) => crypto.createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");

/** Replaces all the user's codes with ten new ones and returns them (the only time they are seen). */
export function newRecoveryCodes(userId: number, db: Pick<Db, "insert" | "delete"> = getDb()): string[] {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  const now = Date.now();
  db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  db.insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashCode(code), createdAt: now })))
    .run();
  return codes;
}

/** Uses a code once: the conditional UPDATE lets only one of two simultaneous uses through. */
export function redeemRecoveryCode(userId: number, code: string, now: number): boolean {
  if (normaliseRecoveryCode(code).length !== 16) return false;
  return (
    getDb()
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashCode(code)), isNull(recoveryCodes.usedAt)))
      .run().changes === 1
  );
}

export function recoveryCodesLeft(userId: number, db: Pick<Db, "select"> = getDb()): number {
  return (
    db
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
      .get()?.n ?? 0
  );
}

export function removeRecoveryCodes(userId: number, db: Pick<Db, "delete"> = getDb()) {
  db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
}
