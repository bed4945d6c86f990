/** The form that makes an SCB file (shared by browser and server). */
import { z } from "zod";

export const scbExportSchema = z.object({
  period: z.string({ error: "Välj ett halvår." }).trim().min(1, "Välj ett halvår.").max(40, "Välj ett halvår."),
  // The explicit acceptance of an exceptions report: only a ticked box ("1") makes a file with errors.
  godkann: z.literal("1", { error: "Kryssa i rutan för att godkänna undantagsrapporten, eller lämna den tom." }).optional(),
  // The checksum of the file the accepted check showed (SHA-256, hex).
  kontrollsumma: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "Formuläret saknar kontrollens kontrollsumma. Ladda om sidan och försök igen.")
    .optional(),
});
