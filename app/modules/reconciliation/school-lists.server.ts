/**
 * School lists uploaded as CSV (issue 14): who may upload for which organisation, the upload itself
 * (checked whole, stored in batches), and the pages that show lists. Need-to-know, as the schema says:
 * the organisation a list belongs to is the only one that sees its rows. The samordnare additionally
 * sees that the municipality's schools have lists (kind, date, row count: no personal data) — what
 * they need to know whether the reconciliation has fresh inputs — never a school's rows.
 */
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { memberships, organisations, schoolListRows, schoolLists, users, type SchoolListKind } from "#db/schema";
import { forbidden, notFound } from "~/lib/http";
import { pageCountOf, pageWithin } from "~/lib/counting";
import { mayUploadSchoolLists } from "~/modules/access/policy";
import { logSchoolListRefused, logSchoolListShown } from "~/modules/access/records.server";
import type { Actor } from "~/modules/auth/actor.server";
import { appendSchoolListRows, beginSchoolList, completeSchoolList, discardSchoolList, type SchoolListRowInput } from "./school-list-store.server";
import { openSchoolListCsv, SCHOOL_LIST_FIELD_LABELS } from "./school-list-csv";
import { displayPersonalNumber } from "~/modules/youth/personal-number";

/** Rows per transaction: small enough to keep one batch's objects small, large enough to be quick. */
export const SCHOOL_LIST_BATCH = 2000;
/** A report lists every row of a file up to this size; past it only the rows with errors, up to it. */
export const REPORT_ROW_LIMIT = 200;
export const SCHOOL_LIST_PAGE_SIZE = 100;
const INDEX_LIMIT = 100;

/** The samordnare's choice "the municipality's grundskolor": the list belongs to the KAA unit itself. */
export const OWN_UNIT_TARGET = "egen";

export type UploadTarget = { value: string; label: string; kinds: readonly SchoolListKind[] };

/** Whom the actor may upload for: a school for itself; the samordnare for the unit (year 9) or a school of the municipality. */
export function uploadTargets(actor: Actor): UploadTarget[] {
  if (!mayUploadSchoolLists(actor)) throw forbidden();
  if (actor.role === "school_staff") return [{ value: String(actor.organisationId), label: actor.organisationName ?? "", kinds: ["gymnasium", "year9"] }];
  const schools = getDb()
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, "school"), eq(organisations.municipalityId, actor.municipalityId!)))
    .orderBy(asc(organisations.name))
    .all();
  return [
    { value: OWN_UNIT_TARGET, label: "Kommunens grundskolor (KAA-enhetens egen lista)", kinds: ["year9"] },
    ...schools.map((s) => ({ value: String(s.id), label: s.name, kinds: ["gymnasium", "year9"] as const })),
  ];
}

/** The organisation a new list belongs to, or null when the actor may not upload that kind for that target. */
function targetOrganisation(actor: Actor, target: string, kind: SchoolListKind): number | null {
  const chosen = uploadTargets(actor).find((t) => t.value === target);
  if (!chosen || !chosen.kinds.includes(kind)) return null;
  return chosen.value === OWN_UNIT_TARGET ? actor.organisationId : Number(chosen.value);
}

export type ReportRow = { line: number; ok: boolean; errors: { field: string; message: string }[] };
export type UploadReport = { total: number; errorCount: number; rows: ReportRow[]; allRowsShown: boolean };
export type UploadResult = { ok: true; listId: number; rowCount: number } | { ok: false; error: string } | { ok: false; report: UploadReport };

/**
 * Checks every row of the file and stores it only if all are right (as the notice import does: a
 * list that feeds the reconciliation half-stored would make the rows left out look like dropouts).
 * The first pass keeps only the report; the second stores SCHOOL_LIST_BATCH rows per transaction and
 * completes the list, which supersedes the organisation's earlier list of the kind. A failure halfway
 * discards the new list and the earlier one stays current.
 */
