// The population-register extract end to end on a real SQLite file: the client against the fake
// register in msw (real HTTP interception), the store, the retention, the access and the schedule.
import { eq } from "drizzle-orm";
import { http, HttpResponse, delay } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client";
import { populationSnapshotPeople, populationSnapshots, reconciliationRuns } from "#db/schema";
import { resetConfigForTests } from "~/config.server";
import { POPULATION_EXTRACT_MESSAGES, POPULATION_EXTRACT_PATH } from "~/modules/integrations/population-extract.server";
import { DEMO_POPULATION_REGISTER_URL } from "~/modules/integrations/population-register.server";
import { runDueExtracts } from "~/modules/jobs/extract-job.server";
import { requireExtractKeeper, saveSchedule, scheduleOf } from "~/modules/reconciliation/extract-schedule.server";
import { latestCompleteSnapshot, recentSnapshots, runPopulationExtract } from "~/modules/reconciliation/population-extract.server";
import { makePersonalNumber } from "~/modules/youth/personal-number";
import { createPopulationExtractHandler, extractPerson, type ExtractOptions } from "../mocks/population-extract";
import { createPopulationRegisterHandlers } from "../mocks/population-register";
import { createWorld } from "../factories/world";

const URL = `${DEMO_POPULATION_REGISTER_URL}${POPULATION_EXTRACT_PATH}`;
const NOW = new Date("2026-12-01T09:00:00Z");
const TAKEN_ON = "2026-12-01";
const server = setupServer(...(await createPopulationRegisterHandlers()));
const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
const world = await createWorld();
const municipalityId = world.municipality.id;
const register = requireExtractKeeper(world.actors.coordinator);

/** The fake register answers with `options` for this test. */
const answer = (options: ExtractOptions) => server.use(createPopulationExtractHandler({ http, HttpResponse }, URL, { today: () => TAKEN_ON, ...options }));
const peopleOf = (snapshotId: number) => getDb().select().from(populationSnapshotPeople).where(eq(populationSnapshotPeople.snapshotId, snapshotId)).all();
const run = () => runPopulationExtract(municipalityId, world.actors.coordinator.membershipId, NOW);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  warn.mockClear();
});
afterAll(() => {
  server.close();
  warn.mockRestore();
});

