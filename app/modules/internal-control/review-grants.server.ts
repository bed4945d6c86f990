/**
 * The samordnare gives a granskare (an auditor's membership in the KAA unit) a time-limited grant to
 * read the cases of one stickprov, and revokes it. The grant names no youth: the kernel reads it on
 * every request of the granskare (access/review-grants-loader.server.ts). Giving and revoking are
 * changes of access rights, logged in the administrative log like a role given or ended.
 */
import { and, asc, count, desc, eq, gte, isNull, lte } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "#db/client";
import { internalControlSampleCases, internalControlSamples, memberships, reviewGrants, users } from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-fields";
import { forbidden, notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { logAdminEvent } from "~/modules/organizations/admin.server";
import { reviewGrantState } from "./review-labels";
import type { ReviewGrantInput, ReviewRevokeInput } from "./review-schemas";

type Result = { ok: true; message: string } | { ok: false; errors: FieldErrors };

export type SampleHeader = { id: number; periodFrom: string; periodTo: string; caseCount: number; createdAt: string };

/** The samordnare of the KAA unit, and nobody else, manages the grants of the unit's stickprov. */
function requireCoordinator(actor: Actor): Actor & { municipalityId: number; organisationId: number } {
  if (actor.role !== "kaa_coordinator" || actor.organisationKind !== "kaa_unit" || actor.municipalityId === null || actor.organisationId === null) {
    throw forbidden();
  }
  return actor as Actor & { municipalityId: number; organisationId: number };
}

/** A stickprov of the samordnare's municipality; another municipality's, or none, is the same 404. */
export function sampleForGrants(actor: Actor, sampleId: number): SampleHeader {
  const coordinator = requireCoordinator(actor);
  if (!Number.isSafeInteger(sampleId) || sampleId <= 0) throw notFound();
  const db = getDb();
  const sample = db
    .select({
      id: internalControlSamples.id,
      periodFrom: internalControlSamples.periodFrom,
      periodTo: internalControlSamples.periodTo,
      createdAt: internalControlSamples.createdAt,
    })
    .from(internalControlSamples)
    .where(and(eq(internalControlSamples.id, sampleId), eq(internalControlSamples.municipalityId, coordinator.municipalityId)))
    .get();
  if (!sample) throw notFound();
  const caseCount = db.select({ n: count() }).from(internalControlSampleCases).where(eq(internalControlSampleCases.sampleId, sample.id)).get()?.n ?? 0;
  return { ...sample, caseCount };
}

/** The unit's active granskare memberships (users not disabled), for the grant form. */
export function auditorCandidates(actor: Actor) {
  const coordinator = requireCoordinator(actor);
  return getDb()
    .select({ membershipId: memberships.id, userId: users.id, displayName: users.displayName, username: users.username })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.organisationId, coordinator.organisationId), eq(memberships.role, "auditor"), isNull(memberships.endedAt), isNull(users.disabledAt)),
    )
    .orderBy(asc(users.displayName))
    .all();
}

/** Every grant of the stickprov, newest first, with who holds it, who gave it and who revoked it. */
export function grantsOfSample(actor: Actor, sampleId: number, today = todayIso()) {
  const sample = sampleForGrants(actor, sampleId);
  const holder = alias(users, "holder");
  const holderMembership = alias(memberships, "holder_membership");
  const giver = alias(users, "giver");
  const giverMembership = alias(memberships, "giver_membership");
  const revoker = alias(users, "revoker");
  const revokerMembership = alias(memberships, "revoker_membership");
  return getDb()
    .select({
      id: reviewGrants.id,
      validFrom: reviewGrants.validFrom,
      validUntil: reviewGrants.validUntil,
      createdAt: reviewGrants.createdAt,
      revokedAt: reviewGrants.revokedAt,
      holderUserId: holder.id,
      holderName: holder.displayName,
      holderUsername: holder.username,
      givenBy: giver.displayName,
      revokedBy: revoker.displayName,
    })
    .from(reviewGrants)
    .innerJoin(holderMembership, eq(holderMembership.id, reviewGrants.membershipId))
    .innerJoin(holder, eq(holder.id, holderMembership.userId))
    .innerJoin(giverMembership, eq(giverMembership.id, reviewGrants.createdByMembershipId))
    .innerJoin(giver, eq(giver.id, giverMembership.userId))
    .leftJoin(revokerMembership, eq(revokerMembership.id, reviewGrants.revokedByMembershipId))
    .leftJoin(revoker, eq(revoker.id, revokerMembership.userId))
    .where(eq(reviewGrants.sampleId, sample.id))
    .orderBy(desc(reviewGrants.createdAt), desc(reviewGrants.id))
    .all()
    .map((g) => ({ ...g, state: reviewGrantState(g, today) }));
}

