/**
 * Fetches the population-register extract of a municipality and stores it as a snapshot, page by
 * page: each page is one short transaction of prepared inserts, so neither memory nor a write lock
 * grows with the municipality. Every personnummer is parsed with parsePersonalNumber; a row that
 * fails is counted and never stored. A protected identity's address is never stored, whatever the
 * register sends. A failed extract keeps its row (the samordnare sees why) but none of its people,
 * and the earlier snapshots stay. Only the two latest complete snapshots per municipality are kept.
 *
 * The people of a snapshot are youth data: the reconciliation reads them in SQL behind the kernel;
 * everyone else sees only the counts (latestCompleteSnapshot, recentSnapshots).
 */
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { municipalities, populationSnapshotPeople, populationSnapshots, populationSnapshotSummaries, type SnapshotStatus } from "#db/schema";
import { addDays, addYears, todayIso } from "~/lib/dates";
import type { RegisterAccess } from "~/modules/access/gate.server";
import { fetchPopulationExtract, PopulationExtractError, type ExtractPerson } from "~/modules/integrations/population-extract.server";
import { parsePersonalNumber } from "~/modules/youth/personal-number";

/** Complete snapshots kept per municipality: the latest, and the one before it (what changed). */
export const KEPT_COMPLETE_SNAPSHOTS = 2;
/** A snapshot "running" for longer than this was cut off (a restart): it counts as failed. */
const STALE_RUNNING_MS = 60 * 60 * 1000;

export const EXTRACT_MESSAGES = {
  alreadyRunning: "Ett uttag pågår redan. Vänta tills det är klart.",
  interrupted: "Uttaget avbröts innan det var klart (servern startades om). Hämta ett nytt.",
  unexpected: "Uttaget kunde inte sparas. Försök igen; kontakta systemförvaltaren om felet kvarstår.",
} as const;

export type SnapshotCounts = {
  resident: number;
  movedIn: number;
  movedOut: number;
  deceased: number;
  protected: number;
  coordination: number;
  rejected: number;
  duplicates: number;
};

export type SnapshotMeta = {
  id: number;
  status: SnapshotStatus;
  requestedAt: string;
  /** The register's date of the extract (uttagsdatum); null until complete. */
  takenOn: string | null;
  personCount: number;
  error: string | null;
  /** Null unless complete. */
  counts: SnapshotCounts | null;
};

export type ExtractRunResult =
  { ok: true; snapshotId: number; personCount: number; rejected: number } | { ok: false; snapshotId: number | null; message: string };

/**
 * The birth dates of the target group's ages on `today`: under 20, and born in the year that turns 16
 * or earlier — the whole year-9 cohort, since a leaver born in December has finished compulsory school
 * at 15 (target-group.ts decides who of them is in the target group, and when).
 */
export function targetBirthRange(today: string): { bornFrom: string; bornTo: string } {
  return { bornFrom: addDays(addYears(today, -20), 1), bornTo: `${Number(today.slice(0, 4)) - 16}-12-31` };
}

type Row = [
  number,
  string,
  number,
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  number,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
];

/** One register person as a stored row, or null when the personnummer does not parse. */
function toRow(snapshotId: number, person: ExtractPerson, today: Date): Row | null {
  const parsed = parsePersonalNumber(person.personnummer, today);
  if (!parsed.ok) return null;
  // Never an address of a protected identity, even if the register sent one.
  const address = person.skyddadIdentitet ? null : person.folkbokforingsadress;
  const postal = address?.postnummer?.replace(" ", "") ?? null;
  return [
    snapshotId,
    parsed.value.normalized,
    parsed.value.isCoordinationNumber ? 1 : 0,
    parsed.value.birthDate,
    person.fornamn,
    person.efternamn,
    address?.utdelningsadress ?? null,
    postal ? `${postal.slice(0, 3)} ${postal.slice(3)}` : null,
    address?.postort ?? null,
    person.skyddadIdentitet ? 1 : 0,
    person.folkbokford_har ? 1 : 0,
    person.inflyttad,
    person.utflyttad?.datum ?? null,
    person.utflyttad?.till_kommunkod ?? null,
    person.avliden,
    person.vardnadshavare.length > 0 ? JSON.stringify(person.vardnadshavare.map((g) => ({ name: g.namn, ...(g.telefon ? { phone: g.telefon } : {}) }))) : null,
  ];
}

