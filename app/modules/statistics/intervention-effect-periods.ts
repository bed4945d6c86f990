/**
 * The periods of the intervention-effect trend: the chosen period and those before it, as far back
 * as three years, each with a short label for the chart's axis. Pure.
 */
import { daysBetween } from "~/lib/dates";
import { previousPeriod, type Period } from "./periods";

/** How many periods of each kind fit in three years (an interval: as many of its length as fit, at most 6). */
export function trendLength(p: Period): number {
  switch (p.kind) {
    case "tertial":
      return 9;
    case "termin":
    case "halvar":
      return 6;
    case "lasar":
    case "ar":
      return 3;
    case "intervall":
      return Math.min(6, Math.max(1, Math.floor((3 * 365) / (daysBetween(p.from, p.to) + 1))));
  }
}

/** The chosen period and the ones before it, oldest first. */
export function trendPeriods(p: Period): Period[] {
  const periods = [p];
  while (periods.length < trendLength(p)) periods.unshift(previousPeriod(periods[0]!));
  return periods;
}

/** "T1 2026", "VT 2026", "2025/26", "2026", "H1 2026", or the interval's first day. */
export function shortPeriodLabel(p: Period): string {
  const year = p.from.slice(0, 4);
  const month = Number(p.from.slice(5, 7));
  switch (p.kind) {
    case "tertial":
      return `T${(month - 1) / 4 + 1} ${year}`;
    case "termin":
      return `${month === 1 ? "VT" : "HT"} ${year}`;
    case "halvar":
      return `H${month === 1 ? 1 : 2} ${year}`;
    case "lasar":
      return `${year}/${String(Number(year) + 1).slice(2)}`;
    case "ar":
      return year;
    case "intervall":
      return `${p.from}–${p.to}`;
  }
}
