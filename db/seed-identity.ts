/**
 * The demo's identity providers on the portal's side: Nässjö's and Jönköping's staff sign-in and the
 * e-legitimation broker, all served by the demo provider (tests/mocks/oidc-provider.ts) at
 * config().demoIdentityProvider, with their client secrets encrypted like an admin's; and each demo staff
 * member linked by subject, as an admin would on /admin/anvandare.
 */
import { eq, inArray } from "drizzle-orm";
import type { Tx } from "./client";
import { identityProviders, municipalities, userIdentities, users } from "./schema";
import { config } from "../app/config.server";
import { encryptSecret } from "../app/modules/auth/secrets.server";
import { clientSecretAad } from "../app/modules/integrations/oidc.server";
import { DEMO_IDENTITY_PROVIDERS, DEMO_SSO_STAFF, demoStaffMunicipalityCode, demoStaffSubject } from "./demo-identity";

export function seedIdentityProviders(tx: Tx) {
  const demo = config().demoIdentityProvider;
  if (!demo) return;
  const providerOf = new Map<string, number>();
  for (const p of DEMO_IDENTITY_PROVIDERS) {
    const municipalityId = p.municipalityCode
      ? tx.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.code, p.municipalityCode)).get()!.id
      : null;
    const { id } = tx
      .insert(identityProviders)
      .values({ purpose: p.purpose, municipalityId, displayName: p.displayName, issuer: demo.issuer, clientId: p.clientId, clientSecretEnc: "-" })
      .returning({ id: identityProviders.id })
      .get();
    // The secret's additional data names the row, so it is encrypted once the id is known.
    tx.update(identityProviders)
      .set({ clientSecretEnc: encryptSecret(p.clientSecret, clientSecretAad(id)) })
      .where(eq(identityProviders.id, id))
      .run();
    if (p.municipalityCode) providerOf.set(p.municipalityCode, id);
  }
  const usernames = DEMO_SSO_STAFF.map((s) => s.username);
  const ids = new Map(
    tx
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(inArray(users.username, usernames))
      .all()
      .map((u) => [u.username, u.id]),
  );
  for (const s of DEMO_SSO_STAFF) {
    tx.insert(userIdentities)
      .values({
        userId: ids.get(s.username)!,
        providerId: providerOf.get(demoStaffMunicipalityCode(s.org))!,
        claim: "sub",
        value: demoStaffSubject(s.username),
      })
      .run();
  }
}