const period = (from: string, until: string) => `${from} – ${until}`;

/** Gives the chosen granskare the stickprov from one day to another (the form checked the dates against today). */
export function giveReviewGrant(actor: Actor, sampleId: number, input: ReviewGrantInput): Result {
  const sample = sampleForGrants(actor, sampleId);
  const auditor = auditorCandidates(actor).find((c) => c.membershipId === input.membershipId);
  if (!auditor) return { ok: false, errors: { membershipId: "Välj en granskare vid KAA-enheten." } };
  const db = getDb();
  // One grant at a time per granskare and stickprov: a second over the same days would only blur the log.
  const overlapping = db
    .select({ id: reviewGrants.id, validFrom: reviewGrants.validFrom, validUntil: reviewGrants.validUntil })
    .from(reviewGrants)
    .where(
      and(
        eq(reviewGrants.sampleId, sample.id),
        eq(reviewGrants.membershipId, auditor.membershipId),
        isNull(reviewGrants.revokedAt),
        lte(reviewGrants.validFrom, input.validUntil),
        gte(reviewGrants.validUntil, input.validFrom),
      ),
    )
    .get();
  // The same grant posted again (a double click, a resent form) is the grant already given, not a conflict.
  if (overlapping && overlapping.validFrom === input.validFrom && overlapping.validUntil === input.validUntil) {
    return { ok: true, message: `${auditor.displayName} kan granska stickprovet ${period(input.validFrom, input.validUntil)}.` };
  }
  if (overlapping) {
    return { ok: false, errors: { validFrom: `${auditor.displayName} har redan behörighet till stickprovet under en del av den tiden.` } };
  }
  db.transaction((tx) => {
    tx.insert(reviewGrants)
      .values({
        sampleId: sample.id,
        membershipId: auditor.membershipId,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        createdByMembershipId: actor.membershipId,
      })
      .run();
    logAdminEvent(
      actor,
      "review_grant_given",
      { userId: auditor.userId, organisationId: actor.organisationId, detail: `Granskning ${sample.id}, ${period(input.validFrom, input.validUntil)}` },
      tx,
    );
  });
  return { ok: true, message: `${auditor.displayName} kan granska stickprovet ${period(input.validFrom, input.validUntil)}.` };
}

/** Revokes a grant that has not yet run out: it stops at the granskare's next request. */
export function revokeReviewGrant(actor: Actor, sampleId: number, input: ReviewRevokeInput, today = todayIso()): Result {
  const grant = grantsOfSample(actor, sampleId, today).find((g) => g.id === input.grantId);
  if (!grant) return { ok: false, errors: { form: "Behörigheten finns inte för det här stickprovet." } };
  if (grant.state === "revoked" || grant.state === "expired") {
    return { ok: false, errors: { form: `Behörigheten för ${grant.holderName} gäller redan inte längre.` } };
  }
  getDb().transaction((tx) => {
    tx.update(reviewGrants)
      .set({ revokedAt: new Date().toISOString(), revokedByMembershipId: actor.membershipId })
      .where(and(eq(reviewGrants.id, grant.id), isNull(reviewGrants.revokedAt)))
      .run();
    logAdminEvent(
      actor,
      "review_grant_revoked",
      { userId: grant.holderUserId, organisationId: actor.organisationId, detail: `Granskning ${sampleId}, ${period(grant.validFrom, grant.validUntil)}` },
      tx,
    );
  });
  return { ok: true, message: `Behörigheten för ${grant.holderName} är återkallad.` };
}
