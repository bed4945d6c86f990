import { z } from "zod";
import { checkbox, idField, optionalEmail, optionalPhone, optionalText, requiredText } from "~/lib/form-fields";
import { ageOn, parsePersonalNumber } from "./personal-number";

/** The target group: finished compulsory school and under 20 (Skollagen 29 kap. 9 §). */
export const MIN_AGE = 15;
export const MAX_AGE_EXCLUSIVE = 20;

export const personalNumberField = z.string({ error: "Ange personnummer eller samordningsnummer." }).superRefine((value, ctx) => {
  const result = parsePersonalNumber(value);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.error });
    return;
  }
  const age = ageOn(result.value.birthDate, new Date().toISOString().slice(0, 10));
  if (age >= MAX_AGE_EXCLUSIVE) {
    ctx.addIssue({ code: "custom", message: "Ungdomen har fyllt 20 år och omfattas inte av aktivitetsansvaret." });
  } else if (age < MIN_AGE) {
    ctx.addIssue({ code: "custom", message: "Ungdomen är yngre än 15 år och omfattas inte av aktivitetsansvaret." });
  }
});

const postalCode = optionalText(6).refine((v) => v === undefined || /^\d{3}\s?\d{2}$/.test(v), {
  message: "Ange postnumret med fem siffror, till exempel 571 31.",
});

const identityFields = {
  firstName: requiredText("förnamn"),
  lastName: requiredText("efternamn"),
  streetAddress: optionalText(200),
  postalCode,
  city: optionalText(100),
  phone: optionalPhone(),
  email: optionalEmail(),
  homeMunicipalityId: idField("Välj hemkommun."),
  protectedIdentity: checkbox(),
  guardian1Name: optionalText(200),
  guardian1Phone: optionalPhone(),
  guardian1Email: optionalEmail(),
  guardian2Name: optionalText(200),
  guardian2Phone: optionalPhone(),
  guardian2Email: optionalEmail(),
};

function guardiansNeedNames<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  return schema.superRefine((data: Record<string, unknown>, ctx) => {
    for (const n of [1, 2]) {
      const hasContact = data[`guardian${n}Phone`] || data[`guardian${n}Email`];
      if (hasContact && !data[`guardian${n}Name`]) {
        ctx.addIssue({ code: "custom", path: [`guardian${n}Name`], message: "Ange vårdnadshavarens namn." });
      }
    }
  });
}

/** Registering a youth. */
export const youthCreateSchema = guardiansNeedNames(z.object({ personalNumber: personalNumberField, ...identityFields }));
/** Correcting a youth's identity: the personnummer is fixed once registered. */
export const youthUpdateSchema = guardiansNeedNames(z.object(identityFields));

export type YouthCreateInput = z.infer<typeof youthCreateSchema>;
export type YouthUpdateInput = z.infer<typeof youthUpdateSchema>;