export function uploadSchoolList(actor: Actor, input: { kind: SchoolListKind; target: string; fileName: string; text: string }): UploadResult {
  const organisationId = targetOrganisation(actor, input.target, input.kind);
  if (organisationId === null) return { ok: false, error: "Välj en skola och en sorts lista som du får läsa in." };
  const file = openSchoolListCsv(input.text, input.kind);
  if (!file.ok) return file;

  let total = 0;
  let errorCount = 0;
  const all: ReportRow[] = [];
  const withErrors: ReportRow[] = [];
  for (const r of file.rows()) {
    total++;
    const row: ReportRow = {
      line: r.line,
      ok: r.ok,
      errors: r.ok ? [] : Object.entries(r.errors).map(([field, message]) => ({ field: SCHOOL_LIST_FIELD_LABELS[field] ?? field, message })),
    };
    if (!r.ok) errorCount++;
    if (all.length <= REPORT_ROW_LIMIT) all.push(row);
    if (!r.ok && withErrors.length < REPORT_ROW_LIMIT) withErrors.push(row);
  }
  if (errorCount > 0) {
    const allRowsShown = total <= REPORT_ROW_LIMIT;
    return { ok: false, report: { total, errorCount, rows: allRowsShown ? all : withErrors, allRowsShown } };
  }

  const listId = beginSchoolList({
    organisationId,
    kind: input.kind,
    source: "csv",
    fileName: input.fileName.slice(0, 200),
    uploadedByMembershipId: actor.membershipId,
  });
  try {
    let batch: SchoolListRowInput[] = [];
    for (const r of file.rows()) {
      if (!r.ok) throw new Error("A row changed between the check and the store");
      batch.push({ rowNumber: r.line, ...r.row });
      if (batch.length === SCHOOL_LIST_BATCH) {
        appendSchoolListRows(listId, batch);
        batch = [];
      }
    }
    if (batch.length > 0) appendSchoolListRows(listId, batch);
    const { rowCount } = completeSchoolList(listId);
    return { ok: true, listId, rowCount };
  } catch (error) {
    discardSchoolList(listId);
    throw error;
  }
}

const listColumns = {
  id: schoolLists.id,
  organisationId: schoolLists.organisationId,
  organisationName: organisations.name,
  kind: schoolLists.kind,
  source: schoolLists.source,
  fileName: schoolLists.fileName,
  createdAt: schoolLists.createdAt,
  rowCount: schoolLists.rowCount,
  supersededAt: schoolLists.supersededAt,
  uploadedBy: users.displayName,
};

function listsWhere(where: ReturnType<typeof and>) {
  return getDb()
    .select(listColumns)
    .from(schoolLists)
    .innerJoin(organisations, eq(organisations.id, schoolLists.organisationId))
    .leftJoin(memberships, eq(memberships.id, schoolLists.uploadedByMembershipId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(and(where, isNotNull(schoolLists.completedAt)))
    .orderBy(desc(schoolLists.createdAt), desc(schoolLists.id))
    .limit(INDEX_LIMIT)
    .all();
}

/**
 * The actor's organisation's own lists (their rows open to it), and for the samordnare the lists of
 * the municipality's schools as metadata only. Nothing here names a student, so nothing is logged.
 */
export function listSchoolLists(actor: Actor) {
  if (!mayUploadSchoolLists(actor)) throw forbidden();
  const own = listsWhere(eq(schoolLists.organisationId, actor.organisationId!));
  const schools =
    actor.role === "kaa_coordinator" ? listsWhere(and(eq(organisations.kind, "school"), eq(organisations.municipalityId, actor.municipalityId!))) : [];
  return { own, schools, limit: INDEX_LIMIT };
}

/**
 * One list with a page of its rows, only for the organisation it belongs to; any other list is the
 * same 404 as one that does not exist. Each showing is logged (the rows carry personnummer).
 */
export function readSchoolList(actor: Actor, listId: number, pageAsked: number) {
  if (!mayUploadSchoolLists(actor)) throw forbidden();
  const db = getDb();
  const list = Number.isSafeInteger(listId) ? listsWhere(eq(schoolLists.id, listId))[0] : undefined;
  if (!list || list.organisationId !== actor.organisationId) {
    logSchoolListRefused(actor);
    throw notFound();
  }
  const pageCount = pageCountOf(list.rowCount, SCHOOL_LIST_PAGE_SIZE);
  const page = pageWithin(pageAsked, pageCount);
  const rows = db
    .select()
    .from(schoolListRows)
    .where(eq(schoolListRows.listId, list.id))
    .orderBy(asc(schoolListRows.rowNumber))
    .limit(SCHOOL_LIST_PAGE_SIZE)
    .offset((page - 1) * SCHOOL_LIST_PAGE_SIZE)
    .all();
  logSchoolListShown(actor, list.id);
  return {
    list,
    page,
    pageCount,
    rows: rows.map((r) => ({
      rowNumber: r.rowNumber,
      personalNumber: displayPersonalNumber(r.personalNumber),
      schoolUnitCode: r.schoolUnitCode,
      schoolType: r.schoolType,
      programmeCode: r.programmeCode,
      startDate: r.startDate,
      endDate: r.endDate,
      outcome: r.outcome,
    })),
  };
}

/** Rows stored for a list (tests and the benchmark; the page shows `rowCount`). */
export function storedRowCount(listId: number): number {
  return getDb()
    .select({ n: sql<number>`count(*)` })
    .from(schoolListRows)
    .where(eq(schoolListRows.listId, listId))
    .get()!.n;
}
