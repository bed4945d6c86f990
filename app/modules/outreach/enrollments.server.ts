/**
 * Enrollments (inskrivningar): opened on a notice or by hand, updated, closed. Each function takes
 * the youth-file capability for the enrollment section, or the new youth being registered.
 */
import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { enrollments, memberships, type EnrollmentEndReason, type EnrollmentStartReason, type Occupation } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { KAA_ROLES, type Actor } from "~/modules/auth/actor.server";
import type { NewYouthFile, YouthFile } from "~/modules/access/gate.server";
import type { OpenedFile } from "~/modules/access/own-file.server";
import { hasActiveIntervention, openInterventionNames } from "~/modules/documentation/documentation.server";
import { todayIso } from "~/lib/dates";
import { ageOn } from "~/modules/youth/personal-number";
import { recomputeNextSteps } from "./routine.server";
import { createYouth } from "~/modules/youth/youth-file.server";
import type { YouthCreateInput } from "~/modules/youth/youth-schema";
import { registrationFromStartReason, type ScbRegistration } from "./scb-registration";
import type { ScbAtRegistration } from "./outreach-schemas";

type Result = { ok: true } | { ok: false; errors: FieldErrors };

/** The open enrollment of a youth whose file is open (at most one), by staff or on Mina sidor. */
export function openEnrollmentOf(file: OpenedFile<"enrollment"> | OpenedFile<never, "enrollment">, db: Pick<Tx, "select"> = getDb()) {
  return (
    db
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.youthId, file.id), isNull(enrollments.endDate)))
      .get() ?? null
  );
}

/**
 * Opens an enrollment inside a caller's transaction (registering a youth, receiving a notice).
 * `unlessOpen`: a youth who already has an open enrollment keeps it. The SCB variables of the start
 * come from the caller: chosen in the form, or derived from the source (scb-registration.ts).
 */
export function insertEnrollment(
  tx: Tx,
  file: YouthFile<never, "enrollment"> | NewYouthFile,
  values: { startDate: string; startReason: EnrollmentStartReason; sourceNoticeId?: number; caseworkerMembershipId?: number | null } & ScbRegistration,
  options: { unlessOpen?: boolean } = {},
) {
  if (
    options.unlessOpen &&
    tx
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(and(eq(enrollments.youthId, file.id), isNull(enrollments.endDate)))
      .get()
  )
    return null;
  const id = tx
    .insert(enrollments)
    .values({
      youthId: file.id,
      municipalityId: file.municipalityId,
      startDate: values.startDate,
      startReason: values.startReason,
      registrationReason: values.registrationReason,
      lastSchoolOccupation: values.lastSchoolOccupation,
      sourceNoticeId: values.sourceNoticeId ?? null,
      caseworkerMembershipId: values.caseworkerMembershipId ?? null,
      createdByMembershipId: file.actor.membershipId,
    })
    .returning({ id: enrollments.id })
    .get().id;
  recomputeNextSteps(tx, { enrollmentIds: [id] });
  return id;
}

/** Gives the youth's open enrollment a caseworker, if it has none (one it has stays). */
export function assignCaseworkerIfNone(tx: Tx, file: YouthFile<never, "enrollment">, membershipId: number) {
  tx.update(enrollments)
    .set({ caseworkerMembershipId: membershipId })
    .where(and(eq(enrollments.youthId, file.id), isNull(enrollments.endDate), isNull(enrollments.caseworkerMembershipId)))
    .run();
}

/* ------------------------------------------------------------------ enrollments */

/** A caseworker may be any of the unit's own KAA staff, or none. */
export function assertCaseworker(actor: Actor, membershipId: number | null): FieldErrors | null {
  if (membershipId === null) return null;
  const member = getDb()
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), isNull(memberships.endedAt)))
    .get();
  // A granskare's membership sits in the unit too, but is no caseworker.
  if (!member || member.organisationId !== actor.organisationId || !(KAA_ROLES as readonly string[]).includes(member.role)) {
    return { caseworkerMembershipId: "Välj en handläggare på KAA-enheten." };
  }
  return null;
}

