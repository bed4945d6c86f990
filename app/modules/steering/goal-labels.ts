/** Swedish names of the goals and the handlingsplan, and how a goal reads. Pure, for the browser. */
import type { ActivityStatus, GoalComparator, GoalPeriodKind } from "#db/schema/steering-values";
import { goalFigure, type GoalFigureKind } from "./goal-figures";
import { pluralForm } from "~/lib/plural";

export const COMPARATOR_SIGNS: Record<GoalComparator, string> = { gte: "≥", lte: "≤" };
export const COMPARATOR_LABELS: Record<GoalComparator, string> = { gte: "Minst (≥)", lte: "Högst (≤)" };

export const GOAL_PERIOD_LABELS: Record<GoalPeriodKind, string> = {
  tertial: "Tertial",
  termin: "Termin",
  lasar: "Läsår",
  ar: "Kalenderår",
  halvar: "Halvår (SCB)",
};
/** "per tertial", "per läsår": how the goal's name ends. */
export const GOAL_PERIOD_PER: Record<GoalPeriodKind, string> = {
  tertial: "per tertial",
  termin: "per termin",
  lasar: "per läsår",
  ar: "per kalenderår",
  halvar: "per halvår (SCB)",
};

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  planned: "Planerad",
  in_progress: "Pågår",
  done: "Klar",
  cancelled: "Ställd in",
};

const number = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

export function formatTarget(kind: GoalFigureKind | undefined, target: number): string {
  if (kind === "share") return `${number.format(target)} %`;
  if (kind === "median") return `${number.format(target)} ${pluralForm(target, "dag", "dagar")}`;
  return number.format(target);
}

/** "Kontakt inom fyra veckor ≥ 90 % per tertial". */
export function goalName(goal: { figureKey: string; comparator: GoalComparator; target: number; periodKind: GoalPeriodKind }): string {
  const figure = goalFigure(goal.figureKey);
  const label = figure?.label ?? goal.figureKey;
  return `${label} ${COMPARATOR_SIGNS[goal.comparator]} ${formatTarget(figure?.kind, goal.target)} ${GOAL_PERIOD_PER[goal.periodKind]}`;
}

/** An activity still to be done after its due date. */
export function isOverdue(activity: { status: ActivityStatus; dueDate: string }, today: string): boolean {
  return (activity.status === "planned" || activity.status === "in_progress") && activity.dueDate < today;
}
