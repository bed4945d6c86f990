// The effect of interventions, against a small world whose answers are worked out by hand below.
// Today is 20 March 2026 throughout, so the 6- and 12-month horizons fall where the comments say.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { followUpAudience } from "~/modules/statistics/follow-up.server";
import { computeInterventionEffect, type InterventionEffect } from "~/modules/statistics/intervention-effect.server";
import { parsePeriod } from "~/modules/statistics/periods";
import { createWorld } from "../factories/world";
import { statEnrollment, statIntervention, statInterventionType } from "../factories/follow-up";
import { statOccupation } from "../factories/intervention-effect";

const TODAY = "2026-03-20";
let world: Awaited<ReturnType<typeof createWorld>>;
let types: { guidance: number; placement: number; coaching: number };

beforeAll(async () => {
  world = await createWorld();
  const m = world.municipality.id;
  const by = world.actors.caseworker.membershipId;
  types = {
    guidance: statInterventionType(m, "Studie- och yrkesvägledning"),
    placement: statInterventionType(m, "Praktik"),
    coaching: statInterventionType(m, "Coachning"),
  };
  const { guidance, placement, coaching } = types;
  const open = (startDate = "2024-09-01") => statEnrollment(m, { startDate, status: "in_intervention" });

  // Tertial 2 2025 (1 May – 31 August 2025).
  // 1. Y1, guidance, started before the period, ended 15 Aug 2025 (seven months before today), goal met.
  //    Later contacts: studies 1 Oct, work 20 Jan. At 6 months (15 Feb 2026): work. At 12 (15 Aug 2026): not yet.
  const y1 = open();
  statIntervention(y1, m, by, { typeId: guidance, startDate: "2025-03-01", endDate: "2025-08-15", endReason: "completed", evaluationOutcome: "met" });
  statOccupation(y1, by, "2025-10-01", "studies");
  statOccupation(y1, by, "2026-01-20", "work");
  statOccupation(y1, by, "2026-02-16", "none"); // the day after the 6-month horizon: not counted
  // 4. Y1 again, placement, started in the period and still running.
  statIntervention(y1, m, by, { typeId: placement, startDate: "2025-05-20" });

  // 2. Y2, guidance, started and ended in the period (10 Jun), partly met. A contact on 1 Jul says "none",
  //    then the enrollment ended 30 Sep 2025 for Komvux (occupation not known): at 6 months (10 Dec) studies.
  const y2 = statEnrollment(m, { startDate: "2025-01-10", endDate: "2025-09-30", endReason: "komvux", endOccupation: "unknown" });
  statIntervention(y2, m, by, { typeId: guidance, startDate: "2025-05-05", endDate: "2025-06-10", endReason: "started_studies", evaluationOutcome: "partly" });
  statOccupation(y2, by, "2025-07-01", "none");

  // 3. Y3, guidance, 1 Jun – 31 Jul, not evaluated. Only a contact before the end and an "okänt" after it:
  //    at 6 months (31 Jan 2026) unknown.
  const y3 = open();
  statIntervention(y3, m, by, { typeId: guidance, startDate: "2025-06-01", endDate: "2025-07-31", endReason: "other" });
  statOccupation(y3, by, "2025-07-15", "studies");
  statOccupation(y3, by, "2025-09-01", "unknown");

  // 5. Y4 declined a placement planned for 1 Jun; 6. Y5 declined guidance planned for 20 Aug.
  statIntervention(open(), m, by, { typeId: placement, startDate: "2025-06-01", declinedDate: "2025-05-25" });
  statIntervention(open(), m, by, { typeId: guidance, startDate: "2025-08-20", declinedDate: "2025-08-10" });

  // 8. Y7, placement, 1 Apr – 2 May 2025, goal not met. The enrollment ended 1 Jun 2025 (moved, occupation
  //    unknown) and a contact the same day said "work": the enrollment's end wins the tie, so moved.
  const y7 = statEnrollment(m, { startDate: "2024-12-01", endDate: "2025-06-01", endReason: "moved", endOccupation: "unknown" });
  statIntervention(y7, m, by, { typeId: placement, startDate: "2025-04-01", endDate: "2025-05-02", endReason: "moved", evaluationOutcome: "not_met" });
  statOccupation(y7, by, "2025-06-01", "work");

  // 7. Y6, coaching, in tertial 3 2024 only.
  statIntervention(open(), m, by, { typeId: coaching, startDate: "2024-11-01", endDate: "2024-12-15", endReason: "completed", evaluationOutcome: "met" });

  // Tertial 2 2023, the leap day: 31 Aug 2023 + 6 months = 29 Feb 2024, and so is 30 Aug 2023 + 6 months.
  const y8 = open("2023-01-01");
  statIntervention(y8, m, by, { typeId: coaching, startDate: "2023-05-15", endDate: "2023-08-31", endReason: "completed", evaluationOutcome: "met" });
  statOccupation(y8, by, "2024-02-29", "work");
  statOccupation(y8, by, "2024-03-01", "studies");
  const y9 = open("2023-01-01");
  statIntervention(y9, m, by, { typeId: coaching, startDate: "2023-06-01", endDate: "2023-08-30", endReason: "completed", evaluationOutcome: "partly" });
  statOccupation(y9, by, "2024-03-01", "none");

  // Tertial 1 2026: a placement planned for 10 April 2026 has not started by today.
  statIntervention(open(), m, by, { typeId: placement, startDate: "2026-04-10" });
});

