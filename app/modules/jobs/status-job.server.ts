/**
 * The status job: brings what only the calendar changes up to date, once per municipality, soon after
 * server start, then once each new day (an hourly check notices the date change) and on demand
 * (`npm run job:status`). Idempotent. Pages only read; they never change case data
 * (docs/decisions/0009-status-job.md).
 *
 * - outreach: enrollments end at 20 with their running insatser; "i insats" follows the interventions
 *   that run today (app/modules/outreach/statuses.server.ts);
 * - samverkan: meetings not yet held drop case-item links that no consent in force covers any more
 *   (an expired consent) and take up open action items (app/modules/meetings/meeting-access.server.ts).
 * Watch dates and overdue follow-ups need no stored change: the worklist reads them by date.
 */
import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { organisations } from "#db/schema";
import { todayIso } from "~/lib/dates";
import { bringMeetingsUpToDate } from "~/modules/meetings/meeting-access.server";
import { bringStatusesUpToDate } from "~/modules/outreach/statuses.server";
import { plural } from "~/lib/plural";

export type StatusJobResult = { municipalityId: number; endedAtTwenty: number; caseItemsUnlinked: number };

/**
 * The status job as steps: each yield is a point where a server may answer requests before going on
 * (each step is one short transaction). Returns each municipality's result.
 */
function* statusJob(options: { municipalityId?: number; today?: string } = {}): Generator<void, StatusJobResult[]> {
  const today = options.today ?? todayIso();
  const ids =
    options.municipalityId !== undefined
      ? [options.municipalityId]
      : // Only a municipality with a KAA unit keeps a register and forums; the other ~280 of the 290 have nothing to bring up to date.
        getDb()
          .selectDistinct({ id: organisations.municipalityId })
          .from(organisations)
          .where(eq(organisations.kind, "kaa_unit"))
          .all()
          .map((m) => m.id);
  const results: StatusJobResult[] = [];
  for (const municipalityId of ids) {
    const outreach = yield* bringStatusesUpToDate(municipalityId, today);
    results.push({ municipalityId, ...outreach, caseItemsUnlinked: bringMeetingsUpToDate(municipalityId) });
    yield;
  }
  return results;
}

/** Runs the status job for one municipality, or for all of them, on `today`, at once (tests, `npm run job:status`). */
export function runStatusJob(options: { municipalityId?: number; today?: string } = {}): StatusJobResult[] {
  const steps = statusJob(options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs the status job letting the event loop turn between its steps, so pages are answered meanwhile. */
export async function runStatusJobBetweenRequests(options: { municipalityId?: number; today?: string } = {}): Promise<StatusJobResult[]> {
  const steps = statusJob(options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The first run waits this long, so that the server is listening (and its cold start unaffected) first. */
export const STATUS_JOB_START_DELAY_MS = 1000;

// Kept on globalThis so that a reloaded module (remix dev) replaces the timer instead of adding one.
const holder = globalThis as typeof globalThis & { __statusJobTimer?: NodeJS.Timeout; __statusJobStart?: NodeJS.Timeout };

/**
 * Runs the job once each Swedish day: at start (after the server has begun to listen, so that a
 * large register never delays the first page) and then, checked every hour, when the date changes.
 * Logs a summary (never youth data). Returns the hourly check, for tests.
 */
export function scheduleStatusJob(log: (message: string) => void = console.log, today: () => string = () => todayIso()) {
  let doneFor: string | null = null;
  let running = false;
  const run = async () => {
    const day = today();
    if (day === doneFor || running) return;
    running = true;
    try {
      const started = performance.now();
      const results = await runStatusJobBetweenRequests({ today: day });
      doneFor = day;
      const ended = results.reduce((sum, r) => sum + r.endedAtTwenty, 0);
      const unlinked = results.reduce((sum, r) => sum + r.caseItemsUnlinked, 0);
      log(
        `Statusjobbet kördes för ${plural(results.length, "kommun", "kommuner")} på ${Math.round(performance.now() - started)} ms: ${plural(ended, "inskrivning", "inskrivningar")} avslutade vid 20 år, ${plural(unlinked, "ärendepunkt", "ärendepunkter")} avidentifierade.`,
      );
    } catch (error) {
      log(`Statusjobbet misslyckades: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  clearTimeout(holder.__statusJobStart);
  holder.__statusJobStart = setTimeout(run, STATUS_JOB_START_DELAY_MS);
  clearInterval(holder.__statusJobTimer);
  holder.__statusJobTimer = setInterval(run, 60 * 60 * 1000);
  holder.__statusJobTimer.unref();
  return run;
}
