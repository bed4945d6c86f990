// The granskare (issue 15): a time-limited grant opens the cases of one stickprov, read only, through
// the kernel, each read logged with basis review and the stickprov; everything else stays closed.
import { and, desc, eq, gt } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client";
import { adminEvents, auditEvents, contactAttempts, enrollments, youths } from "#db/schema";
import { addDays, todayIso } from "~/lib/dates";
import { openRegister, openYouthFile } from "~/modules/access/gate.server";
import { describeBasis } from "~/modules/access/audit-labels";
import { listAuditEvents } from "~/modules/access/audit.server";
import { decide, decideConcernReport } from "~/modules/access/policy";
import { grantInForce, myReviewGrants, readReviewCase } from "~/modules/internal-control/review-cases.server";
import { grantsOfSample, revokeReviewGrant } from "~/modules/internal-control/review-grants.server";
import { reviewGrantSchema } from "~/modules/internal-control/review-schemas";
import { savePlan } from "~/modules/documentation/plans.server";
import { kaaStaff } from "~/modules/organizations/memberships.server";
import { followUpAudience } from "~/modules/statistics/follow-up.server";
import { loader as caseListLoader } from "~/routes/granskning.$grantId._index";
import { action as grantsAction } from "~/routes/uppfoljning.stickprov.$sampleId_.granskare";
import { loader as youthPageLoader } from "~/routes/ungdomar.$youthId._index";
import { enrolledYouth } from "../factories/enrollment";
import { fileFor } from "../factories/gate";
import { signedIn, statusOf } from "../factories/requests";
import { frozenSample, grantFor, latestEnrollmentId } from "../factories/review";
import { createActor, createWorld } from "../factories/world";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let auditor: Awaited<ReturnType<typeof createActor>>;
const today = todayIso();

beforeAll(async () => {
  world = await createWorld();
  auditor = await createActor("auditor", world.orgs.kaa);
});
afterEach(() => vi.useRealTimers());

/** A sampled youth with a plan, and an earlier ended enrollment with a contact of its own (not sampled). */
function sampledYouth() {
  const { youthId } = enrolledYouth(world.actors.caseworker);
  const enrollmentId = latestEnrollmentId(youthId);
  savePlan(fileFor(world.actors.caseworker, youthId, [], ["plan"]), {
    goal: "Börja på Komvux.",
    madeWithYouth: true,
    madeWithYouthDate: today,
    youthComment: undefined,
    noYouthInterventionsReason: undefined,
    noMunicipalityInterventionsReason: undefined,
    noOtherActorInterventionsReason: undefined,
  });
  const db = getDb();
  const earlier = db
    .insert(enrollments)
    .values({
      youthId,
      municipalityId: world.municipality.id,
      startDate: addDays(today, -500),
      endDate: addDays(today, -400),
      startReason: "register_check",
      endReason: "moved",
      status: "contacted",
      createdByMembershipId: world.actors.caseworker.membershipId,
    })
    .returning({ id: enrollments.id })
    .get().id;
  db.insert(contactAttempts)
    .values({
      enrollmentId: earlier,
      youthId,
      channel: "letter",
      target: "youth",
      date: addDays(today, -490),
      outcome: "reached",
      note: "ANDRA-PERIODEN",
      recordedByMembershipId: world.actors.caseworker.membershipId,
    })
    .run();
  return { youthId, enrollmentId, earlier };
}

function logSince(youthId: string, after: number) {
  return getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.youthId, youthId), gt(auditEvents.id, after)))
    .all();
}
const lastLogId = () => getDb().select({ id: auditEvents.id }).from(auditEvents).orderBy(desc(auditEvents.id)).get()?.id ?? 0;

/** Noon in Stockholm on a day: the gate judges the grant on "today" as the clock says it. */
function onDay(iso: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(`${iso}T11:00:00Z`));
}

