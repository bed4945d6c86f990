/**
 * The consents as Mina sidor says them: plain Swedish for a 17-year-old who has never heard of KAA or
 * sekretess. Browser-safe (no database).
 */
import type { ConsentSection } from "#db/schema/consent-values";

export const OWN_SECTION_LABELS: Record<ConsentSection, string> = {
  identity: "Vem du är och hur man når dig (namn, personnummer, adress, telefon, e-post och vårdnadshavare)",
  contacts: "När vi har försökt nå dig och hur det gick",
  assessment: "Kartläggningen: det vi har tagit reda på om din situation tillsammans med dig",
  plan: "Din plan och det stöd du får",
  notices: "Det skolan har meddelat oss om dig",
  referrals: "När vi har bett en annan verksamhet att hjälpa dig (remisser)",
};

/** The state of a consent on a day, in words for the youth. */
export function ownConsentState(c: { validFrom: string; validUntil: string; withdrawnDate: string | null }, today: string) {
  if (c.withdrawnDate) return { active: false, label: `Du har tagit tillbaka samtycket (${c.withdrawnDate})` };
  if (c.validUntil < today) return { active: false, label: `Gäller inte längre (slutade gälla ${c.validUntil})` };
  if (c.validFrom > today) return { active: true, label: `Börjar gälla ${c.validFrom}` };
  return { active: true, label: `Gäller nu, till och med ${c.validUntil}` };
}

/**
 * What Mina sidor shows of a consent, and all it sends to the browser: to whom, why, what, when and its
 * state. Never the staff's notes (the maturity judgement, a withdrawal note), the document reference, the
 * guardian's name or who recorded it: a guardian reads these pages too.
 */
export function ownConsentView<S extends string>(
  c: {
    id: number;
    purpose: string;
    recipients: readonly { name: string }[];
    sections: readonly S[];
    validFrom: string;
    validUntil: string;
    withdrawnDate: string | null;
    withdrawnByUserId: number | null;
  },
  today: string,
) {
  return {
    id: c.id,
    purpose: c.purpose,
    recipients: c.recipients.map((r) => ({ name: r.name })),
    sections: [...c.sections],
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    withdrawnDate: c.withdrawnDate,
    withdrawnByYouth: c.withdrawnByUserId !== null,
    state: ownConsentState(c, today),
  };
}
