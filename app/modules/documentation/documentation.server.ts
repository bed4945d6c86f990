/**
 * What the assessment, plan and interventions writers share: the enrollment the documentation
 * belongs to, the revision history, the stored checklist summary and the enrollment status that
 * follows the interventions. The youth-keyed readers take the youth-file capability; the
 * enrollment-keyed ones are given enrollments that came from such a file.
 */
import { and, asc, desc, eq, exists, inArray, isNull, lte, ne, notExists, sql, type SQL } from "drizzle-orm";
import { getDb, type Db, type Tx } from "#db/client";
import {
  assessments,
  documentationRevisions,
  enrollmentDocumentation,
  enrollments,
  interventionFollowUps,
  interventions,
  interventionTypes,
  memberships,
  organisations,
  plans,
  users,
  type DocumentationEntity,
} from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { Actor } from "~/modules/auth/actor.server";
import type { OpenedFile } from "~/modules/access/gate.server";
import { computeChecklist, missingMask, overdueFrom, type ChecklistInput } from "~/modules/documentation/checklist";
import { describeRevision, type RevisionLookups } from "~/modules/documentation/revision-text";

type Conn = Pick<Db, "select" | "insert" | "update">;
export type EnrollmentRow = typeof enrollments.$inferSelect;

/**
 * The enrollment whose documentation is shown and written: the one asked for (if it is the youth's),
 * else the open one, else the latest. Documentation of an ended period can still be completed.
 */
export function documentationEnrollment(file: OpenedFile, enrollmentId?: number): EnrollmentRow | null {
  const id = enrollmentId ?? enrollmentPeriods(file)[0]?.id;
  if (id === undefined) return null;
  return (
    getDb()
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.id, id), eq(enrollments.youthId, file.id)))
      .get() ?? null
  );
}

/** The youth's enrollment periods, latest first (the open one, if any, first of all). */
export function enrollmentPeriods(file: OpenedFile) {
  return getDb()
    .select({ id: enrollments.id, startDate: enrollments.startDate, endDate: enrollments.endDate })
    .from(enrollments)
    .where(eq(enrollments.youthId, file.id))
    .orderBy(sql`${enrollments.endDate} IS NULL DESC`, desc(enrollments.startDate), desc(enrollments.id))
    .all();
}

/* ------------------------------------------------------------------ revision history */

type Changes = Record<string, [unknown, unknown]>;

/** The fields whose value differs, as field → [before, after]; undefined and null count as the same. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown>): Changes {
  const out: Changes = {};
  for (const key of Object.keys(after)) {
    const a = before?.[key] ?? null;
    const b = after[key] ?? null;
    if (a !== b) out[key] = [a, b];
  }
  return out;
}

export function recordRevision(
  tx: Tx,
  actor: Actor,
  entry: { youthId: string; enrollmentId: number; entity: DocumentationEntity; entityId: number; action: string; changes: Changes },
) {
  tx.insert(documentationRevisions)
    .values({ ...entry, changes: JSON.stringify(entry.changes), userId: actor.userId, membershipId: actor.membershipId })
    .run();
}

export type Revision = {
  id: number;
  at: string;
  userName: string;
  role: string;
  entity: DocumentationEntity;
  entityId: number;
  action: string;
  changes: Changes;
};

function revisionsOf(enrollmentId: number): Revision[] {
  return getDb()
    .select({
      id: documentationRevisions.id,
      at: documentationRevisions.at,
      userName: users.displayName,
      role: memberships.role,
      entity: documentationRevisions.entity,
      entityId: documentationRevisions.entityId,
      action: documentationRevisions.action,
      changes: documentationRevisions.changes,
    })
    .from(documentationRevisions)
    .innerJoin(users, eq(users.id, documentationRevisions.userId))
    .innerJoin(memberships, eq(memberships.id, documentationRevisions.membershipId))
    .where(eq(documentationRevisions.enrollmentId, enrollmentId))
    .orderBy(desc(documentationRevisions.at), desc(documentationRevisions.id))
    .all()
    .map((r) => ({ ...r, changes: JSON.parse(r.changes) as Changes }));
}

/** The enrollment's revision history in words, latest first, with who made each change and when. */
export function revisionHistory(enrollment: EnrollmentRow) {
  const enrollmentId = enrollment.id;
  const db = getDb();
  const revisions = revisionsOf(enrollmentId);
  const interventionRows = db
    .select({ id: interventions.id, name: interventionTypes.name })
    .from(interventions)
    .innerJoin(interventionTypes, eq(interventionTypes.id, interventions.typeId))
    .where(eq(interventions.enrollmentId, enrollmentId))
    .all();
  const followUps = interventionRows.length
    ? db
        .select({ id: interventionFollowUps.id, interventionId: interventionFollowUps.interventionId })
        .from(interventionFollowUps)
        .where(
          inArray(
            interventionFollowUps.interventionId,
            interventionRows.map((r) => r.id),
          ),
        )
        .all()
    : [];
  const idsOf = (field: string): number[] => [
    ...new Set(revisions.flatMap((r): number[] => ((r.changes[field] ?? []) as unknown[]).filter((v): v is number => typeof v === "number"))),
  ];
  const typeIds = idsOf("typeId");
  const organisationIds = idsOf("responsibleOrganisationId");
  const lookups: RevisionLookups = {
    typeNames: new Map(
      typeIds.length
        ? db
            .select({ id: interventionTypes.id, name: interventionTypes.name })
            .from(interventionTypes)
            .where(inArray(interventionTypes.id, typeIds))
            .all()
            .map((t) => [t.id, t.name])
        : [],
    ),
    organisationNames: new Map(
      organisationIds.length
        ? db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(inArray(organisations.id, organisationIds))
            .all()
            .map((o) => [o.id, o.name])
        : [],
    ),
    interventionNames: new Map(interventionRows.map((r) => [r.id, r.name])),
    followUpInterventions: new Map(followUps.map((f) => [f.id, f.interventionId])),
  };
  return revisions.map((r) => ({ id: r.id, at: r.at, userName: r.userName, role: r.role, ...describeRevision(r, lookups) }));
}