describe("a granskare with a grant in force", () => {
  it("reads the sampled enrollment's sections, each logged with basis review and the stickprov", () => {
    const sampled = sampledYouth();
    const sampleId = frozenSample(world.actors.coordinator, [sampled]);
    const grantId = grantFor(world.actors.coordinator, auditor, sampleId, today, addDays(today, 30));
    const before = lastLogId();

    const view = readReviewCase(auditor, grantInForce(auditor, grantId), 1);

    expect(view.plan?.goal).toBe("Börja på Komvux.");
    expect(view.enrollment.id).toBe(sampled.enrollmentId);
    // Only the sampled period: the earlier enrollment's contact is not shown.
    expect(view.attempts.length).toBeGreaterThan(0);
    expect(view.attempts.every((a) => a.enrollmentId === sampled.enrollmentId)).toBe(true);
    const rows = logSince(sampled.youthId, before);
    expect(rows.map((r) => r.section).sort()).toEqual(["assessment", "contacts", "enrollment", "identity", "plan"]);
    expect(rows.every((r) => r.outcome === "allowed" && r.action === "read" && r.basis === "review" && r.basisRef === String(sampleId))).toBe(true);
    expect(describeBasis(rows[0]!)).toBe(`Granskning ${sampleId}`);
    // The log review's "other organisations" shows the granskare too, though its membership sits in the unit.
    const others = listAuditEvents(world.municipality.id, world.orgs.kaa.id, { otherOrganisations: true, page: 1 });
    expect(
      others.rows
        .filter((r) => r.basis === "review")
        .map((r) => r.section)
        .sort(),
    ).toEqual(["assessment", "contacts", "enrollment", "identity", "plan"]);
  });

  it("lists the cases by case number with name and personnummer, logged as Granskning N", async () => {
    const first = sampledYouth();
    const second = sampledYouth();
    const sampleId = frozenSample(world.actors.coordinator, [first, second]);
    const grantId = grantFor(world.actors.coordinator, auditor, sampleId, today, addDays(today, 10));
    const before = lastLogId();
    const request = (await signedIn(auditor)).get(`/granskning/${grantId}`);
    const data = await caseListLoader({ request, params: { grantId: String(grantId) }, context: {} });
    const name = getDb().select().from(youths).where(eq(youths.id, second.youthId)).get()!;
    expect(data.cases.map((c) => c.position)).toEqual([1, 2]);
    expect(data.cases[1]!.youth).toMatchObject({ name: `${name.firstName} ${name.lastName}` });
    const rows = [...logSince(first.youthId, before), ...logSince(second.youthId, before)];
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.basis === "review" && r.basisRef === String(sampleId))).toBe(true);
  });

  it("refuses a youth outside the stickprov like one that does not exist", async () => {
    const sampled = sampledYouth();
    const outside = enrolledYouth(world.actors.caseworker).youthId;
    const sampleId = frozenSample(world.actors.coordinator, [sampled]);
    grantFor(world.actors.coordinator, auditor, sampleId, today, addDays(today, 30));
    const before = lastLogId();
    expect(() => openYouthFile(auditor, outside, { read: ["identity"] })).toThrow(Response);
    expect(logSince(outside, before)).toMatchObject([{ section: "identity", outcome: "denied", basisRef: "no_review_grant" }]);
    // The KAA unit's own pages stay closed even for a sampled youth: the granskare reads only through its own.
    const request = (await signedIn(auditor)).get(`/ungdomar/${sampled.youthId}`);
    expect(await statusOf(() => youthPageLoader({ request, params: { youthId: sampled.youthId }, context: {} }))).toBe(404);
    // A case number the stickprov does not have is a 404 too.
    expect(() =>
      readReviewCase(
        auditor,
        myReviewGrants(auditor).find((g) => g.sampleId === sampleId)!,
        2,
      ),
    ).toThrow(Response);
  });

  it("is refused the protected address, consents, referrals, reports of concern, notices and every write", () => {
    const sampled = sampledYouth();
    getDb().update(youths).set({ protectedIdentity: true, streetAddress: "Hemliga gatan 1" }).where(eq(youths.id, sampled.youthId)).run();
    const sampleId = frozenSample(world.actors.coordinator, [sampled]);
    const grantId = grantFor(world.actors.coordinator, auditor, sampleId, today, addDays(today, 30));
    for (const section of ["consents", "referrals", "concern_reports", "notices"] as const) {
      expect(() => openYouthFile(auditor, sampled.youthId, { read: ["identity", section] }), section).toThrow(Response);
    }
    for (const section of ["identity", "enrollment", "contacts", "assessment", "plan"] as const) {
      expect(() => openYouthFile(auditor, sampled.youthId, { write: [section] }), section).toThrow(Response);
    }
    const file = openYouthFile(auditor, sampled.youthId, { read: ["identity", "protected_address"] });
    expect(file.has("protected_address")).toBe(false);
    const view = readReviewCase(auditor, grantInForce(auditor, grantId), 1);
    expect(view.identity).toMatchObject({ protectedIdentity: true, address: null, phone: null, email: null, guardians: [] });
    expect(JSON.stringify(view)).not.toContain("Hemliga gatan");
    // A report of concern the KAA unit sent is not the granskare's to read, though it sits in that unit.
    expect(decideConcernReport(auditor, { id: 1, recipientOrganisationId: world.orgs.social.id, reporterOrganisationId: world.orgs.kaa.id }, "read")).toEqual({
      allowed: false,
      reason: "role",
    });
  });
});

