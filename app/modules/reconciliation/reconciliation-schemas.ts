/** The forms of the reconciliation pages, shared by the browser and the server. */
import { z } from "zod";

const monthDay = (what: string) =>
  z
    .string({ error: `Ange ${what} som MM-DD.` })
    .trim()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, `Ange ${what} som MM-DD, till exempel 06-01.`);

export const reconciliationSettingsSchema = z
  .object({
    holdFrom: monthDay("första dagen då niondeklassare hålls tillbaka"),
    holdUntil: monthDay("dagen då niondeklassare tas med igen"),
    absenceThresholdPercent: z.coerce
      .number({ error: "Ange gränsen för ogiltig frånvaro i procent." })
      .int("Ange gränsen i hela procent.")
      .min(1, "Gränsen måste vara minst 1 %.")
      .max(100, "Gränsen kan vara högst 100 %."),
  })
  .refine((s) => s.holdFrom < s.holdUntil, { path: ["holdUntil"], message: "Perioden måste sluta efter att den börjar, inom samma år." })
  // The hold also marks when this year's 16-year-olds count as done with compulsory school: not before
  // the spring term ends.
  .refine((s) => s.holdFrom >= "05-01", {
    path: ["holdFrom"],
    message: "Perioden kan börja tidigast 05-01: niondeklassarna går i skolan till vårterminens slut.",
  });

export type ReconciliationSettingsInput = z.infer<typeof reconciliationSettingsSchema>;
