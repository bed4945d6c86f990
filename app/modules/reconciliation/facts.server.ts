/**
 * Gathers, per person, what the reconciliation rule (target-group.ts) needs: the extract's row, the
 * register's youth and open enrollment, the current school placements and reported absence. The join
 * is done in SQLite in one statement and streamed row by row (better-sqlite3's iterate), so a
 * municipality's 30 000 people never sit in memory as three copies (extract, lists, register).
 *
 * Placements come from the current lists, and completions (examen, studiebevis) from every list ever
 * received: the next year's list no longer shows a graduate.
 *
 * The people are the union of those in the extract, those with an open enrollment in the register,
 * and those on a current gymnasium list of a school in the municipality. Each is looked up by index:
 * population_snapshot_people_number, youths_register_personal_number, enrollments_one_open,
 * school_list_rows_person, school_absence_reports_person (tests/integration/reconciliation-query-plans.test.ts).
 */
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { populationSnapshots, type EnrollmentEndReason, type EnrollmentStartReason, type SchoolListKind, type SchoolOutcome } from "#db/schema";
import type { PersonFacts, SchoolPlacement } from "./target-group";

// A fixed statement with bound parameters only (@snapshot the extract, @municipality the municipality).
const FACTS_SQL = `
WITH people(pn) AS (
  SELECT personal_number FROM population_snapshot_people WHERE snapshot_id = @snapshot
  UNION
  SELECT y.personal_number FROM enrollments e JOIN youths y ON y.id = e.youth_id
   WHERE e.municipality_id = @municipality AND e.end_date IS NULL
  UNION
  SELECT r.personal_number FROM organisations o
    JOIN school_lists l ON l.organisation_id = o.id
    JOIN school_list_rows r ON r.list_id = l.id
   WHERE o.municipality_id = @municipality AND l.kind = 'gymnasium' AND l.completed_at IS NOT NULL AND l.superseded_at IS NULL
)
SELECT p.pn AS pn,
  sp.personal_number IS NOT NULL AS inExtract, sp.birth_date AS extractBirth, sp.resident_here AS residentHere,
  sp.moved_in_on AS movedInOn, sp.moved_out_on AS movedOutOn, sp.moved_to_code AS movedToCode,
  sp.deceased_on AS deceasedOn, sp.protected_identity AS protectedIdentity,
  y.id AS youthId, y.birth_date AS registerBirth,
  e.id AS enrollmentId, e.start_date AS enrollmentStart, e.start_reason AS startReason,
  CASE WHEN y.id IS NOT NULL AND e.id IS NULL THEN
    (SELECT le.end_reason FROM enrollments le WHERE le.youth_id = y.id ORDER BY le.start_date DESC, le.id DESC LIMIT 1)
  END AS lastEndReason,
  (SELECT json_group_array(json_array(l.kind, r.school_type, r.programme_code, r.start_date, r.end_date, r.outcome,
            r.school_unit_code, substr(l.completed_at, 1, 10), o.municipality_id = @municipality, l.id, r.row_number))
     FROM school_list_rows r JOIN school_lists l ON l.id = r.list_id JOIN organisations o ON o.id = l.organisation_id
    WHERE r.personal_number = p.pn AND l.completed_at IS NOT NULL
      AND (l.superseded_at IS NULL OR r.outcome IN ('examen', 'studiebevis'))) AS placements,
  (SELECT json_array(sum(a.invalid_absence_minutes), sum(a.offered_minutes), min(a.period_start), max(a.period_end), min(a.school_unit_code))
     FROM school_absence_reports a JOIN school_lists l ON l.id = a.list_id
    WHERE a.personal_number = p.pn AND l.completed_at IS NOT NULL AND l.superseded_at IS NULL) AS absence
FROM people p
LEFT JOIN population_snapshot_people sp ON sp.snapshot_id = @snapshot AND sp.personal_number = p.pn
LEFT JOIN youths y ON y.home_municipality_id = @municipality AND y.personal_number = p.pn
LEFT JOIN enrollments e ON e.youth_id = y.id AND e.end_date IS NULL
`;

type FactsRow = {
  pn: string;
  inExtract: number;
  extractBirth: string | null;
  residentHere: number | null;
  movedInOn: string | null;
  movedOutOn: string | null;
  movedToCode: string | null;
  deceasedOn: string | null;
  protectedIdentity: number | null;
  youthId: string | null;
  registerBirth: string | null;
  enrollmentId: number | null;
  enrollmentStart: string | null;
  startReason: EnrollmentStartReason | null;
  lastEndReason: EnrollmentEndReason | null;
  placements: string;
  absence: string;
};

