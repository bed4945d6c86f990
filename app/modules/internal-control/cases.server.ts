/**
 * The sampled cases, read and scored. Every case is read through the sekretess kernel's handle, with
 * the documentation and outreach modules' own readers, so opening a sample's result is logged as any
 * reading of those sections is: one row per youth and section, in one transaction for the sample.
 */
import { todayIso } from "~/lib/dates";
import { displayPersonalNumber } from "~/modules/youth/personal-number";
import { openRegister, openYouthFiles, type RegisterAccess, type YouthFile } from "~/modules/access/gate.server";
import type { Actor } from "~/modules/auth/actor.server";
import { readAssessment, readPlan } from "~/modules/documentation/plans.server";
import { readOutreach } from "~/modules/outreach/contacts.server";
import type { RoutineStep } from "~/modules/outreach/routine-engine";
import { scoreCase, type CaseRecord, type CriterionScore } from "./criteria";
import { criterionTotals } from "./labels";
import { sampleOf } from "./sampler.server";

/** The sections a case is scored on. */
export const CASE_SECTIONS = ["enrollment", "contacts", "assessment", "plan"] as const;
export type CaseFile = YouthFile<(typeof CASE_SECTIONS)[number]>;

/**
 * One enrollment of the file as the criteria read it (and as the granskare reads it); null if the
 * enrollment is not the youth's.
 */
export function readCaseRecord(file: CaseFile, enrollmentId: number) {
  const outreach = readOutreach(file);
  const enrollment = outreach.enrollments.find((e) => e.id === enrollmentId);
  if (!enrollment) return null;
  const { assessment } = readAssessment(file, enrollmentId);
  const { plan, interventions } = readPlan(file, enrollmentId);
  const attempts = outreach.attempts.filter((a) => a.enrollmentId === enrollmentId);
  const record: CaseRecord = {
    enrollment,
    assessment,
    plan,
    attempts,
    interventions: interventions.map((i) => ({ ...i, name: i.typeName, followUpDates: i.followUps.map((f) => f.dueDate) })),
  };
  // The full views beside the criteria's narrower record: the granskare's page shows them.
  return { record, enrollment, attempts, assessment, plan, interventions };
}

/**
 * Scores one sampled enrollment of a file opened for the case sections, on whatever ground the
 * kernel opened it (the samordnare's register, or a granskare's grant). `routine` is the sample's
 * snapshot of the contact routine, not today's.
 */
export function scoreSampledCase(file: CaseFile, enrollmentId: number, routine: RoutineStep[], today = todayIso()) {
  const read = readCaseRecord(file, enrollmentId);
  if (!read) return null;
  const { enrollment } = read;
  return {
    enrollment: { id: enrollment.id, startDate: enrollment.startDate, endDate: enrollment.endDate, caseworkerName: enrollment.caseworkerName },
    scores: scoreCase(read.record, routine, today),
  };
}

export type ScoredCase = {
  position: number;
  /** Null in the anonymised version, and for a case that can no longer be read. */
  youth: { id: string; name: string; personalNumber: string } | null;
  /** The drawn enrollment's number, to check the draw against the frame; null in the anonymised version. */
  enrollmentId: number | null;
  enrollment: { id: number; startDate: string; endDate: string | null; caseworkerName: string | null } | null;
  scores: CriterionScore[];
};

/** Only the samordnare draws and reads stickprov: it is the unit's own internal control (ADR 0018). */
export function internalControlRegister(actor: Actor): RegisterAccess {
  if (actor.role !== "kaa_coordinator") throw new Response("Stickprov tas av KAA-samordnaren.", { status: 403 });
  return openRegister(actor);
}

/**
 * A sample with every case scored. `anonymous` leaves out name, personnummer and the youth's id (and
 * does not open the identity section): case numbers 1..n take their place. A case whose youth the
 * samordnare may no longer read (moved to another municipality) is shown without scores.
 */
export function sampleResult(actor: Actor, sampleId: number, options: { anonymous: boolean }, today = todayIso()) {
  const sample = sampleOf(internalControlRegister(actor), sampleId);
  const read = options.anonymous ? [...CASE_SECTIONS] : [...CASE_SECTIONS, "identity" as const];
  const files = openYouthFiles(
    actor,
    sample.cases.map((c) => c.youthId),
    { read, registerKeeperOnly: true },
  );
  const cases: ScoredCase[] = sample.cases.map((c) => {
    const file = files.get(c.youthId);
    const scored = file && CASE_SECTIONS.every((s) => file.has(s)) ? scoreSampledCase(file as CaseFile, c.enrollmentId, sample.routine, today) : null;
    const youth =
      file && !options.anonymous && file.has("identity")
        ? { id: file.id, name: `${file.youth.firstName} ${file.youth.lastName}`, personalNumber: displayPersonalNumber(file.youth.personalNumber) }
        : null;
    // The enrollment number lets an auditor check the draw against the frame; the anonymised version leaves it out.
    const enrollmentId = options.anonymous ? null : c.enrollmentId;
    return { position: c.position, youth, enrollmentId, enrollment: scored?.enrollment ?? null, scores: scored?.scores ?? [] };
  });
  return { sample, cases, totals: criterionTotals(cases), judgedOn: today };
}

export type SampleResult = ReturnType<typeof sampleResult>;

/** What the pages show of a result: nothing of the sample's own rows that names a youth (the anonymised view goes to the browser too). */
export function reportData(result: SampleResult) {
  const { id, seed, requestedSize, populationSize, periodFrom, periodTo, state, caseworkerName, createdByName, createdAt, routine, frameEnrollmentIds } =
    result.sample;
  return {
    sample: { id, seed, requestedSize, populationSize, periodFrom, periodTo, state, caseworkerName, createdByName, createdAt, routine, frameEnrollmentIds },
    totals: result.totals,
    judgedOn: result.judgedOn,
    cases: result.cases,
  };
}
