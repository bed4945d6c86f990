/**
 * The authenticator app of a local account: the seed encrypted at rest (AAD `totp:<userId>`, so a seed
 * cannot be moved to another account), the last used time step kept so a code works once.
 */
import { and, eq, lt } from "drizzle-orm";
import QRCode from "qrcode";
import { getDb, type Db } from "#db/client";
import { totpCredentials } from "#db/schema";
import { decryptSecret, encryptSecret } from "./secrets.server";
import { groupedSecret, newTotpSecret, totpUri, verifyTotp } from "./totp";

const aad = (userId: number) => `totp:${userId}`;

export function hasTotp(userId: number, db: Pick<Db, "select"> = getDb()): boolean {
  return db.select({ userId: totpCredentials.userId }).from(totpCredentials).where(eq(totpCredentials.userId, userId)).get() !== undefined;
}

/** A new seed for an enrolment in progress, encrypted for the account: kept in a challenge until confirmed. */
export function newEncryptedTotpSecret(userId: number): string {
  return encryptSecret(newTotpSecret(), aad(userId));
}

export type TotpEnrolmentView = { qrDataUrl: string; secret: string; uri: string };

/** What the person scans (a QR code as a data: image) or types (the seed in groups of four). */
export async function totpEnrolmentView(userId: number, encryptedSecret: string, accountName: string): Promise<TotpEnrolmentView> {
  const secret = decryptSecret(encryptedSecret, aad(userId));
  const uri = totpUri(secret, accountName);
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 2, width: 240 });
  return { qrDataUrl, secret: groupedSecret(secret), uri };
}

/**
 * Confirms an enrolment with one code from the app and stores the seed (replacing an earlier app).
 * The confirming code counts as used. False when the code is wrong.
 */
export function confirmTotpEnrolment(userId: number, encryptedSecret: string, code: string, now: number, db: Pick<Db, "insert"> = getDb()): boolean {
  const secret = decryptSecret(encryptedSecret, aad(userId));
  const counter = verifyTotp({ secret, code, lastUsedCounter: 0, now });
  if (counter === null) return false;
  db.insert(totpCredentials)
    .values({ userId, secretEnc: encryptedSecret, lastUsedCounter: counter, createdAt: now })
    .onConflictDoUpdate({ target: totpCredentials.userId, set: { secretEnc: encryptedSecret, lastUsedCounter: counter, createdAt: now } })
    .run();
  return true;
}

/**
 * Checks a code of the user's app. The step is stored with a conditional UPDATE (only if newer than
 * the stored one), so two requests with the same code at the same moment cannot both pass.
 */
export function acceptTotpCode(userId: number, code: string, now: number): boolean {
  const db = getDb();
  const row = db.select().from(totpCredentials).where(eq(totpCredentials.userId, userId)).get();
  if (!row) return false;
  const counter = verifyTotp({ secret: decryptSecret(row.secretEnc, aad(userId)), code, lastUsedCounter: row.lastUsedCounter, now });
  if (counter === null) return false;
  return (
    db
      .update(totpCredentials)
      .set({ lastUsedCounter: counter })
      .where(and(eq(totpCredentials.userId, userId), lt(totpCredentials.lastUsedCounter, counter)))
      .run().changes === 1
  );
}

export function removeTotp(userId: number, db: Pick<Db, "delete"> = getDb()) {
  db.delete(totpCredentials).where(eq(totpCredentials.userId, userId)).run();
}
