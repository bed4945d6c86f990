import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { memberships, municipalities, users } from "./organizations";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const IDENTITY_PROVIDER_PURPOSES = ["staff", "citizen"] as const;
export type IdentityProviderPurpose = (typeof IDENTITY_PROVIDER_PURPOSES)[number];
/** The claim a staff sign-in is matched on. E-mail counts only when the provider says it is verified. */
export const MATCH_CLAIMS = ["sub", "email"] as const;
export type MatchClaim = (typeof MATCH_CLAIMS)[number];

/**
 * OpenID Connect providers. staff: the municipality's own (Azure AD/Entra ID, ADFS, Keycloak), one per
 * municipality. citizen: the e-legitimation broker (BankID, Freja eID), one for the installation.
 */
export const identityProviders = sqliteTable(
  "identity_providers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    purpose: text("purpose", { enum: IDENTITY_PROVIDER_PURPOSES }).notNull(),
    municipalityId: integer("municipality_id").references(() => municipalities.id),
    displayName: text("display_name").notNull(),
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    // AES-256-GCM under AUTH_SECRETS_KEY (app/modules/auth/secrets.server.ts); never shown again.
    clientSecretEnc: text("client_secret_enc").notNull(),
    matchClaim: text("match_claim", { enum: MATCH_CLAIMS }).notNull().default("sub"),
    // The claim carrying the verified personnummer (citizen providers), per the Swedish OIDC profile.
    personalNumberClaim: text("personal_number_claim").notNull().default("https://id.oidc.se/claim/personalIdentityNumber"),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("identity_providers_one_per_municipality")
      .on(t.municipalityId)
      .where(sql`purpose = 'staff'`),
    uniqueIndex("identity_providers_one_citizen_broker")
      .on(t.purpose)
      .where(sql`purpose = 'citizen'`),
  ],
);

/** A staff account linked to a subject (or verified e-mail) at the municipality's provider, by the admin. */
export const userIdentities = sqliteTable(
  "user_identities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    providerId: integer("provider_id")
      .notNull()
      .references(() => identityProviders.id),
    claim: text("claim", { enum: MATCH_CLAIMS }).notNull(),
    value: text("value").notNull(),
    createdAt: text("created_at").notNull().default(now),
    createdByMembershipId: integer("created_by_membership_id").references(() => memberships.id),
  },
  (t) => [uniqueIndex("user_identities_claim").on(t.providerId, t.claim, t.value), index("user_identities_user").on(t.userId)],
);

/**
 * An authorization request on its way to the provider and back: state, nonce and the PKCE verifier, bound
 * to a short cookie whose SHA-256 is the id. Deleted when the browser returns (single use).
 */
export const oidcRequests = sqliteTable(
  "oidc_requests",
  {
    id: text("id").primaryKey(),
    providerId: integer("provider_id")
      .notNull()
      .references(() => identityProviders.id),
    // staff_sign_in, staff_step_up, citizen_sign_in, citizen_step_up
    purpose: text("purpose").notNull(),
    state: text("state").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    returnTo: text("return_to"),
    // For step-up: the session that asked.
    sessionId: text("session_id"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("oidc_requests_expires").on(t.expiresAt)],
);

/**
 * Sign-ins through a provider and refusals of every kind, for the systemförvaltare and the
 * informationssäkerhetsansvarige. Never a personnummer: a citizen is their user id or nothing.
 * Append-only (triggers in the migration).
 */
export const signInEvents = sqliteTable(
  "sign_in_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull().default(now),
    userId: integer("user_id"),
    providerId: integer("provider_id"),
    method: text("method").notNull(),
    outcome: text("outcome", { enum: ["succeeded", "refused"] }).notNull(),
    reason: text("reason"),
    // What the provider said about who it was (a staff subject or e-mail; never a personnummer).
    detail: text("detail"),
    address: text("address"),
  },
  (t) => [index("sign_in_events_at").on(t.at), index("sign_in_events_user").on(t.userId, t.at)],
);
