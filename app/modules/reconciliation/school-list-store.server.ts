/**
 * Writes school lists, whatever their source (a CSV file, an SS 12000 school system). A list is
 * written in steps so that a large source never sits in memory whole: begin, append the rows a page
 * or a batch at a time (each batch one transaction), then complete it — which, in one transaction,
 * makes it the organisation's current list of that kind, whatever its source, and supersedes the one before.
 * A list that fails halfway is discarded and the earlier list stays current.
 */
import { and, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { schoolAbsenceReports, schoolListRows, schoolLists, type SchoolListKind, type SchoolListSource, type SchoolOutcome } from "#db/schema";

export type SchoolListMeta = {
  organisationId: number;
  kind: SchoolListKind;
  source: SchoolListSource;
  connectionId?: number | null;
  fileName?: string | null;
  uploadedByMembershipId?: number | null;
};

/** One enrolment of a list, checked and normalised by its reader. */
export type SchoolListRowInput = {
  rowNumber: number;
  /** Twelve digits, no separator. */
  personalNumber: string;
  isCoordinationNumber: boolean;
  schoolUnitCode: string;
  schoolType: string;
  programmeCode: string | null;
  startDate: string | null;
  endDate: string | null;
  outcome: SchoolOutcome | null;
};

export type AbsenceInput = {
  personalNumber: string;
  schoolUnitCode: string;
  periodStart: string;
  periodEnd: string;
  invalidAbsenceMinutes: number;
  offeredMinutes: number;
};

export function beginSchoolList(meta: SchoolListMeta): number {
  return getDb()
    .insert(schoolLists)
    .values({
      organisationId: meta.organisationId,
      kind: meta.kind,
      source: meta.source,
      connectionId: meta.connectionId ?? null,
      fileName: meta.fileName ?? null,
      uploadedByMembershipId: meta.uploadedByMembershipId ?? null,
    })
    .returning({ id: schoolLists.id })
    .get().id;
}

/** Appends rows (and absence sums) to a list being written, in one transaction. */
export function appendSchoolListRows(listId: number, rows: readonly SchoolListRowInput[], absences: readonly AbsenceInput[] = []) {
  const db = getDb();
  db.transaction((tx) => {
    // Chunks keep each INSERT under SQLite's bound-parameter limit.
    for (let i = 0; i < rows.length; i += 500) {
      tx.insert(schoolListRows)
        .values(rows.slice(i, i + 500).map((r) => ({ listId, ...r })))
        .run();
    }
    for (let i = 0; i < absences.length; i += 500) {
      tx.insert(schoolAbsenceReports)
        .values(absences.slice(i, i + 500).map((a) => ({ listId, ...a })))
        .onConflictDoUpdate({
          target: [schoolAbsenceReports.personalNumber, schoolAbsenceReports.listId],
          // One student's absence may come on several pages (several activities): the sums add up.
          set: {
            invalidAbsenceMinutes: sql`${schoolAbsenceReports.invalidAbsenceMinutes} + excluded.invalid_absence_minutes`,
            offeredMinutes: sql`${schoolAbsenceReports.offeredMinutes} + excluded.offered_minutes`,
          },
        })
        .run();
    }
  });
}

/** Makes the list current: in one transaction the earlier current list of the same kind and source is superseded. */
export function completeSchoolList(listId: number): { rowCount: number } {
  const db = getDb();
  return db.transaction((tx) => {
    const list = tx.select().from(schoolLists).where(eq(schoolLists.id, listId)).get();
    if (!list || list.completedAt !== null) throw new Error("Listan är redan avslutad eller finns inte");
    const rowCount = tx
      .select({ n: sql<number>`count(*)` })
      .from(schoolListRows)
      .where(eq(schoolListRows.listId, listId))
      .get()!.n;
    const at = new Date().toISOString();
    // The organisation's newest complete list of a kind is its current one, whatever its source: a school
    // that moves from CSV files to its school system must not keep an old file current for ever.
    tx.update(schoolLists)
      .set({ supersededAt: at })
      .where(
        and(
          eq(schoolLists.organisationId, list.organisationId),
          eq(schoolLists.kind, list.kind),
          isNull(schoolLists.supersededAt),
          isNotNull(schoolLists.completedAt),
          ne(schoolLists.id, listId),
        ),
      )
      .run();
    tx.update(schoolLists).set({ completedAt: at, rowCount }).where(eq(schoolLists.id, listId)).run();
    return { rowCount };
  });
}

/** Drops a list that could not be written to the end (its rows go with it). */
export function discardSchoolList(listId: number) {
  getDb().transaction((tx) => {
    tx.delete(schoolAbsenceReports).where(eq(schoolAbsenceReports.listId, listId)).run();
    tx.delete(schoolListRows).where(eq(schoolListRows.listId, listId)).run();
    tx.delete(schoolLists)
      .where(and(eq(schoolLists.id, listId), isNull(schoolLists.completedAt)))
      .run();
  });
}
