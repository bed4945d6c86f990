import { asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { municipalities, organisations, type OrganisationKind } from "#db/schema";

/** The kinds of organisation a KAA unit works with on a youth: responsible for insatser, recipients of consents and referrals. */
export const PARTNER_KINDS: readonly OrganisationKind[] = ["social_services", "employment_service", "school"];

/** Who a youth's consent can name: the partners, and the styrgrupp when a case is taken to a forum. */
export const CONSENT_RECIPIENT_KINDS: readonly OrganisationKind[] = [...PARTNER_KINDS, "steering_group"];

/**
 * Partner organisations in the portal, the KAA unit's own municipality first. A youth's insats or
 * referral may go to an organisation in another municipality (a fristående school, AF's office).
 */
export function partnerOrganisations(municipalityId: number, kinds: readonly OrganisationKind[] = PARTNER_KINDS) {
  return getDb()
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, municipalityName: municipalities.name })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(inArray(organisations.kind, [...kinds]))
    .orderBy(sql`${organisations.municipalityId} = ${municipalityId} DESC`, asc(organisations.name))
    .all();
}
