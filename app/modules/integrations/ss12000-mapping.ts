/**
 * What the portal reads from SS 12000 responses and how it becomes school-list rows and absence
 * sums. The zod schemas check only the fields used (the rest of a Person is not our business);
 * the msw tests check the full shapes against the standard's OpenAPI schemas.
 */
import { z } from "zod";
import type { AbsenceInput, SchoolListRowInput } from "~/modules/reconciliation/school-list-store.server";
import { parsePersonalNumber } from "~/modules/youth/personal-number";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const reference = z.object({ id: z.string().min(1) });
const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), pageToken: z.string().nullish() });

export const organisationsPage = page(
  z.object({
    id: z.string().min(1),
    organisationType: z.string(),
    schoolUnitCode: z.string().nullish(),
  }),
);
export type Ss12000Organisation = z.output<typeof organisationsPage>["data"][number];

export const enrolmentSchema = z.object({
  enroledAt: reference,
  schoolType: z.string(),
  startDate: isoDate,
  endDate: isoDate.nullish(),
  cancelled: z.boolean().nullish(),
  educationCode: z.string().nullish(),
});

export const personsPage = page(
  z.object({
    id: z.string().min(1),
    civicNo: z.object({ value: z.string() }).nullish(),
    enrolments: z.array(enrolmentSchema).nullish(),
  }),
);
export type Ss12000Person = z.output<typeof personsPage>["data"][number];

export const attendancePage = page(
  z.object({
    student: reference,
    startDate: isoDate,
    endDate: isoDate,
    invalidAbsenceSum: z.number().int().min(0).nullish(),
    offeredSum: z.number().int().min(0).nullish(),
  }),
);
export type Ss12000Attendance = z.output<typeof attendancePage>["data"][number];

/** Gymnasieskola and gymnasiesärskola: the school types that take a youth out of the target group. */
export const GYMNASIUM_SCHOOL_TYPES = ["GY", "GYS"] as const;

/** A student of the list, remembered by the SS 12000 person id so that absence can be attributed. */
export type KnownStudent = { personalNumber: string; schoolUnitCode: string };

export type PersonMapping =
  | { kind: "rows"; rows: Omit<SchoolListRowInput, "rowNumber">[]; student: KnownStudent | null; unknownUnits: number }
  | { kind: "no_number" }
  | { kind: "not_gymnasium" };

/**
 * One Person → its GY/GYS enrolments as rows. A person without a usable civicNo (missing, a
 * tillfälligt personnummer with letters, a bad check digit) is skipped and counted by the caller.
 * A cancelled enrolment ("avbruten i förväg") never started, so it is no row. SS 12000 has no
 * outcome (avbrott, studiebevis, examen): the outcome is null. An enrolment at a school unit
 * without a skolenhetskod cannot be placed and is counted as unknown.
 */
export function mapPerson(person: Ss12000Person, schoolUnitCodes: ReadonlyMap<string, string>, today = new Date()): PersonMapping {
  const enrolments = (person.enrolments ?? []).filter((e) => (GYMNASIUM_SCHOOL_TYPES as readonly string[]).includes(e.schoolType) && !e.cancelled);
  if (enrolments.length === 0) return { kind: "not_gymnasium" };
  const parsed = person.civicNo ? parsePersonalNumber(person.civicNo.value, today) : null;
  if (!parsed?.ok || !/^\d{12}$/.test(person.civicNo!.value)) return { kind: "no_number" };
  const number = parsed.value;
  const rows: Omit<SchoolListRowInput, "rowNumber">[] = [];
  let unknownUnits = 0;
  for (const e of enrolments) {
    const schoolUnitCode = schoolUnitCodes.get(e.enroledAt.id);
    if (!schoolUnitCode) {
      unknownUnits++;
      continue;
    }
    rows.push({
      personalNumber: number.normalized,
      isCoordinationNumber: number.isCoordinationNumber,
      schoolUnitCode,
      schoolType: e.schoolType,
      programmeCode: e.educationCode?.trim() || null,
      startDate: e.startDate,
      endDate: e.endDate ?? null,
      outcome: null,
    });
  }
  // Absence goes to the school unit of the latest enrolment.
  const latest = [...rows].sort((a, b) => (b.startDate ?? "").localeCompare(a.startDate ?? ""))[0];
  return { kind: "rows", rows, unknownUnits, student: latest ? { personalNumber: number.normalized, schoolUnitCode: latest.schoolUnitCode } : null };
}

/** Skolenheter with an eight-digit skolenhetskod, by SS 12000 id. */
export function schoolUnitEntries(organisations: readonly Ss12000Organisation[]): [string, string][] {
  return organisations
    .filter((o) => o.organisationType === "Skolenhet" && o.schoolUnitCode && /^\d{8}$/.test(o.schoolUnitCode.trim()))
    .map((o) => [o.id, o.schoolUnitCode!.trim()]);
}

/**
 * One page of AggregatedAttendance → absence per student over the period. A student may appear once
 * per activity: the page's sums add up here and the store adds up across pages. Records of students
 * who are not on the list (no GY/GYS enrolment, no usable number) are counted as skipped.
 */
export function sumAbsence(
  records: readonly Ss12000Attendance[],
  students: ReadonlyMap<string, KnownStudent>,
  period: { start: string; end: string },
): { absences: AbsenceInput[]; skipped: number } {
  const byNumber = new Map<string, AbsenceInput>();
  let skipped = 0;
  for (const r of records) {
    const student = students.get(r.student.id);
    if (!student) {
      skipped++;
      continue;
    }
    const sum = byNumber.get(student.personalNumber) ?? {
      personalNumber: student.personalNumber,
      schoolUnitCode: student.schoolUnitCode,
      periodStart: period.start,
      periodEnd: period.end,
      invalidAbsenceMinutes: 0,
      offeredMinutes: 0,
    };
    sum.invalidAbsenceMinutes += r.invalidAbsenceSum ?? 0;
    sum.offeredMinutes += r.offeredSum ?? 0;
    byNumber.set(student.personalNumber, sum);
  }
  return { absences: [...byNumber.values()], skipped };
}

/**
 * The current term up to today: vårtermin 1 January–30 June, hösttermin 1 July–31 December (the
 * summer weeks hold no lessons, so they add nothing). Dates are the Swedish calendar day.
 */
export function currentTerm(today = new Date()): { start: string; end: string } {
  const day = today.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
  const [year, month] = day.split("-").map(Number) as [number, number];
  return { start: month <= 6 ? `${year}-01-01` : `${year}-07-01`, end: day };
}
