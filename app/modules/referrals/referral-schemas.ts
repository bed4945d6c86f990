import { z } from "zod";
import { CONSENT_SECTIONS } from "#db/schema/consent-values";
import { checkboxList, optionalDate, optionalId, pastDate, requiredText } from "~/lib/form-fields";
import { parsePersonalNumber } from "~/modules/youth/personal-number";

export const referralSchema = z.object({
  recipientOrganisationId: z.coerce.number({ error: "Välj mottagare." }).int("Välj mottagare.").positive("Välj mottagare."),
  question: requiredText("frågan eller behovet", 500),
  requestedIntervention: requiredText("vilken insats ni efterfrågar", 300),
  sections: checkboxList(z.enum(CONSENT_SECTIONS), "Välj vilka delar av akten som delas med remissen."),
});
export type ReferralInput = z.output<typeof referralSchema>;

export const referralAcceptSchema = z
  .object({
    responsibleMembershipId: z.coerce.number({ error: "Välj ansvarig handläggare." }).int("Välj ansvarig handläggare.").positive("Välj ansvarig handläggare."),
    acceptedIntervention: requiredText("vilken insats ni tar på er", 200),
    acceptedStartDate: optionalDate(),
    acceptedEndDate: optionalDate(),
  })
  .superRefine((v, ctx) => {
    if (v.acceptedStartDate && v.acceptedEndDate && v.acceptedEndDate < v.acceptedStartDate) {
      ctx.addIssue({ code: "custom", path: ["acceptedEndDate"], message: "Slutet kan inte ligga före starten." });
    }
  });
export type ReferralAcceptInput = z.output<typeof referralAcceptSchema>;

export const referralDeclineSchema = z.object({ declineReason: requiredText("varför remissen avböjs", 300) });
export const referralCloseSchema = z.object({ outcome: requiredText("utfallet", 500) });
export const referralRevokeSchema = z.object({ revokeReason: requiredText("varför remissen återkallas", 300) });
export const referralFeedbackSchema = z.object({ text: requiredText("återkopplingen", 500) });

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
