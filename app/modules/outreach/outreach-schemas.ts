import { z } from "zod";
import {
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  CONTACT_TARGETS,
  ENROLLMENT_END_REASONS,
  ENROLLMENT_START_REASONS,
  ENROLLMENT_STATUSES,
  OCCUPATIONS,
  OFFSET_UNITS,
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
    if (v.outcome === "reached" && !v.occupation) {
      ctx.addIssue({ code: "custom", path: ["occupation"], message: "Ange ungdomens sysselsättning när ni fick kontakt." });
    }
  });
export type ContactAttemptInput = z.output<typeof contactAttemptSchema>;

export const enrollmentOpenSchema = z.object({
  startDate: pastDate("startdatum"),
  startReason: z.enum(ENROLLMENT_START_REASONS, { error: "Välj anledning till inskrivningen." }),
  caseworkerMembershipId: optionalId(),
});

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
  endReason: z.enum(ENROLLMENT_END_REASONS, { error: "Välj anledning till att inskrivningen avslutas." }),
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