type PlacementTuple = [SchoolListKind, string, string | null, string | null, string | null, SchoolOutcome | null, string, string, number, number, number];

/** The latest complete extract of the municipality, if any. */
export function latestExtract(municipalityId: number): { id: number; takenOn: string } | null {
  const row = getDb()
    .select({ id: populationSnapshots.id, takenOn: populationSnapshots.takenOn })
    .from(populationSnapshots)
    .where(and(eq(populationSnapshots.municipalityId, municipalityId), eq(populationSnapshots.status, "complete")))
    .orderBy(desc(populationSnapshots.id))
    .limit(1)
    .get();
  return row ? { id: row.id, takenOn: row.takenOn ?? "" } : null;
}

function birthDateOf(pn: string): string {
  const day = Number(pn.slice(6, 8));
  // A samordningsnummer has 60 added to the day.
  // Day 60 (a samordningsnummer whose day of birth is unknown): the first of the month stands in.
  const real = day > 60 ? day - 60 : day === 60 ? 1 : day;
  return `${pn.slice(0, 4)}-${pn.slice(4, 6)}-${String(real).padStart(2, "0")}`;
}

function toFacts(row: FactsRow): PersonFacts {
  const placements = (JSON.parse(row.placements) as PlacementTuple[]).map(
    ([kind, schoolType, programmeCode, startDate, endDate, outcome, schoolUnitCode, listedOn, here, listId, rowNumber]): SchoolPlacement => ({
      kind,
      schoolType,
      programmeCode,
      startDate,
      endDate,
      outcome,
      schoolUnitCode,
      listedOn,
      atSchoolHere: here === 1,
      listId,
      rowNumber,
    }),
  );
  const [invalid, offered, periodStart, periodEnd, schoolUnitCode] = JSON.parse(row.absence) as [number | null, number | null, string, string, string];
  return {
    personalNumber: row.pn,
    birthDate: row.extractBirth ?? row.registerBirth ?? birthDateOf(row.pn),
    population: row.inExtract
      ? {
          residentHere: row.residentHere === 1,
          movedInOn: row.movedInOn,
          movedOutOn: row.movedOutOn,
          movedToCode: row.movedToCode,
          deceasedOn: row.deceasedOn,
          protectedIdentity: row.protectedIdentity === 1,
        }
      : null,
    register:
      row.youthId === null
        ? null
        : {
            youthId: row.youthId,
            openEnrollment: row.enrollmentId === null ? null : { id: row.enrollmentId, startDate: row.enrollmentStart!, startReason: row.startReason! },
            lastEndReason: row.lastEndReason,
          },
    placements,
    absence: invalid === null || offered === null ? null : { invalidMinutes: invalid, offeredMinutes: offered, periodStart, periodEnd, schoolUnitCode },
  };
}

/** Streams each person's facts for the municipality, reading the given extract (or none: -1). */
export function* personFacts(municipalityId: number, snapshotId: number | null): Generator<PersonFacts> {
  const sqlite = getDb().$client;
  const statement = sqlite.prepare<[{ snapshot: number; municipality: number }], FactsRow>(FACTS_SQL);
  // The statement visits the extract, the register and the lists person by person: SQLite's default
  // 2 MB page cache would re-read the same pages many times over (measured: about a third of the run
  // at 30 000 people). A larger cache for the run only, then back to what the pages use.
  const previous = Number(sqlite.pragma("cache_size", { simple: true }));
  sqlite.pragma("cache_size = -65536");
  try {
    for (const row of statement.iterate({ snapshot: snapshotId ?? -1, municipality: municipalityId })) yield toFacts(row);
  } finally {
    sqlite.pragma(`cache_size = ${previous}`);
  }
}

/** The query plan of the facts statement (the query-plan test asserts it reads by index). */
export function factsQueryPlan(municipalityId: number, snapshotId: number): string[] {
  return getDb()
    .$client.prepare<[{ snapshot: number; municipality: number }], { detail: string }>(`EXPLAIN QUERY PLAN ${FACTS_SQL}`)
    .all({ snapshot: snapshotId, municipality: municipalityId })
    .map((r) => r.detail);
}
