/**
 * The municipality's goals for its KAA work: recorded, changed, archived and restored by the samordnare
 * or the styrgrupp's chair. Every version is kept as a revision (who, when, what), in the same
 * transaction as the change; goals are archived, never deleted.
 */
import { and, asc, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { steeringGoalRevisions, steeringGoals, type GoalEvent } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import type { SteeringAccess } from "./access.server";
import type { GoalInput } from "./goal-schemas";
import { goalName } from "./goal-labels";
import { namesOf } from "./people.server";

export type Goal = typeof steeringGoals.$inferSelect;
type Result<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

export function listGoals(municipalityId: number, which: "active" | "archived" = "active"): Goal[] {
  return getDb()
    .select()
    .from(steeringGoals)
    .where(and(eq(steeringGoals.municipalityId, municipalityId), which === "active" ? isNull(steeringGoals.archivedAt) : isNotNull(steeringGoals.archivedAt)))
    .orderBy(asc(steeringGoals.id))
    .all();
}

/** A goal of the reader's municipality; anything else (another municipality's, none, a bad id) is the same 404. */
export function requireGoal(access: Pick<SteeringAccess, "municipalityId">, goalId: unknown): Goal {
  const id = Number(goalId);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  const goal = getDb()
    .select()
    .from(steeringGoals)
    .where(and(eq(steeringGoals.id, id), eq(steeringGoals.municipalityId, access.municipalityId)))
    .get();
  if (!goal) throw notFound();
  return goal;
}

function revise(tx: Tx, goal: Goal, event: GoalEvent, actor: Actor) {
  tx.insert(steeringGoalRevisions)
    .values({
      goalId: goal.id,
      event,
      figureKey: goal.figureKey,
      comparator: goal.comparator,
      target: goal.target,
      periodKind: goal.periodKind,
      note: goal.note,
      recordedByMembershipId: actor.membershipId,
    })
    .run();
}

const values = (input: GoalInput) => ({
  figureKey: input.figureKey,
  comparator: input.comparator,
  target: input.target,
  periodKind: input.periodKind,
  note: input.note ?? null,
});

export function createGoal(actor: Actor, access: SteeringAccess, input: GoalInput): { ok: true; id: number } {
  const id = getDb().transaction((tx) => {
    const goal = tx
      .insert(steeringGoals)
      .values({ municipalityId: access.municipalityId, ...values(input), createdByMembershipId: actor.membershipId, updatedByMembershipId: actor.membershipId })
      .returning()
      .get();
    revise(tx, goal, "created", actor);
    return goal.id;
  });
  return { ok: true, id };
}

export function updateGoal(actor: Actor, access: SteeringAccess, goalId: number, input: GoalInput): Result {
  const goal = requireGoal(access, goalId);
  if (goal.archivedAt) return { ok: false, errors: { form: "Målet är arkiverat. Återställ det för att ändra det." } };
  getDb().transaction((tx) => {
    const updated = tx
      .update(steeringGoals)
      .set({ ...values(input), updatedAt: new Date().toISOString(), updatedByMembershipId: actor.membershipId })
      .where(eq(steeringGoals.id, goal.id))
      .returning()
      .get();
    revise(tx, updated, "updated", actor);
  });
  return { ok: true };
}

export function archiveGoal(actor: Actor, access: SteeringAccess, goalId: number): Result {
  const goal = requireGoal(access, goalId);
  if (goal.archivedAt) return { ok: false, errors: { form: "Målet är redan arkiverat." } };
  getDb().transaction((tx) => {
    const now = new Date().toISOString();
    const updated = tx
      .update(steeringGoals)
      .set({ archivedAt: now, archivedByMembershipId: actor.membershipId, updatedAt: now, updatedByMembershipId: actor.membershipId })
      .where(eq(steeringGoals.id, goal.id))
      .returning()
      .get();
    revise(tx, updated, "archived", actor);
  });
  return { ok: true };
}

export function restoreGoal(actor: Actor, access: SteeringAccess, goalId: number): Result {
  const goal = requireGoal(access, goalId);
  if (!goal.archivedAt) return { ok: false, errors: { form: "Målet är inte arkiverat." } };
  getDb().transaction((tx) => {
    const updated = tx
      .update(steeringGoals)
      .set({ archivedAt: null, archivedByMembershipId: null, updatedAt: new Date().toISOString(), updatedByMembershipId: actor.membershipId })
      .where(eq(steeringGoals.id, goal.id))
      .returning()
      .get();
    revise(tx, updated, "restored", actor);
  });
  return { ok: true };
}

export const GOAL_EVENT_LABELS: Record<GoalEvent, string> = { created: "Målet sattes", updated: "Ändrat", archived: "Arkiverat", restored: "Återställt" };

/** The goal's history, newest first: each version as it read, who recorded it and when. */
export function goalHistory(goalId: number) {
  const rows = getDb().select().from(steeringGoalRevisions).where(eq(steeringGoalRevisions.goalId, goalId)).orderBy(desc(steeringGoalRevisions.id)).all();
  const names = namesOf(rows.map((r) => r.recordedByMembershipId));
  return rows.map((r) => ({
    id: r.id,
    event: GOAL_EVENT_LABELS[r.event],
    name: goalName(r),
    note: r.note,
    recordedAt: r.recordedAt,
    recordedBy: names.get(r.recordedByMembershipId) ?? "",
  }));
}
