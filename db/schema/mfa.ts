import { sql } from "drizzle-orm";
import { blob, check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { memberships, users } from "./organizations";

/**
 * The second factor of a local (password) account: a TOTP app, passkeys, and recovery codes for when
 * both are lost. SSO accounts use the municipality's MFA instead (app/modules/auth/mfa-policy.ts).
 */

/** One authenticator app per user. The seed is encrypted (AAD `totp:<userId>`), never stored plain. */
export const totpCredentials = sqliteTable("totp_credentials", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id),
  secretEnc: text("secret_enc").notNull(),
  // The RFC 6238 time step of the last accepted code: a code is accepted once (§5.2, replay).
  lastUsedCounter: integer("last_used_counter").notNull().default(0),
  createdAt: integer("created_at").notNull(),
});

/** Single-use recovery codes, only their SHA-256 stored; a used code keeps its row with used_at. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    createdAt: integer("created_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("recovery_codes_user").on(t.userId), uniqueIndex("recovery_codes_hash").on(t.userId, t.codeHash)],
);

/** Passkeys (WebAuthn credentials). id is the credential id (base64url) the authenticator gives. */
export const webauthnCredentials = sqliteTable(
  "webauthn_credentials",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    publicKey: blob("public_key", { mode: "buffer" }).notNull(),
    // The signature counter; a value that does not grow (when the authenticator keeps one) means a cloned key.
    counter: integer("counter").notNull().default(0),
    // JSON list of transports (internal, usb, hybrid …), given back to the browser as a hint.
    transports: text("transports"),
    deviceType: text("device_type").notNull(),
    backedUp: integer("backed_up", { mode: "boolean" }).notNull(),
    name: text("name").notNull(),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
  },
  (t) => [index("webauthn_credentials_user").on(t.userId)],
);

export const AUTH_CHALLENGE_PURPOSES = [
  // Signed in with the password; the second factor is still to come (cookie sp_pending).
  "second_factor",
  // Signed in with the password; must enrol a factor before a session starts (cookie sp_pending).
  "enrolment",
  // A signed-in user adds an authenticator app on the account page.
  "totp_enrolment",
  // A signed-in user adds a passkey.
  "passkey_registration",
  // A passkey answer at sign-in or step-up.
  "passkey_authentication",
] as const;
export type AuthChallengePurpose = (typeof AUTH_CHALLENGE_PURPOSES)[number];

/** Short-lived server-side state of a sign-in or enrolment in progress. id = SHA-256 of the token the browser holds. */
export const authChallenges = sqliteTable(
  "auth_challenges",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    purpose: text("purpose", { enum: AUTH_CHALLENGE_PURPOSES }).notNull(),
    // Encrypted TOTP seed being enrolled, or a WebAuthn challenge; JSON.
    payload: text("payload"),
    // Where the sign-in goes afterwards (a local path).
    redirectTo: text("redirect_to"),
    // The failed password attempt row the sign-in marks as succeeded once the second factor passes.
    attemptId: integer("attempt_id"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    failures: integer("failures").notNull().default(0),
  },
  (t) => [index("auth_challenges_user").on(t.userId), index("auth_challenges_expires").on(t.expiresAt)],
);

/** Installation-wide sign-in settings (one row). */
export const authSettings = sqliteTable(
  "auth_settings",
  {
    id: integer("id").primaryKey(),
    // Every local account must use a second factor, the systemförvaltare's too.
    mfaForEveryone: integer("mfa_for_everyone", { mode: "boolean" }).notNull().default(false),
    updatedAt: text("updated_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedByMembershipId: integer("updated_by_membership_id").references(() => memberships.id),
  },
  (t) => [check("auth_settings_single_row", sql`${t.id} = 1`)],
);
