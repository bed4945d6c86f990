/**
 * Interventions (insatser) in the plan and their follow-ups. Written only by the register keeper,
 * through the gate; ending one requires an end reason and an evaluation, checked here whatever the
 * form did. Every change goes to the revision history, the checklist summary and the status.
 */
import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { interventionFollowUps, interventions, interventionTypes, organisations, referrals } from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-fields";
import { notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import {
  interventionDeclineSchema,
  interventionEndSchema,
  type FollowUpDoneInput,
  type InterventionDeclineInput,
  type InterventionEndInput,
  type InterventionInput,
} from "~/modules/documentation/plan-schemas";
import { fieldErrors } from "~/lib/form-fields";
import {
  changedFields,
  documentationEnrollment,
  recomputeDocumentation,
  recordRevision,
  syncInterventionStatus,
} from "~/modules/documentation/documentation.server";
import type { YouthFile } from "~/modules/access/gate.server";
import { interventionsOf } from "~/modules/documentation/plans.server";

type Result<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };
type InterventionRow = typeof interventions.$inferSelect;

/** One intervention of the youth's current documentation, for its page. */
export function readIntervention(file: YouthFile<"plan">, interventionId: number) {
  const row = interventionOfYouth(file.id, interventionId);
  const intervention = interventionsOf({ id: row.enrollmentId }).find((i) => i.id === row.id)!;
  return { intervention, enrollment: documentationEnrollment(file, row.enrollmentId)! };
}

/** A missing intervention, or another youth's, is the same 404. */
export function interventionOfYouth(youthId: string, interventionId: number): InterventionRow {
  const row = getDb()
    .select()
    .from(interventions)
    .where(and(eq(interventions.id, interventionId), eq(interventions.youthId, youthId)))
    .get();
  if (!row) throw notFound();
  return row;
}

/** The type must be one of the municipality's active types; the organisation one in the portal. */
function checkReferences(municipalityId: number, input: InterventionInput, currentTypeId?: number): FieldErrors | null {
  const db = getDb();
  const type = db
    .select()
    .from(interventionTypes)
    .where(and(eq(interventionTypes.id, input.typeId), eq(interventionTypes.municipalityId, municipalityId)))
    .get();
  // A retired type may stay on an intervention that already has it, but is not chosen anew.
  if (!type || (!type.active && type.id !== currentTypeId)) return { typeId: "Välj en insatstyp ur kommunens katalog." };
  if (input.responsibleParty === "other_actor" && input.responsibleOrganisationId) {
    const org = db.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, input.responsibleOrganisationId)).get();
    if (!org || org.kind === "kaa_unit") return { responsibleOrganisationId: "Välj en annan aktör än KAA-enheten." };
  }
  return null;
}

/** The columns the intervention form sets; of the party fields only those of the chosen party are kept. */
function interventionColumns(input: InterventionInput) {
  return {
    typeId: input.typeId,
    description: input.description ?? null,
    provider: input.provider ?? null,
    startDate: input.startDate,
    plannedEndDate: input.plannedEndDate,
    responsibleParty: input.responsibleParty,
    responsibleUnit: input.responsibleParty === "municipality" ? (input.responsibleUnit ?? null) : null,
    responsibleOrganisationId: input.responsibleParty === "other_actor" ? (input.responsibleOrganisationId ?? null) : null,
    responsibleOrganisationName:
      input.responsibleParty === "other_actor" && !input.responsibleOrganisationId ? (input.responsibleOrganisationName ?? null) : null,
  };
}

function afterWrite(tx: Tx, enrollment: { id: number; municipalityId: number }) {
  recomputeDocumentation(tx, enrollment);
  syncInterventionStatus({ enrollmentId: enrollment.id }, todayIso(), tx);
}

