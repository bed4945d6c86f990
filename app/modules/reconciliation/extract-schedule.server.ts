/**
 * Who may fetch the population-register extract and set its schedule (the KAA unit's samordnare of
 * the municipality, through the kernel's register capability), and the schedule's storage.
 */
import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { populationExtractSchedules } from "#db/schema";
import { forbidden } from "~/lib/http";
import { openRegister, type RegisterAccess } from "~/modules/access/gate.server";
import { mayLookUpPopulationRegister } from "~/modules/access/records.server";
import type { Actor } from "~/modules/auth/actor.server";
import { isExtractDue, type ExtractSchedule } from "./extract-schedule";

/**
 * The register of the samordnare's municipality, for starting an extract or setting its schedule.
 * Anyone else gets 403: the extract brings every 16–19-year-old's identity into the portal, a
 * decision for the one who keeps the register, not for each caseworker.
 */
export function requireExtractKeeper(actor: Actor): RegisterAccess {
  if (actor.role !== "kaa_coordinator" || !mayLookUpPopulationRegister(actor)) throw forbidden();
  return openRegister(actor);
}

export type StoredSchedule = ExtractSchedule & { lastRunAt: string | null; updatedAt: string };

const OFF: StoredSchedule = { frequency: "off", weekday: null, hour: 4, lastRunAt: null, updatedAt: new Date(0).toISOString() };

export function scheduleOf(register: RegisterAccess): StoredSchedule {
  const row = getDb().select().from(populationExtractSchedules).where(eq(populationExtractSchedules.municipalityId, register.municipalityId)).get();
  return row ? { frequency: row.frequency, weekday: row.weekday, hour: row.hour, lastRunAt: row.lastRunAt, updatedAt: row.updatedAt } : OFF;
}

export function saveSchedule(register: RegisterAccess, schedule: ExtractSchedule, now: Date = new Date()) {
  const values = { ...schedule, updatedByMembershipId: register.actor.membershipId, updatedAt: now.toISOString() };
  getDb()
    .insert(populationExtractSchedules)
    .values({ municipalityId: register.municipalityId, ...values })
    .onConflictDoUpdate({ target: populationExtractSchedules.municipalityId, set: values })
    .run();
}

/** The municipalities whose schedule is due at `now` (the extract job's question). */
export function dueMunicipalities(now: Date): number[] {
  return getDb()
    .select()
    .from(populationExtractSchedules)
    .all()
    .filter((row) => isExtractDue(row, now))
    .map((row) => row.municipalityId);
}

/** Records that the schedule started an extract, before it runs: a crash does not start it again and again. */
export function markScheduledRun(municipalityId: number, at: Date) {
  getDb().update(populationExtractSchedules).set({ lastRunAt: at.toISOString() }).where(eq(populationExtractSchedules.municipalityId, municipalityId)).run();
}
