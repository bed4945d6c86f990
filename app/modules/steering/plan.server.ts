/**
 * The handlingsplan: its activities (what, who, by when, how far) and its revisions (when the plan was
 * revised and when it is next due). Activities are cancelled ("ställd in"), never deleted; revisions
 * are only ever added, so the latest is the plan's date and the rest its history.
 */
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { steeringActivities, steeringGoals, steeringPlanRevisions, type ActivityStatus } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import type { SteeringAccess } from "./access.server";
import type { ActivityInput, PlanRevisionInput } from "./goal-schemas";
import { goalName, isOverdue } from "./goal-labels";
import { namesOf } from "./people.server";

type Result<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

export type ActivityView = {
  id: number;
  description: string;
  owner: string;
  dueDate: string;
  status: ActivityStatus;
  overdue: boolean;
  goalId: number | null;
  goalName: string | null;
  goalArchived: boolean;
  updatedAt: string;
  updatedBy: string;
};

/** The plan's activities, by due date; `goalId` narrows them to one goal's. */
export function listActivities(municipalityId: number, today: string, goalId?: number): ActivityView[] {
  const rows = getDb()
    .select({ activity: steeringActivities, goal: steeringGoals })
    .from(steeringActivities)
    .leftJoin(steeringGoals, eq(steeringGoals.id, steeringActivities.goalId))
    .where(and(eq(steeringActivities.municipalityId, municipalityId), goalId === undefined ? undefined : eq(steeringActivities.goalId, goalId)))
    .orderBy(asc(steeringActivities.dueDate), asc(steeringActivities.id))
    .all();
  const names = namesOf(rows.map((r) => r.activity.updatedByMembershipId));
  return rows.map(({ activity: a, goal }) => ({
    id: a.id,
    description: a.description,
    owner: a.owner,
    dueDate: a.dueDate,
    status: a.status,
    overdue: isOverdue(a, today),
    goalId: a.goalId,
    goalName: goal ? goalName(goal) : null,
    goalArchived: Boolean(goal?.archivedAt),
    updatedAt: a.updatedAt,
    updatedBy: names.get(a.updatedByMembershipId) ?? "",
  }));
}

export function requireActivity(access: Pick<SteeringAccess, "municipalityId">, activityId: unknown) {
  const id = Number(activityId);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  const activity = getDb()
    .select()
    .from(steeringActivities)
    .where(and(eq(steeringActivities.id, id), eq(steeringActivities.municipalityId, access.municipalityId)))
    .get();
  if (!activity) throw notFound();
  return activity;
}

/** An activity may point at one of the municipality's goals in force (or at none). */
function goalError(municipalityId: number, goalId: number | null, keep?: number | null): FieldErrors | null {
  if (goalId === null || goalId === keep) return null;
  const goal = getDb()
    .select({ id: steeringGoals.id })
    .from(steeringGoals)
    .where(and(eq(steeringGoals.id, goalId), eq(steeringGoals.municipalityId, municipalityId), isNull(steeringGoals.archivedAt)))
    .get();
  return goal ? null : { goalId: "Välj ett av kommunens aktuella mål, eller inget." };
}

export function createActivity(actor: Actor, access: SteeringAccess, input: ActivityInput): Result<{ id: number }> {
  const error = goalError(access.municipalityId, input.goalId);
  if (error) return { ok: false, errors: error };
  const id = getDb()
    .insert(steeringActivities)
    .values({
      municipalityId: access.municipalityId,
      ...input,
      createdByMembershipId: actor.membershipId,
      updatedByMembershipId: actor.membershipId,
    })
    .returning({ id: steeringActivities.id })
    .get().id;
  return { ok: true, id };
}

export function updateActivity(actor: Actor, access: SteeringAccess, activityId: number, input: ActivityInput): Result {
  const activity = requireActivity(access, activityId);
  // An activity already tied to a goal that was archived later keeps it.
  const error = goalError(access.municipalityId, input.goalId, activity.goalId);
  if (error) return { ok: false, errors: error };
  getDb()
    .update(steeringActivities)
    .set({ ...input, updatedAt: new Date().toISOString(), updatedByMembershipId: actor.membershipId })
    .where(eq(steeringActivities.id, activity.id))
    .run();
  return { ok: true };
}

export type PlanRevisionView = { id: number; revisedOn: string; nextRevisionOn: string; note: string | null; recordedAt: string; recordedBy: string };

/** The plan's revisions, newest first: the first is the plan's date. */
export function planRevisions(municipalityId: number): PlanRevisionView[] {
  const rows = getDb()
    .select()
    .from(steeringPlanRevisions)
    .where(eq(steeringPlanRevisions.municipalityId, municipalityId))
    .orderBy(desc(steeringPlanRevisions.id))
    .all();
  const names = namesOf(rows.map((r) => r.recordedByMembershipId));
  return rows.map((r) => ({
    id: r.id,
    revisedOn: r.revisedOn,
    nextRevisionOn: r.nextRevisionOn,
    note: r.note,
    recordedAt: r.recordedAt,
    recordedBy: names.get(r.recordedByMembershipId) ?? "",
  }));
}

export function recordPlanRevision(actor: Actor, access: SteeringAccess, input: PlanRevisionInput): Result {
  getDb()
    .insert(steeringPlanRevisions)
    .values({
      municipalityId: access.municipalityId,
      revisedOn: input.revisedOn,
      nextRevisionOn: input.nextRevisionOn,
      note: input.revisionNote ?? null,
      recordedByMembershipId: actor.membershipId,
    })
    .run();
  return { ok: true };
}
