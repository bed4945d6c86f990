/**
 * How chart values read in Swedish, and the sentence that sums a chart up for a screen reader.
 * Pure: no DOM, no d3.
 */
import { SMALL_LABEL } from "~/modules/statistics/suppression";
import type { ChartPoint, ChartSeries, ChartUnit } from "./chart-types";

// sv-SE groups thousands with a no-break space ("12 345"), as the rest of the portal shows numbers.
const number = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

/** "1 234" for counts, "12,5 %" for shares (already in percent). */
export function formatChartValue(value: number, unit: ChartUnit): string {
  return unit === "andel" ? `${number.format(value)} %` : number.format(value);
}

/** A point as the table and the labels say it: its value, "färre än 5" when hidden, "–" when none. */
export function pointText(point: ChartPoint, unit: ChartUnit): string {
  if (point.hidden) return point.hiddenText ?? SMALL_LABEL;
  if (point.value === null) return "–";
  return formatChartValue(point.value, unit);
}

export const isShown = (point: ChartPoint): point is ChartPoint & { value: number } => !point.hidden && point.value !== null;

/**
 * One sentence per series for the SVG's description: first and latest value, the highest and the
 * lowest, and how many values are hidden. Without it a screen reader hears only "bild".
 */
export function describeSeries(series: readonly ChartSeries[], unit: ChartUnit): string {
  return series
    .map((s) => {
      const shown = s.points.filter(isShown);
      const hidden = s.points.filter((p) => p.hidden).length;
      const parts: string[] = [];
      if (shown.length === 0) parts.push("inga värden visas");
      else {
        const first = shown[0]!;
        const last = shown[shown.length - 1]!;
        const text = (p: ChartPoint & { value: number }) => `${formatChartValue(p.value, unit)} (${p.label})`;
        parts.push(shown.length === 1 ? text(first) : `från ${text(first)} till ${text(last)}`);
        if (shown.length > 2) {
          const high = shown.reduce((a, b) => (b.value > a.value ? b : a));
          const low = shown.reduce((a, b) => (b.value < a.value ? b : a));
          parts.push(`högst ${text(high)}, lägst ${text(low)}`);
        }
      }
      if (hidden > 0) parts.push(`${hidden} ${hidden === 1 ? "värde visas" : "värden visas"} inte (${SMALL_LABEL} eller dolt)`);
      return `${s.label}: ${parts.join("; ")}.`;
    })
    .join(" ");
}

/** The categories of the chart in order: the union of the series' labels, first seen first. */
export function categoriesOf(series: readonly ChartSeries[]): string[] {
  const seen = new Set<string>();
  for (const s of series) for (const p of s.points) seen.add(p.label);
  return [...seen];
}

/** The point of a series for a category, or an empty one (a gap) when the series lacks it. */
export function pointAt(series: ChartSeries, label: string): ChartPoint {
  return series.points.find((p) => p.label === label) ?? { label, value: null };
}
