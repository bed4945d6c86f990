// Issue 16: who is told what about a referral and a school notice, and the recipient's page of a
// revoked referral. The notices are the in-app rows; none may name the youth.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { memberships } from "#db/schema";
import { addMonths, todayIso } from "~/lib/dates";
import { openYouthFile } from "~/modules/access/gate.server";
import type { YouthSection } from "~/modules/access/policy";
import type { Actor } from "~/modules/auth/actor.server";
import { recordConsent, withdrawConsent } from "~/modules/consent/consents.server";
import { fileNotices } from "~/modules/notices/notices.server";
import { receiveNotice } from "~/modules/notices/receive-notice.server";
import { acceptReferral, addReferralFeedback, closeReferral, declineReferral, revokeReferral } from "~/modules/referrals/referral-steps.server";
import { sendReferral } from "~/modules/referrals/referrals.server";
import { loader as referralLoader } from "~/routes/remisser.$referralId";
import { enrolledYouth } from "../factories/enrollment";
import { startTestSmtp, useTestSmtp, type TestSmtp } from "../setup/smtp";
import { expectMailed, expectNoPersonalData, noticesOn, youthWords } from "../factories/notifications";
import { signedIn, statusOf } from "../factories/requests";
import { createActor, createWorld } from "../factories/world";
import { swedishFaker, youthInput } from "../factories/youth";

let world: Awaited<ReturnType<typeof createWorld>>;
let social2: Actor;
const today = todayIso();
const faker = swedishFaker(1616);

let smtp: TestSmtp;
afterAll(() => smtp.stop());

beforeAll(async () => {
  smtp = await startTestSmtp();
  // Posts through the routes come from http://localhost: the origin check must agree.
  useTestSmtp(smtp.port, { PUBLIC_ORIGIN: "http://localhost" });
  world = await createWorld();
  // Socialtjänsten has two members: a new referral goes to both.
  social2 = await createActor("social_worker", world.orgs.social);
});

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
}

const writer = <W extends YouthSection>(actor: Actor, youthId: string, ...write: W[]) => openYouthFile(actor, youthId, { write });

/** A youth whose caseworker is the world's caseworker, with a consent to socialtjänsten, and a referral sent by `sender`. */
function referredYouth(sender: Actor = world.actors.caseworker) {
  const { youthId } = enrolledYouth(world.actors.caseworker, { caseworkerMembershipId: world.actors.caseworker.membershipId });
  const consent = ok(
    recordConsent(writer(world.actors.caseworker, youthId, "consents"), {
      givenBy: "youth",
      guardianName: undefined,
      maturityNote: "Ungdomen förstår vad samtycket innebär.",
      method: "oral",
      documentRef: undefined,
      recipientOrganisationIds: [world.orgs.social.id],
      sections: ["plan"],
      purpose: "Samordna stöd.",
      validFrom: today,
      validUntil: addMonths(today, 12),
    }),
  );
  const referral = ok(
    sendReferral(writer(sender, youthId, "referrals"), {
      recipientOrganisationId: world.orgs.social.id,
      question: "HEMLIG-FRÅGA om ungdomens situation.",
      requestedIntervention: "Stödsamtal.",
      sections: ["plan"],
    }),
  );
  return { youthId, consentId: consent.id, referralId: referral.id, words: [...youthWords(youthId), "HEMLIG-FRÅGA"] };
}

const accept = (referralId: number, responsible: Actor) =>
  ok(
    acceptReferral(world.actors.social, referralId, {
      responsibleMembershipId: responsible.membershipId,
      acceptedIntervention: "Stödsamtal",
      acceptedStartDate: undefined,
      acceptedEndDate: undefined,
    }),
  );

const who = (rows: { membershipId: number | null }[]) => rows.map((r) => r.membershipId).sort();

