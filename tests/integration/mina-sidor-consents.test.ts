import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { auditEvents, consentRequests, consents, referrals, youths } from "#db/schema";
import { addDays, addMonths, addYears, todayIso } from "~/lib/dates";
import { openYouthFile } from "~/modules/access/gate.server";
import { REFUSED_CITIZEN, REPORTER_NOT_NAMED } from "~/modules/access/own-access-log.server";
import { openOwnFile, type CitizenRelation } from "~/modules/access/own-file.server";
import type { YouthSection } from "~/modules/access/policy";
import { startCitizenSession, upsertCitizen } from "~/modules/auth/citizen.server";
import { startSession } from "~/modules/auth/session.server";
import { fileConcernReport } from "~/modules/concern-reports/concern-reports.server";
import { prepareConsentRequest } from "~/modules/consent/consent-requests.server";
import { listConsents, recordConsent, WITHDRAWN_BY_YOUTH } from "~/modules/consent/consents.server";
import { saveAssessment, savePlan } from "~/modules/documentation/plans.server";
import { addYouthEvaluation } from "~/modules/documentation/youth-evaluations.server";
import { sendReferral } from "~/modules/referrals/referrals.server";
import { createYouth, readYouthFile } from "~/modules/youth/youth-file.server";
import { loader as sharedLoader } from "~/routes/delat.$youthId";
import { loader as ownConsentsLoader } from "~/routes/mina-sidor.$youthId.samtycken._index";
import { action as withdrawAction, loader as ownConsentLoader } from "~/routes/mina-sidor.$youthId.samtycken.$consentId";
import { action as answerAction } from "~/routes/mina-sidor.$youthId.samtycken.forfragan.$requestId";
import { loader as registerutdragLoader } from "~/routes/mina-sidor.$youthId.registerutdrag";
import { action as revealAction } from "~/routes/ungdomar.$youthId._index";
import { enrolledYouth } from "../factories/enrollment";
import { signedIn, statusOf } from "../factories/requests";
import { createWorld } from "../factories/world";
import { swedishFaker, youthInput } from "../factories/youth";

let world: Awaited<ReturnType<typeof createWorld>>;
const today = todayIso();
const STALE = Date.now() - 20 * 60 * 1000;

beforeAll(async () => {
  world = await createWorld();
});

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
}

const writer = <W extends YouthSection>(youthId: string, ...write: W[]) => openYouthFile(world.actors.caseworker, youthId, { write });

/** A signed-in youth or guardian on Mina sidor, as a browser would send requests. */
async function citizen(youthId: string, relation: CitizenRelation["relation"], authenticatedAt = Date.now()) {
  const pnr = relation === "self" ? getDb().select({ pnr: youths.personalNumber }).from(youths).where(eq(youths.id, youthId)).get()!.pnr : "197001019876";
  const userId = upsertCitizen(`${pnr}-${relation}-${Math.random()}`, relation === "self" ? "Ungdomen Själv" : "Förälder Föräldersson");
  const cookie = (await startCitizenSession(userId, [{ youthId, relation }], { authenticatedAt, identityProviderId: null })).split(";")[0]!;
  const url = (path: string) => `http://localhost${path}`;
  return {
    userId,
    get: (path: string) => new Request(url(path), { headers: { Cookie: cookie } }),
    post: (path: string, fields: Record<string, string> = {}) =>
      new Request(url(path), {
        method: "POST",
        headers: { Cookie: cookie, Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      }),
  };
}

async function thrown(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    throw new Error("expected a Response");
  } catch (response) {
    if (response instanceof Response) return response;
    throw response;
  }
}

