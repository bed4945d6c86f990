import { z } from "zod";
import { idField, optionalEmail, optionalPhone, requiredText } from "~/lib/form-fields";
import { ageOn, parsePersonalNumber } from "~/modules/youth/personal-number";

/** Skollagen 15 kap. 15 §: what a school must notify the home municipality of. */
export const NOTICE_KINDS = ["dropout", "absence", "started", "not_started"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Every kind a stored notice can have: a school's four, and a KAA unit's notice that a youth moved here. */
export type StoredNoticeKind = NoticeKind | "moved";

export const NOTICE_KIND_LABELS: Record<StoredNoticeKind, string> = {
  dropout: "Avbrott i studierna",
  absence: "Betydande ogiltig frånvaro",
  started: "Påbörjade studier",
  not_started: "Påbörjade inte studierna efter antagning",
  moved: "Flyttat till kommunen (från KAA-enheten i förra hemkommunen)",
};

export const NOTICE_REASON_MAX = 300;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function todayIso() {
  return new Date().toISOString().slice(0, 10);
}

/**
 * One school notice, as the form posts it and as each CSV row is checked. Every field has its own
 * Swedish message; cross-field rules (age on the event date) are reported on the field to change.
 */
export const noticeSchema = z
  .object({
    kind: z.enum(NOTICE_KINDS, { error: "Välj vad anmälan gäller." }),
    personalNumber: z.string({ error: "Ange personnummer eller samordningsnummer." }).superRefine((value, ctx) => {
      const parsed = parsePersonalNumber(value);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
    }),
    firstName: requiredText("förnamn"),
    lastName: requiredText("efternamn"),
    homeMunicipalityId: idField("Välj elevens hemkommun."),
    programme: requiredText("program", 100),
    eventDate: z
      .string({ error: "Ange datum för händelsen." })
      .trim()
      .regex(ISO_DATE, "Ange datumet som ÅÅÅÅ-MM-DD.")
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Datumet finns inte.")
      .refine((v) => v <= todayIso(), "Datumet får inte ligga i framtiden."),
    reason: z
      .string()
      .trim()
      .max(NOTICE_REASON_MAX, `Högst ${NOTICE_REASON_MAX} tecken. Skriv kort och utan känsliga uppgifter.`)
      .optional()
      .transform((v) => (v ? v : undefined)),
    contactName: requiredText("kontaktperson på skolan", 200),
    contactPhone: optionalPhone(),
    contactEmail: optionalEmail(),
  })
  // Runs once every field is valid on its own (zod skips object refinements after field errors).
  .superRefine((v, ctx) => {
    const parsed = parsePersonalNumber(v.personalNumber);
    if (!parsed.ok) return;
    const age = ageOn(parsed.value.birthDate, v.eventDate);
    if (age >= 20) {
      ctx.addIssue({ code: "custom", path: ["personalNumber"], message: "Eleven hade fyllt 20 år på händelsedatumet. Ingen anmälan behövs." });
    } else if (age < 13) {
      ctx.addIssue({
        code: "custom",
        path: ["personalNumber"],
        message: "Eleven var för ung för gymnasieskolan på händelsedatumet. Kontrollera personnumret.",
      });
    }
  });

export type NoticeInput = z.output<typeof noticeSchema>;
