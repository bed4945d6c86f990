// Who reads the effect of interventions, and how: no count from 1 to 4 reaches a styrgrupp member's
// loader data (tables, trend and charts alike), a neighbour is hidden where a small count could be
// worked out from a total, and the KAA unit sees the same figures exactly. Everyone else gets 404.
import { beforeAll, describe, expect, it } from "vitest";
import { loader } from "~/routes/uppfoljning_.insatser";
import type { InterventionEffect } from "~/modules/statistics/intervention-effect.server";
import { createWorld } from "../factories/world";
import { signedIn, statusOf } from "../factories/requests";
import { shownCounts, statEnrollment, statIntervention, statInterventionType } from "../factories/follow-up";
import { statOccupation } from "../factories/intervention-effect";

let world: Awaited<ReturnType<typeof createWorld>>;
let guidance: number;
let placement: number;
const PATH = "/uppfoljning/insatser?period=tertial-2024-2";

beforeAll(async () => {
  world = await createWorld();
  const m = world.municipality.id;
  const by = world.actors.caseworker.membershipId;
  guidance = statInterventionType(m, "Studie- och yrkesvägledning");
  placement = statInterventionType(m, "Praktik");
  // Tertial 2 2024: seven guidance interventions and two placements ended, each for its own youth; all
  // started in the tertial. Three of the guidance youths were in studies by a later contact.
  for (let i = 0; i < 9; i++) {
    const e = statEnrollment(m, { startDate: "2024-01-15", status: "in_intervention" });
    const typeId = i < 7 ? guidance : placement;
    statIntervention(e, m, by, { typeId, startDate: `2024-05-0${i + 1}`, endDate: `2024-06-1${i}`, endReason: "completed", evaluationOutcome: "met" });
    if (i < 3) statOccupation(e, by, "2024-09-01", "studies");
  }
});

async function loaderData(actor: Parameters<typeof signedIn>[0], path = PATH) {
  const response = (await loader({ request: (await signedIn(actor)).get(path), params: {}, context: {} })) as Response;
  return { status: response.status, data: (await response.json()) as { effect: InterventionEffect | null; error: string | null } };
}

function cell(effect: InterventionEffect, table: string, row: number | string, column: string) {
  const t = effect.tables.find((x) => x.id === table)!;
  return t.rows.find((r) => r.key === String(row))!.cells[t.columns.findIndex((c) => c.key === column)];
}