/** A youth with a consent for socialtjänsten (identity and plan) and a referral resting on it. */
function youthWithConsentAndReferral(options: { birthDate?: string } = {}) {
  const { youthId } = enrolledYouth(world.actors.caseworker, options);
  const { id: consentId } = ok(
    recordConsent(writer(youthId, "consents"), {
      givenBy: "youth",
      guardianName: undefined,
      maturityNote: "Ungdomen förstår vad samtycket innebär.",
      method: "oral",
      documentRef: undefined,
      recipientOrganisationIds: [world.orgs.social.id],
      sections: ["identity", "plan"],
      purpose: "Samordna stöd inför studiestart.",
      validFrom: today,
      validUntil: addMonths(today, 12),
    }),
  );
  const { id: referralId } = ok(
    sendReferral(writer(youthId, "referrals"), {
      recipientOrganisationId: world.orgs.social.id,
      question: "Behöver stöd.",
      requestedIntervention: "Kontakt med socialsekreterare.",
      sections: ["identity", "plan"],
    }),
  );
  return { youthId, consentId, referralId };
}

const under18 = () => addDays(addYears(today, -17), -30);

describe("the youth withdraws a consent on Mina sidor", () => {
  it("takes effect at once: socialtjänsten's next page is a 404, the referral is revoked, the method recorded", async () => {
    const { youthId, consentId, referralId } = youthWithConsentAndReferral();
    const social = await signedIn(world.actors.social);
    const shared = () => sharedLoader({ request: social.get(`/delat/${youthId}`), params: { youthId }, context: {} });
    expect(await statusOf(shared)).toBe(200);

    const youth = await citizen(youthId, "self");
    const path = `/mina-sidor/${youthId}/samtycken/${consentId}`;
    const page = await ownConsentLoader({ request: youth.get(`${path}?aterkalla=1`), params: { youthId, consentId: String(consentId) }, context: {} });
    expect(page).toMatchObject({ self: true, confirming: true, consent: { id: consentId, withdrawnDate: null } });
    const done = await thrown(() => withdrawAction({ request: youth.post(path), params: { youthId, consentId: String(consentId) }, context: {} }));
    expect(done.status).toBe(302);

    expect(await statusOf(shared)).toBe(404);
    expect(getDb().select().from(referrals).where(eq(referrals.id, referralId)).get()).toMatchObject({ status: "revoked", revokedByMembershipId: null });
    expect(getDb().select().from(consents).where(eq(consents.id, consentId)).get()).toMatchObject({
      withdrawnDate: today,
      withdrawalMethod: "digital_by_youth",
      withdrawnByUserId: youth.userId,
      withdrawnByMembershipId: null,
    });
    // The caseworker sees who withdrew it: the youth, not whoever recorded the consent.
    const staffView = listConsents(openYouthFile(world.actors.caseworker, youthId, { read: ["consents"] })).find((c) => c.id === consentId);
    expect(staffView).toMatchObject({ withdrawalMethod: "digital_by_youth", withdrawnBy: WITHDRAWN_BY_YOUTH });
    // The write is logged by the kernel as the data subject's.
    const logged = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.youthId, youthId), eq(auditEvents.userId, youth.userId), eq(auditEvents.action, "write")))
      .get();
    expect(logged).toMatchObject({ section: "consents", outcome: "allowed", basis: "data_subject", role: "youth" });
  });

  it("is refused without an e-legitimation in the last 15 minutes: off to the step-up, nothing withdrawn", async () => {
    const { youthId, consentId } = youthWithConsentAndReferral();
    const youth = await citizen(youthId, "self", STALE);
    const path = `/mina-sidor/${youthId}/samtycken/${consentId}`;
    const params = { youthId, consentId: String(consentId) };
    const confirm = await thrown(() => ownConsentLoader({ request: youth.get(`${path}?aterkalla=1`), params, context: {} }));
    expect(confirm.headers.get("Location")).toBe(`/mina-sidor/logga-in/start?bekrafta=1&redirectTo=${encodeURIComponent(`${path}?aterkalla=1`)}`);
    const post = await thrown(() => withdrawAction({ request: youth.post(path), params, context: {} }));
    expect(post.status).toBe(302);
    expect(post.headers.get("Location")).toMatch(/^\/mina-sidor\/logga-in\/start\?bekrafta=1&redirectTo=/);
    expect(getDb().select().from(consents).where(eq(consents.id, consentId)).get()?.withdrawnDate).toBeNull();
  });

  it("is refused to a guardian, who sees the consents read-only", async () => {
    const { youthId, consentId } = youthWithConsentAndReferral({ birthDate: under18() });
    const guardian = await citizen(youthId, "guardian");
    const list = await ownConsentsLoader({ request: guardian.get(`/mina-sidor/${youthId}/samtycken`), params: { youthId }, context: {} });
    expect(list).toMatchObject({ self: false, questions: [] });
    expect(list.consents.map((c) => c.id)).toContain(consentId);
    // Nothing of the staff's record reaches a guardian's browser: not the maturity judgement, nor the referrals.
    const path = `/mina-sidor/${youthId}/samtycken/${consentId}`;
    const one = await ownConsentLoader({ request: guardian.get(path), params: { youthId, consentId: String(consentId) }, context: {} });
    for (const sent of [list, one]) expect(JSON.stringify(sent)).not.toMatch(/Ungdomen förstår vad samtycket innebär|maturityNote|recordedBy|documentRef/);
    expect(one.referrals).toEqual([]);
    const own = await citizen(youthId, "self");
    const mine = await ownConsentLoader({ request: own.get(path), params: { youthId, consentId: String(consentId) }, context: {} });
    expect(mine.referrals).toHaveLength(1);
    const post = await thrown(() => withdrawAction({ request: guardian.post(path), params: { youthId, consentId: String(consentId) }, context: {} }));
    expect(post.status).toBe(404);
    expect(getDb().select().from(consents).where(eq(consents.id, consentId)).get()?.withdrawnDate).toBeNull();
  });
});

