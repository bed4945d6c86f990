import { desc, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { enrollments, internalControlSampleCases, internalControlSamples, reviewGrants } from "#db/schema";
import type { Actor } from "~/modules/auth/actor.server";
import { giveReviewGrant } from "~/modules/internal-control/review-grants.server";

/** The youth's latest enrollment (the one a stickprov of today would draw). */
export function latestEnrollmentId(youthId: string): number {
  return getDb().select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.youthId, youthId)).orderBy(desc(enrollments.id)).get()!.id;
}

/**
 * A stickprov frozen as the sampler stores one, with the given enrollments as cases 1..n (the tests
 * of the granskare need known cases, not a draw).
 */
export function frozenSample(coordinator: Actor, cases: { youthId: string; enrollmentId: number }[], periodFrom = "2025-01-01", periodTo = "2026-12-31") {
  const db = getDb();
  const sampleId = db
    .insert(internalControlSamples)
    .values({
      municipalityId: coordinator.municipalityId!,
      seed: `test-${Math.random().toString(36).slice(2)}`,
      requestedSize: cases.length,
      periodFrom,
      periodTo,
      populationSize: cases.length,
      routineSnapshot: "[]",
      createdByMembershipId: coordinator.membershipId,
    })
    .returning({ id: internalControlSamples.id })
    .get().id;
  db.insert(internalControlSampleCases)
    .values(cases.map((c, i) => ({ sampleId, position: i + 1, ...c })))
    .run();
  return sampleId;
}

/** A grant given by the samordnare through the module (so the administrative log has it too); its id. */
export function grantFor(coordinator: Actor, auditor: Actor, sampleId: number, validFrom: string, validUntil: string): number {
  const result = giveReviewGrant(coordinator, sampleId, { membershipId: auditor.membershipId, validFrom, validUntil });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return getDb()
    .select({ id: reviewGrants.id })
    .from(reviewGrants)
    .where(eq(reviewGrants.membershipId, auditor.membershipId))
    .orderBy(desc(reviewGrants.id))
    .get()!.id;
}
