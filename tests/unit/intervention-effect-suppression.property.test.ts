// Secondary suppression on the shapes the intervention effect publishes to the styrgrupp (ADR 0011
// asks for every new table shape here before it is published):
// - nested breakdowns: the ended interventions broken down by outcome, some outcomes broken down again
//   by intervention type, and a second breakdown of the same total (followed up + not yet due);
// - a cross-tabulation with margins both ways, which the page does NOT publish outside the KAA unit,
//   kept as a guard for whoever publishes one.
// No hidden cell may be worked out from the shown cells, the sums and the ranges a reader knows; the
// search is the reader's (suppression-search.ts).
// The page's own cells, for random periods, are checked against the audit itself.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectCells, EFFECT_OUTCOMES, type EffectCounts } from "~/modules/statistics/intervention-effect-tables";
import { exposedCells, isSmall, suppress } from "~/modules/statistics/suppression";
import { alternativesExist, type Table } from "./suppression-search";

const small = fc.oneof(fc.constant(0), fc.nat({ max: 4 }), fc.nat({ max: 12 }));

/** ended = Σ outcomes = followed + pending; the first outcomes also = Σ over the types. */
const nested: fc.Arbitrary<Table> = fc
  .record({
    types: fc.integer({ min: 1, max: 3 }),
    split: fc.integer({ min: 1, max: 2 }),
    cells: fc.array(small, { minLength: 6, maxLength: 6 }),
    rest: fc.array(small, { minLength: 2, maxLength: 2 }),
  })
  .map(({ types, split, cells, rest }) => {
    const values: Record<string, number> = {};
    const rules: Table["rules"] = [];
    const outcomes: string[] = [];
    for (let o = 0; o < split; o++) {
      const members = Array.from({ length: types }, (_, t) => `o${o}:${t}`);
      members.forEach((m, t) => (values[m] = cells[o * 3 + t]!));
      values[`o${o}`] = members.reduce((a, m) => a + values[m]!, 0);
      rules.push({ total: `o${o}`, members });
      outcomes.push(`o${o}`);
    }
    values.other = rest[0]!;
    values.pending = rest[1]!;
    outcomes.push("other", "pending");
    values.ended = outcomes.reduce((a, o) => a + values[o]!, 0);
    values.followed = values.ended - values.pending;
    rules.push({ total: "ended", members: outcomes }, { total: "ended", members: ["followed", "pending"] });
    return { values, rules };
  });

const crossTab: fc.Arbitrary<Table> = fc
  .record({ rows: fc.integer({ min: 1, max: 3 }), columns: fc.integer({ min: 2, max: 3 }), cells: fc.array(small, { minLength: 9, maxLength: 9 }) })
  .map(({ rows, columns, cells }) => {
    const values: Record<string, number> = {};
    const rules: Table["rules"] = [];
    const cell = (r: number, c: number) => `x${r}.${c}`;
    for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) values[cell(r, c)] = cells[r * columns + c]!;
    const sum = (members: string[]) => members.reduce((a, m) => a + values[m]!, 0);
    for (let r = 0; r < rows; r++) {
      const members = Array.from({ length: columns }, (_, c) => cell(r, c));
      values[`row${r}`] = sum(members);
      rules.push({ total: `row${r}`, members });
    }
    for (let c = 0; c < columns; c++) {
      const members = Array.from({ length: rows }, (_, r) => cell(r, c));
      values[`col${c}`] = sum(members);
      rules.push({ total: `col${c}`, members });
    }
    values.total = sum(Array.from({ length: rows }, (_, r) => `row${r}`));
    rules.push({ total: "total", members: Array.from({ length: rows }, (_, r) => `row${r}`) });
    rules.push({ total: "total", members: Array.from({ length: columns }, (_, c) => `col${c}`) });
    return { values, rules };
  });

function check(table: Table) {
  const hidden = suppress(table.values, table.rules);
  for (const [cell, n] of Object.entries(table.values)) if (isSmall(n)) expect(hidden.get(cell), cell).toBe("small");
  for (const cell of hidden.keys()) expect(alternativesExist(table, hidden, cell), `${cell} in ${JSON.stringify(table.values)}`).toBe(true);
}

describe("secondary suppression of the intervention effect's shapes (property)", () => {
  it("protects nested breakdowns: outcomes of the ended ones, some outcomes again per type", () => {
    fc.assert(fc.property(nested, check), { numRuns: 300 });
  });

  it("protects a cross-tabulation with margins both ways", () => {
    fc.assert(fc.property(crossTab, check), { numRuns: 200 });
  });

  it("leaves nothing in the page's own cells that the audit can work out, and hides every count from 1 to 4", () => {
    const outcome = fc.constantFrom(...EFFECT_OUTCOMES);
    const counts: fc.Arbitrary<EffectCounts> = fc
      .record({
        types: fc.integer({ min: 1, max: 4 }),
        activity: fc.array(fc.record({ started: fc.nat({ max: 9 }), declined: fc.nat({ max: 4 }) }), { minLength: 4, maxLength: 4 }),
        ended: fc.array(fc.record({ type: fc.nat({ max: 3 }), met: fc.boolean(), at6: outcome, at12: outcome, n: fc.integer({ min: 1, max: 9 }) }), {
          maxLength: 8,
        }),
      })
      .map(({ types, activity, ended }) => {
        const outcomes = ended.map((e) => ({
          typeId: (e.type % types) + 1,
          evaluation: e.met ? ("met" as const) : ("none" as const),
          at6: e.at6,
          at12: e.at12,
          n: e.n,
        }));
        const ids = Array.from({ length: types }, (_, i) => i + 1);
        return {
          types: ids.map((id) => ({ id, name: `Typ ${id}` })),
          activity: ids.map((id, i) => {
            const n = outcomes.filter((o) => o.typeId === id).reduce((a, o) => a + o.n, 0);
            return { typeId: id, ...activity[i]!, ended: n, youths: n, endedYouths: n };
          }),
          outcomes,
        };
      });
    fc.assert(
      fc.property(counts, (c) => {
        const { values, rules, published } = effectCells(c);
        const shown = Object.fromEntries(published.map((cell) => [cell, values[cell]!]));
        const hidden = suppress(shown, rules);
        for (const [cell, n] of Object.entries(shown)) if (isSmall(n)) expect(hidden.get(cell), cell).toBe("small");
        expect(exposedCells(shown, hidden, rules)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe("the cell hidden to protect another", () => {
  it("is taken from the sums that give the exposed cell away, not from an unrelated table's zeros", () => {
    // a (4) is published twice (a = a1, as a total over one type) and c = a + b gives it away; y = y1 + y2
    // is another table with a small cell and a zero. The exposed a1 sits only in a sum that is all hidden.
    const values = { a1: 4, a: 4, b: 5, c: 9, y: 2, y1: 2, y2: 0 };
    const rules = [
      { total: "a", members: ["a1"] },
      { total: "c", members: ["a", "b"] },
      { total: "y", members: ["y1", "y2"] },
    ];
    const hidden = suppress(values, rules);
    expect(hidden.get("b")).toBe("secondary");
    expect(hidden.has("y2")).toBe(false);
    expect(exposedCells(values, hidden, rules)).toEqual([]);
  });
});
