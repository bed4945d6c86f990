/**
 * The youth's own evaluation on Mina sidor ("Vad tycker du om din plan?", "Vad tyckte du om insatsen?"):
 * one answer of three and, if they want, a few words. Used by the form and again by the action.
 */
import { z } from "zod";
import { YOUTH_RATINGS } from "#db/schema/plan-values";
import { optionalId, optionalText } from "~/lib/form-fields";

export const YOUTH_EVALUATION_MAX_TEXT = 1000;

export const youthEvaluationSchema = z.object({
  /** The ended intervention the answer is about; empty for the plan as a whole. */
  insats: optionalId(),
  rating: z.enum(YOUTH_RATINGS, { error: "Välj ett av svaren: Det hjälper mig, Delvis eller Det hjälper inte." }),
  text: optionalText(YOUTH_EVALUATION_MAX_TEXT),
});
export type YouthEvaluationInput = z.output<typeof youthEvaluationSchema>;
