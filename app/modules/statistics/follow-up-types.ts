/** The shapes the follow-up passes between its parts and to the page. No database, no youth. */
import type { Hidden } from "./suppression";

export type PeriodRange = { from: string; to: string };

/** One period's raw figures: named counts, labels of the rows that come from the data, and days to contact. */
export type FigureSet = {
  cells: Record<string, number>;
  labels: Record<string, string>;
  daysToContact?: { days: number; n: number }[];
};

/** A value as the page shows it. */
export type Shown = { value: number } | { hidden: Hidden } | { share: number } | { median: number } | { none: true };

export type FigureRow = { key: string; label: string; cells: Shown[]; total?: boolean; indent?: boolean };
export type FigureTable = { id: string; caption: string; note?: string; rows: FigureRow[] };
