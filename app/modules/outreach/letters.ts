import type { ContactChannel } from "#db/schema/outreach-values";

/**
 * The letters of the contact routine. Sending one records a contact attempt through its channel.
 * The structure is here; the words are in letter-texts-sv.ts and letter-texts-en.ts, one pack per
 * language with the same shape, so a letter cannot exist in one language and not the other.
 */
export type LetterKey = "first_letter" | "home_visit_letter" | "knock_card" | "letter_at_20";

export type LetterTemplate = {
  slug: string;
  key: LetterKey;
  /** The name of the letter in the portal (Swedish UI). */
  label: string;
  channel: ContactChannel;
  /** The letter names a home visit: its date and time are entered before it prints. */
  visit: "announced" | "made" | null;
  /** What the contact attempt's note says once it is sent. */
  sentNote: string;
};

export const LETTERS: LetterTemplate[] = [
  { slug: "forsta-brev", key: "first_letter", label: "Första brevet", channel: "letter", visit: null, sentNote: "Första brevet skickat" },
  {
    slug: "hembesok",
    key: "home_visit_letter",
    label: "Brev som aviserar hembesök",
    channel: "letter",
    visit: "announced",
    sentNote: "Brev som aviserar hembesök skickat",
  },
  // Left at the door when nobody was at home: the visit is the one just made.
  { slug: "knackkort", key: "knock_card", label: "Knackkort", channel: "knock_card", visit: "made", sentNote: "Knackkort lämnat" },
  { slug: "vid-20", key: "letter_at_20", label: "Informationsbrev vid 20 år", channel: "letter", visit: null, sentNote: "Informationsbrev vid 20 år skickat" },
];

export function letterBySlug(slug: string | undefined) {
  return LETTERS.find((l) => l.slug === slug) ?? null;
}

export const LETTER_LANGUAGES = ["sv", "en"] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];
export const LETTER_LANGUAGE_LABELS: Record<LetterLanguage, string> = { sv: "Svenska", en: "Engelska (English)" };

/** What a letter's words are made from. Dates and times are already written out in the letter's language. */
export type LetterContext = {
  youthFirstName: string;
  youthName: string;
  /** The guardian the letter is written to; null in the letter to the youth. */
  guardianName: string | null;
  unitName: string;
  municipalityName: string;
  caseworkerName: string;
  /** The visit the letter names (home-visit letter, knock card), or null. */
  visit: { date: string; time: string } | null;
};

/** The words of one letter in one language: to the youth, and to a guardian of a youth under 18. */
export type LetterWording = {
  heading: string;
  toYouth: (c: LetterContext) => string[];
  toGuardian: (c: LetterContext) => string[];
};

/** The words every letter shares in one language: about KAA, the contact block, the privacy notice. */
export type CommonWording = {
  locale: string;
  greetingYouth: (c: LetterContext) => string;
  greetingGuardian: (c: LetterContext) => string;
  guardianLine: (c: LetterContext) => string;
  aboutHeading: string;
  about: (c: LetterContext) => string[];
  contactHeading: string;
  contactLabels: { phone: string; sms: string; email: string; visitingAddress: string; openingHours: string; caseworker: string };
  privacyHeading: string;
  privacy: (c: LetterContext) => string[];
  signature: (c: LetterContext) => string;
  protectedAddress: string;
};

export type LetterLanguagePack = { common: CommonWording; letters: Record<LetterKey, LetterWording> };