describe("a consent the caseworker prepared", () => {
  function prepared(youthId: string) {
    return ok(
      prepareConsentRequest(writer(youthId, "consents"), {
        // The factory's youths may be 16 or 17: the caseworker judges the youth's maturity.
        maturityNote: "Hen förstår vad frågan gäller.",
        recipientOrganisationIds: [world.orgs.social.id],
        sections: ["identity", "plan"],
        purpose: "Få hjälp med boende.",
        validFrom: today,
        validUntil: addMonths(today, 6),
      }),
    ).id;
  }

  it("is shown to the youth, and accepting it records the consent as given digitally by the youth", async () => {
    const { youthId } = enrolledYouth(world.actors.caseworker);
    const requestId = prepared(youthId);
    const youth = await citizen(youthId, "self");
    const list = await ownConsentsLoader({ request: youth.get(`/mina-sidor/${youthId}/samtycken`), params: { youthId }, context: {} });
    expect(list.questions.map((q) => q.id)).toEqual([requestId]);
    const path = `/mina-sidor/${youthId}/samtycken/forfragan/${requestId}`;
    const answered = await thrown(() =>
      answerAction({ request: youth.post(path, { answer: "accept" }), params: { youthId, requestId: String(requestId) }, context: {} }),
    );
    expect(answered.status).toBe(302);
    const consent = getDb().select().from(consents).where(eq(consents.consentRequestId, requestId)).get();
    expect(consent).toMatchObject({
      givenBy: "youth",
      method: "digital",
      givenByUserId: youth.userId,
      recordedByMembershipId: world.actors.caseworker.membershipId,
      purpose: "Få hjälp med boende.",
    });
    expect(getDb().select().from(consentRequests).where(eq(consentRequests.id, requestId)).get()).toMatchObject({
      state: "accepted",
      answeredByUserId: youth.userId,
    });
    // It opens the file to socialtjänsten like any consent.
    const social = await signedIn(world.actors.social);
    expect(await statusOf(() => sharedLoader({ request: social.get(`/delat/${youthId}`), params: { youthId }, context: {} }))).toBe(200);
    // Answered once only.
    const again = await answerAction({ request: youth.post(path, { answer: "decline" }), params: { youthId, requestId: String(requestId) }, context: {} });
    expect(again.status).toBe(400);
  });

  it("declining is recorded and creates no consent; a guardian cannot answer", async () => {
    const { youthId } = enrolledYouth(world.actors.caseworker);
    const requestId = prepared(youthId);
    const params = { youthId, requestId: String(requestId) };
    const path = `/mina-sidor/${youthId}/samtycken/forfragan/${requestId}`;
    const youth = await citizen(youthId, "self");
    expect((await thrown(() => answerAction({ request: youth.post(path, { answer: "decline" }), params, context: {} }))).status).toBe(302);
    expect(getDb().select().from(consentRequests).where(eq(consentRequests.id, requestId)).get()).toMatchObject({ state: "declined" });
    expect(getDb().select().from(consents).where(eq(consents.consentRequestId, requestId)).get()).toBeUndefined();

    const minor = enrolledYouth(world.actors.caseworker, { birthDate: under18() }).youthId;
    const minorRequest = ok(
      prepareConsentRequest(writer(minor, "consents"), {
        maturityNote: "Hen förstår frågan och vill själv.",
        recipientOrganisationIds: [world.orgs.social.id],
        sections: ["plan"],
        purpose: "Stöd.",
        validFrom: today,
        validUntil: addMonths(today, 6),
      }),
    ).id;
    const guardian = await citizen(minor, "guardian");
    const refused = await thrown(() =>
      answerAction({
        request: guardian.post(`/mina-sidor/${minor}/samtycken/forfragan/${minorRequest}`, { answer: "accept" }),
        params: { youthId: minor, requestId: String(minorRequest) },
        context: {},
      }),
    );
    expect(refused.status).toBe(404);
    expect(getDb().select().from(consentRequests).where(eq(consentRequests.id, minorRequest)).get()).toMatchObject({ state: "pending" });
  });
});

