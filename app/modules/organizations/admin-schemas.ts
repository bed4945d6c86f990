import { z } from "zod";
import { ORGANISATION_KINDS, ROLES, SCHOOL_ORGANISER_KINDS } from "#db/schema/organizations-values";
import { idField, optionalEmail, optionalText, requiredText } from "~/lib/form-fields";

export const municipalitySchema = z.object({
  name: requiredText("kommunens namn"),
  code: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "Kommunkoden har fyra siffror, till exempel 0682."),
});

export const organisationSchema = z
  .object({
    kind: z.enum(ORGANISATION_KINDS, { error: "Välj typ av organisation." }),
    name: requiredText("organisationens namn", 200),
    municipalityId: idField("Välj kommun."),
    schoolOrganiserKind: z.union([z.enum(SCHOOL_ORGANISER_KINDS), z.literal("")]).optional(),
    schoolOrganiserName: optionalText(200),
    functionalMailbox: optionalEmail(),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "school") return;
    if (!v.schoolOrganiserKind) ctx.addIssue({ code: "custom", path: ["schoolOrganiserKind"], message: "Välj om huvudmannen är kommunal eller fristående." });
    if (!v.schoolOrganiserName) ctx.addIssue({ code: "custom", path: ["schoolOrganiserName"], message: "Ange huvudmannens namn." });
  });

/** The organisation's functional mailbox (e.g. socialtjanst.mottagning@kommun.se); empty removes it. */
export const mailboxSchema = z.object({ functionalMailbox: optionalEmail() });

const membershipFields = {
  organisationId: z.union([z.literal(""), z.coerce.number().int().positive()]).optional(),
  role: z.enum(ROLES, { error: "Välj roll." }),
};

function organisationRequiredUnlessAdmin<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  return schema.superRefine((v: Record<string, unknown>, ctx) => {
    if (v.role !== "system_admin" && !v.organisationId) {
      ctx.addIssue({ code: "custom", path: ["organisationId"], message: "Välj organisation." });
    }
  });
}

export const userCreateSchema = organisationRequiredUnlessAdmin(
  z.object({
    displayName: requiredText("namn", 200),
    username: z.string().trim().toLowerCase().pipe(z.email("Ange en giltig e-postadress som användarnamn.")),
    ...membershipFields,
  }),
);

export const membershipSchema = organisationRequiredUnlessAdmin(z.object(membershipFields));