describe("referral notices", () => {
  it("a new referral tells every member of the recipient organisation, and nobody else", async () => {
    const { referralId, words } = referredYouth();
    const rows = noticesOn(`referral:${referralId}`);
    expect(rows.map((r) => r.kind)).toEqual(["referral_received", "referral_received"]);
    expect(who(rows)).toEqual([world.actors.social.membershipId, social2.membershipId].sort());
    expect(rows[0]).toMatchObject({ link: `/remisser/${referralId}`, title: expect.stringContaining(`Ny remiss ${referralId}`) });
    expectNoPersonalData(rows, words);
    await expectMailed(smtp, rows, words);
  });

  it("accepted, återkoppling both ways and closed each tell the other side", async () => {
    const { referralId, words } = referredYouth();
    accept(referralId, social2);
    ok(addReferralFeedback(world.actors.social, referralId, "Första samtalet är bokat."));
    ok(addReferralFeedback(world.actors.caseworker, referralId, "Tack, ungdomen vet om det."));
    ok(closeReferral(world.actors.social, referralId, "Insatsen är genomförd."));
    const rows = noticesOn(`referral:${referralId}`, ["referral_accepted", "referral_feedback", "referral_closed"]);
    expect(rows.map((r) => [r.kind, r.membershipId])).toEqual([
      ["referral_accepted", world.actors.caseworker.membershipId],
      ["referral_feedback", world.actors.caseworker.membershipId],
      // The KAA unit's återkoppling goes to the responsible handläggare, not the whole organisation.
      ["referral_feedback", social2.membershipId],
      ["referral_closed", world.actors.caseworker.membershipId],
    ]);
    expect(rows[0]!.title).toBe(`Remiss ${referralId} har accepterats av Testorganisation`);
    expectNoPersonalData(rows, [...words, "Första samtalet", "Insatsen är genomförd"]);
    await expectMailed(smtp, rows, [...words, "Första samtalet", "Insatsen är genomförd"]);
  });

  it("a decline tells the sender; once the sender has left, the youth's current caseworker is told", async () => {
    const leaver = await createActor("kaa_caseworker", world.orgs.kaa);
    const { referralId, words } = referredYouth(leaver);
    getDb().update(memberships).set({ endedAt: new Date().toISOString() }).where(eq(memberships.id, leaver.membershipId)).run();
    ok(declineReferral(world.actors.social, referralId, "Ungdomen har redan en kontakt hos oss."));
    const rows = noticesOn(`referral:${referralId}`, ["referral_declined"]);
    expect(who(rows)).toEqual([world.actors.caseworker.membershipId]);
    expectNoPersonalData(rows, [...words, "redan en kontakt"]);
    await expectMailed(smtp, rows, [...words, "redan en kontakt"]);
  });

  it("a revocation, by the sender or by a withdrawn consent, tells the recipient organisation", async () => {
    const first = referredYouth();
    ok(revokeReferral(world.actors.caseworker, first.referralId, "Ungdomen har flyttat."));
    const second = referredYouth();
    ok(
      withdrawConsent(writer(world.actors.caseworker, second.youthId, "consents"), second.consentId, {
        withdrawnDate: today,
        withdrawalMethod: "oral",
        withdrawalNote: undefined,
      }),
    );
    for (const { referralId, words } of [first, second]) {
      const rows = noticesOn(`referral:${referralId}`, ["referral_revoked"]);
      expect(who(rows)).toEqual([world.actors.social.membershipId, social2.membershipId].sort());
      expect(rows[0]!.title).toBe(`Remiss ${referralId} har återkallats av Testorganisation`);
      expectNoPersonalData(rows, [...words, "flyttat"]);
      await expectMailed(smtp, rows, [...words, "flyttat"]);
    }
  });
});

describe("the recipient's page of a revoked referral", () => {
  it("says it was revoked and when, keeps the recipient's own återkoppling and nothing of the youth; a third organisation gets a 404", async () => {
    const { referralId, words } = referredYouth();
    accept(referralId, world.actors.social);
    ok(addReferralFeedback(world.actors.social, referralId, "Vår återkoppling: två samtal genomförda."));
    ok(addReferralFeedback(world.actors.caseworker, referralId, "KAA:s HEMLIGA återkoppling."));
    ok(revokeReferral(world.actors.caseworker, referralId, "HEMLIGT skäl."));
    const load = async (actor: Actor) =>
      referralLoader({ request: (await signedIn(actor)).get(`/remisser/${referralId}`), params: { referralId: String(referralId) }, context: {} });

    const data = (await load(world.actors.social)) as Record<string, unknown>;
    expect(data).toMatchObject({
      available: false,
      status: "revoked",
      revokedAt: expect.any(String),
      ownFeedback: [{ text: "Vår återkoppling: två samtal genomförda.", author: world.actors.social.displayName }],
    });
    expect(data.ownFeedback).toHaveLength(1);
    const serialised = JSON.stringify(data);
    for (const word of [...words, "KAA:s HEMLIGA", "HEMLIGT skäl", "Stödsamtal"]) expect(serialised).not.toContain(word);

    // Arbetsförmedlingen never was the recipient: the same 404 as for a referral that does not exist.
    expect(await statusOf(() => load(world.actors.employment))).toBe(404);
    expect(await statusOf(() => load(world.actors.school))).toBe(404);
    // The sender still sees it all.
    expect(await load(world.actors.caseworker)).toMatchObject({ available: true, referral: { status: "revoked", revokeReason: "HEMLIGT skäl." } });
  });
});

describe("school notice received", () => {
  it("tells the one who filed it, with nothing of the pupil", async () => {
    const y = youthInput(faker, { homeMunicipalityId: world.municipality.id, city: "Nässjö", postalPrefix: "571" });
    const [noticeId] = fileNotices(world.actors.school, [
      {
        kind: "dropout",
        personalNumber: y.personalNumber,
        firstName: y.firstName,
        lastName: y.lastName,
        homeMunicipalityId: world.municipality.id,
        programme: "Ekonomiprogrammet",
        eventDate: today,
        reason: undefined,
        contactName: "Rektor Rut",
        contactPhone: undefined,
        contactEmail: undefined,
      },
    ]);
    expect(noticesOn(`notice:${noticeId}`)).toEqual([]);
    ok(receiveNotice(world.actors.caseworker, noticeId!, y));
    const rows = noticesOn(`notice:${noticeId}`);
    expect(rows.map((r) => [r.kind, r.membershipId, r.link])).toEqual([["notice_received", world.actors.school.membershipId, `/anmalningar/${noticeId}`]]);
    expectNoPersonalData(rows, [y.firstName, y.lastName, y.personalNumber, y.personalNumber.slice(-10)]);
    await expectMailed(smtp, rows, [y.firstName, y.lastName, y.personalNumber, y.personalNumber.slice(-10)]);
  });
});
