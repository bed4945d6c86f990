/**
 * Contact attempts (uppsökande verksamhet) and the outreach sections of the youth page: the
 * enrollment periods, the attempts and where the youth stands in the contact routine.
 */
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { contactAttempts, enrollments, guardians, memberships, users } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import type { OpenedFile, YouthFile } from "~/modules/access/gate.server";
import type { ContactAttemptInput } from "./outreach-schemas";
import { openEnrollmentOf } from "./enrollments.server";
import { recomputeNextSteps, routineOf, routineStateFor } from "./routine.server";

type Result = { ok: true } | { ok: false; errors: FieldErrors };

export function recordContactAttempt(file: YouthFile<never, "contacts" | "enrollment">, input: ContactAttemptInput): Result {
  const { actor, id: youthId } = file;
  // The information letter at 20 is sent after the enrollment has ended by itself.
  const open = openEnrollmentOf(file) ?? (input.letterTemplate === "letter_at_20" ? lastEndedAtTwenty(youthId) : null);
  if (!open) return { ok: false, errors: { form: "Kontaktförsök registreras på en öppen inskrivning. Öppna en inskrivning först." } };
  if (input.date < open.startDate) return { ok: false, errors: { date: "Datumet ligger före inskrivningens start." } };
  if (input.target === "guardian" && !hasGuardian(youthId)) {
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
        occupation: input.outcome === "reached" ? (input.occupation ?? null) : null,
        occupationNote: input.outcome === "reached" ? (input.occupationNote ?? null) : null,
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
    recomputeNextSteps(tx, { enrollmentIds: [open.id] });
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

/** Reads only: statuses are brought up to date by the daily status job and by the writes themselves. */
export function readOutreach(file: OpenedFile<"enrollment" | "contacts">) {
  const { youth, id: youthId } = file;
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
