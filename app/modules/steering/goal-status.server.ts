/**
 * Each goal judged against the follow-up, as its reader may see it: the KAA unit exactly, the styrgrupp
 * with small numbers hidden (a hidden value cannot be judged). Reads the follow-up through
 * computeFollowUp, one period at a time, and judges with the pure goal-evaluation.ts.
 */
import type { Period } from "~/modules/statistics/periods";
import type { Shown } from "~/modules/statistics/follow-up-types";
import { computeFollowUp, type FollowUp, type FollowUpAudience } from "~/modules/statistics/follow-up.server";
import type { GoalComparator, GoalPeriodKind } from "#db/schema/steering-values";
import { goalFigure, type GoalFigureKind } from "./goal-figures";
import { judge, type GoalPeriodStatus } from "./goal-evaluation";
import { goalName } from "./goal-labels";
import { recentPeriods } from "./goal-periods";
import { listGoals } from "./goals.server";

type Compute = typeof computeFollowUp;
type GoalLike = {
  id: number;
  figureKey: string;
  comparator: GoalComparator;
  target: number;
  periodKind: GoalPeriodKind;
  note: string | null;
  archivedAt: string | null;
};

/** A row's value by its key, the first table that has it (overview rows repeat as totals further down). */
export function columnOf(followUp: FollowUp, index: number): Map<string, Shown> {
  const column = new Map<string, Shown>();
  for (const table of followUp.tables) for (const row of table.rows) if (!column.has(row.key) && row.cells[index]) column.set(row.key, row.cells[index]);
  return column;
}

/**
 * The follow-up's values per period, each computed once per request. One computation also yields the
 * period before, the year earlier and the overview's trend over three years of periods; every period
 * is suppressed on its own figures alone (ADR 0015), so a value is the same whichever computation it
 * comes from, and the same as on the follow-up page for that period.
 */
export class FollowUpColumns {
  private readonly columns = new Map<string, Map<string, Shown>>();
  /** Overview rows only (the trend): a figure from another table still needs its period's computation. */
  private readonly trendColumns = new Map<string, Map<string, Shown>>();
  constructor(
    private readonly audience: FollowUpAudience,
    private readonly today: string,
    private readonly compute: Compute = computeFollowUp,
  ) {}

  add(followUp: FollowUp) {
    followUp.periods.forEach((period, i) => {
      if (!this.columns.has(keyOf(period))) this.columns.set(keyOf(period), columnOf(followUp, i));
    });
    followUp.trend?.periods.forEach((period, i) => {
      if (!this.trendColumns.has(keyOf(period))) this.trendColumns.set(keyOf(period), new Map(followUp.trend!.rows.map((row) => [row.key, row.cells[i]!])));
    });
  }

  value(period: Pick<Period, "from" | "to">, figureKey: string): Shown | undefined {
    const key = keyOf(period);
    if (!this.columns.has(key) && this.trendColumns.get(key)?.has(figureKey)) return this.trendColumns.get(key)!.get(figureKey);
    if (!this.columns.has(key)) this.add(this.compute(this.audience, period as Period, { today: this.today }));
    return this.columns.get(key)?.get(figureKey);
  }
}

const keyOf = (period: Pick<Period, "from" | "to">) => `${period.from}/${period.to}`;

export type GoalSummary = {
  id: number;
  name: string;
  figureLabel: string;
  figureKind: GoalFigureKind | null;
  comparator: GoalComparator;
  target: number;
  periodKind: GoalPeriodKind;
  note: string | null;
  archived: boolean;
};

export type GoalStatusView = GoalSummary & {
  /** The last period that has ended, and the one running today. */
  latest: GoalPeriodStatus | null;
  current: GoalPeriodStatus;
  /** Oldest first, the running period last. */
  trend: GoalPeriodStatus[];
};

export function goalSummary(goal: GoalLike): GoalSummary {
  const figure = goalFigure(goal.figureKey);
  return {
    id: goal.id,
    name: goalName(goal),
    figureLabel: figure?.label ?? goal.figureKey,
    figureKind: figure?.kind ?? null,
    comparator: goal.comparator,
    target: goal.target,
    periodKind: goal.periodKind,
    note: goal.note,
    archived: goal.archivedAt !== null,
  };
}

export function periodStatus(goal: GoalLike, period: Pick<Period, "label" | "from" | "to">, value: Shown | undefined, today: string): GoalPeriodStatus {
  const judged = judge(goal, value);
  return { label: period.label, from: period.from, to: period.to, ...judged, ongoing: period.to >= today };
}

/** Every goal with its latest ended period, the running one and its trend. */
export function goalStatuses(audience: FollowUpAudience, goals: GoalLike[], today: string, columns = new FollowUpColumns(audience, today)): GoalStatusView[] {
  return goals.map((goal) => {
    // Newest first: one computation of a period also brings the periods before it.
    const trend = recentPeriods(goal.periodKind, today)
      .reverse()
      .map((p) => periodStatus(goal, p, columns.value(p, goal.figureKey), today))
      .reverse();
    return { ...goalSummary(goal), latest: trend.at(-2) ?? null, current: trend.at(-1)!, trend };
  });
}

/**
 * The goals as the follow-up page shows them for its chosen period: those followed per that kind of
 * period are judged from the page's own figures (no second computation); the others are listed.
 */
export function goalsForFollowUp(goals: GoalLike[], followUp: FollowUp, period: Period, today: string) {
  const column = columnOf(followUp, 0);
  return goals.map((goal) => ({
    ...goalSummary(goal),
    status: goal.periodKind === period.kind ? periodStatus(goal, period, column.get(goal.figureKey), today) : null,
  }));
}

/** The municipality's goals in force, judged for the follow-up page's period where they follow that kind of period. */
export function goalsOnFollowUp(municipalityId: number, followUp: FollowUp, period: Period, today: string) {
  return goalsForFollowUp(listGoals(municipalityId), followUp, period, today);
}

/** A goal as the annual report shows it: each period of the goal's kind that lies within the report's. */
export type GoalInReport = GoalSummary & { periods: GoalPeriodStatus[] };

/**
 * The goals in force, each judged for the periods of its kind inside `within` (a läsår has three
 * tertials, two terminer, one läsår), as `audience` may see the follow-up. For the annual report,
 * which freezes the result when it is fastställd.
 */
export function goalsWithin(audience: FollowUpAudience, within: Pick<Period, "from" | "to">, today: string): GoalInReport[] {
  const columns = new FollowUpColumns(audience, today);
  return listGoals(audience.municipalityId).map((goal) => {
    const periods = recentPeriods(goal.periodKind, within.to, 4)
      .filter((p) => p.from >= within.from && p.to <= within.to)
      .reverse()
      .map((p) => periodStatus(goal, p, columns.value(p, goal.figureKey), today))
      .reverse();
    return { ...goalSummary(goal), periods };
  });
}
