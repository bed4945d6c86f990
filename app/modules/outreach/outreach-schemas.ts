import { z } from "zod";
import {
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  CONTACT_TARGETS,
  ENROLLMENT_END_REASONS,
  ENROLLMENT_START_REASONS,
  ENROLLMENT_STATUSES,
  LAST_SCHOOL_OCCUPATIONS,
  OCCUPATIONS,
  OFFSET_UNITS,
  REGISTRATION_REASONS,
} from "#db/schema/outreach-values";
import { optionalDate, optionalId, optionalText, pastDate, todayInForm } from "~/lib/form-fields";

export const contactAttemptSchema = z
  .object({
    channel: z.enum(CONTACT_CHANNELS, { error: "Välj kontaktsätt." }),
    target: z.enum(CONTACT_TARGETS, { error: "Välj vem kontakten gällde." }).default("youth"),
    date: pastDate("datum"),
    outcome: z.enum(CONTACT_OUTCOMES, { error: "Välj utfall." }),
    occupation: z
      .union([z.enum(OCCUPATIONS), z.literal("")])
      .optional()
      .transform((v) => (v ? v : undefined)),
    occupationNote: optionalText(200),
    secondStaff: optionalText(200),
    note: optionalText(300),
    letterTemplate: optionalText(40),
  })
  .superRefine((v, ctx) => {
    if (v.channel === "home_visit" && !v.secondStaff) {
      ctx.addIssue({ code: "custom", path: ["secondStaff"], message: "Ett hembesök görs alltid av två personal. Ange vem som var med." });
    }
    // SCB block 2 asks the youth's occupation at each contact made.
    if (v.outcome === "reached" && !v.occupation) {
      ctx.addIssue({ code: "custom", path: ["occupation"], message: "Ange sysselsättning vid kontakten när ni fick kontakt (välj Okänt om ni inte vet)." });
    }
  });
export type ContactAttemptInput = z.output<typeof contactAttemptSchema>;

/**
 * The SCB variables of an enrollment's start (block 1). Required: "Uppgift saknas" is a choice a person
 * makes on purpose, never what an empty field becomes.
 */
const scbRegistrationFields = {
  registrationReason: z.enum(REGISTRATION_REASONS, { error: "Välj orsak till registrering (välj Uppgift saknas om ni inte vet)." }),
  lastSchoolOccupation: z.enum(LAST_SCHOOL_OCCUPATIONS, {
    error: "Välj den senaste skolrelaterade sysselsättningen (välj Uppgift saknas om ni inte vet).",
  }),
};

/**
 * The same two variables when a youth is registered by hand (`/ungdomar/ny`): asked, but an empty answer is allowed
 * there, and becomes what the way in says (a move) or "Uppgift saknas", which the SCB page then lists.
 */
export const scbAtRegistrationSchema = z.object({
  registrationReason: z.union([z.literal(""), scbRegistrationFields.registrationReason]).optional(),
  lastSchoolOccupation: z.union([z.literal(""), scbRegistrationFields.lastSchoolOccupation]).optional(),
});
export type ScbAtRegistration = z.output<typeof scbAtRegistrationSchema>;

/** Who takes the case when a notice is received: the receiver by default (the form), or another, or none. */
export const receiveCaseworkerSchema = z.object({ caseworkerMembershipId: optionalId() });

export const enrollmentOpenSchema = z.object({
  startDate: pastDate("startdatum"),
  startReason: z.enum(ENROLLMENT_START_REASONS, { error: "Välj anledning till inskrivningen." }),
  ...scbRegistrationFields,
  caseworkerMembershipId: optionalId(),
});

const endReasonField = z.enum(ENROLLMENT_END_REASONS, { error: "Välj anledning till att inskrivningen avslutas." });

/**
 * The SCB variables of one enrollment, open or ended, corrected after the fact. The end reason is asked
 * only of an ended enrollment (the form leaves it out of an open one); the server requires it there.
 */
export const enrollmentScbSchema = z.object({
  ...scbRegistrationFields,
  endReason: z
    .union([endReasonField, z.literal("")])
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type EnrollmentScbInput = z.output<typeof enrollmentScbSchema>;

export const enrollmentUpdateSchema = z
  .object({
    status: z.enum(ENROLLMENT_STATUSES, { error: "Välj status." }),
    caseworkerMembershipId: optionalId(),
    watchUntil: optionalDate(),
  })
  .superRefine((v, ctx) => {
    if (v.status === "watch" && !v.watchUntil) {
      ctx.addIssue({ code: "custom", path: ["watchUntil"], message: "Ange när ungdomen ska kontaktas igen." });
    }
    if (v.status === "watch" && v.watchUntil && v.watchUntil <= todayInForm()) {
      ctx.addIssue({ code: "custom", path: ["watchUntil"], message: "Datumet för ny kontakt ska ligga framåt i tiden." });
    }
  });

export const enrollmentCloseSchema = z.object({
  endDate: pastDate("slutdatum"),
  endReason: endReasonField,
  // What the youth does at closing: the follow-up the styrgrupp and SCB ask for.
  endOccupation: z.enum(OCCUPATIONS, { error: "Ange ungdomens sysselsättning när inskrivningen avslutas (välj Okänt om ni inte vet)." }),
  endNote: optionalText(300),
});

const stepSchema = z.object({
  label: z.string().trim().min(1, "Ange en beskrivning av steget.").max(200, "Högst 200 tecken."),
  channels: z.array(z.enum(CONTACT_CHANNELS)).min(1, "Välj minst ett kontaktsätt."),
  offsetAmount: z.coerce.number({ error: "Ange ett antal." }).int("Ange ett heltal.").min(0, "Ange 0 eller mer.").max(365, "Högst 365."),
  offsetUnit: z.enum(OFFSET_UNITS, { error: "Välj enhet." }),
});
export const routineSchema = z.object({ steps: z.array(stepSchema).min(1, "Rutinen behöver minst ett steg.").max(12, "Högst 12 steg.") });
export type RoutineInput = z.output<typeof routineSchema>;
