/** The form that draws a stickprov: bounded, with Swedish messages, shared by the page and the action. */
import { z } from "zod";
import { SAMPLE_STATES } from "#db/schema/internal-control-values";

/** Auditors read each case by hand: a hundred is more than any audit samples (Nässjö took ten). */
export const SAMPLE_MAX_SIZE = 100;
export const SEED_MAX_LENGTH = 40;

const sizeMessage = `Ange hur många ärenden som ska dras, ett heltal från 1 till ${SAMPLE_MAX_SIZE}.`;

export const sampleFormSchema = z.object({
  size: z.coerce.number({ error: sizeMessage }).int(sizeMessage).min(1, sizeMessage).max(SAMPLE_MAX_SIZE, sizeMessage),
  // Letters a–z, digits and hyphens only: the seed is printed on the report and typed again by an auditor.
  seed: z
    .string({ error: "Ange ett frö." })
    .trim()
    .min(1, "Ange ett frö.")
    .max(SEED_MAX_LENGTH, `Fröet får vara högst ${SEED_MAX_LENGTH} tecken.`)
    // Lower case before the check: SHA-256 tells "Revision" from "revision", an auditor retyping it should not.
    .toLowerCase()
    .regex(/^[a-z0-9-]+$/, "Fröet får bara innehålla bokstäverna a–z, siffror och bindestreck."),
  period: z.string({ error: "Välj en period." }).max(40, "Okänd period.").min(1, "Välj en period."),
  fran: z.string().max(10, "Ange datumet som ÅÅÅÅ-MM-DD.").optional(),
  till: z.string().max(10, "Ange datumet som ÅÅÅÅ-MM-DD.").optional(),
  state: z.enum(SAMPLE_STATES, { error: "Välj vilka inskrivningar som ska ingå." }),
  // "alla" or a caseworker's membership id.
  handlaggare: z.union([z.literal("alla"), z.coerce.number().int().positive()], { error: "Välj en handläggare ur listan." }),
});
export type SampleFormInput = z.output<typeof sampleFormSchema>;
