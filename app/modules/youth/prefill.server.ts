/**
 * Registering a youth from the population register (folkbokföringen). The look-up is an access to a
 * person's identity: only the KAA unit of the person's home municipality may make it, each look-up
 * is decided and logged by the kernel, and a protected address (skyddad identitet) reaches no one but
 * the samordnare. The register's answer never replaces what a school wrote without the caseworker
 * choosing: when the names differ, both are returned.
 */
import { and, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { municipalities, youths } from "#db/schema";
import type { Actor } from "~/modules/auth/actor.server";
import { decidePopulationLookup, mayLookUpPopulationRegister, type LookupDecision } from "~/modules/access/records.server";
import { lookupPerson, type RegisteredPerson } from "~/modules/integrations/population-register.server";
import { parsePersonalNumber } from "./personal-number";
import { municipalitiesWithKaaUnit } from "~/modules/organizations/municipalities.server";

export const LOOKUP_MESSAGES = {
  role: "Bara KAA-enheten i ungdomens hemkommun kan slå upp i folkbokföringen.",
  otherMunicipality:
    "Personen är folkbokförd i en annan kommun. Bara den kommunens KAA-enhet kan slå upp personen; fyll i uppgifterna för hand om anmälan ändå gäller er.",
  outsidePortal:
    "Personen är folkbokförd i en kommun vars KAA-enhet inte finns i portalen. Uppgifterna visas inte; fyll i dem för hand om anmälan ändå gäller er.",
  protectedIdentity: "Skyddad identitet: adressen visas inte. Ungdomen registreras med skyddad identitet, och bara KAA-samordnaren kan se adressen.",
  nameDiffers: "Namnet i folkbokföringen skiljer sig från namnet i anmälan. Välj vilket som ska registreras.",
} as const;

export type RegisterName = { firstName: string; lastName: string };

export type PopulationLookup = {
  /** Form values from the register: names, home municipality, the protection flag and (when it may be shown) the address. */
  values: Record<string, string | boolean>;
  message: string | null;
  /** Skyddad identitet, and the actor may not see the address. */
  protectedIdentity: boolean;
  /** The register's name when it differs from the one already in the form (the school's): the caseworker chooses. */
  registerName: RegisterName | null;
};

const nothing = (message: string): PopulationLookup => ({ values: {}, message, protectedIdentity: false, registerName: null });

type Found =
  { ok: true; person: RegisteredPerson; decision: Extract<LookupDecision, { allowed: true }>; municipality: { id: number } } | { ok: false; message: string };

/** The look-up itself: refused (and logged) before the register is asked, then decided and logged on its answer. */
async function lookUp(actor: Actor, personalNumber: string): Promise<Found> {
  const parsed = parsePersonalNumber(personalNumber);
  if (!parsed.ok) return { ok: false, message: parsed.error };
  if (!mayLookUpPopulationRegister(actor)) return { ok: false, message: LOOKUP_MESSAGES.role };
  const result = await lookupPerson(parsed.value.normalized);
  if (!result.ok) {
    // Asked but not answered (not found, time-out): the attempt is logged all the same.
    if (result.reason !== "not_configured")
      decidePopulationLookup(actor, { homeMunicipalityId: actor.municipalityId, protectedIdentity: false, youthId: null });
    return { ok: false, message: result.message };
  }
  const person = result.person;
  const db = getDb();
  const municipality = db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.code, person.municipalityCode)).get();
  const existing = municipality
    ? db
        .select({ id: youths.id })
        .from(youths)
        .where(and(eq(youths.homeMunicipalityId, municipality.id), eq(youths.personalNumber, parsed.value.normalized)))
        .get()
    : undefined;
  const decision = decidePopulationLookup(actor, {
    homeMunicipalityId: municipality?.id ?? null,
    protectedIdentity: person.protectedIdentity,
    youthId: existing?.id ?? null,
  });
  // Every municipality is in the portal (all 290); one without a KAA unit here has no register keeper.
  const kept = municipality !== undefined && municipalitiesWithKaaUnit([municipality.id]).has(municipality.id);
  if (!decision.allowed || !municipality) return { ok: false, message: kept ? LOOKUP_MESSAGES.otherMunicipality : LOOKUP_MESSAGES.outsidePortal };
  return { ok: true, person, decision, municipality };
}

/**
 * Before a youth is registered: the protection is the register's to say, not the form's. If the
 * population register marks the person skyddad identitet, the youth is registered with the flag set
 * whatever was posted, and with the register's address when the form has none (a caseworker never
 * saw it; the samordnare can). If the register cannot be asked, the form's values stand.
 */
export async function withRegisterProtection<
  T extends { personalNumber: string; protectedIdentity: boolean; streetAddress?: string; postalCode?: string; city?: string },
>(actor: Actor, identity: T): Promise<T> {
  const found = await lookUp(actor, identity.personalNumber);
  if (!found.ok || !found.person.protectedIdentity) return identity;
  const { person } = found;
  const hasAddress = Boolean(identity.streetAddress || identity.postalCode || identity.city);
  return {
    ...identity,
    protectedIdentity: true,
    ...(hasAddress ? {} : { streetAddress: person.streetAddress ?? undefined, postalCode: person.postalCode ?? undefined, city: person.city ?? undefined }),
  };
}

/**
 * Looks the person up for the registration form. `knownName` is the name the form already has (the
 * school's notice); if the register's differs, the form keeps `knownName` and the register's is
 * offered beside it.
 */
export async function lookUpForRegistration(actor: Actor, personalNumber: string, knownName?: RegisterName): Promise<PopulationLookup> {
  const found = await lookUp(actor, personalNumber);
  if (!found.ok) return nothing(found.message);
  const { person, decision, municipality } = found;
  const names = knownName ?? { firstName: person.firstName, lastName: person.lastName };
  const differs = knownName !== undefined && (knownName.firstName.trim() !== person.firstName || knownName.lastName.trim() !== person.lastName);
  const address = decision.mayShowAddress
    ? { streetAddress: person.streetAddress ?? "", postalCode: person.postalCode ?? "", city: person.city ?? "" }
    : { streetAddress: "", postalCode: "", city: "" };
  const messages: (string | null)[] = [
    person.protectedIdentity && !decision.mayShowAddress ? LOOKUP_MESSAGES.protectedIdentity : null,
    differs ? LOOKUP_MESSAGES.nameDiffers : null,
  ];
  const message = messages.filter((m): m is string => m !== null).join(" ");
  return {
    values: {
      firstName: names.firstName,
      lastName: names.lastName,
      ...address,
      protectedIdentity: person.protectedIdentity,
      homeMunicipalityId: String(municipality.id),
    },
    message: message || null,
    protectedIdentity: person.protectedIdentity && !decision.mayShowAddress,
    registerName: differs ? { firstName: person.firstName, lastName: person.lastName } : null,
  };
}
