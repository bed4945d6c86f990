/**
 * Small-number protection for figures that leave the KAA unit (styrgrupp, samverkansforum, exports);
 * see docs/decisions/0011-small-number-suppression.md.
 *
 * The figures of one period are named cells (`targetGroup`, `targetGroup.age.17`, …) tied together by
 * the sums a reader can see: a total and the rows it is the sum of. Primary suppression hides every
 * count from 1 to 4 ("färre än 5"). Secondary suppression then hides more cells until no hidden cell
 * can be worked out from what is shown. The audit gives every hidden cell the range a reader knows
 * ("färre än 5": 0–4; "dold": 5 or more, since it is not shown as fewer than 5), combines the sums
 * (reduced echelon form), narrows the ranges through all of them until nothing changes, and calls a
 * cell exposed when its range has shrunk to one value. Each round hides, in a sum that holds an
 * exposed cell, a zero (shown as "färre än 5", which is true and costs the reader the least) or else
 * the smallest shown count of 5 or more ("dold"), and the audit runs again. Pure.
 */

export const SMALL_LIMIT = 5;
export const SMALL_LABEL = "färre än 5";
export const SECONDARY_LABEL = "dold";

/** A published sum: the total cell is the sum of the member cells. */
export type SumRule = { total: string; members: readonly string[] };
/** small: 1–4; zero: a 0 hidden to protect another cell; both read "färre än 5". secondary: 5 or more, "dold". */
export type Hidden = "small" | "zero" | "secondary";
export type Suppression = ReadonlyMap<string, Hidden>;

export const isSmall = (n: number) => n >= 1 && n < SMALL_LIMIT;

type Range = { lo: number; hi: number };
/** Σ coefficient·cell = constant, over hidden cells only (shown cells are folded into the constant). */
type Equation = { terms: Map<string, number>; constant: number };

const EPSILON = 1e-9;

function initialRange(kind: Hidden): Range {
  return kind === "secondary" ? { lo: SMALL_LIMIT, hi: Infinity } : { lo: 0, hi: SMALL_LIMIT - 1 };
}

function equationsOf(values: Readonly<Record<string, number>>, hidden: Suppression, rules: readonly SumRule[]): Equation[] {
  return rules.map((rule) => {
    const terms = new Map<string, number>();
    let constant = 0;
    const add = (cell: string, sign: number) => {
      if (hidden.has(cell)) terms.set(cell, (terms.get(cell) ?? 0) + sign);
      else constant -= sign * (values[cell] ?? 0);
    };
    add(rule.total, 1);
    for (const member of rule.members) add(member, -1);
    return { terms, constant };
  });
}

/** The reduced row echelon form of the equations: what any combination of the sums says. */
function reduced(equations: Equation[], cells: string[]): Equation[] {
  const rows = equations.map((e) => [...cells.map((c) => e.terms.get(c) ?? 0), e.constant]);
  let pivotRow = 0;
  for (let col = 0; col < cells.length && pivotRow < rows.length; col++) {
    const found = rows.findIndex((row, i) => i >= pivotRow && Math.abs(row[col]!) > EPSILON);
    if (found < 0) continue;
    [rows[pivotRow], rows[found]] = [rows[found]!, rows[pivotRow]!];
    const pivot = rows[pivotRow]!;
    const scale = pivot[col]!;
    for (let k = 0; k < pivot.length; k++) pivot[k]! /= scale;
    rows.forEach((row, i) => {
      if (i === pivotRow || Math.abs(row[col]!) < EPSILON) return;
      const factor = row[col]!;
      for (let k = 0; k < row.length; k++) row[k]! -= factor * pivot[k]!;
    });
    pivotRow++;
  }
  return rows.slice(0, pivotRow).map((row) => ({
    terms: new Map(cells.map((c, i) => [c, row[i]!] as const).filter(([, a]) => Math.abs(a) > EPSILON)),
    constant: row[cells.length]!,
  }));
}

/** The bounds of b·y for y in r (a range's upper end may be unbounded: "dold" is 5 or more). */
function termBounds(b: number, r: Range): [number, number] {
  return b > 0 ? [b * r.lo, b * r.hi] : [b * r.hi, b * r.lo];
}

/**
 * The hidden cells a reader can work out exactly from the shown cells and the sums, with the ranges
 * they know for hidden cells: every combination of the sums (their reduced echelon form) and the
 * ranges narrowed through all of them, to a fixed point. Whole numbers only.
 */
