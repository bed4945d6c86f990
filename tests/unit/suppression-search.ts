/**
 * The reader's search, for the suppression property tests: whether the published sums have a
 * whole-number solution in which a hidden cell differs from its true value, with each hidden cell in
 * the range a reader knows ("färre än 5": 0–4, "dold": 5 or more). A depth-first search that fills in
 * any cell a sum leaves as the only unknown, branching on the cell in question first and then on a
 * cell of the sum with the fewest unknowns, each at its true value first: where an alternative exists
 * (the expected case) it is found in a few steps even among dozens of hidden cells. A "dold" cell is
 * tried up to `slack` above its true value, which can only make the search miss an alternative
 * (fail the test), never invent one. Only the hidden cells tied to the cell in question through the
 * sums are searched; every other cell can keep its true value.
 */
import type { Hidden, SumRule } from "~/modules/statistics/suppression";

export type Table = { values: Record<string, number>; rules: SumRule[] };

export function alternativesExist(table: Table, hidden: ReadonlyMap<string, Hidden>, cell: string, options: { slack?: number; limit?: number } = {}): boolean {
  const { slack = 12, limit = 200_000 } = options;
  let steps = 0;
  const truth = (c: string) => table.values[c] ?? 0;
  // Only the hidden cells tied to `cell` through the sums can move with it; the rest keep their true values.
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
  const range = (c: string): [number, number] => (hidden.get(c) === "secondary" ? [5, Math.max(5, truth(c)) + slack] : [0, 4]);
  const candidates = (c: string) => {
    const [lo, hi] = range(c);
    const all = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).sort((a, b) => Math.abs(a - truth(c)) - Math.abs(b - truth(c)));
    return c === cell ? all.filter((v) => v !== truth(c)) : all;
  };
  const search = (assignment: Map<string, number>): boolean => {
    if (++steps > limit) throw new Error(`The search for ${cell} gave up after ${limit} steps.`);
    const next = new Map(assignment);
    const known = (c: string) => (tied.has(c) ? next.get(c) : truth(c));
    const unknownsOf = (rule: SumRule) => [rule.total, ...rule.members].filter((c) => known(c) === undefined);
    for (let changed = true; changed;) {
      changed = false;
      for (const rule of table.rules) {
        const unknown = unknownsOf(rule);
        const membersSum = rule.members.filter((c) => !unknown.includes(c)).reduce((a, c) => a + known(c)!, 0);
        if (unknown.length === 0) {
          if (known(rule.total) !== membersSum) return false;
        } else if (unknown.length === 1) {
          const c = unknown[0]!;
          const v = c === rule.total ? membersSum : known(rule.total)! - membersSum;
          const [lo, hi] = range(c);
          if (v < lo || v > hi || (c === cell && v === truth(c))) return false;
          next.set(c, v);
          changed = true;
        }
      }
    }
    let open: string | undefined = next.has(cell) ? undefined : cell;
    if (open === undefined) {
      const tightest = table.rules
        .map(unknownsOf)
        .filter((u) => u.length > 0)
        .sort((a, b) => a.length - b.length)[0];
      open = tightest?.[0] ?? [...tied].find((c) => !next.has(c));
    }
    if (open === undefined) return true;
    for (const v of candidates(open)) if (search(new Map(next).set(open, v))) return true;
    return false;
  };
  return search(new Map());
}