function effect(period: string, actor = world.actors.coordinator) {
  return computeInterventionEffect(followUpAudience(actor)!, parsePeriod(new URLSearchParams({ period }), TODAY), { today: TODAY });
}

/** The cells of a row of a table, by column key. */
function row(e: InterventionEffect, table: string, rowKey: number | string) {
  const t = e.tables.find((x) => x.id === table)!;
  const r = t.rows.find((x) => x.key === String(rowKey));
  if (!r) return undefined;
  return Object.fromEntries(t.columns.map((c, i) => [c.key, r.cells[i]]));
}
const v = (value: number) => ({ value });

describe("the effect of interventions in tertial 2 2025", () => {
  it("counts started, ended and declined per type, and the youths behind each row", () => {
    const e = effect("tertial-2025-2");
    expect(row(e, "insatser-perioden", types.guidance)).toEqual({ started: v(2), ended: v(3), declined: v(1), youths: v(4) });
    expect(row(e, "insatser-perioden", types.placement)).toEqual({ started: v(1), ended: v(1), declined: v(1), youths: v(3) });
    // Y1 has both a guidance and a placement: six youths, not seven.
    expect(row(e, "insatser-perioden", "all")).toEqual({ started: v(3), ended: v(4), declined: v(2), youths: v(6) });
    // Coaching had nothing in the period: no row.
    expect(row(e, "insatser-perioden", types.coaching)).toBeUndefined();
  });

  it("shows the evaluations and the share whose goal was met, of those evaluated", () => {
    const e = effect("tertial-2025-2");
    expect(row(e, "insatser-mal", types.guidance)).toEqual({ ended: v(3), evaluated: v(2), met: v(1), share: { share: 0.5 }, youths: v(3) });
    expect(row(e, "insatser-mal", types.placement)).toEqual({ ended: v(1), evaluated: v(1), met: v(0), share: { share: 0 }, youths: v(1) });
    expect(row(e, "insatser-mal", "all")).toEqual({ ended: v(4), evaluated: v(3), met: v(1), share: { share: 1 / 3 }, youths: v(4) });
  });

  it("reads what the youths were doing 6 months on, and counts the 12 months as not yet due", () => {
    const e = effect("tertial-2025-2");
    expect(row(e, "insatser-efter-6", types.guidance)).toMatchObject({ ended: v(3), work: v(1), studies: v(1), unknown: v(1), none: v(0), pending: v(0) });
    expect(row(e, "insatser-efter-6", types.placement)).toMatchObject({ ended: v(1), moved: v(1), work: v(0) });
    expect(row(e, "insatser-efter-12", "all")).toMatchObject({ ended: v(4), pending: v(4), studies: v(0), work: v(0), unknown: v(0) });
    // In studies or work at 6 months: Y1 (work) and Y2 (studies) of the three guidance ones followed up.
    expect(row(e, "insatser-efter-6-man", types.guidance)).toEqual({
      ended: v(3),
      followed: v(3),
      studies: v(1),
      work: v(1),
      share: { share: 2 / 3 },
      youths: v(3),
    });
    expect(row(e, "insatser-efter-12-man", types.guidance)).toEqual({
      ended: v(3),
      followed: v(0),
      studies: v(0),
      work: v(0),
      share: { none: true },
      youths: v(3),
    });
    expect(row(e, "sysselsattning-efter", "studies")).toEqual({ after6: v(1), after12: v(0) });
    expect(row(e, "sysselsattning-efter", "all")).toEqual({ after6: v(4), after12: v(4) });
    expect(e.outcomeSeries.map((s) => s.points.find((p) => p.label === "Arbetar")!.value)).toEqual([1, 0]);
  });

  it("draws the trend over nine tertials, the chosen one last", () => {
    const e = effect("tertial-2025-2");
    const [started, ended] = e.trend;
    expect(started!.points.map((p) => p.label)).toEqual(["T3 2022", "T1 2023", "T2 2023", "T3 2023", "T1 2024", "T2 2024", "T3 2024", "T1 2025", "T2 2025"]);
    expect(started!.points.map((p) => p.value)).toEqual([0, 0, 2, 0, 0, 0, 1, 2, 3]);
    expect(ended!.points.map((p) => p.value)).toEqual([0, 0, 2, 0, 0, 0, 1, 0, 4]);
  });
});