describe("small numbers for the styrgrupp", () => {
  it("no count from 1 to 4 reaches a styrgrupp member's loader data", async () => {
    const { status, data } = await loaderData(world.actors.steering);
    expect(status).toBe(200);
    const counts = shownCounts(data);
    expect(counts.length).toBeGreaterThan(20);
    expect(counts.filter((n) => n >= 1 && n <= 4)).toEqual([]);
    expect(counts).toContain(9);
  });

  it("hides the small row and the neighbour it could be worked out from, with their youths and shares", async () => {
    const { effect } = (await loaderData(world.actors.steering)).data;
    expect(cell(effect!, "insatser-perioden", placement, "started")).toEqual({ hidden: "small" });
    expect(cell(effect!, "insatser-perioden", guidance, "started")).toEqual({ hidden: "secondary" });
    expect(cell(effect!, "insatser-perioden", "all", "started")).toEqual({ value: 9 });
    expect(cell(effect!, "insatser-perioden", placement, "ended")).toEqual({ hidden: "small" });
    expect(cell(effect!, "insatser-perioden", guidance, "ended")).toEqual({ hidden: "secondary" });
    expect(cell(effect!, "insatser-efter-6-man", guidance, "studies")).toEqual({ hidden: "small" });
    expect(cell(effect!, "insatser-efter-6-man", guidance, "share")).toEqual({ hidden: "small" });
    // The youths tell that the row's counts add up to at least so many: seven says nothing the two
    // "dold" (5 or more each) do not, so it is shown; the placements' two youths are small.
    expect(cell(effect!, "insatser-perioden", guidance, "youths")).toEqual({ value: 7 });
    expect(cell(effect!, "insatser-perioden", placement, "youths")).toEqual({ hidden: "small" });
    expect(cell(effect!, "insatser-mal", placement, "share")).toEqual({ hidden: "small" });
    expect(cell(effect!, "insatser-mal", guidance, "share")).toEqual({ hidden: "secondary" });
    // Three in studies at six months: "färre än 5", in the table and in the bar chart.
    expect(cell(effect!, "sysselsattning-efter", "studies", "after6")).toEqual({ hidden: "small" });
    const studies = effect!.outcomeSeries[0]!.points.find((p) => p.label === "Studerar")!;
    expect(studies).toMatchObject({ value: null, hidden: true });
    // Nine ended = three in studies + six unknown + zeros: a zero beside the three is hidden too, or 9 − 6
    // would give the three away.
    const after6 = effect!.tables.find((t) => t.id === "sysselsattning-efter")!.rows.map((r) => r.cells[0]);
    expect(cell(effect!, "sysselsattning-efter", "unknown", "after6")).toEqual({ value: 6 });
    expect(cell(effect!, "sysselsattning-efter", "all", "after6")).toEqual({ value: 9 });
    expect(after6.filter((c) => JSON.stringify(c) === '{"hidden":"zero"}').length).toBeGreaterThan(0);
    // The trend's points for the tertial are the ones its tables show.
    expect(effect!.trend[0]!.points.at(-1)).toEqual({ label: "T2 2024", value: 9 });
    expect(effect!.trend[1]!.points.at(-1)).toEqual({ label: "T2 2024", value: 9 });
  });

  it("gives the KAA unit the same figures exactly", async () => {
    const { effect } = (await loaderData(world.actors.caseworker)).data;
    expect(effect!.view).toBe("unit");
    expect(cell(effect!, "insatser-perioden", placement, "ended")).toEqual({ value: 2 });
    expect(cell(effect!, "insatser-perioden", guidance, "ended")).toEqual({ value: 7 });
    expect(cell(effect!, "insatser-perioden", guidance, "youths")).toEqual({ value: 7 });
    expect(cell(effect!, "sysselsattning-efter", "studies", "after6")).toEqual({ value: 3 });
    expect(cell(effect!, "insatser-efter-6", guidance, "unknown")).toEqual({ value: 4 });
  });
});

describe("the page", () => {
  it("offers the styrgrupp the fixed periods only, and answers bad input with 400 and a Swedish message", async () => {
    const interval = await loaderData(world.actors.steering, "/uppfoljning/insatser?period=intervall&fran=2024-05-01&till=2024-05-31");
    expect(interval.status).toBe(400);
    expect(interval.data.error).toContain("Eget intervall finns bara i KAA-enhetens vy.");
    const bad = await loaderData(world.actors.coordinator, "/uppfoljning/insatser?period=tertial-2024-7");
    expect(bad.status).toBe(400);
    expect(bad.data.error).toContain("Tertialet måste vara 1, 2 eller 3.");
    expect(bad.data.effect).toBeNull();
  });

  it("lets the KAA unit choose a free interval", async () => {
    const { status, data } = await loaderData(world.actors.coordinator, "/uppfoljning/insatser?period=intervall&fran=2024-06-01&till=2024-06-30");
    expect(status).toBe(200);
    expect(cell(data.effect!, "insatser-perioden", "all", "ended")).toEqual({ value: 9 });
  });

  it("is a 404 for schools, socialtjänsten, Arbetsförmedlingen and the systemförvaltare", async () => {
    for (const actor of [world.actors.school, world.actors.social, world.actors.employment, world.actors.admin]) {
      expect(await statusOf(async () => loader({ request: (await signedIn(actor)).get(PATH), params: {}, context: {} }))).toBe(404);
    }
  });
});
