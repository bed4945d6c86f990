/**
 * The consent forms (OSL 12 kap. 2 §): who gave it, how, to whom, for which parts of the youth file,
 * for what purpose and for how long; and its withdrawal. Shared by the browser and the server.
 */
import { z } from "zod";
import { CONSENT_GIVERS, CONSENT_SECTIONS, STAFF_CONSENT_METHODS } from "#db/schema/consent-values";
import { checkboxList, dateField, optionalText, pastDate, requiredText } from "~/lib/form-fields";

/** What a consent is about, to whom and for how long: the same in a recorded consent and a prepared one. */
const consentTerms = {
  maturityNote: optionalText(300),
  recipientOrganisationIds: checkboxList(z.coerce.number().int().positive(), "Välj minst en mottagare."),
  sections: checkboxList(z.enum(CONSENT_SECTIONS), "Välj minst en del av akten som får delas."),
  purpose: requiredText("syftet med samtycket", 300),
  validFrom: dateField("från vilket datum samtycket gäller"),
  validUntil: dateField("till vilket datum samtycket gäller"),
};

function validUntilAfterFrom(v: { validFrom: string; validUntil: string }, ctx: z.RefinementCtx) {
  if (v.validUntil <= v.validFrom) {
    ctx.addIssue({ code: "custom", path: ["validUntil"], message: "Samtycket måste gälla till ett senare datum än det börjar gälla." });
  }
}

export const consentSchema = z
  .object({
    ...consentTerms,
    givenBy: z.enum(CONSENT_GIVERS, { error: "Välj vem som gav samtycket." }),
    guardianName: optionalText(100),
    method: z.enum(STAFF_CONSENT_METHODS, { error: "Välj hur samtycket gavs." }),
    documentRef: optionalText(60),
  })
  .superRefine((v, ctx) => {
    if (v.givenBy !== "youth" && !v.guardianName) {
      ctx.addIssue({ code: "custom", path: ["guardianName"], message: "Ange vilken vårdnadshavare som gav samtycket." });
    }
    if (v.method === "written" && !v.documentRef) {
      ctx.addIssue({ code: "custom", path: ["documentRef"], message: "Ange var det inskannade samtycket finns, till exempel diarienummer." });
    }
    validUntilAfterFrom(v, ctx);
  });
export type ConsentInput = z.output<typeof consentSchema>;

/** A consent the caseworker prepares for the youth to accept on Mina sidor: only its terms. */
export const consentRequestSchema = z.object(consentTerms).superRefine(validUntilAfterFrom);
export type ConsentRequestInput = z.output<typeof consentRequestSchema>;

/** The youth's answer to a prepared consent. */
export const consentAnswerSchema = z.object({ answer: z.enum(["accept", "decline"], { error: "Svara ja eller nej." }) });

export const consentWithdrawalSchema = z.object({
  withdrawnDate: pastDate("när samtycket återkallades"),
  withdrawalMethod: z.enum(STAFF_CONSENT_METHODS, { error: "Välj hur återkallelsen meddelades." }),
  withdrawalNote: optionalText(300),
});
export type ConsentWithdrawalInput = z.output<typeof consentWithdrawalSchema>;

/** A consent is given for at most this long before it must be asked again. */
export const DEFAULT_CONSENT_MONTHS = 12;
