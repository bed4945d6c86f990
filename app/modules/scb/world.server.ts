/**
 * Reads the SCB world of a half-year from the register the samordnare keeps: every enrollment of the municipality
 * in the register some day of the period (started by its last day, not ended before its first: the follow-up's
 * definition), its youth, its contacts dated in the period and all its åtgärder. Read through the register
 * capability only; the caller logs what it shows or sends. Every query walks an index (query-plans.test.ts).
 */
import { and, asc, between, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { contactAttempts, enrollments, interventions, interventionTypes, municipalities, youths } from "#db/schema";
import type { RegisterAccess } from "~/modules/access/gate.server";
import type { ScbContact, ScbEnrollment, ScbIntervention, ScbWorld, ScbYouth } from "./world";

type Period = { from: string; to: string };

/** Few enough bound ids per statement for SQLite's limit, many enough that a whole register is a handful of reads. */
const SLICE = 500;

function slices<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += SLICE) out.push(list.slice(i, i + SLICE));
  return out;
}

function enrollmentRows(municipalityId: number, period: Period) {
  const db = getDb();
  const query = (ended: ReturnType<typeof isNull>) =>
    db
      .select({
        id: enrollments.id,
        youthId: enrollments.youthId,
        startDate: enrollments.startDate,
        endDate: enrollments.endDate,
        endReason: enrollments.endReason,
        registrationReason: enrollments.registrationReason,
        lastSchoolOccupation: enrollments.lastSchoolOccupation,
        personalNumber: youths.personalNumber,
        isCoordinationNumber: youths.isCoordinationNumber,
        firstName: youths.firstName,
        lastName: youths.lastName,
      })
      .from(enrollments)
      .innerJoin(youths, and(eq(youths.id, enrollments.youthId), eq(youths.homeMunicipalityId, municipalityId)))
      .where(and(eq(enrollments.municipalityId, municipalityId), ended, lte(enrollments.startDate, period.to)))
      .all();
  // Two ranges of the index (municipality, end date), open and ended since the period began, instead of one
  // OR that SQLite reads as the whole municipality's history.
  return [...query(isNull(enrollments.endDate)), ...query(gte(enrollments.endDate, period.from))];
}

function contactsOf(enrollmentIds: number[], period: Period): Map<number, ScbContact[]> {
  const out = new Map<number, ScbContact[]>();
  for (const ids of slices(enrollmentIds)) {
    const rows = getDb()
      .select({
        enrollmentId: contactAttempts.enrollmentId,
        id: contactAttempts.id,
        date: contactAttempts.date,
        outcome: contactAttempts.outcome,
        target: contactAttempts.target,
        occupation: contactAttempts.occupation,
      })
      .from(contactAttempts)
      .where(and(inArray(contactAttempts.enrollmentId, ids), between(contactAttempts.date, period.from, period.to)))
      .orderBy(asc(contactAttempts.date), asc(contactAttempts.id))
      .all();
    for (const { enrollmentId, ...contact } of rows) out.set(enrollmentId, [...(out.get(enrollmentId) ?? []), contact]);
  }
  return out;
}

function interventionsOf(enrollmentIds: number[]): Map<number, ScbIntervention[]> {
  const out = new Map<number, ScbIntervention[]>();
  for (const ids of slices(enrollmentIds)) {
    const rows = getDb()
      .select({
        enrollmentId: interventions.enrollmentId,
        id: interventions.id,
        typeId: interventions.typeId,
        typeName: interventionTypes.name,
        scbType: interventionTypes.scbType,
        startDate: interventions.startDate,
        declinedDate: interventions.declinedDate,
        endDate: interventions.endDate,
        occupationAfter: interventions.occupationAfter,
        // The youth's åtgärder entered up to this one, by enrollments_youth and interventions_enrollment (the unary + keeps
        // SQLite off the municipality index, which would walk the whole register for each åtgärd).
        number: sql<number>`(SELECT count(*) FROM ${interventions} AS earlier JOIN ${enrollments} AS earlier_enrollment ON earlier_enrollment.id = earlier.enrollment_id
          WHERE earlier_enrollment.youth_id = ${enrollments.youthId} AND +earlier_enrollment.municipality_id = ${enrollments.municipalityId}
            AND earlier.id <= ${interventions.id})`,
      })
      .from(interventions)
      .innerJoin(enrollments, eq(enrollments.id, interventions.enrollmentId))
      .innerJoin(interventionTypes, eq(interventionTypes.id, interventions.typeId))
      .where(inArray(interventions.enrollmentId, ids))
      .orderBy(asc(interventions.startDate), asc(interventions.id))
      .all();
    for (const { enrollmentId, ...intervention } of rows) out.set(enrollmentId, [...(out.get(enrollmentId) ?? []), intervention]);
  }
  return out;
}

export function municipalityCodeOf(register: RegisterAccess): string {
  return getDb().select({ code: municipalities.code }).from(municipalities).where(eq(municipalities.id, register.municipalityId)).get()!.code;
}

/** The world of the period in the register the capability opens. */
export function loadScbWorld(register: RegisterAccess, period: Period): ScbWorld {
  const rows = enrollmentRows(register.municipalityId, period);
  const ids = rows.map((r) => r.id);
  const contacts = contactsOf(ids, period);
  const plans = interventionsOf(ids);
  const byYouth = new Map<string, ScbYouth>();
  for (const r of rows) {
    const youth = byYouth.get(r.youthId) ?? {
      id: r.youthId,
      name: `${r.firstName} ${r.lastName}`,
      personalNumber: r.personalNumber,
      isCoordinationNumber: r.isCoordinationNumber,
      enrollments: [],
    };
    const enrollment: ScbEnrollment = {
      id: r.id,
      startDate: r.startDate,
      endDate: r.endDate,
      endReason: r.endReason,
      registrationReason: r.registrationReason,
      lastSchoolOccupation: r.lastSchoolOccupation,
      contacts: contacts.get(r.id) ?? [],
      interventions: plans.get(r.id) ?? [],
    };
    youth.enrollments.push(enrollment);
    byYouth.set(r.youthId, youth);
  }
  for (const youth of byYouth.values()) youth.enrollments.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id - b.id));
  return { municipalityCode: municipalityCodeOf(register), period: { from: period.from, to: period.to }, youths: [...byYouth.values()] };
}
