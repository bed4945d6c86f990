import { afterAll, describe, expect, it } from "vitest";
import { runStatusJob, runStatusJobBetweenRequests, scheduleStatusJob, STATUS_JOB_START_DELAY_MS } from "~/modules/jobs/status-job.server";
import { createWorld } from "../factories/world";

const holder = globalThis as typeof globalThis & { __statusJobTimer?: NodeJS.Timeout; __statusJobStart?: NodeJS.Timeout };
afterAll(() => {
  clearTimeout(holder.__statusJobStart);
  clearInterval(holder.__statusJobTimer);
});

describe("the status job's schedule", () => {
  it("lets other work run between its steps when run beside requests, with the same result as at once", async () => {
    const world = await createWorld();
    const order: string[] = [];
    const job = runStatusJobBetweenRequests({ municipalityId: world.municipality.id }).then((results) => {
      order.push("job");
      return results;
    });
    setImmediate(() => order.push("a request"));
    const results = await job;
    expect(order).toEqual(["a request", "job"]);
    expect(results).toEqual(runStatusJob({ municipalityId: world.municipality.id }));
  });

  it("runs once soon after start, not before the caller goes on, and then once per new day", async () => {
    await createWorld();
    const logged: string[] = [];
    let day = "2026-12-01";
    const check = scheduleStatusJob(
      (message) => logged.push(message),
      () => day,
    );
    // Scheduling returns at once: the first run waits for the event loop (the server listens first).
    expect(logged).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, STATUS_JOB_START_DELAY_MS + 200));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^Statusjobbet kördes för \d+ kommuner på \d+ ms/);
    await check();
    await check();
    expect(logged).toHaveLength(1);
    day = "2026-12-02";
    await check();
    expect(logged).toHaveLength(2);
    // Never a personnummer or a name in the server log: only counts.
    expect(logged.join(" ")).not.toMatch(/\d{6,8}-?\d{4}/);
  });
});
