/**
 * A letter ready to print: the words of the chosen language filled in from the youth file (through
 * the kernel's handle), the KAA unit's contact details and the named caseworker, one page to the
 * youth and, for a youth under 18, one page to each guardian.
 */
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "#db/client";
import { enrollments, memberships, users } from "#db/schema";
import { addDays, todayIso } from "~/lib/dates";
import { optionalDate, TIME } from "~/lib/form-fields";
import type { YouthFile } from "~/modules/access/gate.server";
import { readYouthFile } from "~/modules/youth/youth-file.server";
import { LETTERS_EN } from "./letter-texts-en";
import { LETTERS_SV } from "./letter-texts-sv";
import { LETTER_LANGUAGES, type LetterContext, type LetterLanguage, type LetterLanguagePack, type LetterTemplate } from "./letters";
import { missingContactFields, unitContactDetailsOf } from "./unit-contact.server";

const PACKS: Record<LetterLanguage, LetterLanguagePack> = { sv: LETTERS_SV, en: LETTERS_EN };

/** How far ahead a home visit may be announced: a letter about a visit next year is a typing error. */
const MAX_DAYS_AHEAD = 180;

const optionalTime = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined));

/** The choices on the letter page (GET to preview, POST to register as sent). */
export function letterOptionsSchema(letter: LetterTemplate) {
  return z
    .object({
      sprak: z.enum(LETTER_LANGUAGES, { error: "Välj svenska eller engelska." }).default("sv"),
      datum: optionalDate(),
      tid: optionalTime(),
    })
    .superRefine((v, ctx) => {
      if (letter.visit === null) return;
      const today = todayIso();
      if (!v.tid) ctx.addIssue({ code: "custom", path: ["tid"], message: "Ange tiden för besöket." });
      else if (!TIME.test(v.tid)) ctx.addIssue({ code: "custom", path: ["tid"], message: "Ange tiden som TT:MM, till exempel 13:00." });
      if (letter.visit === "announced") {
        if (!v.datum) ctx.addIssue({ code: "custom", path: ["datum"], message: "Ange datum för hembesöket." });
        else if (v.datum < today) ctx.addIssue({ code: "custom", path: ["datum"], message: "Ett hembesök som aviseras kan inte ligga före i dag." });
        else if (v.datum > addDays(today, MAX_DAYS_AHEAD))
          ctx.addIssue({ code: "custom", path: ["datum"], message: "Hembesöket kan aviseras högst ett halvår fram." });
      } else if (v.datum && v.datum > today) {
        ctx.addIssue({ code: "custom", path: ["datum"], message: "Knackkortet lämnas vid ett besök som är gjort: datumet får inte ligga i framtiden." });
      }
    })
    .transform((v) => ({
      language: v.sprak,
      // The knock card's visit is the one just made: today unless another day is entered.
      visit: letter.visit === null ? null : { date: v.datum ?? todayIso(), time: v.tid ?? "" },
    }));
}

export type LetterOptions = z.output<ReturnType<typeof letterOptionsSchema>>;

export type LetterPage = {
  to: "youth" | "guardian";
  recipient: string;
  /** Address lines; null for skyddad identitet, which is never printed. */
  address: string[] | null;
  date: string;
  heading: string;
  guardianLine: string | null;
  greeting: string;
  paragraphs: string[];
  signature: string;
  about: { heading: string; paragraphs: string[] };
  contact: { heading: string; rows: { label: string; value: string }[] };
  privacy: { heading: string; paragraphs: string[] };
};

/** The caseworker of the youth's latest enrollment (the letter at 20 follows an ended one). */
function caseworkerNameOf(file: YouthFile<"enrollment">): string | null {
  const row = getDb()
    .select({ name: users.displayName })
    .from(enrollments)
    .innerJoin(memberships, eq(memberships.id, enrollments.caseworkerMembershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(enrollments.youthId, file.id))
    .orderBy(desc(enrollments.startDate), desc(enrollments.id))
    .get();
  return row?.name ?? null;
}

function writtenDate(iso: string, locale: string, weekday: boolean) {
  const format = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC", ...(weekday ? { weekday: "long" } : {}) });
  return format.format(new Date(`${iso}T00:00:00Z`));
}

/**
 * Builds the letter, or says which of the unit's contact details are missing: a letter nobody can
 * answer is not printed. The address of a youth with skyddad identitet is never read for a letter.
 */
export function buildLetter(file: YouthFile<"identity" | "enrollment">, letter: LetterTemplate, options: LetterOptions) {
  const { actor } = file;
  const contactDetails = unitContactDetailsOf(actor.organisationId);
  const missing = missingContactFields(contactDetails);
  const youth = readYouthFile(file);
  const caseworkerName = caseworkerNameOf(file) ?? actor.displayName;
  if (!contactDetails || missing.length > 0) return { ok: false as const, missing, caseworkerName };

  const { common, letters } = PACKS[options.language];
  const wording = letters[letter.key];
  const municipalityName = actor.municipalityName ?? youth.homeMunicipalityName;
  const base: LetterContext = {
    youthFirstName: youth.firstName,
    youthName: `${youth.firstName} ${youth.lastName}`,
    guardianName: null,
    unitName: actor.organisationName ?? "KAA",
    municipalityName,
    caseworkerName,
    visit: options.visit ? { date: writtenDate(options.visit.date, common.locale, true), time: options.visit.time } : null,
  };
  const address =
    youth.address.kind === "visible"
      ? [youth.address.streetAddress, [youth.address.postalCode, youth.address.city].filter(Boolean).join(" ")].filter((line): line is string => Boolean(line))
      : null;
  const labels = common.contactLabels;
  const shared = (c: LetterContext) => ({
    date: writtenDate(todayIso(), common.locale, false),
    heading: wording.heading,
    signature: common.signature(c),
    about: { heading: common.aboutHeading, paragraphs: common.about(c) },
    contact: {
      heading: common.contactHeading,
      rows: [
        { label: labels.caseworker, value: caseworkerName },
        { label: labels.phone, value: contactDetails.phone },
        { label: labels.sms, value: contactDetails.sms },
        { label: labels.email, value: contactDetails.email },
        { label: labels.visitingAddress, value: `${contactDetails.streetAddress}, ${contactDetails.postalCode} ${contactDetails.city}` },
        { label: labels.openingHours, value: contactDetails.openingHours },
      ],
    },
    privacy: { heading: common.privacyHeading, paragraphs: common.privacy(c) },
  });
  const pages: LetterPage[] = [
    {
      to: "youth",
      recipient: base.youthName,
      address,
      guardianLine: null,
      greeting: common.greetingYouth(base),
      paragraphs: wording.toYouth(base),
      ...shared(base),
    },
  ];
  // A guardian has a say for a youth under 18: each gets a letter of their own. The guardians' own
  // addresses are not in the youth file; a minor is registered where a guardian lives.
  if (youth.age < 18 && letter.key !== "letter_at_20") {
    for (const guardian of youth.guardians) {
      const c = { ...base, guardianName: guardian.name };
      pages.push({
        to: "guardian",
        recipient: guardian.name,
        address,
        guardianLine: common.guardianLine(c),
        greeting: common.greetingGuardian(c),
        paragraphs: wording.toGuardian(c),
        ...shared(c),
      });
    }
  }
  return { ok: true as const, pages, protectedIdentity: youth.protectedIdentity, protectedAddress: common.protectedAddress, caseworkerName };
}