/** Writes one page in one transaction; returns how many rows were refused and how many were repeats. */
function storePage(snapshotId: number, people: readonly ExtractPerson[], today: Date): { stored: number; rejected: number; duplicates: number } {
  const sqlite = getDb().$client;
  const insert = sqlite.prepare(
    `INSERT INTO population_snapshot_people (snapshot_id, personal_number, is_coordination_number, birth_date, first_name, last_name,
       street_address, postal_code, city, protected_identity, resident_here, moved_in_on, moved_out_on, moved_to_code, deceased_on, guardians)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (snapshot_id, personal_number) DO NOTHING`,
  );
  let stored = 0;
  let rejected = 0;
  let duplicates = 0;
  sqlite.transaction(() => {
    for (const person of people) {
      const row = toRow(snapshotId, person, today);
      if (!row) rejected += 1;
      else if (insert.run(...row).changes === 1) stored += 1;
      else duplicates += 1;
    }
    sqlite.prepare("UPDATE population_snapshots SET person_count = person_count + ? WHERE id = ?").run(stored, snapshotId);
  })();
  return { stored, rejected, duplicates };
}

/** Marks snapshots left running by a stopped server as failed, so a new extract may start. */
function failStaleRuns(municipalityId: number, now: Date) {
  const cutoff = new Date(now.getTime() - STALE_RUNNING_MS).toISOString();
  getDb()
    .update(populationSnapshots)
    .set({ status: "failed", error: EXTRACT_MESSAGES.interrupted })
    .where(and(eq(populationSnapshots.municipalityId, municipalityId), eq(populationSnapshots.status, "running"), lt(populationSnapshots.requestedAt, cutoff)))
    .run();
}

/**
 * Fetches and stores the municipality's extract. `requestedByMembershipId` is null when the schedule
 * started it. Never throws for the service's failures: they become a failed snapshot and a message.
 */
export async function runPopulationExtract(municipalityId: number, requestedByMembershipId: number | null, now: Date = new Date()): Promise<ExtractRunResult> {
  const db = getDb();
  const municipality = db.select({ code: municipalities.code }).from(municipalities).where(eq(municipalities.id, municipalityId)).get();
  if (!municipality) throw new Error(`Kommun ${municipalityId} finns inte.`);
  failStaleRuns(municipalityId, now);
  // One running extract per municipality: the check and the insert in one transaction.
  const snapshotId = db.transaction((tx) => {
    const running = tx
      .select({ id: populationSnapshots.id })
      .from(populationSnapshots)
      .where(and(eq(populationSnapshots.municipalityId, municipalityId), eq(populationSnapshots.status, "running")))
      .get();
    if (running) return null;
    return tx
      .insert(populationSnapshots)
      .values({ municipalityId, requestedByMembershipId, requestedAt: now.toISOString() })
      .returning({ id: populationSnapshots.id })
      .get().id;
  });
  if (snapshotId === null) return { ok: false, snapshotId: null, message: EXTRACT_MESSAGES.alreadyRunning };

  let takenOn: string | null = null;
  let rejected = 0;
  let duplicates = 0;
  try {
    for await (const page of fetchPopulationExtract({ municipalityCode: municipality.code, ...targetBirthRange(todayIso(now)) })) {
      takenOn = page.takenOn;
      const result = storePage(snapshotId, page.people, now);
      rejected += result.rejected;
      duplicates += result.duplicates;
    }
  } catch (error) {
    const message = error instanceof PopulationExtractError ? error.message : EXTRACT_MESSAGES.unexpected;
    if (!(error instanceof PopulationExtractError))
      console.error(`Uttaget för kommun ${municipalityId} kunde inte sparas: ${error instanceof Error ? error.name : "okänt fel"}`);
    db.transaction((tx) => {
      tx.delete(populationSnapshotPeople).where(eq(populationSnapshotPeople.snapshotId, snapshotId)).run();
      tx.update(populationSnapshots).set({ status: "failed", error: message, personCount: 0 }).where(eq(populationSnapshots.id, snapshotId)).run();
    });
    return { ok: false, snapshotId, message };
  }
  const personCount = completeSnapshot(municipalityId, snapshotId, takenOn!, rejected, duplicates);
  return { ok: true, snapshotId, personCount, rejected };
}

