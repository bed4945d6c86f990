/**
 * What a granskare reads: its grants, the cases of a stickprov it holds a grant in force for, and one
 * case read-only. Every youth is opened through the kernel with the granskning's stickprov
 * (`review`), so each read is decided on today's grant and logged as "Granskning N". A case shows the
 * sampled enrollment only, not the youth's other periods: that is what the auditors were given.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { internalControlSampleCases, internalControlSamples, reviewGrants } from "#db/schema";
import { todayIso } from "~/lib/dates";
import { notFound } from "~/lib/http";
import { openYouthFile, openYouthFiles } from "~/modules/access/gate.server";
import { REVIEW_SECTIONS } from "~/modules/access/policy";
import type { Actor } from "~/modules/auth/actor.server";
import { documentationEnrollment } from "~/modules/documentation/documentation.server";
import { readYouthFile } from "~/modules/youth/youth-file.server";
import { readCaseRecord } from "./cases.server";
import { reviewGrantState } from "./review-labels";
import { displayPersonalNumber } from "~/modules/youth/personal-number";

/** The granskare's own grants for stickprov of its municipality, newest first (none for any other role). */
export function myReviewGrants(actor: Actor, today = todayIso()) {
  if (actor.role !== "auditor" || actor.municipalityId === null) return [];
  return getDb()
    .select({
      id: reviewGrants.id,
      sampleId: reviewGrants.sampleId,
      validFrom: reviewGrants.validFrom,
      validUntil: reviewGrants.validUntil,
      revokedAt: reviewGrants.revokedAt,
      periodFrom: internalControlSamples.periodFrom,
      periodTo: internalControlSamples.periodTo,
    })
    .from(reviewGrants)
    .innerJoin(internalControlSamples, eq(internalControlSamples.id, reviewGrants.sampleId))
    .where(and(eq(reviewGrants.membershipId, actor.membershipId), eq(internalControlSamples.municipalityId, actor.municipalityId)))
    .orderBy(desc(reviewGrants.validUntil), desc(reviewGrants.id))
    .all()
    .map((g) => ({ ...g, state: reviewGrantState(g, today) }));
}

export type GrantInForce = ReturnType<typeof myReviewGrants>[number];

/** One of the granskare's grants, if it is in force today; expired, revoked, not yet begun or another's: 404. */
export function grantInForce(actor: Actor, grantId: number, today = todayIso()): GrantInForce {
  const grant = Number.isSafeInteger(grantId) ? myReviewGrants(actor, today).find((g) => g.id === grantId) : undefined;
  if (!grant || grant.state !== "in_force") throw notFound();
  return grant;
}

function casesOf(sampleId: number) {
  return getDb()
    .select()
    .from(internalControlSampleCases)
    .where(eq(internalControlSampleCases.sampleId, sampleId))
    .orderBy(asc(internalControlSampleCases.position))
    .all();
}

/**
 * The stickprov's cases by case number, with name, personnummer and the sampled enrollment's dates.
 * One gate pass for the list (one log transaction); a case the kernel refuses (the youth has moved
 * to another municipality) is listed without its particulars.
 */
export function reviewCases(actor: Actor, grant: GrantInForce) {
  const cases = casesOf(grant.sampleId);
  const files = openYouthFiles(
    actor,
    cases.map((c) => c.youthId),
    { read: ["identity", "enrollment"], review: { sampleId: grant.sampleId } },
  );
  return cases.map((c) => {
    const file = files.get(c.youthId);
    if (!file?.has("identity") || !file.has("enrollment")) return { position: c.position, youth: null };
    const enrollment = documentationEnrollment(file, c.enrollmentId);
    return {
      position: c.position,
      youth: {
        name: `${file.youth.firstName} ${file.youth.lastName}`,
        personalNumber: displayPersonalNumber(file.youth.personalNumber),
        startDate: enrollment?.startDate ?? null,
        endDate: enrollment?.endDate ?? null,
      },
    };
  });
}

/**
 * One case, read-only: identity (never a protected address; no contact details of a youth with
 * skyddad identitet), the sampled enrollment, its contact attempts, kartläggning, plan, insatser and
 * follow-ups. A case number the stickprov does not have is a 404, like a youth the grant does not cover.
 */
export function readReviewCase(actor: Actor, grant: GrantInForce, position: number) {
  const cases = casesOf(grant.sampleId);
  const index = cases.findIndex((c) => c.position === position);
  const sampled = cases[index];
  if (!sampled) throw notFound();
  const file = openYouthFile(actor, sampled.youthId, { read: REVIEW_SECTIONS, review: { sampleId: grant.sampleId } });
  const identity = readYouthFile(file);
  const read = readCaseRecord(file, sampled.enrollmentId);
  if (!read) throw notFound();
  const { enrollment, attempts, assessment, plan, interventions } = read;
  const hidden = identity.protectedIdentity;
  return {
    position: sampled.position,
    caseCount: cases.length,
    previous: cases[index - 1]?.position ?? null,
    next: cases[index + 1]?.position ?? null,
    identity: {
      name: `${identity.firstName} ${identity.lastName}`,
      personalNumber: identity.personalNumber,
      isCoordinationNumber: identity.isCoordinationNumber,
      age: identity.age,
      homeMunicipalityName: identity.homeMunicipalityName,
      protectedIdentity: hidden,
      // Skyddad identitet: no address, phone, e-mail or guardians leave the KAA unit, as in the shared view.
      address: hidden || identity.address.kind !== "visible" ? null : identity.address,
      phone: hidden ? null : identity.phone,
      email: hidden ? null : identity.email,
      guardians: hidden ? [] : identity.guardians,
    },
    enrollment,
    attempts,
    assessment,
    plan,
    interventions,
    today: todayIso(),
  };
}

export type ReviewCase = ReturnType<typeof readReviewCase>;
