/**
 * Kartläggning and individuell plan: read and written only through the gate, every change kept in
 * the revision history with the acting user, and the checklist summary recomputed in the same
 * transaction.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { assessments, interventionFollowUps, interventions, interventionTypes, organisations, plans } from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-fields";
import { computeChecklist } from "~/modules/documentation/checklist";
import type { AssessmentInput, PlanInput } from "~/modules/documentation/plan-schemas";
import {
  changedFields,
  checklistInputOf,
  documentationEnrollment,
  recomputeDocumentation,
  enrollmentPeriods,
  recordRevision,
  revisionHistory,
} from "~/modules/documentation/documentation.server";
import type { OpenedFile, YouthFile } from "~/modules/access/gate.server";

export type Result = { ok: true } | { ok: false; errors: FieldErrors };

const NO_ENROLLMENT: Result = { ok: false, errors: { form: "Ungdomen har ingen inskrivning. Öppna en inskrivning först." } };

/* ------------------------------------------------------------------ reading */

export function readAssessment(file: OpenedFile<"assessment">, enrollmentId?: number) {
  const enrollment = documentationEnrollment(file, enrollmentId);
  const assessment = enrollment ? (getDb().select().from(assessments).where(eq(assessments.enrollmentId, enrollment.id)).get() ?? null) : null;
  return { enrollment, assessment };
}

export type PlanIntervention = Awaited<ReturnType<typeof interventionsOf>>[number];

/** The interventions of an enrollment (from a file opened for the plan) with their type, responsible organisation and follow-ups. */
export function interventionsOf(enrollment: { id: number }) {
  const enrollmentId = enrollment.id;
  const db = getDb();
  const rows = db
    .select({ intervention: interventions, typeName: interventionTypes.name, organisationName: organisations.name })
    .from(interventions)
    .innerJoin(interventionTypes, eq(interventionTypes.id, interventions.typeId))
    .leftJoin(organisations, eq(organisations.id, interventions.responsibleOrganisationId))
    .where(eq(interventions.enrollmentId, enrollmentId))
    .orderBy(asc(interventions.startDate), asc(interventions.id))
    .all();
  const followUps = rows.length
    ? db
        .select()
        .from(interventionFollowUps)
        .where(
          inArray(
            interventionFollowUps.interventionId,
            rows.map((r) => r.intervention.id),
          ),
        )
        .orderBy(asc(interventionFollowUps.dueDate), asc(interventionFollowUps.id))
        .all()
    : [];
  return rows.map(({ intervention, typeName, organisationName }) => ({
    ...intervention,
    typeName,
    // The responsible actor as a reader says it: an organisation in the portal or one named by hand.
    responsibleOrganisation: organisationName ?? intervention.responsibleOrganisationName,
    followUps: followUps.filter((f) => f.interventionId === intervention.id),
  }));
}

/**
 * The plan section: goal, interventions and their follow-ups (what a consented recipient may also read).
 * Mina sidor reads it too (through youth-view.ts, which leaves out what is the staff's).
 */
export function readPlan(file: OpenedFile<"plan">, enrollmentId?: number) {
  const enrollment = documentationEnrollment(file, enrollmentId);
  if (!enrollment) return { enrollment: null, plan: null, interventions: [] as PlanIntervention[] };
  const plan = getDb().select().from(plans).where(eq(plans.enrollmentId, enrollment.id)).get() ?? null;
  return { enrollment, plan, interventions: interventionsOf(enrollment) };
}

/**
 * The whole documentation of an enrollment for the KAA unit: assessment, plan, interventions, the
 * checklist and the revision history. Reading it is a read of both sections, and is logged as such.
 */
export function readDocumentation(file: YouthFile<"assessment" | "plan">, enrollmentId?: number) {
  // The revision history names the unit's staff: routes open this view with registerKeeperOnly.
  const { enrollment, assessment } = readAssessment(file, enrollmentId);
  const { plan, interventions: list } = readPlan(file, enrollment?.id);
  if (!enrollment) return null;
  const today = todayIso();
  return {
    enrollment,
    assessment,
    plan,
    interventions: list,
    checklist: computeChecklist(checklistInputOf(enrollment.id), today),
    revisions: revisionHistory(enrollment),
    periods: enrollmentPeriods(file),
    today,
  };
}

