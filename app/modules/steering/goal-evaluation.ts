/**
 * Whether a goal is met in a period, from the value the follow-up shows for the goal's figure. Pure:
 * the caller reads the follow-up (goal-status.server.ts); this only judges. A value the reader may
 * not see (hidden as a small number) or that does not exist (no data, no base for a share) cannot
 * be judged: the goal is then neither met nor not met.
 */
import type { GoalComparator } from "#db/schema/steering-values";
import { formatShown } from "~/modules/statistics/follow-up-format";
import type { Shown } from "~/modules/statistics/follow-up-types";

/** One period of a goal's trend: the shape the charts read. value: percent for shares, days for medians. */
export type GoalTrendPoint = { label: string; from: string; to: string; value: number | null; met: boolean | null };

/** Why a goal could not be judged: the value is hidden from this reader, or there is none. */
export type NotJudged = "hidden" | "no_data";

/** A period's judgement, with what the reader is shown. */
export type GoalPeriodStatus = GoalTrendPoint & { shown: string; notJudged: NotJudged | null; ongoing: boolean };

export type Judgement = { value: number | null; met: boolean | null; shown: string; notJudged: NotJudged | null };

// Shares are fractions turned into percent: 0.57 * 100 is 56.99999999999999, which must meet "≥ 57".
const EPSILON = 1e-9;

/** The goal's comparator and target (percent for a share) against the value shown; undefined: the row is missing. */
export function judge(goal: { comparator: GoalComparator; target: number }, shown: Shown | undefined): Judgement {
  if (shown === undefined || "none" in shown) return { value: null, met: null, shown: "–", notJudged: "no_data" };
  if ("hidden" in shown) return { value: null, met: null, shown: formatShown(shown), notJudged: "hidden" };
  const value = "share" in shown ? shown.share * 100 : "median" in shown ? shown.median : shown.value;
  const met = goal.comparator === "gte" ? value >= goal.target - EPSILON : value <= goal.target + EPSILON;
  return { value, met, shown: formatShown(shown), notJudged: null };
}

export const JUDGEMENT_LABELS = { met: "Uppfyllt", notMet: "Inte uppfyllt", notJudged: "Kan inte bedömas" } as const;

export function judgementLabel(met: boolean | null): string {
  return met === null ? JUDGEMENT_LABELS.notJudged : met ? JUDGEMENT_LABELS.met : JUDGEMENT_LABELS.notMet;
}

/** Why a goal could not be judged, in words for the reader. */
export function notJudgedReason(reason: NotJudged | null): string | null {
  if (reason === "hidden") return "Värdet visas inte utanför KAA-enheten, så att små tal inte kan peka ut enskilda ungdomar.";
  if (reason === "no_data") return "Det finns inga uppgifter att mäta för perioden.";
  return null;
}