export function addIntervention(file: YouthFile<never, "plan">, input: InterventionInput): Result<{ id: number }> {
  const { actor, youth, id: youthId } = file;
  const enrollment = documentationEnrollment(file);
  if (!enrollment || enrollment.endDate) {
    return { ok: false, errors: { form: "Insatser läggs till på en öppen inskrivning. Öppna en inskrivning först." } };
  }
  const problem = checkReferences(youth.homeMunicipalityId, input);
  if (problem) return { ok: false, errors: problem };
  if (input.referralId) {
    const referral = getDb()
      .select()
      .from(referrals)
      .where(and(eq(referrals.id, input.referralId), eq(referrals.youthId, youthId)))
      .get();
    if (!referral || (referral.status !== "accepted" && referral.status !== "closed")) {
      return { ok: false, errors: { form: "Remissen är inte accepterad av mottagaren; insatsen kan inte kopplas till den." } };
    }
  }
  const values = { ...interventionColumns(input), referralId: input.referralId ?? null };
  const id = getDb().transaction((tx) => {
    const stamp = { createdByMembershipId: actor.membershipId, updatedByMembershipId: actor.membershipId };
    const created = tx
      .insert(interventions)
      .values({ ...values, ...stamp, enrollmentId: enrollment.id, youthId, municipalityId: youth.homeMunicipalityId })
      .returning({ id: interventions.id })
      .get().id;
    // The first follow-up is recorded as its own revision below.
    const changes = changedFields(null, values);
    recordRevision(tx, actor, { youthId, enrollmentId: enrollment.id, entity: "intervention", entityId: created, action: "created", changes });
    if (input.followUpDate) insertFollowUp(tx, actor, { youthId, enrollment, interventionId: created, dueDate: input.followUpDate });
    afterWrite(tx, enrollment);
    return created;
  });
  return { ok: true, id };
}

export function updateIntervention(file: YouthFile<never, "plan">, interventionId: number, input: InterventionInput): Result {
  const { actor, youth, id: youthId } = file;
  const row = interventionOfYouth(youthId, interventionId);
  const problem = checkReferences(youth.homeMunicipalityId, input, row.typeId);
  if (problem) return { ok: false, errors: problem };
  if (row.endDate && row.endDate < input.startDate)
    return { ok: false, errors: { startDate: `Insatsen avslutades ${row.endDate}; starten kan inte ligga efter det.` } };
  // The same rule as addFollowUp: a closed insats is followed up in its evaluation.
  if (input.followUpDate && (row.endDate || row.declinedDate))
    return { ok: false, errors: { followUpDate: "Insatsen är avslutad; uppföljningen görs i utvärderingen." } };
  const values = interventionColumns(input);
  const changes = changedFields(row, values);
  const enrollment = documentationEnrollment(file, row.enrollmentId)!;
  if (Object.keys(changes).length === 0 && !input.followUpDate) return { ok: true };
  getDb().transaction((tx) => {
    if (Object.keys(changes).length > 0) {
      tx.update(interventions)
        .set({ ...values, updatedAt: new Date().toISOString(), updatedByMembershipId: actor.membershipId })
        .where(eq(interventions.id, row.id))
        .run();
      recordRevision(tx, actor, { youthId, enrollmentId: row.enrollmentId, entity: "intervention", entityId: row.id, action: "updated", changes });
    }
    if (input.followUpDate) insertFollowUp(tx, actor, { youthId, enrollment, interventionId: row.id, dueDate: input.followUpDate });
    afterWrite(tx, enrollment);
  });
  return { ok: true };
}

/**
 * Ends an intervention. The input is checked again here, not only in the route: an end without
 * reason or evaluation is exactly the gap every audit found, so no caller may store one.
 */
export function endIntervention(file: YouthFile<never, "plan">, interventionId: number, input: InterventionEndInput): Result {
  const { actor, id: youthId } = file;
  const parsed = interventionEndSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const row = interventionOfYouth(youthId, interventionId);
  // An insats ended without evaluation (the automatic end at 20) gets its evaluation here; any other is done.
  if (row.endDate && row.evaluationOutcome) return { ok: false, errors: { form: `Insatsen avslutades redan ${row.endDate}.` } };
  if (row.declinedDate) return { ok: false, errors: { form: "Ungdomen tackade nej till insatsen; den kan inte avslutas." } };
  if (parsed.data.endDate < row.startDate) return { ok: false, errors: { endDate: `Slutdatumet kan inte ligga före starten (${row.startDate}).` } };
  const values = {
    endDate: parsed.data.endDate,
    endReason: parsed.data.endReason,
    evaluationOutcome: parsed.data.evaluationOutcome,
    evaluationText: parsed.data.evaluationText,
    occupationAfter: parsed.data.occupationAfter,
  };
  const enrollment = documentationEnrollment(file, row.enrollmentId)!;
  getDb().transaction((tx) => {
    tx.update(interventions)
      .set({ ...values, updatedAt: new Date().toISOString(), updatedByMembershipId: actor.membershipId })
      .where(eq(interventions.id, row.id))
      .run();
    recordRevision(tx, actor, {
      youthId,
      enrollmentId: row.enrollmentId,
      entity: "intervention",
      entityId: row.id,
      action: "ended",
      changes: changedFields(row, values),
    });
    afterWrite(tx, enrollment);
  });
  return { ok: true };
}