describe("population extract", () => {
  it("stores a paged extract with every case, and its date and counts", async () => {
    answer({ count: 100, pageSize: 15 });
    const result = await run();
    expect(result).toMatchObject({ ok: true, personCount: 100, rejected: 0 });
    const meta = latestCompleteSnapshot(register)!;
    expect(meta).toMatchObject({ status: "complete", takenOn: TAKEN_ON, personCount: 100 });
    // index % 20: 12–13 moved in, 14–16 moved out, 17 samordningsnummer, 18 protected; index 5 died.
    expect(meta.counts).toEqual({ resident: 84, movedIn: 10, movedOut: 15, deceased: 1, protected: 5, coordination: 5, rejected: 0, duplicates: 0 });
    const people = peopleOf(meta.id);
    const movedOut = people.filter((p) => p.movedOutOn !== null);
    expect(new Set(movedOut.map((p) => p.movedToCode))).toEqual(new Set(["0687", null]));
    for (const p of people.filter((p) => p.protectedIdentity)) expect([p.streetAddress, p.postalCode, p.city]).toEqual([null, null, null]);
    const minors = people.filter((p) => p.birthDate > "2008-12-01");
    expect(minors.length).toBeGreaterThan(0);
    for (const p of minors) expect(JSON.parse(p.guardians!).length).toBeGreaterThan(0);
    for (const p of people.filter((p) => p.birthDate <= "2008-12-01")) expect(p.guardians).toBeNull();
  });

  it("never stores a protected identity's address, counts unparsable numbers and repeats", async () => {
    const protectedNumber = makePersonalNumber("2009-04-02", 321);
    const ordinary = makePersonalNumber("2008-01-20", 412);
    answer({
      pageSize: 2,
      people: [
        // The register (wrongly) sends the address along: it must not be kept.
        extractPerson({ personnummer: protectedNumber, skyddadIdentitet: true }),
        extractPerson({ personnummer: ordinary }),
        extractPerson({ personnummer: "200801204130" }), // wrong check digit
        extractPerson({ personnummer: ordinary }),
        extractPerson({ personnummer: makePersonalNumber("2009-06-07", 455, true) }),
      ],
    });
    const result = await run();
    expect(result).toMatchObject({ ok: true, personCount: 3, rejected: 1 });
    const people = peopleOf(result.snapshotId!);
    const hidden = people.find((p) => p.personalNumber === protectedNumber)!;
    expect([hidden.streetAddress, hidden.postalCode, hidden.city, hidden.protectedIdentity]).toEqual([null, null, null, true]);
    expect(people.find((p) => p.personalNumber === ordinary)!.streetAddress).not.toBeNull();
    expect(latestCompleteSnapshot(register)!.counts).toMatchObject({ protected: 1, coordination: 1, rejected: 1, duplicates: 1 });
  });

  it.each([
    [
      "a 500 on the second page",
      () => http.post(URL, () => HttpResponse.json({ fel: "Internt fel." }, { status: 500 })),
      POPULATION_EXTRACT_MESSAGES.unavailable,
    ],
    [
      "invalid data",
      () => http.post(URL, () => HttpResponse.json({ uttagsdatum: TAKEN_ON, personer: [{ personnummer: 1 }], nextPageToken: null })),
      POPULATION_EXTRACT_MESSAGES.invalid,
    ],
    [
      "a time-out",
      () =>
        http.post(URL, async () => {
          await delay(2_000);
          return HttpResponse.json({});
        }),
      POPULATION_EXTRACT_MESSAGES.timeout,
    ],
  ])("a failing page (%s) fails the snapshot, keeps none of its people and keeps the earlier one", async (_name, failing, message) => {
    answer({ count: 10, pageSize: 5 });
    const earlier = await run();
    expect(earlier.ok).toBe(true);
    // The first page answers; the next one fails.
    let calls = 0;
    const good = createPopulationExtractHandler({ http, HttpResponse }, URL, { today: () => TAKEN_ON, count: 10, pageSize: 5 });
    const bad = failing();
    server.use(
      http.post(URL, async (info) => {
        calls += 1;
        const handler = calls === 1 ? good : bad;
        const result = await handler.run({ request: info.request, requestId: info.requestId });
        return result?.response;
      }),
    );
    process.env.POPULATION_REGISTER_TIMEOUT_MS = "100";
    resetConfigForTests();
    try {
      const failed = await run();
      expect(failed).toEqual({ ok: false, snapshotId: expect.any(Number), message });
      expect(peopleOf(failed.snapshotId!)).toEqual([]);
      expect(recentSnapshots(register)[0]).toMatchObject({ id: failed.snapshotId, status: "failed", error: message, counts: null });
      expect(latestCompleteSnapshot(register)!.id).toBe(earlier.snapshotId);
      // Logged without personal data.
      expect(warn.mock.calls.flat().join(" ")).not.toMatch(/\d{12}/);
    } finally {
      delete process.env.POPULATION_REGISTER_TIMEOUT_MS;
      resetConfigForTests();
    }
  });

  it("keeps the latest two complete snapshots and drops older ones with their people", async () => {
    answer({ count: 5 });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await run()).snapshotId!);
    const kept = getDb()
      .select({ id: populationSnapshots.id, status: populationSnapshots.status })
      .from(populationSnapshots)
      .where(eq(populationSnapshots.municipalityId, municipalityId))
      .all();
    expect(kept.filter((s) => s.status === "complete").map((s) => s.id)).toEqual(ids.slice(1));
    expect(peopleOf(ids[0]!)).toEqual([]);
  });

  it("refuses a second extract while one is running", async () => {
    answer({ count: 5 });
    const [a, b] = await Promise.all([run(), run()]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
  });

  it("fetches and stores 30 000 people in a few seconds", async () => {
    answer({ count: 30_000, pageSize: 1000 });
    const started = performance.now();
    const result = await run();
    const ms = performance.now() - started;
    expect(result).toMatchObject({ ok: true, personCount: 30_000 });
    console.log(`30 000 personer hämtade och sparade på ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(15_000);
  });
});

describe("who may fetch and schedule", () => {
  it("only the samordnare", () => {
    for (const role of ["caseworker", "school", "social", "steering", "admin"] as const) {
      expect(() => requireExtractKeeper(world.actors[role])).toThrow();
    }
    expect(requireExtractKeeper(world.actors.coordinator).municipalityId).toBe(municipalityId);
  });
});

describe("the scheduled extract", () => {
  it("runs when due and not again until the next start", async () => {
    answer({ count: 3 });
    saveSchedule(register, { frequency: "weekdays", weekday: null, hour: 4 }, new Date("2026-11-30T12:00:00Z"));
    // Tuesday 2026-12-01 05:00 in Stockholm (04:00 UTC): the 04.00 start has passed.
    const due = new Date("2026-12-01T04:00:00Z");
    const first = await runDueExtracts(due, () => {});
    expect(first).toEqual([expect.objectContaining({ municipalityId, ok: true })]);
    // Reconciled at once: the samordnare finds the proposals ready.
    const runs = getDb().select().from(reconciliationRuns).where(eq(reconciliationRuns.municipalityId, municipalityId)).all();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.peopleRead).toBeGreaterThanOrEqual(3);
    expect(scheduleOf(register).lastRunAt).toBe(due.toISOString());
    expect(await runDueExtracts(new Date("2026-12-01T10:00:00Z"), () => {})).toEqual([]);
  });
});
