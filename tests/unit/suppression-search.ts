/**
 * The reader's search, for the suppression property tests: whether the published sums have a
 * whole-number solution in which a hidden cell differs from its true value, with each hidden cell in
 * the range a reader knows ("färre än 5": 0–4, "dold": 5 or more). A small constraint solver: every
 * sum narrows the ranges of its hidden cells from the others' ranges until nothing changes (an empty
 * range: no solution down this branch), then it branches on the cell with the fewest values left, the
 * cell in question first and every other cell at its true value first. Only the hidden cells tied to
 * the cell in question through the sums are searched; every other cell keeps its true value. A "dold"
 * cell is tried up to `slack` above its true value: that can only make the search miss an alternative
 * (fail the test), never invent one.
 */
import type { Hidden, SumRule } from "~/modules/statistics/suppression";

export type Table = { values: Record<string, number>; rules: SumRule[] };
type Range = { lo: number; hi: number };

export function alternativesExist(table: Table, hidden: ReadonlyMap<string, Hidden>, cell: string, options: { slack?: number; limit?: number } = {}): boolean {
  const { slack = 12, limit = 100_000 } = options;
  const truth = (c: string) => table.values[c] ?? 0;
  const tied = new Set([cell]);
  for (let grown = true; grown;) {
    grown = false;
    for (const rule of table.rules) {
      const cells = [rule.total, ...rule.members].filter((c) => hidden.has(c));
      if (cells.some((c) => tied.has(c)) && cells.some((c) => !tied.has(c))) {
        for (const c of cells) tied.add(c);
        grown = true;
      }
    }
  }
  const rules = table.rules.filter((rule) => [rule.total, ...rule.members].some((c) => tied.has(c)));
  const start = new Map<string, Range>();
  for (const c of tied) start.set(c, hidden.get(c) === "secondary" ? { lo: 5, hi: Math.max(5, truth(c)) + slack } : { lo: 0, hi: 4 });

  /** Narrows the ranges through every sum to a fixed point; false when one empties. */
  const narrow = (ranges: Map<string, Range>): boolean => {
    const range = (c: string): Range => ranges.get(c) ?? { lo: truth(c), hi: truth(c) };
    for (let changed = true; changed;) {
      changed = false;
      for (const rule of rules) {
        // total − Σ members = 0, as Σ sign·cell = 0.
        const terms: [string, number][] = [[rule.total, 1], ...rule.members.map((m): [string, number] => [m, -1])];
        for (const [c, sign] of terms) {
          if (!ranges.has(c)) continue;
          let lo = 0;
          let hi = 0;
          for (const [other, s] of terms) {
            if (other === c) continue;
            const r = range(other);
            lo += s > 0 ? s * r.lo : s * r.hi;
            hi += s > 0 ? s * r.hi : s * r.lo;
          }
          // sign·c = −(others): c's range from the others' sum.
          const [cLo, cHi] = sign > 0 ? [-hi, -lo] : [lo, hi];
          const own = range(c);
          const next = { lo: Math.max(own.lo, cLo), hi: Math.min(own.hi, cHi) };
          if (next.lo > next.hi) return false;
          if (next.lo !== own.lo || next.hi !== own.hi) {
            ranges.set(c, next);
            changed = true;
          }
        }
      }
    }
    return true;
  };

  let steps = 0;
  const search = (ranges: Map<string, Range>): boolean => {
    if (++steps > limit) throw new Error(`The search for ${cell} gave up after ${limit} steps.`);
    if (!narrow(ranges)) return false;
    const target = ranges.get(cell)!;
    if (target.lo === target.hi && target.lo === truth(cell)) return false;
    const open = [...ranges].filter(([, r]) => r.lo < r.hi).sort(([a, ra], [b, rb]) => (a === cell ? -1 : b === cell ? 1 : ra.hi - ra.lo - (rb.hi - rb.lo)))[0];
    if (open === undefined) return true;
    const [c, r] = open;
    const values = Array.from({ length: r.hi - r.lo + 1 }, (_, i) => r.lo + i)
      .filter((v) => c !== cell || v !== truth(c))
      .sort((a, b) => Math.abs(a - truth(c)) - Math.abs(b - truth(c)));
    return values.some((v) => search(new Map(ranges).set(c, { lo: v, hi: v })));
  };
  return search(start);
}
