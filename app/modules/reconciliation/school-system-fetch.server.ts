/**
 * Reads a school organiser's school system over SS 12000 into a school list (source ss12000, kind
 * gymnasium) of the connection's school: the school units, then the persons with their enrolments
 * page by page, then the term's aggregated attendance page by page. Each page is written as it
 * arrives (one transaction each), so memory holds one page plus two small maps (school unit id →
 * skolenhetskod, person id → personnummer and unit, for attributing absence) — never all pages.
 * The list becomes current only when everything has been read; on any failure it is discarded and
 * the earlier list stays current. The outcome is recorded on the connection for the admin.
 */
import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { schoolSystemConnections } from "#db/schema";
import { createSs12000Client, Ss12000Error } from "~/modules/integrations/ss12000.server";
import { SS12000_MESSAGES } from "~/modules/integrations/ss12000-messages";
import {
  attendancePage,
  currentTerm,
  GYMNASIUM_SCHOOL_TYPES,
  mapPerson,
  organisationsPage,
  personsPage,
  schoolUnitEntries,
  sumAbsence,
  type KnownStudent,
} from "~/modules/integrations/ss12000-mapping";
import { appendSchoolListRows, beginSchoolList, completeSchoolList, discardSchoolList } from "./school-list-store.server";
import { plural } from "~/lib/plural";

export type FetchCounts = { persons: number; rows: number; absences: number; skipped: number };
export type FetchOutcome = ({ ok: true; listId: number } | { ok: false; message: string }) & { counts: FetchCounts };

/** One fetch per connection at a time in this process: a second click waits for nothing and is refused. */
const running = new Set<number>();

export type FetchOptions = { pageSize?: number; timeoutMs?: number; today?: Date };

export function okMessage(c: FetchCounts) {
  return `Hämtningen lyckades: ${plural(c.persons, "person", "personer")}, ${plural(c.rows, "inskrivning", "inskrivningar")}, ${plural(c.absences, "elev", "elever")} med frånvarouppgifter, ${plural(c.skipped, "överhoppad post", "överhoppade poster")}.`;
}

/** A failed fetch saved nothing, so it records no counts (the admin would read them as the list's). */
function record(connectionId: number, status: "ok" | "failed", message: string, counts: FetchCounts | null) {
  getDb()
    .update(schoolSystemConnections)
    .set({
      lastRunAt: new Date().toISOString(),
      lastStatus: status,
      lastMessage: message,
      lastPersons: counts?.persons ?? null,
      lastRows: counts?.rows ?? null,
      lastAbsences: counts?.absences ?? null,
      lastSkipped: counts?.skipped ?? null,
    })
    .where(eq(schoolSystemConnections.id, connectionId))
    .run();
}

export async function fetchFromSchoolSystem(connectionId: number, options: FetchOptions = {}): Promise<FetchOutcome> {
  const counts: FetchCounts = { persons: 0, rows: 0, absences: 0, skipped: 0 };
  const connection = getDb().select().from(schoolSystemConnections).where(eq(schoolSystemConnections.id, connectionId)).get();
  if (!connection) throw new Error("Kopplingen finns inte");
  if (!connection.enabled) return { ok: false, message: SS12000_MESSAGES.disabled, counts };
  if (running.has(connectionId)) return { ok: false, message: SS12000_MESSAGES.alreadyRunning, counts };
  running.add(connectionId);
  let listId: number | null = null;
  try {
    const client = createSs12000Client(connection, options);
    const today = options.today ?? new Date();

    const units = new Map<string, string>();
    for await (const organisations of client.pages("/organisations", { type: "Skolenhet" }, organisationsPage)) {
      for (const [id, code] of schoolUnitEntries(organisations)) units.set(id, code);
    }

    listId = beginSchoolList({ organisationId: connection.organisationId, kind: "gymnasium", source: "ss12000", connectionId });
    const students = new Map<string, KnownStudent>();
    let rowNumber = 0;
    for await (const persons of client.pages("/persons", { "relationship.entity.type": "enrolment" }, personsPage)) {
      const rows = [];
      for (const person of persons) {
        counts.persons++;
        const mapped = mapPerson(person, units, today);
        if (mapped.kind === "no_number") counts.skipped++;
        if (mapped.kind !== "rows") continue;
        counts.skipped += mapped.unknownUnits;
        for (const row of mapped.rows) rows.push({ ...row, rowNumber: ++rowNumber });
        if (mapped.student) students.set(person.id, mapped.student);
      }
      appendSchoolListRows(listId, rows);
      counts.rows += rows.length;
    }

    const term = currentTerm(today);
    const absent = new Set<string>();
    const filters = { startDate: term.start, endDate: term.end, schoolType: [...GYMNASIUM_SCHOOL_TYPES] };
    for await (const records of client.pages("/aggregatedAttendance", filters, attendancePage)) {
      const { absences, skipped } = sumAbsence(records, students, term);
      counts.skipped += skipped;
      appendSchoolListRows(listId, [], absences);
      for (const a of absences) absent.add(a.personalNumber);
    }
    counts.absences = absent.size;

    completeSchoolList(listId);
    record(connectionId, "ok", okMessage(counts), counts);
    return { ok: true, listId, counts };
  } catch (error) {
    if (listId !== null) discardSchoolList(listId);
    const message = error instanceof Ss12000Error ? error.message : SS12000_MESSAGES.unexpected;
    // An unexpected error is logged by its name only: its message could carry data from a response.
    if (!(error instanceof Ss12000Error)) console.error(`SS 12000-hämtning: oväntat fel (${error instanceof Error ? error.name : "okänt"})`);
    record(connectionId, "failed", message, null);
    return { ok: false, message, counts };
  } finally {
    running.delete(connectionId);
  }
}
