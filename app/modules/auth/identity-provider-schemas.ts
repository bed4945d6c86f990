/** The forms of /admin/inloggning and of an account's link to the municipality's sign-in (browser and action). */
import { z } from "zod";
import type { MatchClaim } from "#db/schema";
import { checkbox, optionalId, optionalText, requiredText, serviceAddress } from "~/lib/form-fields";

/** The schema's list (db/schema/identity.ts), here for the browser, which must not import the schema's values. */
export const MATCH_CLAIMS = ["sub", "email"] as const satisfies readonly MatchClaim[];

export const MATCH_CLAIM_LABELS: Record<(typeof MATCH_CLAIMS)[number], string> = {
  sub: "Användar-id hos tjänsten (sub) – rekommenderas",
  email: "E-postadress (bara om tjänsten intygar att den är verifierad)",
};

export const identityProviderSchema = z.object({
  id: optionalId(),
  purpose: z.enum(["staff", "citizen"], { error: "Okänd sorts inloggning." }),
  municipalityId: optionalId(),
  displayName: requiredText("namnet som visas på knappen", 80),
  issuer: serviceAddress("utfärdarens adress (issuer)", "https://login.microsoftonline.com/<katalog-id>/v2.0"),
  clientId: requiredText("klient-id", 200),
  // Write-only: never filled in from the server; empty keeps the stored one.
  clientSecret: optionalText(500),
  matchClaim: z.enum(MATCH_CLAIMS, { error: "Välj vad kontona kopplas på." }),
  personalNumberClaim: requiredText("namnet på uppgiften med personnumret", 200),
  enabled: checkbox(),
});
export type IdentityProviderInput = z.output<typeof identityProviderSchema>;

export const identityLinkSchema = z.object({
  providerId: z.coerce.number({ error: "Välj inloggningstjänst." }).int().positive("Välj inloggningstjänst."),
  claim: z.enum(MATCH_CLAIMS, { error: "Välj vad kontot kopplas på." }),
  value: requiredText("användar-id eller e-postadress hos tjänsten", 200),
});
export type IdentityLinkInput = z.output<typeof identityLinkSchema>;
