/** The caseworker's form for the maturity decision: the reason is required (it is the decision's ground). */
import { z } from "zod";
import { requiredText } from "~/lib/form-fields";

export const maturitySchema = z.object({
  note: requiredText("varför ungdomen kan bestämma själv", 500),
});
export type MaturityInput = z.output<typeof maturitySchema>;
