/** The report-of-concern forms (orosanmälan), shared by the browser and the action. */
import { z } from "zod";
import { optionalId, pastDate, requiredText } from "~/lib/form-fields";
import { parsePersonalNumber } from "~/modules/youth/personal-number";

export const concernReportSchema = z.object({
  observed: requiredText("vad ni har sett eller fått veta", 1500),
  observedWhen: pastDate("när det iakttogs"),
  reporterPhone: z
    .string()
    .trim()
    .max(30, "Högst 30 tecken.")
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type ConcernReportInput = z.output<typeof concernReportSchema>;

/** A pupil named by the reporter (a school, or a youth outside the KAA register). */
export const concernSubjectSchema = z.object({
  personalNumber: z.string({ error: "Ange personnummer eller samordningsnummer." }).superRefine((value, ctx) => {
    const parsed = parsePersonalNumber(value);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
  }),
  firstName: requiredText("förnamn"),
  lastName: requiredText("efternamn"),
  homeMunicipalityId: z.coerce.number({ error: "Välj hemkommun." }).int("Välj hemkommun.").positive("Välj hemkommun."),
});

export const namedConcernReportSchema = concernReportSchema.extend({ ...concernSubjectSchema.shape, recipientOrganisationId: optionalId() });
export const registeredConcernReportSchema = concernReportSchema.extend({ recipientOrganisationId: optionalId() });
