// Secondary suppression, checked by brute force: for random tables shaped like the follow-up's (rows and
// their total, a second breakdown of the same total, a subtotal over some rows), no hidden cell can be
// worked out by a reader who knows the shown cells, every sum, and that a "färre än 5" is 0–4 and a
// "dold" cell 5 or more.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSmall, suppress, type Hidden, type SumRule } from "~/modules/statistics/suppression";

type Table = { values: Record<string, number>; rules: SumRule[] };

const tableArb: fc.Arbitrary<Table> = fc
  .record({
    rows: fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 5 }),
    second: fc.option(fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    subtotalOf: fc.option(fc.integer({ min: 2, max: 3 }), { nil: undefined }),
  })
  .map(({ rows, second, subtotalOf }) => {
    const values: Record<string, number> = {};
    rows.forEach((n, i) => (values[`r${i}`] = n));
    const total = rows.reduce((a, b) => a + b, 0);
    values.total = total;
    const rules: SumRule[] = [{ total: "total", members: rows.map((_, i) => `r${i}`) }];
    if (second) {
      // A second breakdown of the same total (notices per school and per kind): split the total by weights.
      const weights = second.map((w) => w + 1);
      const sum = weights.reduce((a, b) => a + b, 0);
      let left = total;
      weights.forEach((w, i) => {
        const n = i === weights.length - 1 ? left : Math.min(left, Math.floor((total * w) / sum));
        values[`s${i}`] = n;
        left -= n;
      });
      rules.push({ total: "total", members: weights.map((_, i) => `s${i}`) });
    }
    if (subtotalOf !== undefined && subtotalOf <= rows.length) {
      // Returned to studies: a published subtotal over the first rows (the study end reasons).
      const members = rows.slice(0, subtotalOf).map((_, i) => `r${i}`);
      values.sub = members.reduce((a, m) => a + values[m]!, 0);
      rules.push({ total: "sub", members });
    }
    return { values, rules };
  });

/**
 * Whether the sums have a whole-number solution in which `cell` differs from its true value, with each
 * hidden cell in the range a reader knows ("färre än 5": 0–4, "dold": 5 up to a cap). A depth-first
 * search that fills in any cell a sum leaves as the only unknown.
 */
function alternativesExist(table: Table, hidden: Map<string, Hidden>, cell: string): boolean {
  const cap = Object.values(table.values).reduce((a, b) => a + b, 0) + 6;
  const range = (c: string): [number, number] => (hidden.get(c) === "secondary" ? [5, cap] : [0, 4]);
  const search = (assignment: Map<string, number>): boolean => {
    const value = (c: string) => (hidden.has(c) ? assignment.get(c) : (table.values[c] ?? 0));
    const next = new Map(assignment);
    for (let changed = true; changed;) {
      changed = false;
      for (const rule of table.rules) {
        const parts = [rule.total, ...rule.members];
        const unknown = parts.filter((c) => (hidden.has(c) ? next.get(c) : 0) === undefined);
        const known = (c: string) => (hidden.has(c) ? next.get(c) : value(c))!;
        const membersSum = rule.members.filter((c) => !unknown.includes(c)).reduce((a, c) => a + known(c), 0);
        if (unknown.length === 0) {
          if (known(rule.total) !== membersSum) return false;
        } else if (unknown.length === 1) {
          const c = unknown[0]!;
          const v = c === rule.total ? membersSum : known(rule.total) - membersSum;
          const [lo, hi] = range(c);
          if (v < lo || v > hi) return false;
          next.set(c, v);
          changed = true;
        }
      }
    }
    const open = [...hidden.keys()].find((c) => !next.has(c));
    if (open === undefined) return next.get(cell) !== table.values[cell];
    const [lo, hi] = range(open);
    for (let v = lo; v <= hi; v++) if (search(new Map(next).set(open, v))) return true;
    return false;
  };
  return search(new Map());
}

describe("secondary suppression (property)", () => {
  it("hides every count from 1 to 4, and no hidden cell can be derived from the table, its totals and breakdowns", () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const hidden = suppress(table.values, table.rules);
        for (const [cell, n] of Object.entries(table.values)) {
          if (isSmall(n)) expect(hidden.get(cell), cell).toBe("small");
          if (hidden.get(cell) === "secondary") expect(n).toBeGreaterThanOrEqual(5);
          if (hidden.get(cell) === "zero") expect(n).toBe(0);
        }
        for (const cell of hidden.keys()) expect(alternativesExist(table, hidden, cell), `${cell} in ${JSON.stringify(table.values)}`).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