/** The youth said no to an offered intervention: recorded as declined, never started. */
export function declineIntervention(file: YouthFile<never, "plan">, interventionId: number, input: InterventionDeclineInput): Result {
  const { actor, id: youthId } = file;
  const parsed = interventionDeclineSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const row = interventionOfYouth(youthId, interventionId);
  if (row.endDate || row.declinedDate) return { ok: false, errors: { form: "Insatsen är redan avslutad eller avböjd." } };
  const values = { declinedDate: parsed.data.declinedDate, declinedNote: parsed.data.declinedNote ?? null };
  const enrollment = documentationEnrollment(file, row.enrollmentId)!;
  getDb().transaction((tx) => {
    tx.update(interventions)
      .set({ ...values, updatedAt: new Date().toISOString(), updatedByMembershipId: actor.membershipId })
      .where(eq(interventions.id, row.id))
      .run();
    recordRevision(tx, actor, {
      youthId,
      enrollmentId: row.enrollmentId,
      entity: "intervention",
      entityId: row.id,
      action: "declined",
      changes: changedFields(row, values),
    });
    afterWrite(tx, enrollment);
  });
  return { ok: true };
}

/* ------------------------------------------------------------------ follow-ups */

function insertFollowUp(
  tx: Tx,
  actor: Actor,
  at: { youthId: string; enrollment: { id: number; municipalityId: number }; interventionId: number; dueDate: string },
) {
  const id = tx
    .insert(interventionFollowUps)
    .values({ interventionId: at.interventionId, municipalityId: at.enrollment.municipalityId, dueDate: at.dueDate })
    .returning({ id: interventionFollowUps.id })
    .get().id;
  recordRevision(tx, actor, {
    youthId: at.youthId,
    enrollmentId: at.enrollment.id,
    entity: "follow_up",
    entityId: id,
    action: "created",
    changes: { dueDate: [null, at.dueDate], interventionId: [null, at.interventionId] },
  });
}

export function addFollowUp(file: YouthFile<never, "plan">, interventionId: number, dueDate: string): Result {
  const { actor, id: youthId } = file;
  const row = interventionOfYouth(youthId, interventionId);
  if (row.endDate || row.declinedDate) return { ok: false, errors: { dueDate: "Insatsen är avslutad; uppföljningen görs i utvärderingen." } };
  if (dueDate < row.startDate) return { ok: false, errors: { dueDate: `Uppföljningen kan inte ligga före insatsens start (${row.startDate}).` } };
  const enrollment = documentationEnrollment(file, row.enrollmentId)!;
  getDb().transaction((tx) => {
    insertFollowUp(tx, actor, { youthId, enrollment, interventionId: row.id, dueDate });
    afterWrite(tx, enrollment);
  });
  return { ok: true };
}

export function completeFollowUp(file: YouthFile<never, "plan">, interventionId: number, input: FollowUpDoneInput): Result {
  const { actor, id: youthId } = file;
  const row = interventionOfYouth(youthId, interventionId);
  const db = getDb();
  const followUp = db
    .select()
    .from(interventionFollowUps)
    .where(and(eq(interventionFollowUps.id, input.followUpId), eq(interventionFollowUps.interventionId, row.id)))
    .get();
  if (!followUp) throw notFound();
  if (followUp.doneDate) return { ok: false, errors: { form: `Uppföljningen gjordes redan ${followUp.doneDate}.` } };
  const values = { doneDate: input.doneDate, note: input.note };
  db.transaction((tx) => {
    tx.update(interventionFollowUps)
      .set({ ...values, doneByMembershipId: actor.membershipId })
      .where(and(eq(interventionFollowUps.id, followUp.id), isNull(interventionFollowUps.doneDate)))
      .run();
    recordRevision(tx, actor, {
      youthId,
      enrollmentId: row.enrollmentId,
      entity: "follow_up",
      entityId: followUp.id,
      action: "done",
      changes: changedFields(followUp, values),
    });
  });
  return { ok: true };
}
