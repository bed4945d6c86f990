/**
 * May a case item on a meeting's agenda name a youth? Only if, for every organisation taking part in
 * the meeting, a consent in force opens every section the item shows to that organisation. The
 * youth's home KAA unit keeps the register and needs no consent. A guest from an organisation that
 * is not in the portal can never be named in a consent, so such a guest rules the link out.
 * Pure: the consents are judged with the policy's own coveringConsent(), never a second evaluator.
 */
import type { CaseItemSection } from "#db/schema";
import { coveringConsent, type PolicyConsent } from "~/modules/access/policy";
import { parsePersonalNumber } from "~/modules/youth/personal-number";

export type CaseItemCoverageInput = {
  sections: readonly CaseItemSection[];
  /** Organisations of every participant (members and guests) who has not been removed. */
  participatingOrganisationIds: readonly number[];
  /** Names of guests whose organisation is not in the portal. */
  unaffiliatedGuests: readonly string[];
  /** The KAA unit of the youth's home municipality, if it exists. */
  homeKaaOrganisationId: number | null;
  consents: readonly PolicyConsent[];
  /** Stockholm date the check is made on (consents are judged on it). */
  today: string;
};

export type MissingConsent = { organisationId: number; sections: CaseItemSection[] };

export type CaseItemCoverage = { covered: true; consentIds: number[] } | { covered: false; missing: MissingConsent[]; unaffiliatedGuests: string[] };

export function caseItemCoverage(input: CaseItemCoverageInput): CaseItemCoverage {
  const consentIds = new Set<number>();
  const missing: MissingConsent[] = [];
  const organisations = [...new Set(input.participatingOrganisationIds)].filter((id) => id !== input.homeKaaOrganisationId);
  for (const organisationId of organisations) {
    const uncovered: CaseItemSection[] = [];
    for (const section of input.sections) {
      const consent = coveringConsent(input.consents, organisationId, section, input.today);
      if (consent) consentIds.add(consent.id);
      else uncovered.push(section);
    }
    if (uncovered.length > 0) missing.push({ organisationId, sections: uncovered });
  }
  if (missing.length > 0 || input.unaffiliatedGuests.length > 0) {
    return { covered: false, missing, unaffiliatedGuests: [...input.unaffiliatedGuests] };
  }
  return { covered: true, consentIds: [...consentIds].sort((a, b) => a - b) };
}

/** Case sections are stored as "identity,plan"; unknown words are dropped. */
export function parseCaseSections(stored: string | null): CaseItemSection[] {
  if (!stored) return [];
  return stored.split(",").filter((s): s is CaseItemSection => s === "identity" || s === "plan");
}

export function storeCaseSections(sections: readonly CaseItemSection[]): string {
  // A fixed order, so the same choice is always stored the same way.
  return (["identity", "plan"] as const).filter((s) => sections.includes(s)).join(",");
}

/**
 * Text that will be shown to every participant must not identify anyone: refuse anything that is a
 * valid personnummer or samordningsnummer (date and check digit), written in any of the usual ways.
 * Names cannot be recognised reliably, which is why the forms also warn.
 */
const CANDIDATE = /(?<!\d)(?:\d{8}|\d{6})[-+ ]?\d{4}(?!\d)/g;

export function looksIdentifying(text: string | undefined | null): boolean {
  if (!text) return false;
  return [...text.matchAll(CANDIDATE)].some((match) => parsePersonalNumber(match[0]).ok);
}

export const IDENTIFIER_MESSAGE = "Texten innehåller ett personnummer. Ta bort det: texten visas för alla deltagare.";
