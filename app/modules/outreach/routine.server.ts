/**
 * The municipality's contact routine (kontaktrutin) and the state of one enrollment in it. The
 * routine itself is no youth data; the attempts it is judged on are read by the capability holders.
 */
import { and, asc, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { contactAttempts, contactRoutineSteps, enrollments, guardians, youths, type ContactChannel } from "#db/schema";
import { forbidden } from "~/lib/http";
import { todayIso } from "~/lib/dates";
import type { Actor } from "~/modules/auth/actor.server";
import type { YouthFile } from "~/modules/access/gate.server";
import type { RoutineInput } from "./outreach-schemas";
import { DEFAULT_ROUTINE, nextRoutineStep, type RoutineState, type RoutineStep } from "./routine-engine";
import { ageOn } from "~/modules/youth/personal-number";

export function routineOf(municipalityId: number, db: Pick<Tx, "select"> = getDb()): RoutineStep[] {
  const rows = db
    .select()
    .from(contactRoutineSteps)
    .where(eq(contactRoutineSteps.municipalityId, municipalityId))
    .orderBy(asc(contactRoutineSteps.position))
    .all();
  if (rows.length === 0) return DEFAULT_ROUTINE;
  return rows.map((r) => ({
    position: r.position,
    label: r.label,
    channels: r.channels.split(",") as ContactChannel[],
    offsetAmount: r.offsetAmount,
    offsetUnit: r.offsetUnit,
  }));
}

/** The samordnare writes the municipality's routine; the previous version is replaced as a whole. */
export function saveRoutine(actor: Actor, input: RoutineInput) {
  if (actor.role !== "kaa_coordinator" || actor.municipalityId === null) throw forbidden();
  const municipalityId = actor.municipalityId;
  getDb().transaction((tx) => {
    tx.delete(contactRoutineSteps).where(eq(contactRoutineSteps.municipalityId, municipalityId)).run();
    tx.insert(contactRoutineSteps)
      .values(
        input.steps.map((step, i) => ({
          municipalityId,
          position: i + 1,
          label: step.label,
          channels: step.channels.join(","),
          offsetAmount: step.offsetAmount,
          offsetUnit: step.offsetUnit,
          updatedByMembershipId: actor.membershipId,
        })),
      )
      .run();
    // A new routine moves every waiting youth's next step.
    recomputeNextSteps(tx, { municipalityId });
  });
}

export function routineStateFor(
  steps: RoutineStep[],
  enrollment: { startDate: string; id: number },
  attempts: { date: string; channel: ContactChannel; target: "youth" | "guardian"; outcome: "reached" | "not_reached" | "message_left" }[],
  youth: { birthDate: string; hasGuardian: boolean },
  today = todayIso(),
): RoutineState {
  return nextRoutineStep({
    steps,
    enrollmentStart: enrollment.startDate,
    attempts,
    today,
    // Under 18, the vårdnadshavare is contacted too (domain.md, contact routine).
    guardianIsTarget: youth.hasGuardian && ageOn(youth.birthDate, today) < 18,
  });
}

/** Attempts per enrollment, for the enrollments whose next step is recomputed (in slices of 500 ids). */
function attemptsByEnrollment(db: Conn, enrollmentIds: number[]) {
  const map = new Map<number, { date: string; channel: ContactChannel; target: "youth" | "guardian"; outcome: "reached" | "not_reached" | "message_left" }[]>();
  for (let i = 0; i < enrollmentIds.length; i += 500) {
    const rows = db
      .select({
        enrollmentId: contactAttempts.enrollmentId,
        date: contactAttempts.date,
        channel: contactAttempts.channel,
        target: contactAttempts.target,
        outcome: contactAttempts.outcome,
      })
      .from(contactAttempts)
      .where(inArray(contactAttempts.enrollmentId, enrollmentIds.slice(i, i + 500)))
      .all();
    for (const { enrollmentId, ...attempt } of rows) map.set(enrollmentId, [...(map.get(enrollmentId) ?? []), attempt]);
  }
  return map;
}

type Conn = Pick<Tx, "select" | "update">;

/**
 * Stores the next step of the contact routine on each given enrollment (or every open one of a
 * municipality): its due date, its place in the routine and whether the guardian is still to be
 * contacted; cleared once the youth is reached, the routine is done or the enrollment is not "ej
 * kontaktad". Called by every write that can change it (an enrollment opened or changed, an attempt
 * recorded, the routine or the guardians changed) and by the status job, because turning 18 changes
 * who is to be contacted. The worklist then reads the due steps by index.
 */
export function recomputeNextSteps(db: Conn, scope: { enrollmentIds: number[] } | { municipalityId: number }, today = todayIso()) {
  const open = and(isNull(enrollments.endDate), eq(enrollments.status, "not_contacted"));
  const rows = db
    .select({
      id: enrollments.id,
      municipalityId: enrollments.municipalityId,
      startDate: enrollments.startDate,
      youthId: enrollments.youthId,
      birthDate: youths.birthDate,
    })
    .from(enrollments)
    .innerJoin(youths, eq(youths.id, enrollments.youthId))
    .where(and(open, "municipalityId" in scope ? eq(enrollments.municipalityId, scope.municipalityId) : inArray(enrollments.id, scope.enrollmentIds)))
    .all();
  clearStaleNextSteps(db, "municipalityId" in scope ? eq(enrollments.municipalityId, scope.municipalityId) : inArray(enrollments.id, scope.enrollmentIds));
  if (rows.length === 0) return;
  const attempts = attemptsByEnrollment(
    db,
    rows.map((r) => r.id),
  );
  const withGuardian = new Set<string>();
  const youthIds = [...new Set(rows.map((r) => r.youthId))];
  for (let i = 0; i < youthIds.length; i += 500) {
    for (const g of db
      .select({ youthId: guardians.youthId })
      .from(guardians)
      .where(inArray(guardians.youthId, youthIds.slice(i, i + 500)))
      .all())
      withGuardian.add(g.youthId);
  }
  const routines = new Map<number, RoutineStep[]>();
  for (const row of rows) {
    if (!routines.has(row.municipalityId)) routines.set(row.municipalityId, routineOf(row.municipalityId, db));
    const state = routineStateFor(
      routines.get(row.municipalityId)!,
      row,
      attempts.get(row.id) ?? [],
      { birthDate: row.birthDate, hasGuardian: withGuardian.has(row.youthId) },
      today,
    );
    db.update(enrollments)
      .set(
        state.state === "due"
          ? { nextStepDue: state.dueDate, nextStepIndex: state.index, nextStepMissingGuardian: state.missingTargets.includes("guardian") }
          : CLEARED,
      )
      .where(eq(enrollments.id, row.id))
      .run();
  }
}

/** After the guardians of a youth changed: the routine may now have the guardian to contact too. */
export function recomputeNextStepOf(file: YouthFile<never, "identity">) {
  getDb().transaction((tx) => {
    const open = tx
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(and(eq(enrollments.youthId, file.id), isNull(enrollments.endDate)))
      .get();
    if (open) recomputeNextSteps(tx, { enrollmentIds: [open.id] });
  });
}

const CLEARED = { nextStepDue: null, nextStepIndex: null, nextStepMissingGuardian: null };

/** What is no longer waiting for contact (closed, reached, watched, in insats) loses its stored step. */
function clearStaleNextSteps(db: Conn, scope: SQL) {
  db.update(enrollments)
    .set(CLEARED)
    .where(and(scope, isNotNull(enrollments.nextStepDue), or(isNotNull(enrollments.endDate), ne(enrollments.status, "not_contacted"))))
    .run();
}

/** Enrollments per transaction in the status job's recomputation. */
export const NEXT_STEP_SLICE = 500;

/**
 * The status job's recomputation of a whole municipality, in slices of NEXT_STEP_SLICE enrollments,
 * each its own short transaction, yielding between them: the server answers pages while a large
 * register is brought up to date, and no write waits long for the database.
 */
export function* recomputeNextStepsInSlices(municipalityId: number, today = todayIso()): Generator<void, void> {
  const db = getDb();
  db.transaction((tx) => clearStaleNextSteps(tx, eq(enrollments.municipalityId, municipalityId)));
  yield;
  const ids = db
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(and(eq(enrollments.municipalityId, municipalityId), isNull(enrollments.endDate), sql`${enrollments.status} = 'not_contacted'`))
    .all()
    .map((row) => row.id);
  for (let i = 0; i < ids.length; i += NEXT_STEP_SLICE) {
    db.transaction((tx) => recomputeNextSteps(tx, { enrollmentIds: ids.slice(i, i + NEXT_STEP_SLICE) }, today));
    yield;
  }
}
