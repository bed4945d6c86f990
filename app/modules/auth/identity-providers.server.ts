/**
 * The identity providers the portal trusts: one staff provider per municipality (its Entra ID, ADFS or
 * Keycloak) and one e-legitimation broker for citizens. Configured on /admin/inloggning.
 */
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { identityProviders } from "#db/schema";
import type { IdentityProviderRow } from "~/modules/integrations/oidc.server";

export type { IdentityProviderRow };

export function providerById(id: number): IdentityProviderRow | undefined {
  return getDb().select().from(identityProviders).where(eq(identityProviders.id, id)).get();
}

/** A staff provider that may be used to sign in (enabled), or undefined. */
export function enabledStaffProvider(id: number): IdentityProviderRow | undefined {
  return getDb()
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.id, id), eq(identityProviders.purpose, "staff"), eq(identityProviders.enabled, true)))
    .get();
}

/** The buttons on /logga-in: every enabled staff provider, by name. */
export function staffSignInButtons(): { id: number; displayName: string }[] {
  return getDb()
    .select({ id: identityProviders.id, displayName: identityProviders.displayName })
    .from(identityProviders)
    .where(and(eq(identityProviders.purpose, "staff"), eq(identityProviders.enabled, true)))
    .orderBy(asc(identityProviders.displayName))
    .all();
}

/** The e-legitimation broker, when configured and enabled. */
export function citizenBroker(): IdentityProviderRow | undefined {
  return getDb()
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.purpose, "citizen"), eq(identityProviders.enabled, true)))
    .get();
}