/* ------------------------------------------------------------------ the checklist */

/** Everything the checklist needs of one enrollment, read in three queries. */
export function checklistInputOf(enrollmentId: number, db: Conn = getDb()): ChecklistInput {
  const assessment = db.select({ date: assessments.date }).from(assessments).where(eq(assessments.enrollmentId, enrollmentId)).get() ?? null;
  const plan = db.select().from(plans).where(eq(plans.enrollmentId, enrollmentId)).get() ?? null;
  const rows = db
    .select({ intervention: interventions, typeName: interventionTypes.name })
    .from(interventions)
    .innerJoin(interventionTypes, eq(interventionTypes.id, interventions.typeId))
    .where(eq(interventions.enrollmentId, enrollmentId))
    .orderBy(asc(interventions.startDate), asc(interventions.id))
    .all();
  const followUps = rows.length
    ? db
        .select({ interventionId: interventionFollowUps.interventionId, dueDate: interventionFollowUps.dueDate })
        .from(interventionFollowUps)
        .where(
          inArray(
            interventionFollowUps.interventionId,
            rows.map((r) => r.intervention.id),
          ),
        )
        .all()
    : [];
  return {
    assessment,
    plan,
    interventions: rows.map(({ intervention: i, typeName }) => ({
      ...i,
      name: typeName,
      followUpDates: followUps.filter((f) => f.interventionId === i.id).map((f) => f.dueDate),
    })),
  };
}

/**
 * Stores the enrollment's checklist summary. Called in the same transaction as every write that can
 * change a point, so the samordnare's list never disagrees with the youth page.
 */
export function recomputeDocumentation(tx: Conn, enrollment: { id: number; municipalityId: number }) {
  const input = checklistInputOf(enrollment.id, tx);
  const values = {
    municipalityId: enrollment.municipalityId,
    missing: missingMask(computeChecklist(input, null)),
    overdueFrom: overdueFrom(input),
    computedAt: new Date().toISOString(),
  };
  tx.insert(enrollmentDocumentation)
    .values({ enrollmentId: enrollment.id, ...values })
    .onConflictDoUpdate({ target: enrollmentDocumentation.enrollmentId, set: values })
    .run();
}

/* ------------------------------------------------------------------ status follows the work */

/** An intervention that runs on `today`: started, not ended, not declined. */
function activeIntervention(today: string) {
  return getDb()
    .select({ one: sql`1` })
    .from(interventions)
    .where(
      and(
        eq(interventions.enrollmentId, enrollments.id),
        isNull(interventions.endDate),
        isNull(interventions.declinedDate),
        lte(interventions.startDate, today),
      ),
    );
}

/**
 * An open enrollment with a running intervention is "i insats"; one whose last intervention has
 * ended goes back to "kontaktad". Idempotent; run by every intervention write for its enrollment,
 * and by the daily status job for the municipality, because an intervention that starts in the
 * future starts with the calendar, not with a write.
 */
export function syncInterventionStatus(scope: { enrollmentId: number } | { municipalityId: number }, today = todayIso(), db: Conn = getDb()) {
  const inScope: SQL = "enrollmentId" in scope ? eq(enrollments.id, scope.enrollmentId) : eq(enrollments.municipalityId, scope.municipalityId);
  const open = and(inScope, isNull(enrollments.endDate));
  db.update(enrollments)
    .set({ status: "in_intervention" })
    .where(and(open, ne(enrollments.status, "in_intervention"), exists(activeIntervention(today))))
    .run();
  db.update(enrollments)
    .set({ status: "contacted" })
    .where(and(open, eq(enrollments.status, "in_intervention"), notExists(activeIntervention(today))))
    .run();
}

/** Is an intervention running for the enrollment (so its status is "i insats" whatever is chosen)? */
export function hasActiveIntervention(enrollment: EnrollmentRow, today = todayIso()) {
  const enrollmentId = enrollment.id;
  return Boolean(
    getDb()
      .select({ id: interventions.id })
      .from(interventions)
      .where(
        and(
          eq(interventions.enrollmentId, enrollmentId),
          isNull(interventions.endDate),
          isNull(interventions.declinedDate),
          lte(interventions.startDate, today),
        ),
      )
      .get(),
  );
}

/** Interventions still running or planned: an enrollment cannot be closed past them. */
export function openInterventionNames(enrollment: EnrollmentRow) {
  const enrollmentId = enrollment.id;
  return getDb()
    .select({ name: interventionTypes.name })
    .from(interventions)
    .innerJoin(interventionTypes, eq(interventionTypes.id, interventions.typeId))
    .where(and(eq(interventions.enrollmentId, enrollmentId), isNull(interventions.endDate), isNull(interventions.declinedDate)))
    .all()
    .map((r) => r.name);
}