describe("the registerutdrag", () => {
  it("holds every part of the file and the access log with the youth's own reads, nothing of another youth; a guardian gets 404", async () => {
    const { youthId, referralId } = youthWithConsentAndReferral({ birthDate: under18() });
    ok(
      saveAssessment(writer(youthId, "assessment"), {
        date: today,
        occupation: "none",
        occupationNote: undefined,
        completedGrades: "Åk 9",
        studiebevis: "no",
        imHistory: undefined,
        prerequisites: undefined,
        needs: "KARTLÄGGNING-BEHOV",
        youthWishes: undefined,
        youthTookPart: true,
        guardianTookPart: false,
        otherParticipants: undefined,
      }),
    );
    ok(
      savePlan(writer(youthId, "plan"), {
        goal: "PLANMÅL-KOMVUX",
        madeWithYouth: true,
        madeWithYouthDate: today,
        youthComment: undefined,
        noYouthInterventionsReason: undefined,
        noMunicipalityInterventionsReason: undefined,
        noOtherActorInterventionsReason: undefined,
      }),
    );
    ok(
      fileConcernReport(openYouthFile(world.actors.caseworker, youthId, { read: ["identity"], registerKeeperOnly: true }), {
        observed: "HEMLIGT-OROSINNEHÅLL",
        observedWhen: today,
        reporterPhone: undefined,
      }),
    );
    const other = enrolledYouth(world.actors.caseworker).youthId;
    const otherName = getDb().select({ lastName: youths.lastName }).from(youths).where(eq(youths.id, other)).get()!.lastName;

    // Someone else on Mina sidor tries the youth's file: refused, and not named to the youth.
    const stranger = {
      userId: upsertCitizen("199001011234-stranger", "Främling Främlingsson"),
      sessionId: "x",
      displayName: "Främling",
      authenticatedAt: Date.now(),
    };
    expect(await statusOf(async () => openOwnFile({ ...stranger, relations: [] }, youthId, { read: ["identity"] }))).toBe(404);
    const youth = await citizen(youthId, "self");
    // What the youth wrote about the plan on Mina sidor is part of what the portal holds about them.
    const own = openOwnFile(
      { userId: youth.userId, sessionId: "s", displayName: "Ungdomen Själv", authenticatedAt: Date.now(), relations: [{ youthId, relation: "self" }] },
      youthId,
      {
        write: ["plan"],
      },
    );
    expect(addYouthEvaluation(own, { insats: null, rating: "partly", text: "EGNA-ORD-OM-PLANEN" })).toEqual({ ok: true });
    const data = await registerutdragLoader({ request: youth.get(`/mina-sidor/${youthId}/registerutdrag`), params: { youthId }, context: {} });
    expect(data.identity.id).toBe(youthId);
    expect(data.periods).toHaveLength(1);
    expect(data.periods[0]).toMatchObject({ assessment: { needs: "KARTLÄGGNING-BEHOV" }, plan: { goal: "PLANMÅL-KOMVUX" } });
    expect(data.periods[0]!.ownEvaluations).toEqual([expect.objectContaining({ about: null, ratingLabel: "Delvis", text: "EGNA-ORD-OM-PLANEN" })]);
    expect(data.attempts.length).toBeGreaterThan(0);
    expect(data.consents).toHaveLength(1);
    expect(data.referrals).toEqual([expect.objectContaining({ id: referralId, recipientName: world.orgs.social.name })]);
    // A report of concern: that it exists, when and to whom, never what it says or who wrote it.
    expect(data.concernReports).toEqual([{ id: expect.any(Number), createdAt: expect.any(String), recipientName: world.orgs.social.name }]);
    const text = JSON.stringify(data);
    expect(text).not.toContain("HEMLIGT-OROSINNEHÅLL");
    expect(text).not.toContain(otherName);
    // The log: the caseworker's accesses and the youth's own reads of this very page, as the data subject.
    const ownReads = data.accessLog.filter((line) => line.basis === "data_subject");
    expect(ownReads.map((line) => line.sections).flat()).toEqual(expect.arrayContaining(["identity", "plan", "concern_reports"]));
    expect(data.accessLog.some((line) => line.basis === "register_keeper" && line.action === "write")).toBe(true);
    // The one who filed the report of concern (here the caseworker) is named nowhere in the log, nor the stranger.
    expect(JSON.stringify(data.accessLog)).not.toContain(world.actors.caseworker.displayName);
    expect(JSON.stringify(data.accessLog)).not.toContain("Främling");
    expect(data.accessLog.some((line) => line.who === REPORTER_NOT_NAMED && line.sections.includes("concern_reports"))).toBe(true);
    expect(data.accessLog.some((line) => line.who === REFUSED_CITIZEN && line.outcome === "denied")).toBe(true);

    const guardian = await citizen(youthId, "guardian");
    expect(
      await statusOf(() => registerutdragLoader({ request: guardian.get(`/mina-sidor/${youthId}/registerutdrag`), params: { youthId }, context: {} })),
    ).toBe(404);
  });
});

