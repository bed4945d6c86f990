// Judging a goal against the value the follow-up shows: at least / at most, shares in percent, a value
// hidden from the reader or missing (cannot be judged); the periods a goal is followed in; the goal form.
import { describe, expect, it } from "vitest";
import { followUpTables } from "~/modules/statistics/follow-up-tables";
import type { FollowUp, FollowUpAudience } from "~/modules/statistics/follow-up.server";
import { tertial, type Period } from "~/modules/statistics/periods";
import { GOAL_FIGURES } from "~/modules/steering/goal-figures";
import { judge, judgementLabel } from "~/modules/steering/goal-evaluation";
import { goalName, isOverdue } from "~/modules/steering/goal-labels";
import { periodContaining, recentPeriods } from "~/modules/steering/goal-periods";
import { goalSchema, planRevisionSchema } from "~/modules/steering/goal-schemas";
import { FollowUpColumns } from "~/modules/steering/goal-status.server";

const atLeast = (target: number) => ({ comparator: "gte" as const, target });
const atMost = (target: number) => ({ comparator: "lte" as const, target });

describe("judging a goal", () => {
  it("compares at least (≥) and at most (≤), the target itself meeting both", () => {
    expect(judge(atLeast(10), { value: 10 })).toMatchObject({ value: 10, met: true, shown: "10", notJudged: null });
    expect(judge(atLeast(10), { value: 9 })).toMatchObject({ value: 9, met: false });
    expect(judge(atMost(10), { value: 10 })).toMatchObject({ met: true });
    expect(judge(atMost(10), { value: 11 })).toMatchObject({ met: false });
    expect(judge(atMost(0), { value: 0 })).toMatchObject({ met: true });
  });

  it("reads a share as a percent of the target, exactly at the boundary too", () => {
    expect(judge(atLeast(90), { share: 0.9 })).toMatchObject({ value: 90, met: true, shown: "90 %" });
    expect(judge(atLeast(90), { share: 0.899 })).toMatchObject({ met: false, shown: "89,9 %" });
    // 57 / 100 is 0.57, and 0.57 · 100 is 56.99999999999999 in floating point: still 57 %.
    expect(judge(atLeast(57), { share: 57 / 100 })).toMatchObject({ met: true });
    expect(judge(atMost(57), { share: 57 / 100 })).toMatchObject({ met: true });
    expect(judge(atLeast(83.4), { share: 5 / 6 })).toMatchObject({ met: false });
    expect(judge(atLeast(83.3), { share: 5 / 6 })).toMatchObject({ met: true, shown: "83,3 %" });
  });

  it("reads a median in days", () => {
    expect(judge(atMost(21), { median: 14.5 })).toMatchObject({ value: 14.5, met: true, shown: "14,5 dagar" });
    expect(judge(atMost(21), { median: 22 })).toMatchObject({ met: false });
  });

  it("cannot judge a value hidden from the reader, whatever it might be", () => {
    for (const hidden of ["small", "zero", "secondary"] as const) {
      expect(judge(atMost(100), { hidden })).toEqual({ value: null, met: null, shown: hidden === "secondary" ? "dold" : "färre än 5", notJudged: "hidden" });
      expect(judge(atLeast(0), { hidden }).met).toBeNull();
    }
  });

  it("cannot judge a period without data: no base for a share, no contact for a median, no row", () => {
    expect(judge(atLeast(90), { none: true })).toEqual({ value: null, met: null, shown: "–", notJudged: "no_data" });
    expect(judge(atLeast(90), undefined)).toEqual({ value: null, met: null, shown: "–", notJudged: "no_data" });
    expect([true, false, null].map(judgementLabel)).toEqual(["Uppfyllt", "Inte uppfyllt", "Kan inte bedömas"]);
  });
});

describe("the figures a goal can follow", () => {
  it("are rows of the follow-up's tables, of the kind the goal reads them as", () => {
    const rows = followUpTables([], {}, { withCaseworkers: true, withPopulation: true }).flatMap((t) => t.rows);
    for (const figure of GOAL_FIGURES) {
      const row = rows.find((r) => r.key === figure.key);
      expect(row, figure.key).toBeDefined();
      expect({ key: figure.key, kind: row!.kind }).toEqual({ key: figure.key, kind: figure.kind });
    }
  });

  it("name a goal the way the styrgrupp says it", () => {
    expect(goalName({ figureKey: "contactShare", comparator: "gte", target: 90, periodKind: "tertial" })).toBe("Kontakt inom fyra veckor ≥ 90 % per tertial");
    expect(goalName({ figureKey: "daysToContact", comparator: "lte", target: 21.5, periodKind: "lasar" })).toBe(
      "Dagar från inskrivning till första kontakt (median) ≤ 21,5 dagar per läsår",
    );
    expect(goalName({ figureKey: "returned", comparator: "gte", target: 40, periodKind: "halvar" })).toBe("Återgått till studier ≥ 40 per halvår (SCB)");
  });
});

