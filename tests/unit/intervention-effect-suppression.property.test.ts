// Secondary suppression on the shapes the intervention effect publishes to the styrgrupp (ADR 0011
// asks for every new table shape here before it is published):
// - nested breakdowns: the ended interventions broken down by outcome, some outcomes broken down again
//   by intervention type, and a second breakdown of the same total (followed up + not yet due);
// (A cross-tabulation with margins both ways is not published outside the unit: the audit misses
// bounds that combine a row and a column, e.g. a "dold" column total of cells whose other rows are
// bounded by a small row total; see ADR 0014.)
// No hidden cell may be worked out from the shown cells, the sums and the ranges a reader knows; the
// search is the reader's (suppression-search.ts).
// The page's own cells, for random periods, are checked against the audit itself.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectCells, EFFECT_OUTCOMES, type EffectCounts } from "~/modules/statistics/intervention-effect-tables";
import { exposedCells, isSmall, suppress } from "~/modules/statistics/suppression";
import { alternativesExist, type Table } from "./suppression-search";

const small = fc.oneof(fc.constant(0), fc.nat({ max: 4 }), fc.nat({ max: 12 }));

/** Splits n into `parts` whole numbers by the weights (the last takes the rest). */
function split(n: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b + 1, 0);
  let left = n;
  return weights.map((w, i) => {
    const part = i === weights.length - 1 ? left : Math.min(left, Math.floor((n * (w + 1)) / sum));
    left -= part;
    return part;
  });
}

/**
 * The page's shape in small: the ended interventions broken down by type, and for one or two horizons
 * by outcome (the first outcomes again per type) and into followed up + not yet due (followed up again
 * per type).
 */
const nested: fc.Arbitrary<Table> = fc
  .record({
    types: fc.integer({ min: 1, max: 3 }),
    horizons: fc.integer({ min: 1, max: 2 }),
    outcomes: fc.array(fc.array(small, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 2 }),
    rest: fc.array(fc.array(small, { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 2 }),
    weights: fc.array(fc.nat({ max: 3 }), { minLength: 3, maxLength: 3 }),
  })
  .chain((g) => fc.constant(g))
  .map(({ types, horizons, outcomes, rest, weights }) => {
    const values: Record<string, number> = {};
    const rules: Table["rules"] = [];
    const perType = (total: string) => {
      const members = Array.from({ length: types }, (_, t) => `${total}:${t}`);
      split(values[total]!, weights.slice(0, types)).forEach((n, t) => (values[members[t]!] = n));
      rules.push({ total, members });
    };
    // The ended total comes from the first horizon's outcomes; a second horizon splits the same total.
    const first = [...outcomes[0]!.slice(0, types), ...rest[0]!];
    values.ended = first.reduce((a, b) => a + b, 0);
    perType("ended");
    for (let h = 0; h < horizons; h++) {
      // The first outcome is broken down per type; the other and "pending" are totals only.
      const [other, pending] =
        h === 0
          ? rest[0]!
          : split(
              values.ended -
                Math.min(
                  values.ended,
                  outcomes[1]!.slice(0, types).reduce((a, b) => a + b, 0),
                ),
              [1, 2],
            );
      const firstOutcome = values.ended - other! - pending!;
      values[`o${h}`] = firstOutcome;
      perType(`o${h}`);
      values[`other${h}`] = other!;
      values[`pending${h}`] = pending!;
      values[`followed${h}`] = values.ended - pending!;
      perType(`followed${h}`);
      rules.push({ total: "ended", members: [`o${h}`, `other${h}`, `pending${h}`] }, { total: "ended", members: [`followed${h}`, `pending${h}`] });
    }
    return { values, rules };
  });

function check(table: Table) {
  const hidden = suppress(table.values, table.rules);
  for (const [cell, n] of Object.entries(table.values)) if (isSmall(n)) expect(hidden.get(cell), cell).toBe("small");
  for (const cell of hidden.keys()) expect(alternativesExist(table, hidden, cell), `${cell} in ${JSON.stringify(table.values)}`).toBe(true);
}

describe("secondary suppression of the intervention effect's shapes (property)", () => {
  it("protects nested breakdowns: outcomes of the ended ones, some outcomes and the followed-up again per type", () => {
    fc.assert(fc.property(nested, check), { numRuns: 500 });
  });

  it("leaves nothing in the page's own cells that a reader can work out, and hides every count from 1 to 4", () => {
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
        for (const cell of hidden.keys()) expect(alternativesExist({ values: shown, rules }, hidden, cell), `${cell} in ${JSON.stringify(c)}`).toBe(true);
      }),
      { numRuns: 200 },
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
