/**
 * The systemförvaltare's settings for sign-in through identity providers (/admin/inloggning) and the links
 * between portal accounts and subjects at the municipality's provider (/admin/anvandare/:id). Every change
 * is written to admin_events; a client secret is encrypted, never shown again and never logged.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { identityProviders, memberships, municipalities, organisations, userIdentities } from "#db/schema";
import { config } from "~/config.server";
import type { FieldErrors } from "~/lib/form-fields";
import { clientSecretAad, testDiscovery } from "~/modules/integrations/oidc.server";
import { logAdminEvent, type AdminActor } from "~/modules/organizations/admin.server";
import type { IdentityLinkInput, IdentityProviderInput } from "./identity-provider-schemas";
import { encryptSecret } from "./secrets.server";

type Result = { ok: true; id: number } | { ok: false; errors: FieldErrors };

/** Every provider, as the admin page lists them: never the secret, only whether one is stored. */
export function providersForAdmin() {
  return getDb()
    .select({
      id: identityProviders.id,
      purpose: identityProviders.purpose,
      municipalityId: identityProviders.municipalityId,
      municipalityName: municipalities.name,
      displayName: identityProviders.displayName,
      issuer: identityProviders.issuer,
      clientId: identityProviders.clientId,
      matchClaim: identityProviders.matchClaim,
      personalNumberClaim: identityProviders.personalNumberClaim,
      enabled: identityProviders.enabled,
      updatedAt: identityProviders.updatedAt,
    })
    .from(identityProviders)
    .leftJoin(municipalities, eq(municipalities.id, identityProviders.municipalityId))
    .orderBy(asc(identityProviders.purpose), asc(municipalities.name))
    .all();
}

/** Municipalities the portal is used in (they have organisations): the ones a staff provider can be for. */
export function portalMunicipalities() {
  return getDb()
    .selectDistinct({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .innerJoin(organisations, eq(organisations.municipalityId, municipalities.id))
    .orderBy(asc(municipalities.name))
    .all();
}

function describeChange(input: IdentityProviderInput, secretChanged: boolean) {
  const match = input.purpose === "staff" ? `, kopplas på ${input.matchClaim}` : `, personnummer i ${input.personalNumberClaim}`;
  return `${input.displayName}: ${input.issuer}, klient-id ${input.clientId}${match}, ${input.enabled ? "aktiv" : "avstängd"}${secretChanged ? ", ny klienthemlighet" : ""}`;
}

/** Creates or changes a provider. Production accepts only https issuers (the schema lets local http through). */
export function saveIdentityProvider(by: AdminActor, input: IdentityProviderInput): Result {
  if (config().PORTAL_MODE === "production" && !input.issuer.startsWith("https:"))
    return { ok: false, errors: { issuer: "Utfärdarens adress måste börja med https://." } };
  const db = getDb();
  const existing = input.id ? db.select().from(identityProviders).where(eq(identityProviders.id, input.id)).get() : undefined;
  if (input.id && !existing) return { ok: false, errors: { form: "Inloggningstjänsten finns inte längre." } };
  const purpose = existing?.purpose ?? input.purpose;
  const municipalityId = purpose === "staff" ? (existing?.municipalityId ?? input.municipalityId) : null;
  if (purpose === "staff" && !municipalityId) return { ok: false, errors: { municipalityId: "Välj kommunen inloggningen gäller." } };
  if (!existing && !input.clientSecret) return { ok: false, errors: { clientSecret: "Skriv klienthemligheten." } };
  const taken = db
    .select({ id: identityProviders.id })
    .from(identityProviders)
    .where(
      purpose === "staff"
        ? and(eq(identityProviders.purpose, "staff"), eq(identityProviders.municipalityId, municipalityId!))
        : eq(identityProviders.purpose, "citizen"),
    )
    .get();
  if (taken && taken.id !== existing?.id)
    return {
      ok: false,
      errors: {
        form:
          purpose === "staff" ? "Kommunen har redan en inloggningstjänst. Ändra den i stället." : "E-legitimationen är redan inställd. Ändra den i stället.",
      },
    };
  const values = {
    displayName: input.displayName,
    issuer: input.issuer.replace(/\/+$/, ""),
    clientId: input.clientId,
    matchClaim: purpose === "staff" ? input.matchClaim : ("sub" as const),
    personalNumberClaim: input.personalNumberClaim,
    enabled: input.enabled,
    updatedAt: new Date().toISOString(),
  };
  const id = db.transaction((tx) => {
    const id =
      existing?.id ??
      tx
        .insert(identityProviders)
        .values({ ...values, purpose, municipalityId, clientSecretEnc: "-" })
        .returning({ id: identityProviders.id })
        .get().id;
    tx.update(identityProviders)
      .set({ ...values, ...(input.clientSecret ? { clientSecretEnc: encryptSecret(input.clientSecret, clientSecretAad(id)) } : {}) })
      .where(eq(identityProviders.id, id))
      .run();
    logAdminEvent(
      by,
      existing ? "identity_provider_changed" : "identity_provider_created",
      { detail: describeChange({ ...input, purpose }, Boolean(input.clientSecret)) },
      tx,
    );
    return id;
  });
  return { ok: true, id };
}

/** "Testa anslutning": can the portal read the provider's metadata at this address? */
export async function testIdentityProvider(input: { issuer: string; clientId: string }): Promise<{ ok: boolean; message: string }> {
  try {
    const found = await testDiscovery(input);
    return {
      ok: true,
      message: `Anslutningen fungerar: ${found.issuer} svarade med sina uppgifter. ${found.endSession ? "Tjänsten stöder utloggning från portalen." : "Tjänsten erbjuder ingen utloggning (end_session_endpoint)."}`,
    };
  } catch {
    return {
      ok: false,
      message:
        "Portalen kunde inte hämta tjänstens uppgifter (/.well-known/openid-configuration) från adressen. Kontrollera adressen och att portalen når tjänsten.",
    };
  }
}

/** The account's links, and the staff providers of the municipalities the account has roles in. */
export function identityLinksOf(userId: number) {
  const db = getDb();
  const links = db
    .select({ id: userIdentities.id, claim: userIdentities.claim, value: userIdentities.value, provider: identityProviders.displayName })
    .from(userIdentities)
    .innerJoin(identityProviders, eq(identityProviders.id, userIdentities.providerId))
    .where(eq(userIdentities.userId, userId))
    .orderBy(asc(userIdentities.id))
    .all();
  const municipalityIds = db
    .selectDistinct({ id: organisations.municipalityId })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.endedAt)))
    .all()
    .map((m) => m.id);
  const providers = municipalityIds.length
    ? db
        .select({ id: identityProviders.id, displayName: identityProviders.displayName, matchClaim: identityProviders.matchClaim })
        .from(identityProviders)
        .where(and(eq(identityProviders.purpose, "staff"), inArray(identityProviders.municipalityId, municipalityIds)))
        .all()
    : [];
  return { links, providers };
}

