/**
 * The terms of a consent (to whom, which parts of the youth file), checked and stored the same way whether
 * the KAA unit records a consent or prepares one for the youth to accept on Mina sidor.
 */
import { and, inArray } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { consentRecipients, consentRequestRecipients, consentRequestSections, consentSections, organisations, type ConsentSection } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { CONSENT_RECIPIENT_KINDS } from "~/modules/organizations/partners.server";

/** What a consent may open to a styrgrupp: what a case item on its meeting shows. */
const STEERING_GROUP_SECTIONS: readonly ConsentSection[] = ["identity", "plan"];

export type ConsentTerms = { recipientIds: number[]; sections: ConsentSection[] };

/** The recipients must be partner organisations a consent can name; a styrgrupp only for a case item. */
export function checkConsentTerms(input: {
  recipientOrganisationIds: readonly number[];
  sections: readonly ConsentSection[];
}): ({ ok: true } & ConsentTerms) | { ok: false; errors: FieldErrors } {
  const recipientIds = [...new Set(input.recipientOrganisationIds)];
  const sections = [...new Set(input.sections)];
  const valid = getDb()
    .select({ id: organisations.id, kind: organisations.kind, name: organisations.name })
    .from(organisations)
    .where(and(inArray(organisations.id, recipientIds), inArray(organisations.kind, [...CONSENT_RECIPIENT_KINDS])))
    .all();
  if (valid.length !== recipientIds.length) return { ok: false, errors: { recipientOrganisationIds: "Välj mottagare ur listan." } };
  // The styrgrupp works with aggregates; a youth reaches it only as a case item on a meeting (name and plan).
  const steering = valid.find((o) => o.kind === "steering_group");
  if (steering && sections.some((section) => !STEERING_GROUP_SECTIONS.includes(section))) {
    return {
      ok: false,
      errors: {
        sections: `${steering.name} kan bara få ta del av identitet och plan, för en ärendepunkt på ett möte. Registrera ett eget samtycke för de andra mottagarna.`,
      },
    };
  }
  return { ok: true, recipientIds, sections };
}

/** Stores the recipients and sections of a consent, or of a consent request, inside the caller's transaction. */
export function insertConsentTerms(tx: Tx, consentId: number, terms: ConsentTerms) {
  tx.insert(consentRecipients)
    .values(terms.recipientIds.map((organisationId) => ({ consentId, organisationId })))
    .run();
  tx.insert(consentSections)
    .values(terms.sections.map((section) => ({ consentId, section })))
    .run();
}

export function insertRequestTerms(tx: Tx, requestId: number, terms: ConsentTerms) {
  tx.insert(consentRequestRecipients)
    .values(terms.recipientIds.map((organisationId) => ({ requestId, organisationId })))
    .run();
  tx.insert(consentRequestSections)
    .values(terms.sections.map((section) => ({ requestId, section })))
    .run();
}
