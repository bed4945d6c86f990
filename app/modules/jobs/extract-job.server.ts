/**
 * The population-extract job: every few minutes it asks which municipalities' schedules are due
 * (the samordnare's "every weekday at 04" or "Tuesdays at 06") and fetches their extracts one after
 * another, each reconciled at once (refresh.server.ts). The extract itself yields to the event loop between pages, so pages are answered meanwhile.
 * Logs counts only, never personal data.
 */
import { refreshTargetGroup } from "~/modules/reconciliation/refresh.server";
import { dueMunicipalities, markScheduledRun } from "~/modules/reconciliation/extract-schedule.server";
import { plural } from "~/lib/plural";

/** Often enough that "at 04" means about 04.00; the check itself is one small query. */
export const EXTRACT_JOB_INTERVAL_MS = 5 * 60 * 1000;

/** Runs the extracts that are due at `now`; returns what happened per municipality. */
export async function runDueExtracts(now: Date = new Date(), log: (message: string) => void = console.log) {
  const results = [];
  for (const municipalityId of dueMunicipalities(now)) {
    markScheduledRun(municipalityId, now);
    let refreshed: Awaited<ReturnType<typeof refreshTargetGroup>>;
    try {
      refreshed = await refreshTargetGroup(municipalityId, null, now);
    } catch (error) {
      // One municipality's failure does not stop the others' extracts.
      log(`Schemalagt uttag för kommun ${municipalityId} avbröts: ${error instanceof Error ? error.name : "okänt fel"}`);
      continue;
    }
    const { extract: result, run } = refreshed;
    results.push({ municipalityId, ...result, newProposals: run?.newProposals ?? 0 });
    log(
      result.ok
        ? `Schemalagt uttag för kommun ${municipalityId}: ${plural(result.personCount, "person", "personer")}, ${plural(result.rejected, "avvisat nummer", "avvisade nummer")}, ${plural(run?.newProposals ?? 0, "nytt förslag", "nya förslag")}.`
        : `Schemalagt uttag för kommun ${municipalityId} misslyckades: ${result.message}`,
    );
  }
  return results;
}

const holder = globalThis as typeof globalThis & { __extractJobTimer?: NodeJS.Timeout };

/** Starts the periodic check (replacing one a reloaded module left behind). Returns the check, for tests. */
export function scheduleExtractJob(log: (message: string) => void = console.log) {
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      await runDueExtracts(new Date(), log);
    } catch (error) {
      log(`Uttagsjobbet misslyckades: ${error instanceof Error ? error.name : "okänt fel"}`);
    } finally {
      running = false;
    }
  };
  clearInterval(holder.__extractJobTimer);
  holder.__extractJobTimer = setInterval(check, EXTRACT_JOB_INTERVAL_MS);
  holder.__extractJobTimer.unref();
  return check;
}
