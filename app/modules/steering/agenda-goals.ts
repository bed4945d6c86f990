/**
 * The "Mål och handlingsplan" agenda item's snapshot: the goals judged as the forum may see them
 * (small numbers hidden) and the plan's activities with their status, frozen when the agenda is sent.
 * Aggregates and plan text only: nothing here identifies a youth. Pure, so the stored JSON is read
 * back through the same schema it was written with.
 */
import { z } from "zod";
import { ACTIVITY_STATUSES } from "#db/schema/steering-values";

const periodStatusSchema = z.object({
  label: z.string(),
  from: z.string(),
  to: z.string(),
  value: z.number().nullable(),
  met: z.boolean().nullable(),
  shown: z.string(),
  notJudged: z.enum(["hidden", "no_data"]).nullable(),
  ongoing: z.boolean(),
});

export const goalsSnapshotSchema = z.object({
  computedAt: z.string(),
  today: z.string(),
  goals: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      note: z.string().nullable(),
      latest: periodStatusSchema.nullable(),
      current: periodStatusSchema,
      trend: z.array(periodStatusSchema),
    }),
  ),
  plan: z.object({ revisedOn: z.string().nullable(), nextRevisionOn: z.string().nullable() }),
  activities: z.array(
    z.object({
      description: z.string(),
      owner: z.string(),
      dueDate: z.string(),
      status: z.enum(ACTIVITY_STATUSES),
      overdue: z.boolean(),
      goalName: z.string().nullable(),
    }),
  ),
});
export type GoalsSnapshot = z.infer<typeof goalsSnapshotSchema>;

/** The snapshot as shown on the agenda: frozen when sent, a live preview before. */
export type GoalsAgendaView = GoalsSnapshot & { frozen: boolean; frozenAt: string | null };

/** A stored snapshot, read back; null if it is not one (it is never recomputed in its place). */
export function parseGoalsSnapshot(json: string | null | undefined): GoalsSnapshot | null {
  if (!json) return null;
  try {
    const result = goalsSnapshotSchema.safeParse(JSON.parse(json));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
