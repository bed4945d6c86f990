/**
 * The shapes the charts take. Pure, for the server and the browser alike.
 *
 * A hidden point is a count suppressed for small numbers (ADR 0011): the chart draws a gap and a
 * hatched marker and the table says "färre än 5", never a value.
 */
export type ChartPoint = {
  /** The category on the x axis (a month, a period) or the bar's row label. */
  label: string;
  /** The figure; null when there is none (no data, nothing to divide by). For "andel": percent, 0–100. */
  value: number | null;
  /** Suppressed: shown as `hiddenText` (default "färre än 5"), never as a value. */
  hidden?: boolean;
  hiddenText?: string;
};

export type ChartSeries = { key: string; label: string; points: ChartPoint[] };

/** "antal": counts; "andel": shares in percent (0–100), shown as "12 %". */
export type ChartUnit = "antal" | "andel";