describe("period edges", () => {
  it("puts the 6-month horizon of 30 and 31 August 2023 on the leap day, 29 February 2024", () => {
    const e = effect("tertial-2023-2");
    // Y8: work on 29 Feb counts at 6 months, studies on 1 Mar at 12. Y9: "none" on 1 Mar is a day too late for 6 months.
    expect(row(e, "insatser-efter-6", types.coaching)).toMatchObject({ ended: v(2), work: v(1), unknown: v(1), studies: v(0), none: v(0) });
    expect(row(e, "insatser-efter-12", types.coaching)).toMatchObject({ ended: v(2), studies: v(1), none: v(1), pending: v(0) });
    expect(row(e, "insatser-mal", types.coaching)).toMatchObject({ evaluated: v(2), met: v(1), share: { share: 0.5 } });
  });

  it("does not count an intervention planned to start after today as started", () => {
    const e = effect("tertial-2026-1");
    expect(row(e, "insatser-perioden", "all")).toEqual({ started: v(0), ended: v(0), declined: v(0), youths: v(0) });
  });
});

describe("query plans", () => {
  it("reads interventions through the period indexes and later contacts through the youth's index, never the log", () => {
    const statements: string[] = [];
    const client = getDb().$client;
    const prepare = client.prepare.bind(client);
    client.prepare = ((source: string) => (statements.push(source), prepare(source))) as typeof client.prepare;
    try {
      effect("ar-2025");
    } finally {
      client.prepare = prepare;
    }
    const plans = statements.map((s) =>
      (client.prepare(`EXPLAIN QUERY PLAN ${s}`).all(...Array.from(s.matchAll(/\?/g), () => 1)) as { detail: string }[]).map((r) => r.detail).join("\n"),
    );
    expect(statements.join("\n")).not.toMatch(/audit_events/);
    for (const plan of plans) expect(plan).not.toMatch(/\bSCAN (youths|enrollments|contact_attempts|interventions)\b(?! USING)/);
    const all = plans.join("\n");
    for (const index of ["interventions_municipality_start", "interventions_municipality_end", "contact_attempts_youth"]) expect(all).toContain(index);
    expect(all).toMatch(/SEARCH e USING INTEGER PRIMARY KEY/);
  });
});