/** Marks the snapshot complete with its counts and drops what is no longer needed, in one transaction. */
function completeSnapshot(municipalityId: number, snapshotId: number, takenOn: string, rejected: number, duplicates: number): number {
  const db = getDb();
  return db.transaction((tx) => {
    const p = populationSnapshotPeople;
    const counted = tx
      .select({
        total: sql<number>`count(*)`,
        resident: sql<number>`coalesce(sum(${p.residentHere}), 0)`,
        movedIn: sql<number>`coalesce(sum(${p.movedInOn} IS NOT NULL), 0)`,
        movedOut: sql<number>`coalesce(sum(${p.movedOutOn} IS NOT NULL), 0)`,
        deceased: sql<number>`coalesce(sum(${p.deceasedOn} IS NOT NULL), 0)`,
        protected: sql<number>`coalesce(sum(${p.protectedIdentity}), 0)`,
        coordination: sql<number>`coalesce(sum(${p.isCoordinationNumber}), 0)`,
      })
      .from(p)
      .where(eq(p.snapshotId, snapshotId))
      .get()!;
    tx.insert(populationSnapshotSummaries)
      .values({
        snapshotId,
        residentCount: counted.resident,
        movedInCount: counted.movedIn,
        movedOutCount: counted.movedOut,
        deceasedCount: counted.deceased,
        protectedCount: counted.protected,
        coordinationCount: counted.coordination,
        rejectedCount: rejected,
        duplicateCount: duplicates,
      })
      .run();
    tx.update(populationSnapshots).set({ status: "complete", takenOn, personCount: counted.total }).where(eq(populationSnapshots.id, snapshotId)).run();
    // Keep the latest complete snapshots, and the failures since the oldest of them.
    const kept = tx
      .select({ id: populationSnapshots.id })
      .from(populationSnapshots)
      .where(and(eq(populationSnapshots.municipalityId, municipalityId), eq(populationSnapshots.status, "complete")))
      .orderBy(desc(populationSnapshots.id))
      .limit(KEPT_COMPLETE_SNAPSHOTS)
      .all();
    const oldestKept = kept[kept.length - 1]!.id;
    const dropped = tx
      .select({ id: populationSnapshots.id })
      .from(populationSnapshots)
      .where(and(eq(populationSnapshots.municipalityId, municipalityId), lt(populationSnapshots.id, oldestKept)))
      .all()
      .map((s) => s.id);
    if (dropped.length > 0) {
      tx.delete(populationSnapshotPeople).where(inArray(populationSnapshotPeople.snapshotId, dropped)).run();
      tx.delete(populationSnapshotSummaries).where(inArray(populationSnapshotSummaries.snapshotId, dropped)).run();
      tx.delete(populationSnapshots).where(inArray(populationSnapshots.id, dropped)).run();
    }
    return counted.total;
  });
}

function snapshotsOf(municipalityId: number, limit: number, onlyComplete: boolean): SnapshotMeta[] {
  const s = populationSnapshots;
  const c = populationSnapshotSummaries;
  return getDb()
    .select({ snapshot: s, summary: c })
    .from(s)
    .leftJoin(c, eq(c.snapshotId, s.id))
    .where(and(eq(s.municipalityId, municipalityId), onlyComplete ? eq(s.status, "complete") : undefined))
    .orderBy(desc(s.id))
    .limit(limit)
    .all()
    .map(({ snapshot, summary }) => ({
      id: snapshot.id,
      status: snapshot.status,
      requestedAt: snapshot.requestedAt,
      takenOn: snapshot.takenOn,
      personCount: snapshot.personCount,
      error: snapshot.error,
      counts: summary
        ? {
            resident: summary.residentCount,
            movedIn: summary.movedInCount,
            movedOut: summary.movedOutCount,
            deceased: summary.deceasedCount,
            protected: summary.protectedCount,
            coordination: summary.coordinationCount,
            rejected: summary.rejectedCount,
            duplicates: summary.duplicateCount,
          }
        : null,
    }));
}

/** The municipality's latest complete extract (metadata and counts), for the register keepers. */
export function latestCompleteSnapshot(register: RegisterAccess): SnapshotMeta | null {
  return snapshotsOf(register.municipalityId, 1, true)[0] ?? null;
}

/** The latest snapshots of any status, newest first (the samordnare's page). */
export function recentSnapshots(register: RegisterAccess, limit = 10): SnapshotMeta[] {
  return snapshotsOf(register.municipalityId, limit, false);
}
