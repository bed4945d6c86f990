import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { identityProviders } from "./identity";
import { AUTH_METHODS, memberships, users } from "./organizations";

/**
 * Sessions. `id` is the SHA-256 hash of the token in the cookie: the token itself is never
 * stored, so a copy of the database cannot be used to take over sessions.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    // The membership the user acts in; null until chosen.
    membershipId: integer("membership_id").references(() => memberships.id),
    // Unix milliseconds. expires_at never passes created_at + the absolute lifetime.
    createdAt: integer("created_at").notNull(),
    lastActiveAt: integer("last_active_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    // When the person last proved who they are (sign-in or step-up), Unix ms. For SSO and e-legitimation,
    // the provider's auth_time. 0 for sessions from before this column: the next sensitive step asks again.
    authenticatedAt: integer("authenticated_at").notNull().default(0),
    authMethod: text("auth_method", { enum: AUTH_METHODS }).notNull().default("password"),
    // The provider that signed the person in (single logout, step-up through the same provider).
    identityProviderId: integer("identity_provider_id").references(() => identityProviders.id),
    // A citizen's session: whose file they may open and as what, JSON [{ youthId, relation }], decided at
    // sign-in from the verified personnummer and the population register. Null for staff.
    citizenScope: text("citizen_scope"),
  },
  (t) => [index("sessions_user").on(t.userId), index("sessions_expires").on(t.expiresAt)],
);

/** Failed and successful sign-ins, for throttling per account and per address. */
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Normalised user name as typed (also for names that do not exist).
    usernameKey: text("username_key").notNull(),
    address: text("address").notNull(),
    at: integer("at").notNull(),
    succeeded: integer("succeeded", { mode: "boolean" }).notNull(),
    // password, totp, recovery_code, passkey: every factor shares one budget per account and address.
    factor: text("factor").notNull().default("password"),
  },
  (t) => [index("login_attempts_user").on(t.usernameKey, t.at), index("login_attempts_address").on(t.address, t.at)],
);
