/**
 * The outreach part of the status job (app/modules/jobs/status-job.server.ts): brings enrollment
 * statuses up to date with the calendar, per municipality. Idempotent: a second run on the same day
 * changes nothing. Pages only read; they never change case data.
 *
 * - the responsibility ends at 20 (enrollments and their running insatser end on the birthday);
 * - "i insats" follows the interventions that run today (one that starts in the future starts with
 *   the calendar, not with a write);
 * Watch dates and overdue follow-ups need no stored change: the worklist reads them by date.
 */
import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { enrollments, interventions, youths, type EnrollmentEndReason, type InterventionEndReason, type Occupation } from "#db/schema";
import { addYears, todayIso } from "~/lib/dates";
import { recomputeDocumentation, syncInterventionStatus } from "~/modules/documentation/documentation.server";
import { recomputeNextStepsInSlices } from "./routine.server";
import { occupationAfterEnd } from "./scb-registration";

/**
 * The responsibility ends at 20 (Skollagen 29 kap. 9 §): every open enrollment of a youth who has
 * turned 20 ends, on the birthday, with end reason "turned 20". Idempotent.
 */
export function endEnrollmentsAtTwenty(municipalityId: number, today = todayIso()) {
  const db = getDb();
  const cutoff = addYears(today, -20);
  const due = db
    .select({ id: enrollments.id, birthDate: youths.birthDate })
    .from(enrollments)
    .innerJoin(youths, eq(youths.id, enrollments.youthId))
    // Read from the register's birth-date index: youths who turned 20 within the last two years (the
    // job runs daily; registration refuses anyone 20 or older), not every open enrollment.
    .where(
      and(
        eq(youths.homeMunicipalityId, municipalityId),
        gt(youths.birthDate, addYears(today, -22)),
        lte(youths.birthDate, cutoff),
        sql`+${enrollments.municipalityId} = ${municipalityId}`,
        isNull(enrollments.endDate),
      ),
    )
    .all();
  if (due.length === 0) return 0;
  db.transaction((tx) => {
    for (const row of due) {
      endEnrollmentAndInsatser(
        tx,
        { id: row.id, municipalityId },
        {
          endDate: addYears(row.birthDate, 20),
          endReason: "turned_20",
          interventionEndReason: "turned_20",
          endNote: "Avslutad automatiskt: ungdomen fyllde 20 år.",
        },
      );
    }
  });
  return due.length;
}

/**
 * Ends an enrollment together with its running insatser, on a fact from outside rather than a
 * caseworker's closing (turning 20, and what the reconciliation learns: moved, died, began a
 * programme). The insatser end with the responsibility; their evaluation is then due on the
 * caseworker's worklist. Inside the caller's transaction.
 */
export function endEnrollmentAndInsatser(
  tx: Tx,
  enrollment: { id: number; municipalityId: number },
  values: {
    endDate: string;
    endReason: EnrollmentEndReason;
    interventionEndReason: InterventionEndReason;
    endNote: string;
    endOccupation?: Occupation;
    endedByMembershipId?: number | null;
  },
) {
  tx.update(enrollments)
    .set({
      endDate: values.endDate,
      endReason: values.endReason,
      endNote: values.endNote,
      endOccupation: values.endOccupation ?? null,
      endedByMembershipId: values.endedByMembershipId ?? null,
      nextStepDue: null,
      nextStepIndex: null,
      nextStepMissingGuardian: null,
    })
    .where(eq(enrollments.id, enrollment.id))
    .run();
  // An insats that began after the end date (a fact learnt late) ends on its own first day.
  tx.update(interventions)
    .set({
      endDate: sql`CASE WHEN ${interventions.startDate} > ${values.endDate} THEN ${interventions.startDate} ELSE ${values.endDate} END`,
      endReason: values.interventionEndReason,
      // No caseworker's form here: the occupation afterwards is what the end reason says, else unknown.
      occupationAfter: occupationAfterEnd(values.interventionEndReason),
      updatedAt: new Date().toISOString(),
    })
    .where(and(eq(interventions.enrollmentId, enrollment.id), isNull(interventions.endDate), isNull(interventions.declinedDate)))
    .run();
  recomputeDocumentation(tx, enrollment);
}

/**
 * Ends what ended at 20 and brings "i insats" in step with today's interventions, for one
 * municipality, yielding between its steps (the status job lets the server answer in between).
 */
export function* bringStatusesUpToDate(municipalityId: number, today = todayIso()): Generator<void, { endedAtTwenty: number }> {
  const endedAtTwenty = endEnrollmentsAtTwenty(municipalityId, today);
  yield;
  syncInterventionStatus({ municipalityId }, today);
  yield;
  // Turning 18 changes who the routine contacts; ended and changed enrollments lose their step.
  yield* recomputeNextStepsInSlices(municipalityId, today);
  return { endedAtTwenty };
}
