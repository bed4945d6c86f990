/**
 * Passkeys (WebAuthn, @simplewebauthn/server) as a second factor for local accounts. The relying party
 * is this portal: its host name (PUBLIC_ORIGIN, or the address the browser used; never an IP address,
 * browsers refuse those) and its origin. User verification (PIN, fingerprint, face) is required, so the
 * passkey is itself two factors; the challenge is kept server-side for two minutes and used once.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { and, asc, count, eq } from "drizzle-orm";
import { getDb, type Db } from "#db/client";
import { webauthnCredentials } from "#db/schema";
import { config } from "~/config.server";
import { consumeChallenge, createChallenge, readChallenge } from "./challenges.server";

const CHALLENGE_TTL_MS = 2 * 60 * 1000;
const RP_NAME = "Samverkansportalen";

function relyingParty(request: Request): { rpID: string; origin: string } {
  const origin = (config().PUBLIC_ORIGIN ?? new URL(request.url).origin).replace(/\/+$/, "");
  return { rpID: new URL(origin).hostname, origin };
}

const transportsOf = (stored: string | null): AuthenticatorTransport[] | undefined => (stored ? (JSON.parse(stored) as AuthenticatorTransport[]) : undefined);

export type PasskeyView = { id: string; name: string; createdAt: number; lastUsedAt: number | null; backedUp: boolean };

export function passkeysOf(userId: number, db: Pick<Db, "select"> = getDb()): PasskeyView[] {
  return db
    .select({
      id: webauthnCredentials.id,
      name: webauthnCredentials.name,
      createdAt: webauthnCredentials.createdAt,
      lastUsedAt: webauthnCredentials.lastUsedAt,
      backedUp: webauthnCredentials.backedUp,
    })
    .from(webauthnCredentials)
    .where(eq(webauthnCredentials.userId, userId))
    .orderBy(asc(webauthnCredentials.createdAt))
    .all();
}

export function passkeyCount(userId: number, db: Pick<Db, "select"> = getDb()): number {
  return db.select({ n: count() }).from(webauthnCredentials).where(eq(webauthnCredentials.userId, userId)).get()?.n ?? 0;
}

/** Options for adding a passkey, and the token that finds their challenge again. */
export async function passkeyRegistrationOptions(
  request: Request,
  user: { id: number; username: string; displayName: string },
): Promise<{ options: PublicKeyCredentialCreationOptionsJSON; token: string }> {
  const { rpID } = relyingParty(request);
  const existing = getDb()
    .select({ id: webauthnCredentials.id, transports: webauthnCredentials.transports })
    .from(webauthnCredentials)
    .where(eq(webauthnCredentials.userId, user.id))
    .all();
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: user.username,
    userDisplayName: user.displayName,
    // The user handle is random per registration call in the library; the portal finds keys by credential id.
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.id, transports: transportsOf(c.transports) })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
  });
  const token = createChallenge({ userId: user.id, purpose: "passkey_registration", payload: options.challenge, ttlMs: CHALLENGE_TTL_MS });
  return { options, token };
}

function parseJson<T>(text: string): T | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as T) : null;
  } catch {
    return null;
  }
}

/** Verifies the browser's answer and stores the passkey under the name the person gave it. */
export async function registerPasskey(request: Request, userId: number, input: { token: string; response: string; name: string }): Promise<boolean> {
  const challenge = readChallenge(input.token, ["passkey_registration"], userId);
  const response = parseJson<RegistrationResponseJSON>(input.response);
  if (!challenge?.payload || !response || !consumeChallenge(challenge.id)) return false;
  const { rpID, origin } = relyingParty(request);
  try {
    const verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge.payload,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    });
    if (!verification.verified || !verification.registrationInfo) return false;
    const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
    getDb()
      .insert(webauthnCredentials)
      .values({
        id: credential.id,
        userId,
        publicKey: Buffer.from(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ? JSON.stringify(credential.transports) : null,
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        name: input.name,
        createdAt: Date.now(),
      })
      .onConflictDoNothing()
      .run();
    return true;
  } catch {
    return false;
  }
}

/** Options for proving who one is with one of the user's passkeys (sign-in's second factor, step-up). */
export async function passkeyAuthenticationOptions(
  request: Request,
  userId: number,
): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; token: string }> {
  const { rpID } = relyingParty(request);
  const credentials = getDb()
    .select({ id: webauthnCredentials.id, transports: webauthnCredentials.transports })
    .from(webauthnCredentials)
    .where(eq(webauthnCredentials.userId, userId))
    .all();
  const options = await generateAuthenticationOptions({
    rpID,
    allowCredentials: credentials.map((c) => ({ id: c.id, transports: transportsOf(c.transports) })),
    userVerification: "required",
  });
  const token = createChallenge({ userId, purpose: "passkey_authentication", payload: options.challenge, ttlMs: CHALLENGE_TTL_MS });
  return { options, token };
}

/**
 * Checks a passkey answer: the user's own credential, this challenge (used once), user verification, and a
 * signature counter that grew (the library refuses one that did not, a sign of a cloned key). The counter is
 * stored with a conditional UPDATE, so the same answer cannot pass twice.
 */
export async function verifyPasskey(request: Request, userId: number, input: { token: string; response: string }): Promise<boolean> {
  const challenge = readChallenge(input.token, ["passkey_authentication"], userId);
  const response = parseJson<AuthenticationResponseJSON>(input.response);
  if (!challenge?.payload || !response || typeof response.id !== "string" || !consumeChallenge(challenge.id)) return false;
  const db = getDb();
  const stored = db
    .select()
    .from(webauthnCredentials)
    .where(and(eq(webauthnCredentials.id, response.id), eq(webauthnCredentials.userId, userId)))
    .get();
  if (!stored) return false;
  const { rpID, origin } = relyingParty(request);
  try {
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge.payload,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
      credential: { id: stored.id, publicKey: new Uint8Array(stored.publicKey), counter: stored.counter, transports: transportsOf(stored.transports) },
    });
    if (!verification.verified) return false;
    return (
      db
        .update(webauthnCredentials)
        .set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: Date.now() })
        .where(and(eq(webauthnCredentials.id, stored.id), eq(webauthnCredentials.counter, stored.counter)))
        .run().changes === 1
    );
  } catch {
    return false;
  }
}

export function removePasskey(userId: number, credentialId: string): boolean {
  return (
    getDb()
      .delete(webauthnCredentials)
      .where(and(eq(webauthnCredentials.userId, userId), eq(webauthnCredentials.id, credentialId)))
      .run().changes === 1
  );
}

export function removePasskeys(userId: number, db: Pick<Db, "delete"> = getDb()) {
  db.delete(webauthnCredentials).where(eq(webauthnCredentials.userId, userId)).run();
}