describe("the periods a goal is followed in", () => {
  const range = (p: Period) => `${p.from}/${p.to}`;
  it("finds the period running on a day, at its edges", () => {
    expect(range(periodContaining("tertial", "2026-05-01"))).toBe("2026-05-01/2026-08-31");
    expect(range(periodContaining("tertial", "2026-04-30"))).toBe("2026-01-01/2026-04-30");
    expect(range(periodContaining("termin", "2026-06-30"))).toBe("2026-01-01/2026-06-30");
    expect(range(periodContaining("termin", "2026-07-01"))).toBe("2026-07-01/2026-12-31");
    expect(range(periodContaining("halvar", "2026-07-01"))).toBe("2026-07-01/2026-12-31");
    expect(range(periodContaining("lasar", "2026-06-30"))).toBe("2025-07-01/2026-06-30");
    expect(range(periodContaining("lasar", "2026-07-01"))).toBe("2026-07-01/2027-06-30");
    expect(range(periodContaining("ar", "2024-02-29"))).toBe("2024-01-01/2024-12-31");
  });

  it("gives the last six, oldest first and back to back, ending with the running one", () => {
    const periods = recentPeriods("tertial", "2026-11-30");
    expect(periods.map((p) => p.label)).toEqual(["Tertial 1 2025", "Tertial 2 2025", "Tertial 3 2025", "Tertial 1 2026", "Tertial 2 2026", "Tertial 3 2026"]);
    for (let i = 1; i < periods.length; i++) expect(periods[i]!.from > periods[i - 1]!.to).toBe(true);
    expect(recentPeriods("lasar", "2026-03-01", 3).map((p) => p.label)).toEqual(["Läsåret 2023/24", "Läsåret 2024/25", "Läsåret 2025/26"]);
  });
});

describe("reading the follow-up once per period", () => {
  const audience = (view: "unit" | "outside"): FollowUpAudience => ({ view, municipalityId: 1, withCaseworkers: false, mayEnterPopulation: false });
  // A stand-in for computeFollowUp: the period, the one before and the year earlier, each with its start month as value.
  const fake = (calls: string[]) => (_a: FollowUpAudience, period: Period) => {
    calls.push(period.label);
    const before = recentPeriods("tertial", period.from, 2)[0]!;
    const yearEarlier = recentPeriods("tertial", period.from, 4)[0]!;
    const periods = [period, before, yearEarlier];
    return {
      view: "unit",
      periods,
      population: [],
      trend: null,
      computedAt: "",
      tables: [{ id: "oversikt", caption: "", rows: [{ key: "new", label: "", cells: periods.map((p) => ({ value: Number(p.from.slice(5, 7)) })) }] }],
    } as FollowUp;
  };

  it("reuses a computation's neighbours, exact or suppressed alike (each period is suppressed on its own figures)", () => {
    for (const [view, expected] of [
      ["unit", ["Tertial 3 2026", "Tertial 1 2026", "Tertial 2 2025"]],
      ["outside", ["Tertial 3 2026", "Tertial 1 2026", "Tertial 2 2025"]],
    ] as const) {
      const calls: string[] = [];
      const columns = new FollowUpColumns(audience(view), "2026-11-30", fake(calls) as never);
      const values = recentPeriods("tertial", "2026-11-30")
        .reverse()
        .map((p) => columns.value(p, "new"));
      expect(values).toEqual([9, 5, 1, 9, 5, 1].map((value) => ({ value })));
      expect(calls).toEqual(expected);
      columns.value(tertial(2026, 3), "new");
      expect(calls).toHaveLength(expected.length);
    }
  });
});

describe("the forms", () => {
  const goal = (fields: Record<string, string>) => goalSchema.safeParse({ figureKey: "contactShare", comparator: "gte", periodKind: "tertial", ...fields });
  const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

  it("takes a target with a Swedish decimal comma", () => {
    expect(goal({ target: "90,5" })).toMatchObject({ success: true, data: { target: 90.5 } });
    expect(goal({ target: " 90 " })).toMatchObject({ success: true, data: { target: 90 } });
  });

  it("refuses bad goals with Swedish messages", () => {
    expect(messages(goal({ target: "" }))).toEqual({ target: "Ange målvärdet." });
    expect(messages(goal({ target: "nittio" }))).toEqual({ target: "Ange målvärdet som ett tal, till exempel 90 eller 12,5." });
    expect(messages(goal({ target: "-5" }))).toEqual({ target: "Ange målvärdet som ett tal, till exempel 90 eller 12,5." });
    expect(messages(goal({ target: "120" }))).toEqual({ target: "En andel kan vara högst 100 %." });
    expect(messages(goal({ figureKey: "returned", target: "2,5" }))).toEqual({ target: "Ett antal anges som ett heltal, till exempel 10." });
    expect(messages(goal({ figureKey: "youths.names", target: "5" }))).toEqual({ figureKey: "Välj vilket mått målet gäller." });
    expect(messages(goal({ comparator: "eq", target: "5" }))).toEqual({ comparator: "Välj om värdet ska vara minst eller högst målvärdet." });
    expect(messages(goal({ periodKind: "intervall", target: "5" }))).toEqual({ periodKind: "Välj vilken period målet följs per." });
  });

  it("wants the next revision of the plan after the last one", () => {
    expect(messages(planRevisionSchema.safeParse({ revisedOn: "2026-01-10", nextRevisionOn: "2026-01-10" }))).toEqual({
      nextRevisionOn: "Nästa revision måste ligga efter den senaste revisionen.",
    });
    expect(messages(planRevisionSchema.safeParse({ revisedOn: "2999-01-10", nextRevisionOn: "3000-01-10" }))).toEqual({
      revisedOn: "Datumet får inte ligga i framtiden.",
    });
  });

  it("calls an activity overdue only while it is still to be done", () => {
    expect(isOverdue({ status: "planned", dueDate: "2026-11-29" }, "2026-11-30")).toBe(true);
    expect(isOverdue({ status: "in_progress", dueDate: "2026-11-29" }, "2026-11-30")).toBe(true);
    expect(isOverdue({ status: "in_progress", dueDate: "2026-11-30" }, "2026-11-30")).toBe(false);
    expect(isOverdue({ status: "done", dueDate: "2026-01-01" }, "2026-11-30")).toBe(false);
    expect(isOverdue({ status: "cancelled", dueDate: "2026-01-01" }, "2026-11-30")).toBe(false);
  });
});
