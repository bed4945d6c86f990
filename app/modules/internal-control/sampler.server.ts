/**
 * Drawing a stickprov: a reproducible random sample of enrollments with a stated seed. Each
 * enrollment that meets the filters is ranked by SHA-256 of "seed:enrollment id", and the first N
 * are drawn (ADR 0018). The draw is frozen in `internal_control_samples` and its cases, with the
 * filters, the population size and the contact routine of the day, so that the report can be read
 * and re-checked later whatever the register has become.
 */
import crypto from "node:crypto";
import { and, asc, desc, eq, gt, gte, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "#db/client";
import { CONTACT_CHANNELS, enrollments, internalControlSampleCases, internalControlSamples, memberships, OFFSET_UNITS, users } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { notFound } from "~/lib/http";
import type { RegisterAccess } from "~/modules/access/gate.server";
import { kaaStaff } from "~/modules/organizations/memberships.server";
import { routineOf } from "~/modules/outreach/routine.server";
import type { RoutineStep } from "~/modules/outreach/routine-engine";
import { parsePeriod, PeriodError } from "~/modules/statistics/periods";
import type { SampleState } from "./labels";
import type { SampleFormInput } from "./sample-schema";

/** The enrollment ids in draw order: by SHA-256 of `${seed}:${id}` as lowercase hex, lowest first. */
export function drawOrder(seed: string, enrollmentIds: readonly number[]): number[] {
  return enrollmentIds
    .map((id) => ({ id, key: crypto.createHash("sha256").update(`${seed}:${id}`, "utf8").digest("hex") }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id))
    .map((x) => x.id);
}

/** A seed for the form: 12 random characters, easy to read aloud and type again. */
export function randomSeed(): string {
  return crypto.randomBytes(9).toString("base64url").replace(/[_-]/g, "x").toLowerCase();
}

export type SampleFilters = { periodFrom: string; periodTo: string; state: SampleState; caseworkerMembershipId: number | null };

/**
 * The sampling frame: the municipality's enrollments in the register some time in the period, as filtered.
 * "Open" and "ended" are judged at the period's end, not today, so the frame of a past period does not drift.
 */
export function population(municipalityId: number, f: SampleFilters, db: Pick<Db, "select"> = getDb()) {
  const conditions = [
    eq(enrollments.municipalityId, municipalityId),
    lte(enrollments.startDate, f.periodTo),
    or(isNull(enrollments.endDate), gte(enrollments.endDate, f.periodFrom)),
  ];
  if (f.state === "open") conditions.push(or(isNull(enrollments.endDate), gt(enrollments.endDate, f.periodTo))!);
  if (f.state === "ended") conditions.push(isNotNull(enrollments.endDate), lte(enrollments.endDate, f.periodTo));
  if (f.caseworkerMembershipId !== null) conditions.push(eq(enrollments.caseworkerMembershipId, f.caseworkerMembershipId));
  return db
    .select({ id: enrollments.id, youthId: enrollments.youthId })
    .from(enrollments)
    .where(and(...conditions))
    .orderBy(asc(enrollments.id))
    .all();
}

export type DrawResult = { ok: true; sampleId: number } | { ok: false; errors: FieldErrors };

/** Draws and stores a sample; the drawn youths are logged as listed from the register, as the kernel logs a list. */
export function drawSample(register: RegisterAccess, input: SampleFormInput, today: string): DrawResult {
  const { actor, municipalityId } = register;
  let period;
  try {
    period = parsePeriod(new URLSearchParams({ period: input.period, fran: input.fran ?? "", till: input.till ?? "" }), today);
  } catch (error) {
    if (error instanceof PeriodError) return { ok: false, errors: { period: error.message } };
    throw error;
  }
  if (period.from > today) return { ok: false, errors: { period: "Perioden har inte börjat ännu." } };
  const caseworker = input.handlaggare === "alla" ? null : input.handlaggare;
  if (caseworker !== null && !kaaStaff(actor.organisationId!).some((s) => s.membershipId === caseworker)) {
    return { ok: false, errors: { handlaggare: "Välj en handläggare på KAA-enheten." } };
  }
  const filters: SampleFilters = { periodFrom: period.from, periodTo: period.to, state: input.state, caseworkerMembershipId: caseworker };
  // The frame is read, the draw stored and the drawn youths logged in one transaction: no draw without its log.
  const sampleId = getDb().transaction((tx) => {
    const frame = population(municipalityId, filters, tx);
    if (frame.length === 0) return null;
    const youthOf = new Map(frame.map((e) => [e.id, e.youthId]));
    const drawn = drawOrder(input.seed, [...youthOf.keys()]).slice(0, input.size);
    const id = tx
      .insert(internalControlSamples)
      .values({
        municipalityId,
        seed: input.seed,
        requestedSize: input.size,
        ...filters,
        populationSize: frame.length,
        // The whole frame, so that anyone can redo the draw from the seed (ADR 0018).
        frameEnrollmentIds: JSON.stringify([...youthOf.keys()]),
        routineSnapshot: JSON.stringify(routineOf(municipalityId, tx)),
        createdByMembershipId: actor.membershipId,
      })
      .returning({ id: internalControlSamples.id })
      .get().id;
    tx.insert(internalControlSampleCases)
      .values(drawn.map((enrollmentId, i) => ({ sampleId: id, position: i + 1, enrollmentId, youthId: youthOf.get(enrollmentId)! })))
      .run();
    register.logListed(
      drawn.map((enrollmentId) => youthOf.get(enrollmentId)!),
      "enrollment",
    );
    return id;
  });
  if (sampleId === null) return { ok: false, errors: { form: "Ingen inskrivning uppfyller villkoren. Välj en annan period, status eller handläggare." } };
  return { ok: true, sampleId };
}

/** The municipality's samples, newest first, for the list of past draws. */
export function listSamples(register: RegisterAccess) {
  return getDb()
    .select({
      id: internalControlSamples.id,
      createdAt: internalControlSamples.createdAt,
      seed: internalControlSamples.seed,
      requestedSize: internalControlSamples.requestedSize,
      periodFrom: internalControlSamples.periodFrom,
      periodTo: internalControlSamples.periodTo,
      state: internalControlSamples.state,
      populationSize: internalControlSamples.populationSize,
      createdBy: users.displayName,
      cases: sql<number>`(SELECT count(*) FROM ${internalControlSampleCases} WHERE ${internalControlSampleCases.sampleId} = ${internalControlSamples.id})`,
    })
    .from(internalControlSamples)
    .innerJoin(memberships, eq(memberships.id, internalControlSamples.createdByMembershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(internalControlSamples.municipalityId, register.municipalityId))
    .orderBy(desc(internalControlSamples.createdAt), desc(internalControlSamples.id))
    .limit(200)
    .all();
}

const routineSnapshotSchema = z.array(
  z.object({
    position: z.number().int(),
    label: z.string(),
    channels: z.array(z.enum(CONTACT_CHANNELS)),
    offsetAmount: z.number().int(),
    offsetUnit: z.enum(OFFSET_UNITS),
  }),
);

/** The contact routine a sample froze when it was drawn (`routine_snapshot`), for scoring its cases on any ground. */
export function parseRoutineSnapshot(json: string): RoutineStep[] {
  return routineSnapshotSchema.parse(JSON.parse(json));
}

/** A sample of the register's municipality with its cases in draw order; another's, or none, is a 404. */
export function sampleOf(register: RegisterAccess, sampleId: number) {
  if (!Number.isSafeInteger(sampleId) || sampleId <= 0) throw notFound();
  const db = getDb();
  const sample = db
    .select({ sample: internalControlSamples, caseworkerName: users.displayName })
    .from(internalControlSamples)
    .leftJoin(memberships, eq(memberships.id, internalControlSamples.caseworkerMembershipId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(internalControlSamples.id, sampleId), eq(internalControlSamples.municipalityId, register.municipalityId)))
    .get();
  if (!sample) throw notFound();
  const createdBy = db
    .select({ name: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.id, sample.sample.createdByMembershipId))
    .get();
  const cases = db
    .select()
    .from(internalControlSampleCases)
    .where(eq(internalControlSampleCases.sampleId, sampleId))
    .orderBy(asc(internalControlSampleCases.position))
    .all();
  const { routineSnapshot, frameEnrollmentIds, ...rest } = sample.sample;
  return {
    ...rest,
    frameEnrollmentIds: z.array(z.number().int()).parse(JSON.parse(frameEnrollmentIds)),
    caseworkerName: sample.caseworkerName,
    createdByName: createdBy?.name ?? null,
    routine: parseRoutineSnapshot(routineSnapshot),
    cases,
  };
}

export type Sample = ReturnType<typeof sampleOf>;