export function openEnrollment(
  file: YouthFile<never, "enrollment">,
  input: { startDate: string; startReason: EnrollmentStartReason; caseworkerMembershipId: number | null } & ScbRegistration,
): Result {
  if (openEnrollmentOf(file)) return { ok: false, errors: { form: "Ungdomen har redan en öppen inskrivning." } };
  if (ageOn(file.youth.birthDate, input.startDate) >= 20) return { ok: false, errors: { startDate: "Ungdomen hade fyllt 20 år på startdatumet." } };
  const problem = assertCaseworker(file.actor, input.caseworkerMembershipId);
  if (problem) return { ok: false, errors: problem };
  getDb().transaction((tx) => insertEnrollment(tx, file, input));
  return { ok: true };
}

export function updateEnrollment(
  file: YouthFile<never, "enrollment">,
  input: { status: (typeof enrollments.$inferSelect)["status"]; caseworkerMembershipId: number | null; watchUntil?: string },
): Result {
  const open = openEnrollmentOf(file);
  if (!open) return { ok: false, errors: { form: "Ungdomen har ingen öppen inskrivning." } };
  const problem = assertCaseworker(file.actor, input.caseworkerMembershipId);
  if (problem) return { ok: false, errors: problem };
  // While an insats runs the status stays "i insats": it follows the plan, not the form.
  const running = hasActiveIntervention(open);
  if (!running && input.status === "in_intervention") {
    return { ok: false, errors: { status: "Status ”I insats” sätts automatiskt när en insats i planen pågår. Lägg till insatsen i planen." } };
  }
  const status = running ? "in_intervention" : input.status;
  getDb().transaction((tx) => {
    tx.update(enrollments)
      .set({ status, caseworkerMembershipId: input.caseworkerMembershipId, watchUntil: status === "watch" ? (input.watchUntil ?? null) : null })
      .where(eq(enrollments.id, open.id))
      .run();
    recomputeNextSteps(tx, { enrollmentIds: [open.id] });
  });
  return { ok: true };
}

export function closeEnrollment(
  file: YouthFile<never, "enrollment">,
  input: { endDate: string; endReason: EnrollmentEndReason; endOccupation: Occupation; endNote?: string },
): Result {
  const open = openEnrollmentOf(file);
  if (!open) return { ok: false, errors: { form: "Ungdomen har ingen öppen inskrivning." } };
  if (input.endDate < open.startDate) return { ok: false, errors: { endDate: "Slutdatumet kan inte ligga före startdatumet." } };
  // Every insats needs its end date, end reason and evaluation (points 5–7): end them first.
  const running = openInterventionNames(open);
  if (running.length > 0) {
    return {
      ok: false,
      errors: { form: `Avsluta först de insatser som pågår eller är planerade, med orsak och utvärdering: ${running.join(", ")}.` },
    };
  }
  getDb()
    .update(enrollments)
    .set({
      endDate: input.endDate,
      endReason: input.endReason,
      endOccupation: input.endOccupation,
      endNote: input.endNote ?? null,
      endedByMembershipId: file.actor.membershipId,
      // A closed enrollment waits for no contact.
      nextStepDue: null,
      nextStepIndex: null,
      nextStepMissingGuardian: null,
    })
    .where(eq(enrollments.id, open.id))
    .run();
  return { ok: true };
}

/**
 * Registers a youth by hand (moved in, register check, self-referral) and opens the first enrollment,
 * in one transaction: the youth is never in the register without an enrollment to work on.
 */
export function registerYouth(actor: Actor, identity: YouthCreateInput, startReason: EnrollmentStartReason, scb: ScbAtRegistration = {}) {
  const derived = registrationFromStartReason(startReason);
  const registration = {
    registrationReason: scb.registrationReason || derived.registrationReason,
    lastSchoolOccupation: scb.lastSchoolOccupation || derived.lastSchoolOccupation,
  };
  return createYouth(actor, identity, (tx, created) => {
    insertEnrollment(tx, created, { startDate: todayIso(), startReason, ...registration });
  });
}