export function linkIdentity(by: AdminActor, userId: number, input: IdentityLinkInput): { ok: true } | { ok: false; errors: FieldErrors } {
  const db = getDb();
  if (!identityLinksOf(userId).providers.some((p) => p.id === input.providerId))
    return { ok: false, errors: { providerId: "Välj inloggningstjänsten för en kommun där kontot har en roll." } };
  // An e-mail is compared as the provider sends it, in lower case.
  const value = input.claim === "email" ? input.value.trim().toLowerCase() : input.value.trim();
  const taken = db
    .select({ userId: userIdentities.userId })
    .from(userIdentities)
    .where(and(eq(userIdentities.providerId, input.providerId), eq(userIdentities.claim, input.claim), eq(userIdentities.value, value)))
    .get();
  if (taken)
    return { ok: false, errors: { value: taken.userId === userId ? "Kontot är redan kopplat så." : "Ett annat konto är redan kopplat till den identiteten." } };
  db.transaction((tx) => {
    tx.insert(userIdentities)
      .values({ userId, providerId: input.providerId, claim: input.claim, value, createdByMembershipId: by?.membershipId ?? null })
      .run();
    logAdminEvent(by, "identity_linked", { userId, detail: `${input.claim}=${value}` }, tx);
  });
  return { ok: true };
}

export function unlinkIdentity(by: AdminActor, userId: number, linkId: number): boolean {
  const db = getDb();
  return db.transaction((tx) => {
    const link = tx
      .select()
      .from(userIdentities)
      .where(and(eq(userIdentities.id, linkId), eq(userIdentities.userId, userId)))
      .get();
    if (!link) return false;
    tx.delete(userIdentities).where(eq(userIdentities.id, linkId)).run();
    logAdminEvent(by, "identity_unlinked", { userId, detail: `${link.claim}=${link.value}` }, tx);
    return true;
  });
}
