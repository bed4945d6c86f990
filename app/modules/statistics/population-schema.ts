/** The form for the municipality's population aged 16–19 in a year (shared by browser and server). */
import { z } from "zod";
import { MAX_YEAR, MIN_YEAR } from "./periods";

export const populationSchema = z.object({
  year: z.coerce
    .number({ error: "Ange ett årtal." })
    .int("Ange ett årtal.")
    .min(MIN_YEAR, `Året måste vara ${MIN_YEAR} eller senare.`)
    .max(MAX_YEAR, `Året måste vara ${MAX_YEAR} eller tidigare.`),
  aged16To19: z.coerce
    .number({ error: "Ange antalet invånare som ett heltal." })
    .int("Ange antalet invånare som ett heltal.")
    .min(1, "Antalet måste vara minst 1.")
    .max(1_000_000, "Antalet verkar för stort: ange invånare 16–19 år i kommunen."),
});
export type PopulationInput = z.infer<typeof populationSchema>;
