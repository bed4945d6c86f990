import { plural } from "./plural";
/**
 * Totals of lists that grow for ever (the register, the log, notices, referrals, reports of concern)
 * are counted only up to a cap: past it a page says "fler än 10 000" instead of counting every row,
 * so no page's cost grows with the data. Browser-safe: the pages format the text with it.
 */

/** Counting stops here; past it a list offers the first cap / page size pages and asks for a filter. */
export const COUNT_CAP = 10_000;

/** A total counted up to a cap: `total` is at most the cap, `moreThanCap` says there were more. */
export type CappedCount = { total: number; moreThanCap: boolean };

/** A number as Swedish text, grouped by thousands ("10 000"). */
export function formatCount(n: number) {
  return n.toLocaleString("sv-SE");
}

/** The figure alone, for a tab or a heading: "12" or "fler än 10 000". */
export function countFigure(total: number, moreThanCap: boolean) {
  return moreThanCap ? `fler än ${formatCount(total)}` : formatCount(total);
}

/** The count with its noun, to start a sentence: "1 remiss", "12 remisser" or "Fler än 10 000 remisser". */
export function countText(total: number, moreThanCap: boolean, one: string, other: string) {
  if (moreThanCap) return `Fler än ${formatCount(total)} ${other}`;
  return plural(total, one, other);
}

/** How many pages a capped total fills: at least one, never more than the cap allows. */
export function pageCountOf(total: number, pageSize: number) {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The page asked for, kept within the pages counted, so no list skips past what it counted. */
export function pageWithin(page: number, pageCount: number) {
  return Math.min(Math.max(1, page), pageCount);
}
