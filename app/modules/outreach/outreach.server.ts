/**
 * Enrollments, contact attempts and the contact routine: the outreach part of the youth file.
 * Like every reader of youth data it asks decide() and logs each access.
 */
import { and, asc, desc, eq, inArray, isNull, lte } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import {
  contactAttempts,
  contactRoutineSteps,
  enrollments,
  guardians,
  interventions,
  memberships,
  users,
  youths,
  type ContactChannel,
  type EnrollmentEndReason,
  type EnrollmentStartReason,
  type Occupation,
} from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { forbidden, notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { addYears, todayIso } from "~/lib/dates";
import type { ContactAttemptInput, RoutineInput } from "~/modules/outreach/outreach-schemas";
import { DEFAULT_ROUTINE, nextRoutineStep, type RoutineState, type RoutineStep } from "~/modules/outreach/routine-engine";
import { ageOn } from "~/modules/youth/personal-number";
import { writeAudit } from "~/modules/access/audit.server";
import { decide, type YouthSection } from "~/modules/access/policy";
import { requireSection } from "~/modules/access/gate.server";
import { hasActiveIntervention, openInterventionNames, recomputeDocumentation, syncInterventionStatus } from "~/modules/documentation/documentation.server";

type YouthRow = typeof youths.$inferSelect;
type Result = { ok: true } | { ok: false; errors: FieldErrors };

export function openEnrollmentOf(youthId: string) {
  return getDb().select().from(enrollments).where(and(eq(enrollments.youthId, youthId), isNull(enrollments.endDate))).get() ?? null;
}

/** Opens an enrollment inside a caller's transaction (registering a youth, receiving a notice). */
export function insertEnrollment(
  tx: Tx,
  actor: Actor,
  youth: { id: string; homeMunicipalityId: number },
  values: { startDate: string; startReason: EnrollmentStartReason; sourceNoticeId?: number; caseworkerMembershipId?: number | null },
) {
  return tx
    .insert(enrollments)
    .values({
      youthId: youth.id,
      municipalityId: youth.homeMunicipalityId,
      startDate: values.startDate,
      startReason: values.startReason,
      sourceNoticeId: values.sourceNoticeId ?? null,
      caseworkerMembershipId: values.caseworkerMembershipId ?? null,
      createdByMembershipId: actor.membershipId,
    })
    .returning({ id: enrollments.id })
    .get().id;
}

/* ------------------------------------------------------------------ enrollments */

function assertCaseworker(actor: Actor, membershipId: number | null): FieldErrors | null {
  if (membershipId === null) return null;
  const member = getDb().select().from(memberships).where(and(eq(memberships.id, membershipId), isNull(memberships.endedAt))).get();
  if (!member || member.organisationId !== actor.organisationId) return { caseworkerMembershipId: "Välj en handläggare på KAA-enheten." };
  return null;
}

export function openEnrollment(
  actor: Actor,
  youthId: string,
  input: { startDate: string; startReason: EnrollmentStartReason; caseworkerMembershipId: number | null },
): Result {
  const youth = requireSection(actor, youthId, "enrollment", "write");
  if (openEnrollmentOf(youthId)) return { ok: false, errors: { form: "Ungdomen har redan en öppen inskrivning." } };
  if (ageOn(youth.birthDate, input.startDate) >= 20) return { ok: false, errors: { startDate: "Ungdomen hade fyllt 20 år på startdatumet." } };
  const problem = assertCaseworker(actor, input.caseworkerMembershipId);
  if (problem) return { ok: false, errors: problem };
  getDb().transaction((tx) => insertEnrollment(tx, actor, youth, input));
  return { ok: true };
}

export function updateEnrollment(
  actor: Actor,
  youthId: string,
  input: { status: (typeof enrollments.$inferSelect)["status"]; caseworkerMembershipId: number | null; watchUntil?: string },
): Result {
  requireSection(actor, youthId, "enrollment", "write");
  const open = openEnrollmentOf(youthId);
  if (!open) return { ok: false, errors: { form: "Ungdomen har ingen öppen inskrivning." } };
  const problem = assertCaseworker(actor, input.caseworkerMembershipId);
  if (problem) return { ok: false, errors: problem };
  // While an insats runs the status stays "i insats": it follows the plan, not the form.
  const running = hasActiveIntervention(open.id);
  if (!running && input.status === "in_intervention") {
    return { ok: false, errors: { status: "Status ”I insats” sätts automatiskt när en insats i planen pågår. Lägg till insatsen i planen." } };
  }
  const status = running ? "in_intervention" : input.status;
  getDb()
    .update(enrollments)
    .set({ status, caseworkerMembershipId: input.caseworkerMembershipId, watchUntil: status === "watch" ? input.watchUntil ?? null : null })
    .where(eq(enrollments.id, open.id))
    .run();
  return { ok: true };
}

export function closeEnrollment(
  actor: Actor,
  youthId: string,
  input: { endDate: string; endReason: EnrollmentEndReason; endOccupation: Occupation; endNote?: string },
): Result {
  requireSection(actor, youthId, "enrollment", "write");
  const open = openEnrollmentOf(youthId);
  if (!open) return { ok: false, errors: { form: "Ungdomen har ingen öppen inskrivning." } };
  if (input.endDate < open.startDate) return { ok: false, errors: { endDate: "Slutdatumet kan inte ligga före startdatumet." } };
  // Every insats needs its end date, end reason and evaluation (points 5–7): end them first.
  const running = openInterventionNames(open.id);
  if (running.length > 0) {
    return {
      ok: false,
      errors: { form: `Avsluta först de insatser som pågår eller är planerade, med orsak och utvärdering: ${running.join(", ")}.` },
    };
  }
  getDb()
    .update(enrollments)
    .set({ endDate: input.endDate, endReason: input.endReason, endOccupation: input.endOccupation, endNote: input.endNote ?? null, endedByMembershipId: actor.membershipId })
    .where(eq(enrollments.id, open.id))
    .run();
  return { ok: true };
}

/**
 * The responsibility ends at 20 (Skollagen 29 kap. 9 §): every open enrollment of a youth who has
 * turned 20 ends, on the birthday, with end reason "turned 20". Idempotent; run before the worklist
 * and the youth page are shown, so no one sees a stale enrollment.
 */
export function endEnrollmentsAtTwenty(municipalityId: number, today = todayIso()) {
  const db = getDb();
  const cutoff = addYears(today, -20);
  const due = db
    .select({ id: enrollments.id, birthDate: youths.birthDate })
    .from(enrollments)
    .innerJoin(youths, eq(youths.id, enrollments.youthId))
    .where(and(eq(enrollments.municipalityId, municipalityId), isNull(enrollments.endDate), lte(youths.birthDate, cutoff)))
    .all();
  if (due.length === 0) return 0;
  db.transaction((tx) => {
    for (const row of due) {
      const birthday = addYears(row.birthDate, 20);
      tx.update(enrollments)
        .set({ endDate: birthday, endReason: "turned_20", endNote: "Avslutad automatiskt: ungdomen fyllde 20 år." })
        .where(eq(enrollments.id, row.id))
        .run();
      // The insatser end with the responsibility; their evaluation is then due on the caseworker's worklist.
      tx.update(interventions)
        .set({ endDate: birthday, endReason: "turned_20", updatedAt: new Date().toISOString() })
        .where(and(eq(interventions.enrollmentId, row.id), isNull(interventions.endDate), isNull(interventions.declinedDate)))
        .run();
      recomputeDocumentation(tx, { id: row.id, municipalityId });
    }
  });
  return due.length;
}

/* ------------------------------------------------------------------ contact attempts */

export function recordContactAttempt(actor: Actor, youthId: string, input: ContactAttemptInput): Result {
  const youth = requireSection(actor, youthId, "contacts", "write");
  // The information letter at 20 is sent after the enrollment has ended by itself.
  const open = openEnrollmentOf(youthId) ?? (input.letterTemplate === "letter_at_20" ? lastEndedAtTwenty(youthId) : null);
  if (!open) return { ok: false, errors: { form: "Kontaktförsök registreras på en öppen inskrivning. Öppna en inskrivning först." } };
  if (input.date < open.startDate) return { ok: false, errors: { date: "Datumet ligger före inskrivningens start." } };
  if (input.target === "guardian" && !hasGuardian(youth.id)) {
    return { ok: false, errors: { target: "Ingen vårdnadshavare är registrerad. Lägg till vårdnadshavaren under Ändra uppgifter." } };
  }
  getDb().transaction((tx) => {
    tx.insert(contactAttempts)
      .values({
        enrollmentId: open.id,
        youthId,
        channel: input.channel,
        target: input.target,
        date: input.date,
        outcome: input.outcome,
        occupation: input.outcome === "reached" ? input.occupation ?? null : null,
        occupationNote: input.outcome === "reached" ? input.occupationNote ?? null : null,
        secondStaff: input.secondStaff ?? null,
        note: input.note ?? null,
        letterTemplate: input.letterTemplate ?? null,
        recordedByMembershipId: actor.membershipId,
      })
      .run();
    // Reaching the youth ends the routine: the enrollment is now "contacted".
    if (input.outcome === "reached" && open.status === "not_contacted" && open.endDate === null) {
      tx.update(enrollments).set({ status: "contacted" }).where(eq(enrollments.id, open.id)).run();
    }
  });
  return { ok: true };
}

function lastEndedAtTwenty(youthId: string) {
  return (
    getDb()
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.youthId, youthId), eq(enrollments.endReason, "turned_20")))
      .orderBy(desc(enrollments.endDate))
      .get() ?? null
  );
}

