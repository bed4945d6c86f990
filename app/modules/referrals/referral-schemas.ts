import { z } from "zod";
import { CONSENT_SECTIONS } from "#db/schema/consent-values";
import { checkboxList, optionalDate, requiredText } from "~/lib/form-fields";

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