describe("a protected address for staff", () => {
  it("with a sign-in older than 15 minutes: the reveal goes to /konto/bekrafta, and the kernel refuses it (logged)", async () => {
    const created = createYouth(
      world.actors.coordinator,
      youthInput(swedishFaker(7), { homeMunicipalityId: world.municipality.id, city: "Nässjö", postalPrefix: "571", protectedIdentity: true }),
    );
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const youthId = created.id;
    const stale = { ...world.actors.coordinator, authenticatedAt: STALE };
    const cookie = (await startSession(stale.userId, stale.membershipId, { authMethod: "password_totp", authenticatedAt: STALE })).split(";")[0]!;
    const request = new Request(`http://localhost/ungdomar/${youthId}`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
    });
    const response = await thrown(() => revealAction({ request, params: { youthId }, context: {} }));
    expect(response.headers.get("Location")).toBe(`/konto/bekrafta?redirectTo=${encodeURIComponent(`/ungdomar/${youthId}`)}`);

    // Whatever skipped the step-up, the kernel refuses the address and logs why.
    const youth = readYouthFile(openYouthFile(stale, youthId, { read: ["identity", "protected_address"], registerKeeperOnly: true }));
    expect(youth.address.kind).toBe("protected");
    const refusal = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.youthId, youthId), eq(auditEvents.section, "protected_address")))
      .orderBy(desc(auditEvents.id))
      .get();
    expect(refusal).toMatchObject({ outcome: "denied", basisRef: "reauthentication_required" });
    // Fresh, it is shown.
    expect(
      readYouthFile(openYouthFile(world.actors.coordinator, youthId, { read: ["identity", "protected_address"], registerKeeperOnly: true })).address.kind,
    ).toBe("protected_revealed");
  });
});