function hasGuardian(youthId: string) {
  return Boolean(getDb().select({ id: guardians.id }).from(guardians).where(eq(guardians.youthId, youthId)).get());
}

/* ------------------------------------------------------------------ the routine */

export function routineOf(municipalityId: number): RoutineStep[] {
  const rows = getDb().select().from(contactRoutineSteps).where(eq(contactRoutineSteps.municipalityId, municipalityId)).orderBy(asc(contactRoutineSteps.position)).all();
  if (rows.length === 0) return DEFAULT_ROUTINE;
  return rows.map((r) => ({ position: r.position, label: r.label, channels: r.channels.split(",") as ContactChannel[], offsetAmount: r.offsetAmount, offsetUnit: r.offsetUnit }));
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

/* ------------------------------------------------------------------ the outreach sections of the youth page */

export function readOutreach(actor: Actor, youthId: string) {
  const youth = requireSection(actor, youthId, "enrollment", "read");
  requireSection(actor, youthId, "contacts", "read");
  endEnrollmentsAtTwenty(youth.homeMunicipalityId);
  const current = openEnrollmentOf(youthId);
  if (current) syncInterventionStatus({ enrollmentId: current.id });
  const db = getDb();
  const periods = db
    .select({ enrollment: enrollments, caseworkerName: users.displayName })
    .from(enrollments)
    .leftJoin(memberships, eq(memberships.id, enrollments.caseworkerMembershipId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(eq(enrollments.youthId, youthId))
    .orderBy(desc(enrollments.startDate), desc(enrollments.id))
    .all()
    .map((r) => ({ ...r.enrollment, caseworkerName: r.caseworkerName }));
  const attempts = db
    .select({ attempt: contactAttempts, recordedBy: users.displayName })
    .from(contactAttempts)
    .innerJoin(memberships, eq(memberships.id, contactAttempts.recordedByMembershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(contactAttempts.youthId, youthId))
    .orderBy(desc(contactAttempts.date), desc(contactAttempts.id))
    .all()
    .map((r) => ({ ...r.attempt, recordedBy: r.recordedBy }));
  const open = periods.find((p) => p.endDate === null) ?? null;
  const routine =
    open && open.status === "not_contacted"
      ? routineStateFor(
          routineOf(youth.homeMunicipalityId),
          open,
          attempts.filter((a) => a.enrollmentId === open.id),
          { birthDate: youth.birthDate, hasGuardian: hasGuardian(youthId) },
        )
      : null;
  return { enrollments: periods, open, attempts, routine };
}

/** Attempts per enrollment for many enrollments at once (the worklist). */
export function attemptsByEnrollment(enrollmentIds: number[]) {
  const map = new Map<number, { date: string; channel: ContactChannel; target: "youth" | "guardian"; outcome: "reached" | "not_reached" | "message_left"; letterTemplate: string | null }[]>();
  for (let i = 0; i < enrollmentIds.length; i += 500) {
    const chunk = enrollmentIds.slice(i, i + 500);
    const rows = getDb()
      .select({ enrollmentId: contactAttempts.enrollmentId, date: contactAttempts.date, channel: contactAttempts.channel, target: contactAttempts.target, outcome: contactAttempts.outcome, letterTemplate: contactAttempts.letterTemplate })
      .from(contactAttempts)
      .where(inArray(contactAttempts.enrollmentId, chunk))
      .all();
    for (const { enrollmentId, ...attempt } of rows) {
      const list = map.get(enrollmentId) ?? [];
      list.push(attempt);
      map.set(enrollmentId, list);
    }
  }
  return map;
}
