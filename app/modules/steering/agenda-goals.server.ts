/**
 * Goals and the handlingsplan on a samverkan agenda. The forum reaches beyond the KAA unit, so the
 * goals are judged as the styrgrupp sees the follow-up (small numbers hidden). The snapshot is taken
 * once, when the agenda is first sent, and is then never recomputed; until then the agenda shows a
 * live preview. The meetings module hands in the item ids: agenda items themselves are its business.
 */
import { inArray } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { agendaGoalSnapshots } from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { FollowUpAudience } from "~/modules/statistics/follow-up.server";
import { parseGoalsSnapshot, type GoalsAgendaView, type GoalsSnapshot } from "./agenda-goals";
import { goalStatuses } from "./goal-status.server";
import { listGoals } from "./goals.server";
import { listActivities, planRevisions } from "./plan.server";

/** How the forums read the follow-up: as outside the KAA unit. */
export function forumAudience(municipalityId: number): FollowUpAudience {
  return { view: "outside", municipalityId, withCaseworkers: false, mayEnterPopulation: false };
}

export function goalsSnapshot(municipalityId: number, now = new Date()): GoalsSnapshot {
  const today = todayIso(now);
  const latest = planRevisions(municipalityId)[0];
  return {
    computedAt: now.toISOString(),
    today,
    goals: goalStatuses(forumAudience(municipalityId), listGoals(municipalityId), today).map((g) => ({
      id: g.id,
      name: g.name,
      note: g.note,
      latest: g.latest,
      current: g.current,
      trend: g.trend,
    })),
    plan: { revisedOn: latest?.revisedOn ?? null, nextRevisionOn: latest?.nextRevisionOn ?? null },
    activities: listActivities(municipalityId, today).map((a) => ({
      description: a.description,
      owner: a.owner,
      dueDate: a.dueDate,
      status: a.status,
      overdue: a.overdue,
      goalName: a.goalName,
    })),
  };
}

function storedSnapshots(itemIds: readonly number[], db: ReturnType<typeof getDb> | Tx = getDb()) {
  if (itemIds.length === 0) return new Map<number, { snapshot: string; frozenAt: string }>();
  return new Map(
    db
      .select()
      .from(agendaGoalSnapshots)
      .where(inArray(agendaGoalSnapshots.agendaItemId, [...itemIds]))
      .all()
      .map((r) => [r.agendaItemId, r] as const),
  );
}

/**
 * For sending an agenda: the snapshot of its goal items not yet frozen, computed before the write
 * transaction (reading only), and a step that stores it inside that transaction. Null: nothing to freeze.
 */
export function prepareGoalsFreeze(goalItemIds: readonly number[], municipalityId: number, now = new Date()): ((tx: Tx) => void) | null {
  const stored = storedSnapshots(goalItemIds);
  const unfrozen = goalItemIds.filter((id) => !stored.has(id));
  if (unfrozen.length === 0) return null;
  const snapshot = JSON.stringify(goalsSnapshot(municipalityId, now));
  return (tx) => {
    // Frozen once: a later send (or a send racing this one) never replaces a snapshot already taken.
    tx.insert(agendaGoalSnapshots)
      .values(unfrozen.map((agendaItemId) => ({ agendaItemId, snapshot, frozenAt: now.toISOString() })))
      .onConflictDoNothing()
      .run();
  };
}

/** The goal items of a meeting as shown: the frozen snapshot, or (while the agenda can change) one shared live preview. */
export function goalsAgendaViews(goalItemIds: readonly number[], municipalityId: number, previewAllowed: boolean): Map<number, GoalsAgendaView> {
  const views = new Map<number, GoalsAgendaView>();
  const stored = storedSnapshots(goalItemIds);
  let preview: GoalsSnapshot | undefined;
  for (const id of goalItemIds) {
    const row = stored.get(id);
    const frozen = parseGoalsSnapshot(row?.snapshot);
    if (frozen) {
      views.set(id, { ...frozen, frozen: true, frozenAt: row!.frozenAt });
    } else if (previewAllowed) {
      preview ??= goalsSnapshot(municipalityId);
      views.set(id, { ...preview, frozen: false, frozenAt: null });
    }
  }
  return views;
}
