// Primary and secondary suppression on hand-made tables.
import { describe, expect, it } from "vitest";
import { exposedCells, suppress } from "~/modules/statistics/suppression";

const rows = (values: Record<string, number>, total = "total") => [{ total, members: Object.keys(values).filter((k) => k !== total) }];

describe("suppression", () => {
  it("hides counts from 1 to 4 and shows 0 and 5 or more", () => {
    const values = { a: 0, b: 1, c: 4, d: 5, total: 10 };
    const hidden = suppress(values, []);
    expect(Object.fromEntries(hidden)).toEqual({ b: "small", c: "small" });
  });

  it("hides a neighbour when one small row could be worked out from the total", () => {
    const values = { a: 3, b: 6, c: 9, total: 18 };
    expect(exposedCells(values, new Map([["a", "small"]]), rows(values))).toEqual(["a"]);
    // The smallest count of 5 or more goes with it.
    expect(Object.fromEntries(suppress(values, rows(values)))).toEqual({ a: "small", b: "secondary" });
  });

  it("prefers hiding a zero (shown as 'färre än 5', which is true) to hiding a larger count", () => {
    const values = { a: 3, b: 0, c: 9, total: 12 };
    expect(Object.fromEntries(suppress(values, rows(values)))).toEqual({ a: "small", b: "zero" });
  });

  it("sees through a reader's bounds: 'färre än 5' and 'dold' (5 or more) summing to 6 pin both", () => {
    // a ≤ 4 and b ≥ 5 with a + b = 6 leaves a ∈ {0, 1}; hiding only b would not do with a = 1 and b = 5 and c shown.
    const values = { a: 1, b: 5, c: 20, total: 26 };
    const hidden = suppress(values, rows(values));
    expect(exposedCells(values, hidden, rows(values))).toEqual([]);
  });

  it("protects a subtotal and its total together (returned to studies inside the end reasons)", () => {
    const values = { r0: 1, r1: 6, r2: 1, total: 8, sub: 7 };
    const rules = [
      { total: "total", members: ["r0", "r1", "r2"] },
      { total: "sub", members: ["r0", "r1"] },
    ];
    const hidden = suppress(values, rules);
    expect(hidden.get("r2")).toBe("small");
    expect(exposedCells(values, hidden, rules)).toEqual([]);
  });

  it("leaves a table of only small cells hidden but not pinned", () => {
    const values = { a: 1, b: 1, c: 1, d: 1, total: 4 };
    expect(exposedCells(values, suppress(values, rows(values)), rows(values))).toEqual([]);
  });
});
