/**
 * Secrets the portal keeps at rest (a TOTP seed, an identity provider's client secret) are encrypted with
 * AES-256-GCM under AUTH_SECRETS_KEY, which lives only in the environment: a copy of the database alone
 * reveals none of them. The additional data binds each secret to its row, so one cannot be moved to another.
 * The same key, as an HMAC key, turns a verified personnummer into the key a citizen account is found by.
 */
import crypto from "node:crypto";
import { config } from "~/config.server";

const VERSION = "v1";

function key(): Buffer {
  return config().authSecretsKey;
}

export function encryptSecret(plain: string, aad: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(":");
}

/** Throws when the value was not made by encryptSecret with this key and this aad. */
export function decryptSecret(stored: string, aad: string): string {
  const [version, iv, body, tag] = stored.split(":");
  if (version !== VERSION || !iv || !body || !tag) throw new Error("Okänt format på en krypterad hemlighet");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** The key a citizen account is found by: HMAC-SHA256 of the twelve-digit personnummer. */
export function personalNumberKey(personalNumber: string): string {
  return crypto.createHmac("sha256", key()).update(`personnummer:${personalNumber}`).digest("base64url");
}
