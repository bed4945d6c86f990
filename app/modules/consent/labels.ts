import { STAFF_CONSENT_METHODS, type ConsentGiver, type ConsentMethod, type ConsentRequestState, type ConsentSection } from "#db/schema/consent-values";

export const CONSENT_SECTION_LABELS: Record<ConsentSection, string> = {
  identity: "Identitet och kontaktuppgifter (adress, telefon, e-post, vårdnadshavare)",
  contacts: "Kontakter (kontaktförsök och deras utfall)",
  assessment: "Kartläggning",
  plan: "Plan och insatser",
  notices: "Anmälningar från skolor",
  referrals: "Remisser till andra organisationer",
};

export const CONSENT_SECTION_SHORT: Record<ConsentSection, string> = {
  identity: "Identitet och kontaktuppgifter",
  contacts: "Kontakter",
  assessment: "Kartläggning",
  plan: "Plan och insatser",
  notices: "Anmälningar",
  referrals: "Remisser",
};

export const CONSENT_GIVER_LABELS: Record<ConsentGiver, string> = {
  youth: "Ungdomen",
  guardian: "Vårdnadshavare",
  both: "Ungdomen och vårdnadshavare",
};

export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  written: "Skriftligt (inskannat dokument)",
  oral: "Muntligt",
  digital: "Digitalt",
  digital_by_youth: "Digitalt av ungdomen",
};

/** The methods staff may choose in the consent and withdrawal forms (not the youth's own). */
export const STAFF_CONSENT_METHOD_LABELS: Record<string, string> = Object.fromEntries(STAFF_CONSENT_METHODS.map((m) => [m, CONSENT_METHOD_LABELS[m]]));

export const CONSENT_REQUEST_STATE_LABELS: Record<ConsentRequestState, string> = {
  pending: "Väntar på ungdomens svar",
  accepted: "Ungdomen samtyckte",
  declined: "Ungdomen sade nej",
  cancelled: "Återtagen",
};

/** The state of a consent on a day, as the youth page says it. */
export function consentState(c: { validFrom: string; validUntil: string; withdrawnDate: string | null }, today: string) {
  if (c.withdrawnDate) return { key: "withdrawn", label: `Återkallat ${c.withdrawnDate}` } as const;
  if (c.validUntil < today) return { key: "expired", label: `Gick ut ${c.validUntil}` } as const;
  if (c.validFrom > today) return { key: "future", label: `Gäller från ${c.validFrom}` } as const;
  return { key: "active", label: `Gäller till ${c.validUntil}` } as const;
}