/* ------------------------------------------------------------------ writing */

export function saveAssessment(file: YouthFile<never, "assessment">, input: AssessmentInput): Result {
  const { actor, id: youthId } = file;
  const enrollment = documentationEnrollment(file);
  if (!enrollment) return NO_ENROLLMENT;
  if (input.date < enrollment.startDate)
    return { ok: false, errors: { date: `Kartläggningen kan inte vara gjord före inskrivningen (${enrollment.startDate}).` } };
  const db = getDb();
  const existing = db.select().from(assessments).where(eq(assessments.enrollmentId, enrollment.id)).get() ?? null;
  const values = {
    date: input.date,
    occupation: input.occupation,
    occupationNote: input.occupationNote ?? null,
    completedGrades: input.completedGrades ?? null,
    studiebevis: input.studiebevis,
    imHistory: input.imHistory ?? null,
    prerequisites: input.prerequisites ?? null,
    needs: input.needs ?? null,
    youthWishes: input.youthWishes ?? null,
    youthTookPart: input.youthTookPart,
    guardianTookPart: input.guardianTookPart,
    otherParticipants: input.otherParticipants ?? null,
  };
  const changes = changedFields(existing, values);
  if (existing && Object.keys(changes).length === 0) return { ok: true };
  db.transaction((tx) => {
    const stamp = { updatedAt: new Date().toISOString(), updatedByMembershipId: actor.membershipId };
    const id = existing
      ? (tx
          .update(assessments)
          .set({ ...values, ...stamp })
          .where(eq(assessments.id, existing.id))
          .run(),
        existing.id)
      : tx
          .insert(assessments)
          .values({ ...values, ...stamp, enrollmentId: enrollment.id, youthId })
          .returning({ id: assessments.id })
          .get().id;
    recordRevision(tx, actor, { youthId, enrollmentId: enrollment.id, entity: "assessment", entityId: id, action: existing ? "updated" : "created", changes });
    recomputeDocumentation(tx, enrollment);
  });
  return { ok: true };
}

export function savePlan(file: YouthFile<never, "plan">, input: PlanInput): Result {
  const { actor, id: youthId } = file;
  const enrollment = documentationEnrollment(file);
  if (!enrollment) return NO_ENROLLMENT;
  const db = getDb();
  const existing = db.select().from(plans).where(eq(plans.enrollmentId, enrollment.id)).get() ?? null;
  const values = {
    goal: input.goal,
    madeWithYouth: input.madeWithYouth,
    madeWithYouthDate: input.madeWithYouth ? (input.madeWithYouthDate ?? null) : null,
    youthComment: input.youthComment ?? null,
    noYouthInterventionsReason: input.noYouthInterventionsReason ?? null,
    noMunicipalityInterventionsReason: input.noMunicipalityInterventionsReason ?? null,
    noOtherActorInterventionsReason: input.noOtherActorInterventionsReason ?? null,
  };
  if (values.madeWithYouthDate && values.madeWithYouthDate > todayIso()) {
    return { ok: false, errors: { madeWithYouthDate: "Datumet får inte ligga i framtiden." } };
  }
  const changes = changedFields(existing, values);
  if (existing && Object.keys(changes).length === 0) return { ok: true };
  db.transaction((tx) => {
    const stamp = { updatedAt: new Date().toISOString(), updatedByMembershipId: actor.membershipId };
    const id = existing
      ? (tx
          .update(plans)
          .set({ ...values, ...stamp })
          .where(eq(plans.id, existing.id))
          .run(),
        existing.id)
      : tx
          .insert(plans)
          .values({ ...values, ...stamp, enrollmentId: enrollment.id, youthId })
          .returning({ id: plans.id })
          .get().id;
    recordRevision(tx, actor, { youthId, enrollmentId: enrollment.id, entity: "plan", entityId: id, action: existing ? "updated" : "created", changes });
    recomputeDocumentation(tx, enrollment);
  });
  return { ok: true };
}
