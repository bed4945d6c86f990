/**
 * The worklist ("Att göra") of a KAA unit or one caseworker: what is due now, computed from the
 * register so that nothing has to be remembered and nothing can be dropped.
 */
import { and, asc, eq, gt, gte, isNotNull, isNull, lt, lte, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { getDb } from "#db/client";
import { enrollments, interventionFollowUps, interventions, interventionTypes, memberships, users, youths } from "#db/schema";
import { addDays, addYears, daysBetween, todayIso } from "~/lib/dates";
import type { RegisterAccess } from "~/modules/access/gate.server";
import { routineOf } from "./routine.server";

export const NOT_CONTACTED_LIMIT_DAYS = 28;
export const ROUTINE_LOOKAHEAD_DAYS = 14;
export const TURNING_20_WINDOW_DAYS = 30;
/**
 * Each section shows at most this many rows (the earliest due first), so a whole unit's list of a big
 * register never renders or logs thousands of youths; the page says when a section has more. Every
 * youth shown is a row in the access log: fifty per section is what anyone can act on in a day.
 */
export const WORKLIST_SECTION_LIMIT = 50;

export type WorklistFilter = { caseworker: "all" | "unassigned" | number };

type YouthRef = { youthId: string; name: string; caseworkerName: string | null };
export type Worklist = {
  routineSteps: (YouthRef & { step: string; dueDate: string; overdue: boolean; missingGuardian: boolean })[];
  notContacted: (YouthRef & { startDate: string; days: number })[];
  watchDue: (YouthRef & { watchUntil: string })[];
  turning20: (YouthRef & { birthday: string })[];
  letterAt20: (YouthRef & { endDate: string })[];
  followUps: (YouthRef & { interventionId: number; interventionName: string; dueDate: string; overdue: boolean })[];
  interventionsPastEnd: (YouthRef & { interventionId: number; interventionName: string; plannedEndDate: string })[];
  interventionsToEvaluate: (YouthRef & { interventionId: number; interventionName: string; endDate: string })[];
  /** The sections that have more rows than WORKLIST_SECTION_LIMIT allows (the first ones are shown). */
  truncated: WorklistSection[];
};
export type WorklistSection = Exclude<keyof Worklist, "truncated">;

/** Reads only: the end at 20 and "i insats" are kept up to date by the status job (app/modules/jobs/status-job.server.ts). */
export function readWorklist(register: RegisterAccess, filter: WorklistFilter, today = todayIso()): Worklist {
  const municipalityId = register.municipalityId;
  const db = getDb();
  const limit = WORKLIST_SECTION_LIMIT;
  const caseworkerCondition =
    filter.caseworker === "all"
      ? undefined
      : filter.caseworker === "unassigned"
        ? isNull(enrollments.caseworkerMembershipId)
        : eq(enrollments.caseworkerMembershipId, filter.caseworker);
  // One caseworker's list is read along the caseworker's own indexes (enrollments_caseworker_*), and
  // the municipality is tested on each row found: the unary + keeps SQLite from walking the whole
  // unit's due dates to pick out one caseworker's. The unit's list reads the municipality's indexes.
  const inMunicipality = (column: AnyColumn) => (filter.caseworker === "all" ? eq(column, municipalityId) : sql`+${column} = ${municipalityId}`);
  const columns = {
    enrollmentId: enrollments.id,
    youthId: youths.id,
    firstName: youths.firstName,
    lastName: youths.lastName,
    birthDate: youths.birthDate,
    status: enrollments.status,
    startDate: enrollments.startDate,
    watchUntil: enrollments.watchUntil,
    endDate: enrollments.endDate,
    nextStepDue: enrollments.nextStepDue,
    nextStepIndex: enrollments.nextStepIndex,
    nextStepMissingGuardian: enrollments.nextStepMissingGuardian,
    caseworkerName: users.displayName,
  };
  // Enrollments of the municipality (and chosen caseworker) with the youth and caseworker names. Each
  // section asks its own indexed question: nothing walks every open enrollment of the register.
  const enrollmentRows = (condition: SQL | undefined, order: SQL) =>
    db
      .select(columns)
      .from(enrollments)
      .innerJoin(youths, eq(youths.id, enrollments.youthId))
      .leftJoin(memberships, eq(memberships.id, enrollments.caseworkerMembershipId))
      .leftJoin(users, eq(users.id, memberships.userId))
      .where(and(inMunicipality(enrollments.municipalityId), caseworkerCondition, condition))
      .orderBy(order, asc(enrollments.id))
      .limit(limit + 1)
      .all();
  type Row = ReturnType<typeof enrollmentRows>[number];
  const ref = (r: Row): YouthRef => ({ youthId: r.youthId, name: `${r.lastName}, ${r.firstName}`, caseworkerName: r.caseworkerName });
  const open = isNull(enrollments.endDate);
  const steps = routineOf(municipalityId);
  const horizon = addDays(today, ROUTINE_LOOKAHEAD_DAYS);

  const worklist: Worklist = {
    routineSteps: [],
    notContacted: [],
    watchDue: [],
    turning20: [],
    letterAt20: [],
    followUps: [],
    interventionsPastEnd: [],
    interventionsToEvaluate: [],
    truncated: [],
  };
  // The contact routine's next steps, stored on each enrollment (routine.server.ts: recomputeNextSteps).
  for (const r of enrollmentRows(and(open, isNotNull(enrollments.nextStepDue), lte(enrollments.nextStepDue, horizon)), asc(enrollments.nextStepDue))) {
    worklist.routineSteps.push({
      ...ref(r),
      step: steps[r.nextStepIndex ?? 0]?.label ?? "Nästa steg i kontaktrutinen",
      dueDate: r.nextStepDue!,
      overdue: r.nextStepDue! < today,
      missingGuardian: Boolean(r.nextStepMissingGuardian),
    });
  }
  for (const r of enrollmentRows(
    and(open, eq(enrollments.status, "not_contacted"), lte(enrollments.startDate, addDays(today, -NOT_CONTACTED_LIMIT_DAYS))),
    asc(enrollments.startDate),
  )) {
    worklist.notContacted.push({ ...ref(r), startDate: r.startDate, days: daysBetween(r.startDate, today) });
  }
  for (const r of enrollmentRows(and(open, eq(enrollments.status, "watch"), lte(enrollments.watchUntil, today)), asc(enrollments.watchUntil))) {
    worklist.watchDue.push({ ...ref(r), watchUntil: r.watchUntil! });
  }
  // Turning 20 within the window: born in (today − 20 years, today + window − 20 years].
  for (const r of enrollmentRows(
    and(
      open,
      inMunicipality(youths.homeMunicipalityId),
      gt(youths.birthDate, addYears(today, -20)),
      lte(youths.birthDate, addYears(addDays(today, TURNING_20_WINDOW_DAYS), -20)),
    ),
    asc(youths.birthDate),
  )) {
    worklist.turning20.push({ ...ref(r), birthday: addYears(r.birthDate, 20) });
  }

  // The information letter at 20: enrollments ended at 20 with no such letter recorded yet.
  const endedAt20 = enrollmentRows(
    and(
      eq(enrollments.endReason, "turned_20"),
      gte(enrollments.endDate, addDays(today, -365)),
      lte(enrollments.endDate, today),
      sql`NOT EXISTS (SELECT 1 FROM contact_attempts ca WHERE ca.enrollment_id = ${enrollments.id} AND ca.letter_template = 'letter_at_20')`,
    ),
    asc(enrollments.endDate),
  );
  worklist.letterAt20 = endedAt20.map((r) => ({ ...ref(r), endDate: r.endDate! }));

  // Follow-ups of running interventions due within the look-ahead, and interventions past their
  // planned end without an end date: both fall to the caseworker of the enrollment.
  const interventionColumns = {
    interventionId: interventions.id,
    interventionName: interventionTypes.name,
    youthId: youths.id,
    firstName: youths.firstName,
    lastName: youths.lastName,
    caseworkerName: users.displayName,
    plannedEndDate: interventions.plannedEndDate,
  };
  const running = and(caseworkerCondition, isNull(interventions.endDate), isNull(interventions.declinedDate));
  const interventionRef = (r: {
    youthId: string;
    firstName: string;
    lastName: string;
    caseworkerName: string | null;
    interventionId: number;
    interventionName: string;
  }) => ({
    youthId: r.youthId,
    name: `${r.lastName}, ${r.firstName}`,
    caseworkerName: r.caseworkerName,
    interventionId: r.interventionId,
    interventionName: r.interventionName,
  });
  worklist.followUps = db
    .select({ ...interventionColumns, dueDate: interventionFollowUps.dueDate })
    .from(interventionFollowUps)
    .innerJoin(interventions, eq(interventions.id, interventionFollowUps.interventionId))
    .innerJoin(interventionTypes, eq(interventionTypes.id, interventions.typeId))
    .innerJoin(enrollments, eq(enrollments.id, interventions.enrollmentId))
    .innerJoin(youths, eq(youths.id, interventions.youthId))
    .leftJoin(memberships, eq(memberships.id, enrollments.caseworkerMembershipId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(
      and(inMunicipality(interventionFollowUps.municipalityId), isNull(interventionFollowUps.doneDate), lte(interventionFollowUps.dueDate, horizon), running),
    )
    .orderBy(asc(interventionFollowUps.dueDate), asc(interventionFollowUps.id))
    .limit(limit + 1)
    .all()
    .map((r) => ({ ...interventionRef(r), dueDate: r.dueDate, overdue: r.dueDate < today }));
  // The municipality's interventions with their youth and caseworker, in one order and bounded.
  const interventionRows = (condition: SQL | undefined, order: SQL) =>
    db
      .select({ ...interventionColumns, endDate: interventions.endDate })
      .from(interventions)
      .innerJoin(interventionTypes, eq(interventionTypes.id, interventions.typeId))
      .innerJoin(enrollments, eq(enrollments.id, interventions.enrollmentId))
      .innerJoin(youths, eq(youths.id, interventions.youthId))
      .leftJoin(memberships, eq(memberships.id, enrollments.caseworkerMembershipId))
      .leftJoin(users, eq(users.id, memberships.userId))
      .where(and(inMunicipality(interventions.municipalityId), condition))
      .orderBy(order, asc(interventions.id))
      .limit(limit + 1)
      .all();
  worklist.interventionsPastEnd = interventionRows(and(lt(interventions.plannedEndDate, today), running), asc(interventions.plannedEndDate)).map((r) => ({
    ...interventionRef(r),
    plannedEndDate: r.plannedEndDate,
  }));
  // Ended without an evaluation (at 20 the insatser end by themselves): point 7 waits for it.
  worklist.interventionsToEvaluate = interventionRows(
    and(isNotNull(interventions.endDate), isNull(interventions.evaluationOutcome), isNull(interventions.declinedDate), caseworkerCondition),
    asc(interventions.endDate),
  ).map((r) => ({ ...interventionRef(r), endDate: r.endDate! }));

  // Each section was read in its order with one row more than it shows: that row says there are more.
  const sections: WorklistSection[] = [
    "routineSteps",
    "notContacted",
    "watchDue",
    "turning20",
    "letterAt20",
    "followUps",
    "interventionsPastEnd",
    "interventionsToEvaluate",
  ];
  for (const section of sections) {
    if (worklist[section].length > limit) {
      worklist.truncated.push(section);
      worklist[section].length = limit;
    }
  }

  // Every youth shown on the worklist is an access to the register, and is logged as one.
  const shown = new Set(
    [
      ...worklist.routineSteps,
      ...worklist.notContacted,
      ...worklist.watchDue,
      ...worklist.turning20,
      ...worklist.letterAt20,
      ...worklist.followUps,
      ...worklist.interventionsPastEnd,
      ...worklist.interventionsToEvaluate,
    ].map((i) => i.youthId),
  );
  register.logListed(shown, "enrollment");
  return worklist;
}