describe("the grant's period and revocation", () => {
  it("is in force from valid_from to valid_until inclusive, and not the day before or after", () => {
    const sampled = sampledYouth();
    const sampleId = frozenSample(world.actors.coordinator, [sampled]);
    const from = addDays(today, 2);
    const until = addDays(today, 9);
    const grantId = grantFor(world.actors.coordinator, auditor, sampleId, from, until);
    const policyYouth = {
      homeMunicipalityId: world.municipality.id,
      protectedIdentity: false,
      reviewGrants: [{ sampleId, validFrom: from, validUntil: until, revoked: false }],
    };
    expect(decide(auditor, policyYouth, "plan", "read", addDays(from, -1))).toEqual({ allowed: false, reason: "no_review_grant" });
    expect(decide(auditor, policyYouth, "plan", "read", from)).toEqual({ allowed: true, basis: "review", basisRef: String(sampleId) });
    expect(decide(auditor, policyYouth, "plan", "read", until)).toEqual({ allowed: true, basis: "review", basisRef: String(sampleId) });
    expect(decide(auditor, policyYouth, "plan", "read", addDays(until, 1))).toEqual({ allowed: false, reason: "no_review_grant" });

    // Through the gate, on the clock: checked on every request, nothing cached.
    const open = () => openYouthFile(auditor, sampled.youthId, { read: ["identity", "plan"], review: { sampleId } });
    onDay(addDays(from, -1));
    expect(open).toThrow(Response);
    expect(() => grantInForce(auditor, grantId)).toThrow(Response);
    onDay(from);
    expect(open().has("plan")).toBe(true);
    onDay(until);
    expect(open().has("plan")).toBe(true);
    expect(grantInForce(auditor, grantId).id).toBe(grantId);
    onDay(addDays(until, 1));
    expect(open).toThrow(Response);
    expect(() => grantInForce(auditor, grantId)).toThrow(Response);
    expect(myReviewGrants(auditor).find((g) => g.id === grantId)?.state).toBe("expired");
  });

  it("is refused at the next request once the samordnare revokes it, and the revocation is in the administrative log", () => {
    const sampled = sampledYouth();
    const sampleId = frozenSample(world.actors.coordinator, [sampled]);
    const grantId = grantFor(world.actors.coordinator, auditor, sampleId, today, addDays(today, 30));
    expect(openYouthFile(auditor, sampled.youthId, { read: ["identity"] }).has("identity")).toBe(true);
    expect(revokeReviewGrant(world.actors.coordinator, sampleId, { grantId })).toMatchObject({ ok: true });
    expect(() => openYouthFile(auditor, sampled.youthId, { read: ["identity"] })).toThrow(Response);
    expect(() => grantInForce(auditor, grantId)).toThrow(Response);
    expect(grantsOfSample(world.actors.coordinator, sampleId).find((g) => g.id === grantId)).toMatchObject({ state: "revoked" });
    expect(revokeReviewGrant(world.actors.coordinator, sampleId, { grantId })).toMatchObject({ ok: false });
    const logged = getDb().select().from(adminEvents).where(eq(adminEvents.targetUserId, auditor.userId)).all();
    expect(logged.map((e) => e.action)).toEqual(expect.arrayContaining(["review_grant_given", "review_grant_revoked"]));
    expect(logged.find((e) => e.action === "review_grant_revoked")?.detail).toContain(`Granskning ${sampleId}`);
  });
});

