/**
 * A granskare's grants as the policy sees them. Part of the kernel: only the gate reads them, on every
 * request (nothing is cached in the session), so a grant that expires or is revoked closes the cases
 * at the very next request.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { internalControlSampleCases, internalControlSamples, reviewGrants } from "#db/schema";
import type { Actor } from "~/modules/auth/actor.server";
import type { PolicyReviewGrant } from "./policy";

/**
 * The grants the actor's membership holds for stickprov of its own municipality that contain each of
 * the youths (expired and revoked included: decide() judges them on today's date). With `sampleId`,
 * only that stickprov's grants: the page of one granskning logs its reads with that granskning.
 */
export function reviewGrantsOfYouths(actor: Actor, youthIds: readonly string[], sampleId?: number): Map<string, PolicyReviewGrant[]> {
  const out = new Map<string, PolicyReviewGrant[]>(youthIds.map((id) => [id, []]));
  if (youthIds.length === 0 || actor.role !== "auditor" || actor.municipalityId === null) return out;
  const rows = getDb()
    .select({
      youthId: internalControlSampleCases.youthId,
      sampleId: reviewGrants.sampleId,
      validFrom: reviewGrants.validFrom,
      validUntil: reviewGrants.validUntil,
      revokedAt: reviewGrants.revokedAt,
    })
    .from(reviewGrants)
    .innerJoin(internalControlSamples, eq(internalControlSamples.id, reviewGrants.sampleId))
    .innerJoin(internalControlSampleCases, eq(internalControlSampleCases.sampleId, reviewGrants.sampleId))
    .where(
      and(
        eq(reviewGrants.membershipId, actor.membershipId),
        eq(internalControlSamples.municipalityId, actor.municipalityId),
        youthIds.length === 1 ? eq(internalControlSampleCases.youthId, youthIds[0]!) : inArray(internalControlSampleCases.youthId, [...youthIds]),
        sampleId === undefined ? undefined : eq(reviewGrants.sampleId, sampleId),
      ),
    )
    .orderBy(asc(reviewGrants.sampleId), asc(reviewGrants.id))
    .all();
  for (const { youthId, revokedAt, ...grant } of rows) out.get(youthId)?.push({ ...grant, revoked: revokedAt !== null });
  return out;
}
