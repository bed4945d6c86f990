/**
 * The periods a goal is followed in: the one running today and those before it, of the goal's kind.
 * Pure; built on the follow-up's own periods (statistics/periods.ts).
 */
import type { GoalPeriodKind } from "#db/schema/steering-values";
import { calendarYear, previousPeriod, schoolYear, scbHalfYear, termin, tertialOf, type Period } from "~/modules/statistics/periods";

/** How many periods a goal's trend shows: the running one and the five before it. */
export const TREND_LENGTH = 6;

/** The period of the kind that a Swedish day falls in. */
export function periodContaining(kind: GoalPeriodKind, iso: string): Period {
  const year = Number(iso.slice(0, 4));
  const firstHalf = Number(iso.slice(5, 7)) <= 6;
  switch (kind) {
    case "tertial":
      return tertialOf(iso);
    case "termin":
      return termin(year, firstHalf ? "vt" : "ht");
    case "halvar":
      return scbHalfYear(year, firstHalf ? 1 : 2);
    case "lasar":
      return schoolYear(firstHalf ? year - 1 : year);
    case "ar":
      return calendarYear(year);
  }
}

/** The last `count` periods of the kind, oldest first; the last one is running today. */
export function recentPeriods(kind: GoalPeriodKind, today: string, count = TREND_LENGTH): Period[] {
  const periods = [periodContaining(kind, today)];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0]!));
  return periods;
}