describe("the samordnare's grant form", () => {
  it("refuses bad dates, a non-granskare and an overlapping grant with Swedish messages and a 400, writing nothing", async () => {
    const sampled = sampledYouth();
    const sampleId = frozenSample(world.actors.coordinator, [sampled]);
    const post = async (fields: Record<string, string>) => {
      const request = (await signedIn(world.actors.coordinator)).post(`/uppfoljning/stickprov/${sampleId}/granskare`, { intent: "give", ...fields });
      const response = (await grantsAction({ request, params: { sampleId: String(sampleId) }, context: {} })) as Response;
      return { status: response.status, body: (await response.json()) as { errors: Record<string, string> } };
    };
    const member = String(auditor.membershipId);
    expect(await post({ membershipId: member, validFrom: addDays(today, -1), validUntil: today })).toMatchObject({
      status: 400,
      body: { errors: { validFrom: "Behörigheten kan inte börja gälla före i dag." } },
    });
    expect((await post({ membershipId: member, validFrom: today, validUntil: addDays(today, 91) })).body.errors.validUntil).toMatch(/högst 90 dagar/);
    expect((await post({ membershipId: member, validFrom: today, validUntil: "2026-13-01" })).status).toBe(400);
    expect(await post({ membershipId: String(world.actors.caseworker.membershipId), validFrom: today, validUntil: today })).toMatchObject({
      status: 400,
      body: { errors: { membershipId: "Välj en granskare vid KAA-enheten." } },
    });
    expect((await post({ membershipId: member, validFrom: today, validUntil: addDays(today, 5) })).status).toBe(200);
    // The same grant posted twice (a double click) is the one grant, not a conflict.
    expect((await post({ membershipId: member, validFrom: today, validUntil: addDays(today, 5) })).status).toBe(200);
    expect((await post({ membershipId: member, validFrom: addDays(today, 5), validUntil: addDays(today, 8) })).body.errors.validFrom).toMatch(
      /redan behörighet/,
    );
    expect(grantsOfSample(world.actors.coordinator, sampleId)).toHaveLength(1);
    expect(reviewGrantSchema.safeParse({ membershipId: member, validFrom: addDays(today, 3), validUntil: addDays(today, 2) }).success).toBe(false);
  });

  it("is the samordnare's of the stickprov's municipality: a caseworker gets 403, another municipality's stickprov a 404", async () => {
    const other = await createWorld();
    const theirs = frozenSample(
      other.actors.coordinator,
      [{ youthId: enrolledYouth(other.actors.caseworker).youthId, enrollmentId: 0 }].map((c) => ({ ...c, enrollmentId: latestEnrollmentId(c.youthId) })),
    );
    const mine = frozenSample(world.actors.coordinator, [sampledYouth()]);
    const post = async (actor: typeof auditor, sampleId: number) => {
      const request = (await signedIn(actor)).post(`/uppfoljning/stickprov/${sampleId}/granskare`, { intent: "revoke", grantId: "1" });
      return statusOf(() => grantsAction({ request, params: { sampleId: String(sampleId) }, context: {} }));
    };
    expect(await post(world.actors.caseworker, mine)).toBe(403);
    expect(await post(auditor, mine)).toBe(403);
    expect(await post(world.actors.coordinator, theirs)).toBe(404);
  });
});

describe("what stays closed to the granskare", () => {
  it("has no register, no follow-up and is no caseworker", () => {
    expect(() => openRegister(auditor)).toThrow(Response);
    expect(followUpAudience(auditor)).toBeNull();
    expect(kaaStaff(world.orgs.kaa.id).map((s) => s.membershipId)).not.toContain(auditor.membershipId);
  });
});
