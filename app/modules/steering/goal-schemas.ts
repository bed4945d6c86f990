/** The forms of the goals and the handlingsplan: one zod schema each, shared by browser and server. */
import { z } from "zod";
import { ACTIVITY_STATUSES, GOAL_COMPARATORS, GOAL_PERIOD_KINDS } from "#db/schema/steering-values";
import { dateField, optionalId, optionalText, pastDate, requiredText } from "~/lib/form-fields";
import { GOAL_FIGURE_KEYS, goalFigure } from "./goal-figures";

export const MAX_TARGET = 100_000;

/** "90", "90,5" or "90.5": Swedish decimals with a comma, as people write them. */
const targetField = () =>
  z
    .string({ error: "Ange målvärdet." })
    .trim()
    .min(1, "Ange målvärdet.")
    .transform((v) => v.replace(/\s/g, "").replace(",", "."))
    .refine((v) => /^\d+(\.\d+)?$/.test(v), "Ange målvärdet som ett tal, till exempel 90 eller 12,5.")
    .transform(Number);

export const goalSchema = z
  .object({
    figureKey: z.enum(GOAL_FIGURE_KEYS as [string, ...string[]], { error: "Välj vilket mått målet gäller." }),
    comparator: z.enum(GOAL_COMPARATORS, { error: "Välj om värdet ska vara minst eller högst målvärdet." }),
    target: targetField(),
    periodKind: z.enum(GOAL_PERIOD_KINDS, { error: "Välj vilken period målet följs per." }),
    note: optionalText(500),
  })
  .superRefine((v, ctx) => {
    const kind = goalFigure(v.figureKey)?.kind;
    if (kind === "share" && v.target > 100) ctx.addIssue({ code: "custom", path: ["target"], message: "En andel kan vara högst 100 %." });
    else if (kind === "count" && !Number.isInteger(v.target))
      ctx.addIssue({ code: "custom", path: ["target"], message: "Ett antal anges som ett heltal, till exempel 10." });
    else if (v.target > MAX_TARGET)
      ctx.addIssue({ code: "custom", path: ["target"], message: `Målvärdet får vara högst ${MAX_TARGET.toLocaleString("sv-SE")}.` });
  });
export type GoalInput = z.output<typeof goalSchema>;

export const activitySchema = z.object({
  description: requiredText("vad som ska göras", 300),
  owner: requiredText("vem som är ansvarig", 120),
  dueDate: dateField("när aktiviteten ska vara klar"),
  status: z.enum(ACTIVITY_STATUSES, { error: "Välj status." }),
  goalId: optionalId(),
});
export type ActivityInput = z.output<typeof activitySchema>;

export const planRevisionSchema = z
  .object({
    revisedOn: pastDate("när handlingsplanen reviderades"),
    nextRevisionOn: dateField("när handlingsplanen ska revideras nästa gång"),
    revisionNote: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.nextRevisionOn <= v.revisedOn)
      ctx.addIssue({ code: "custom", path: ["nextRevisionOn"], message: "Nästa revision måste ligga efter den senaste revisionen." });
  });
export type PlanRevisionInput = z.output<typeof planRevisionSchema>;