export function exposedCells(values: Readonly<Record<string, number>>, hidden: Suppression, rules: readonly SumRule[]): string[] {
  const ranges = new Map<string, Range>();
  for (const [cell, kind] of hidden) ranges.set(cell, initialRange(kind));
  const base = equationsOf(values, hidden, rules);
  const equations = [...base, ...reduced(base, [...hidden.keys()])];
  for (let round = 0, changed = true; changed && round < 200; round++) {
    changed = false;
    for (const { terms, constant } of equations) {
      // The bounds of the whole sum Σ b·y, as a finite part and a count of unbounded terms, so that
      // each cell's "others" are the whole less its own term: linear in the terms, not quadratic.
      // (A cell narrowed earlier in this pass still counts with its wider range: looser, still true.)
      const sum = { lo: 0, hi: 0, loOpen: 0, hiOpen: 0 };
      for (const [cell, b] of terms) {
        const [l, h] = termBounds(b, ranges.get(cell)!);
        if (Number.isFinite(l)) sum.lo += l;
        else sum.loOpen++;
        if (Number.isFinite(h)) sum.hi += h;
        else sum.hiOpen++;
      }
      for (const [cell, a] of terms) {
        // a·x = constant − Σ others: the bounds of the others' sum give x's.
        const [ownLo, ownHi] = termBounds(a, ranges.get(cell)!);
        const lo = sum.loOpen - (Number.isFinite(ownLo) ? 0 : 1) > 0 ? -Infinity : sum.lo - (Number.isFinite(ownLo) ? ownLo : 0);
        const hi = sum.hiOpen - (Number.isFinite(ownHi) ? 0 : 1) > 0 ? Infinity : sum.hi - (Number.isFinite(ownHi) ? ownHi : 0);
        const [xLo, xHi] = a > 0 ? [(constant - hi) / a, (constant - lo) / a] : [(constant - lo) / a, (constant - hi) / a];
        const own = ranges.get(cell)!;
        const next = { lo: Math.max(own.lo, Math.ceil(xLo - EPSILON)), hi: Math.min(own.hi, Math.floor(xHi + EPSILON)) };
        if (next.lo !== own.lo || next.hi !== own.hi) {
          ranges.set(cell, next);
          changed = true;
        }
      }
    }
  }
  return [...ranges].filter(([, r]) => r.lo >= r.hi).map(([cell]) => cell);
}

/** Primary and secondary suppression of one period's cells. Cells not in `values` count as 0. */
export function suppress(values: Readonly<Record<string, number>>, rules: readonly SumRule[]): Map<string, Hidden> {
  const hidden = new Map<string, Hidden>();
  for (const [cell, n] of Object.entries(values)) if (isSmall(n)) hidden.set(cell, "small");
  // Sums that share no cell cannot tell anything about each other: each group is protected on its
  // own, so a table of a hundred schools does not make the audit of the end reasons slower.
  for (const group of connected(rules)) protect(values, group, hidden);
  return hidden;
}

/** Secondary suppression within one group of connected sums: hides cells in `hidden` until none is exposed. */
function protect(values: Readonly<Record<string, number>>, rules: readonly SumRule[], hidden: Map<string, Hidden>) {
  const cellsOf = (rule: SumRule) => [rule.total, ...rule.members];
  const value = (cell: string) => values[cell] ?? 0;
  const own = new Set(rules.flatMap(cellsOf));
  // Zeros first, then the smallest count; the name breaks ties so the result is the same every time.
  const cheapest = (cells: string[]) => cells.filter((cell) => !hidden.has(cell)).sort((a, b) => value(a) - value(b) || (a < b ? -1 : a > b ? 1 : 0))[0];
  // The sums holding the exposed cell; where everything in them is hidden already, the cell is given
  // away through hidden neighbours, so the sums one hidden cell further out, and so on: the cheapest
  // cell near it, rather than any zero anywhere (which hid whole tables of zeros).
  const nearestSums = (target: string): SumRule[] => {
    const reached = new Set([target]);
    for (let ring = rules.filter((rule) => cellsOf(rule).includes(target)); ring.length > 0;) {
      if (ring.some((rule) => cellsOf(rule).some((cell) => !hidden.has(cell)))) return ring;
      for (const cell of ring.flatMap(cellsOf)) reached.add(cell);
      ring = rules.filter(
        (rule) => !ring.includes(rule) && cellsOf(rule).some((cell) => reached.has(cell)) && cellsOf(rule).some((cell) => !reached.has(cell)),
      );
    }
    return [];
  };
  for (let guard = 0; guard < 1000; guard++) {
    const mine = new Map([...hidden].filter(([cell]) => own.has(cell)));
    const exposed = exposedCells(values, mine, rules);
    if (exposed.length === 0) break;
    const next =
      cheapest(nearestSums(exposed[0]!).flatMap(cellsOf)) ??
      // Nothing left to hide near it: spread to the sums that share a hidden cell.
      cheapest(rules.filter((rule) => cellsOf(rule).some((cell) => hidden.has(cell))).flatMap(cellsOf));
    if (next === undefined) break;
    hidden.set(next, value(next) === 0 ? "zero" : "secondary");
  }
}

/** The rules grouped by shared cells (connected components). */
function connected(rules: readonly SumRule[]): SumRule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const firstWith = new Map<string, number>();
  rules.forEach((rule, i) => {
    for (const cell of [rule.total, ...rule.members]) {
      const j = firstWith.get(cell);
      if (j === undefined) firstWith.set(cell, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, SumRule[]>();
  rules.forEach((rule, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), rule]));
  return [...groups.values()];
}
