// What reaches a styrgrupp member: the route's loader data as the browser gets it, with no count from
// 1 to 4 anywhere in it, a share of a small count hidden, and a neighbour hidden where a small count
// could otherwise be worked out from the total. The KAA unit sees the same figures exactly.
import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "~/routes/uppfoljning._index";
import { computeFollowUp, followUpAudience } from "~/modules/statistics/follow-up.server";
import { tertial } from "~/modules/statistics/periods";
import { createWorld } from "../factories/world";
import { signedIn, statusOf } from "../factories/requests";
import { shownCounts, statSevenYouths } from "../factories/follow-up";

let world: Awaited<ReturnType<typeof createWorld>>;
const PATH = "/uppfoljning?period=tertial-2026-2";

beforeAll(async () => {
  world = await createWorld();
  // Seven youths in May 2026, all 18 at the year's end: five from the school's notices, two without; three reached in time.
  statSevenYouths(world, 2026);
});

type Json = unknown;

async function loaderData(actor: Parameters<typeof signedIn>[0], path = PATH) {
  const response = (await loader({ request: (await signedIn(actor)).get(path), params: {}, context: {} })) as Response;
  return {
    status: response.status,
    data: (await response.json()) as { followUp: { tables: { id: string; rows: { key: string; cells: Json[] }[] }[] } | null; error: string | null },
  };
}

const cell = (data: Awaited<ReturnType<typeof loaderData>>["data"], table: string, key: string) =>
  data.followUp!.tables.find((t) => t.id === table)!.rows.find((r) => r.key === key)!.cells[0];

describe("small numbers for the styrgrupp", () => {
  it("no count from 1 to 4 reaches a styrgrupp member's loader data", async () => {
    const { status, data } = await loaderData(world.actors.steering);
    expect(status).toBe(200);
    const counts = shownCounts(data);
    expect(counts.length).toBeGreaterThan(20);
    expect(counts.filter((n) => n >= 1 && n <= 4)).toEqual([]);
    expect(counts).toContain(7);
  });

  it("hides the small row, the neighbour it could be worked out from, and shares of small counts", async () => {
    const { data } = await loaderData(world.actors.steering);
    expect(cell(data, "malgrupp-skola", "target.school:none")).toEqual({ hidden: "small" });
    expect(cell(data, "malgrupp-skola", `target.school:${world.orgs.school.id}`)).toEqual({ hidden: "secondary" });
    expect(cell(data, "malgrupp-skola", "target")).toEqual({ value: 7 });
    expect(cell(data, "malgrupp-alder", "target.age:18")).toEqual({ value: 7 });
    // Three of seven reached in time: a share of a small count.
    expect(cell(data, "oversikt", "contactShare")).toEqual({ hidden: "small" });
    expect(cell(data, "oversikt", "daysToContact")).toEqual({ hidden: "small" });
  });

  it("hides each period in the trend exactly as that period's own table does", async () => {
    const steering = followUpAudience(world.actors.steering)!;
    const now = computeFollowUp(steering, tertial(2026, 2), { today: "2026-11-30" });
    const before = computeFollowUp(steering, tertial(2026, 1), { today: "2026-11-30" });
    for (const row of now.trend!.rows) {
      const own = before.tables.find((t) => t.id === "oversikt")!.rows.find((r) => r.key === row.key)!;
      expect(row.cells.at(-2), row.key).toEqual(own.cells[0]);
      expect(row.cells.at(-1), row.key).toEqual(now.tables.find((t) => t.id === "oversikt")!.rows.find((r) => r.key === row.key)!.cells[0]);
    }
  });

  it("gives the KAA unit the same figures exactly", async () => {
    const { data } = await loaderData(world.actors.caseworker);
    expect(cell(data, "malgrupp-skola", "target.school:none")).toEqual({ value: 2 });
    expect(cell(data, "malgrupp-skola", `target.school:${world.orgs.school.id}`)).toEqual({ value: 5 });
    expect(cell(data, "oversikt", "contactShare")).toEqual({ share: 3 / 7 });
  });
});

describe("the page", () => {
  it("answers a bad period with 400 and a Swedish message", async () => {
    for (const [path, message] of [
      ["/uppfoljning?period=tertial-2026-4", "Tertialet måste vara 1, 2 eller 3."],
      ["/uppfoljning?period=kvartal-2026", "Okänd period"],
      ["/uppfoljning?period=intervall&fran=2026-02-30&till=2026-03-01", "inget giltigt datum"],
      ["/uppfoljning?period=intervall&fran=2026-03-02&till=2026-03-01", "får inte vara före"],
    ]) {
      const { status, data } = await loaderData(world.actors.coordinator, path);
      expect(status, path).toBe(400);
      expect(data.error).toContain(message);
      expect(data.followUp).toBeNull();
    }
  });

  it("offers the styrgrupp the fixed periods only: free intervals a day apart would single out that day", async () => {
    for (const [path, message] of [
      ["/uppfoljning?period=tertial-2026-4", "Tertialet måste vara 1, 2 eller 3."],
      ["/uppfoljning?period=intervall&fran=2026-05-01&till=2026-05-31", "Eget intervall finns bara i KAA-enhetens vy."],
    ]) {
      const { status, data } = await loaderData(world.actors.steering, path);
      expect(status, path).toBe(400);
      expect(data.error).toContain(message);
      expect(data.followUp).toBeNull();
    }
  });

  it("is a 404 for schools, socialtjänsten, Arbetsförmedlingen and the systemförvaltare", async () => {
    for (const actor of [world.actors.school, world.actors.social, world.actors.employment, world.actors.admin]) {
      expect(await statusOf(async () => loader({ request: (await signedIn(actor)).get(PATH), params: {}, context: {} }))).toBe(404);
    }
  });

  it("lets the samordnare, and no one else, enter the population 16–19", async () => {
    const post = async (actor: Parameters<typeof signedIn>[0], fields: Record<string, string>) =>
      statusOf(async () => action({ request: (await signedIn(actor)).post("/uppfoljning", fields), params: {}, context: {} }));
    expect(await post(world.actors.coordinator, { year: "2026", aged16To19: "abc" })).toBe(400);
    expect(await post(world.actors.caseworker, { year: "2026", aged16To19: "700" })).toBe(403);
    expect(await post(world.actors.steering, { year: "2026", aged16To19: "700" })).toBe(403);
    expect(await post(world.actors.coordinator, { year: "2026", aged16To19: "700" })).toBe(200);
    const { data } = await loaderData(world.actors.coordinator);
    expect(cell(data, "oversikt", "populationShare")).toEqual({ share: 7 / 700 });
  });
});
