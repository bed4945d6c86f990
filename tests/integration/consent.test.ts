import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { auditEvents, consents, interventions, referrals } from "#db/schema";
import { addDays, addMonths, addYears, todayIso } from "~/lib/dates";
import { makePersonalNumber } from "~/modules/youth/personal-number";
import { listAuditEvents } from "~/modules/access/audit.server";
import { openSharedFile, openYouthFile } from "~/modules/access/gate.server";
import type { YouthSection } from "~/modules/access/policy";
import { fileConcernReport, fileNamedConcernReport, listConcernReports, readConcernReport } from "~/modules/concern-reports/concern-reports.server";
import { recordConsent, withdrawConsent } from "~/modules/consent/consents.server";
import { addIntervention } from "~/modules/documentation/interventions.server";
import { saveAssessment, savePlan } from "~/modules/documentation/plans.server";
import { readReferral, sendReferral } from "~/modules/referrals/referrals.server";
import { acceptReferral, closeReferral, declineReferral } from "~/modules/referrals/referral-steps.server";
import { listReceivedReferrals } from "~/modules/referrals/referral-lists.server";
import { readSharedYouth } from "~/modules/consent/shared-view.server";
import { listInterventionTypes } from "~/modules/documentation/intervention-types.server";
import type { ConsentInput } from "~/modules/consent/consent-schemas";
import { loader as sharedLoader } from "~/routes/delat.$youthId";
import { action as newReferralAction } from "~/routes/ungdomar.$youthId.remisser.ny";
import { loader as exportLoader } from "~/routes/loggkontroll[.]csv";
import { enrolledYouth } from "../factories/enrollment";
import { signedIn, statusOf } from "../factories/requests";
import { createWorld } from "../factories/world";

let world: Awaited<ReturnType<typeof createWorld>>;
const today = todayIso();

beforeAll(async () => {
  world = await createWorld();
});

const consent = (overrides: Partial<ConsentInput> = {}): ConsentInput => ({
  givenBy: "youth",
  guardianName: undefined,
  maturityNote: "Ungdomen förstår vad samtycket innebär.",
  method: "oral",
  documentRef: undefined,
  recipientOrganisationIds: [world.orgs.social.id],
  sections: ["plan", "contacts"],
  purpose: "Samordna stöd inför studiestart.",
  validFrom: today,
  validUntil: addMonths(today, 12),
  ...overrides,
});

/** The youth's file as the KAA caseworker opens it to write these sections (as the routes do). */
const writer = <W extends YouthSection>(youthId: string, ...write: W[]) => openYouthFile(world.actors.caseworker, youthId, { write });

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
}

/** A youth with assessment, plan and an intervention: something in every section to leak. */
function documentedYouth() {
  const { youthId } = enrolledYouth(world.actors.caseworker);
  ok(
    saveAssessment(writer(youthId, "assessment"), {
      date: today,
      occupation: "none",
      occupationNote: undefined,
      completedGrades: "Åk 9",
      studiebevis: "no",
      imHistory: undefined,
      prerequisites: undefined,
      needs: "HEMLIG-KARTLÄGGNING",
      youthWishes: undefined,
      youthTookPart: true,
      guardianTookPart: false,
      otherParticipants: undefined,
    }),
  );
  ok(
    savePlan(writer(youthId, "plan"), {
      goal: "Börja på Komvux.",
      madeWithYouth: true,
      madeWithYouthDate: today,
      youthComment: undefined,
      noYouthInterventionsReason: undefined,
      noMunicipalityInterventionsReason: undefined,
      noOtherActorInterventionsReason: undefined,
    }),
  );
  const typeId = listInterventionTypes(world.actors.caseworker)[0]!.id;
  ok(
    addIntervention(writer(youthId, "plan"), {
      typeId,
      description: undefined,
      responsibleParty: "youth",
      responsibleUnit: undefined,
      responsibleOrganisationId: null,
      responsibleOrganisationName: undefined,
      provider: undefined,
      startDate: today,
      plannedEndDate: addDays(today, 60),
      followUpDate: undefined,
      referralId: null,
    }),
  );
  return youthId;
}

describe("what a recipient sees", () => {
  it("the loader's data holds the consented sections and no field of any other", async () => {
    const youthId = documentedYouth();
    ok(recordConsent(writer(youthId, "consents"), consent()));
    const client = await signedIn(world.actors.social);
    const data = (await sharedLoader({ request: client.get(`/delat/${youthId}`), params: { youthId }, context: {} })) as {
      shared: ReturnType<typeof readSharedYouth>;
    };
    const serialised = JSON.stringify(data);
    expect(data.shared.sections.sort()).toEqual(["contacts", "plan"]);
    expect(data.shared.plan?.goal).toBe("Börja på Komvux.");
    expect(
      Object.keys(data.shared)
        .filter((k) => (data.shared as Record<string, unknown>)[k] !== undefined)
        .sort(),
    ).toEqual(["contacts", "grounds", "header", "plan", "sections"]);
    // Nothing of the assessment, the contact details or the enrollment reaches the browser.
    expect(serialised).not.toContain("HEMLIG-KARTLÄGGNING");
    expect(serialised).not.toMatch(/"(assessment|identity|phone|email|streetAddress|guardians|caseworkerMembershipId|status|createdByMembershipId)":/);
    // Every section read is logged with the consent it relied on.
    const consentId = getDb().select({ id: consents.id }).from(consents).where(eq(consents.youthId, youthId)).get()!.id;
    const logged = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.youthId, youthId), eq(auditEvents.userId, world.actors.social.userId)))
      .all();
    expect(logged.map((r) => [r.section, r.basis, r.basisRef]).sort()).toEqual([
      ["contacts", "consent", String(consentId)],
      ["plan", "consent", String(consentId)],
    ]);
  });

  it("Arbetsförmedlingen, not named in the consent, gets the same 404 as for a missing youth", async () => {
    const youthId = documentedYouth();
    ok(recordConsent(writer(youthId, "consents"), consent()));
    const client = await signedIn(world.actors.employment);
    expect(await statusOf(() => sharedLoader({ request: client.get(`/delat/${youthId}`), params: { youthId }, context: {} }))).toBe(404);
    expect(await statusOf(() => sharedLoader({ request: client.get("/delat/AAAAAAAAAAAAAAAA"), params: { youthId: "AAAAAAAAAAAAAAAA" }, context: {} }))).toBe(
      404,
    );
  });

  it("a withdrawal is effective on the next request, and revokes the open referrals resting on the consent", async () => {
    const youthId = documentedYouth();
    const { id: consentId } = ok(recordConsent(writer(youthId, "consents"), consent({ sections: ["identity", "plan"] })));
    const { id: referralId } = ok(
      sendReferral(writer(youthId, "referrals"), {
        recipientOrganisationId: world.orgs.social.id,
        question: "Behöver stöd.",
        requestedIntervention: "Kontakt med socialsekreterare.",
        sections: ["identity", "plan"],
      }),
    );
    const client = await signedIn(world.actors.social);
    expect(await statusOf(() => sharedLoader({ request: client.get(`/delat/${youthId}`), params: { youthId }, context: {} }))).toBe(200);
    expect(readReferral(world.actors.social, referralId)).toMatchObject({ available: true, referral: { status: "received" } });

    ok(withdrawConsent(writer(youthId, "consents"), consentId, { withdrawnDate: today, withdrawalMethod: "oral", withdrawalNote: undefined }));
    expect(await statusOf(() => sharedLoader({ request: client.get(`/delat/${youthId}`), params: { youthId }, context: {} }))).toBe(404);
    const after = readReferral(world.actors.social, referralId);
    expect(after).toEqual({
      side: "recipient",
      available: false,
      id: referralId,
      status: "revoked",
      sentAt: expect.any(String),
      revokedAt: expect.any(String),
      ownFeedback: [],
    });
    // The sender sees why.
    expect(readReferral(world.actors.caseworker, referralId)).toMatchObject({
      referral: { status: "revoked", revokeReason: `Samtycket återkallades ${today}.` },
    });
    expect(JSON.stringify(after)).not.toContain("Behöver stöd.");
    // The inbox still lists it, without the youth.
    const inbox = listReceivedReferrals(world.actors.social, "avslutade", 1);
    expect(inbox.rows.find((r) => r.id === referralId)).toMatchObject({ available: false, youthName: null, question: null });
    // The consent is kept, withdrawn, and cannot be deleted.
    expect(getDb().select().from(consents).where(eq(consents.id, consentId)).get()).toMatchObject({
      withdrawnDate: today,
      withdrawnByMembershipId: world.actors.caseworker.membershipId,
    });
    expect(() => getDb().$client.prepare("DELETE FROM consents WHERE id = ?").run(consentId)).toThrow(/kan inte tas bort/);
    // Nor can its terms or its withdrawal be rewritten afterwards.
    expect(() => getDb().$client.prepare("UPDATE consents SET valid_until = '2099-12-31' WHERE id = ?").run(consentId)).toThrow(/bara återkallas/);
    expect(() => getDb().$client.prepare("UPDATE consents SET withdrawn_date = NULL WHERE id = ?").run(consentId)).toThrow(/bara återkallas/);
  });

  it("an expired consent opens nothing, from the day after its last day", () => {
    const youthId = documentedYouth();
    ok(recordConsent(writer(youthId, "consents"), consent({ validFrom: addDays(today, -30), validUntil: addDays(today, -1) })));
    expect(() => readSharedYouth(openSharedFile(world.actors.social, youthId))).toThrow(Response);
  });
});

describe("sending a referral", () => {
  it("is refused without a consent covering the recipient and every shared section, even when posted directly", async () => {
    const youthId = documentedYouth();
    ok(recordConsent(writer(youthId, "consents"), consent({ sections: ["plan"] })));
    const client = await signedIn(world.actors.caseworker);
    const post = (fields: Record<string, string>) =>
      newReferralAction({ request: client.post(`/ungdomar/${youthId}/remisser/ny`, fields), params: { youthId }, context: {} }) as Promise<Response>;
    const base = { question: "Behöver stöd.", requestedIntervention: "Kontakt." };
    // A section the consent does not name.
    const wider = await post({ ...base, recipientOrganisationId: String(world.orgs.social.id), sections: "assessment" });
    expect(wider.status).toBe(400);
    expect((await wider.json()).errors.sections).toMatch(/inget gällande samtycke som omfattar/);
    // A recipient the consent does not name.
    const other = await post({ ...base, recipientOrganisationId: String(world.orgs.employment.id), sections: "plan" });
    expect(other.status).toBe(400);
    expect(getDb().select().from(referrals).where(eq(referrals.youthId, youthId)).all()).toHaveLength(0);
    // Covered: sent, and resting on that consent.
    const sent = await post({ ...base, recipientOrganisationId: String(world.orgs.social.id), sections: "plan" });
    expect(sent.status).toBe(302);
    expect(getDb().select().from(referrals).where(eq(referrals.youthId, youthId)).get()).toMatchObject({
      status: "sent",
      recipientOrganisationId: world.orgs.social.id,
    });
  });

  it("moves through accepted and closed, its decision and outcome visible to the sender; a decline needs a reason", () => {
    const youthId = documentedYouth();
    ok(recordConsent(writer(youthId, "consents"), consent()));
    const send = () =>
      ok(
        sendReferral(writer(youthId, "referrals"), {
          recipientOrganisationId: world.orgs.social.id,
          question: "Fråga",
          requestedIntervention: "Insats",
          sections: ["plan"],
        }),
      ).id;
    const first = send();
    // Only the recipient accepts, and with one of its own handläggare.
    expect(() =>
      acceptReferral(world.actors.caseworker, first, {
        responsibleMembershipId: world.actors.caseworker.membershipId,
        acceptedIntervention: "Stödsamtal",
        acceptedStartDate: undefined,
        acceptedEndDate: undefined,
      }),
    ).toThrow(Response);
    expect(
      acceptReferral(world.actors.social, first, {
        responsibleMembershipId: world.actors.caseworker.membershipId,
        acceptedIntervention: "Stödsamtal",
        acceptedStartDate: undefined,
        acceptedEndDate: undefined,
      }),
    ).toMatchObject({ ok: false });
    ok(
      acceptReferral(world.actors.social, first, {
        responsibleMembershipId: world.actors.social.membershipId,
        acceptedIntervention: "Stödsamtal",
        acceptedStartDate: today,
        acceptedEndDate: undefined,
      }),
    );
    expect(closeReferral(world.actors.social, first, "Ungdomen har fått stöd och börjat studera.")).toMatchObject({ ok: true });
    expect(closeReferral(world.actors.social, first, "Igen")).toMatchObject({ ok: false });
    const seen = readReferral(world.actors.caseworker, first);
    expect(seen).toMatchObject({
      side: "sender",
      referral: { status: "closed", acceptedIntervention: "Stödsamtal", outcome: "Ungdomen har fått stöd och börjat studera." },
    });

    const second = send();
    ok(declineReferral(world.actors.social, second, "Ärendet hör till en annan enhet."));
    expect(readReferral(world.actors.caseworker, second)).toMatchObject({
      referral: { status: "declined", declineReason: "Ärendet hör till en annan enhet." },
    });

    // The accepted referral's intervention goes into the plan as another actor's; a declined one cannot.
    const typeId = listInterventionTypes(world.actors.caseworker)[0]!.id;
    const fromReferral = (referralId: number) =>
      addIntervention(writer(youthId, "plan"), {
        typeId,
        description: "Stödsamtal",
        responsibleParty: "other_actor",
        responsibleUnit: undefined,
        responsibleOrganisationId: world.orgs.social.id,
        responsibleOrganisationName: undefined,
        provider: undefined,
        startDate: today,
        plannedEndDate: addDays(today, 90),
        followUpDate: addDays(today, 30),
        referralId,
      });
    const added = ok(fromReferral(first));
    expect(getDb().select().from(interventions).where(eq(interventions.id, added.id)).get()).toMatchObject({
      referralId: first,
      responsibleParty: "other_actor",
      responsibleOrganisationId: world.orgs.social.id,
    });
    expect(fromReferral(second)).toMatchObject({ ok: false, errors: { form: expect.stringContaining("inte accepterad") } });
  });
});

describe("orosanmälan", () => {
  it("goes to socialtjänsten in the home municipality without consent, is logged, and opens nothing else", () => {
    const youthId = documentedYouth();
    const result = fileConcernReport(openYouthFile(world.actors.caseworker, youthId, { read: ["identity"], registerKeeperOnly: true }), {
      observed: "Ungdomen berättar att hen inte får äta hemma.",
      observedWhen: today,
      reporterPhone: undefined,
    });
    const { id } = ok(result);
    const inbox = listConcernReports(world.actors.social, 1);
    expect(inbox.rows.map((r) => r.id)).toContain(id);
    expect(readConcernReport(world.actors.social, id).report.observed).toBe("Ungdomen berättar att hen inte får äta hemma.");
    const row = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, world.actors.social.userId), eq(auditEvents.section, "concern_reports")))
      .orderBy(desc(auditEvents.id))
      .get();
    expect(row).toMatchObject({ youthId, outcome: "allowed", basis: "concern_report", basisRef: String(id) });
    // The report is no key to the youth file.
    expect(() => readSharedYouth(openSharedFile(world.actors.social, youthId))).toThrow(Response);
    // Others never see it.
    expect(() => readConcernReport(world.actors.employment, id)).toThrow(Response);
  });

  it("is refused for a youth who has turned 18", () => {
    const adult = makePersonalNumber(addYears(today, -18), 238);
    const result = fileNamedConcernReport(
      world.actors.school,
      { personalNumber: adult, firstName: "Vuxen", lastName: "Elev", homeMunicipalityId: world.municipality.id },
      { observed: "x", observedWhen: today, reporterPhone: undefined },
    );
    expect(result).toMatchObject({ ok: false, errors: { form: expect.stringContaining("fyllt 18") } });
  });
});

describe("the log review", () => {
  it("filters by basis and by other organisations, and exports the selection", async () => {
    const coordinator = world.actors.coordinator;
    const consentRows = listAuditEvents(world.municipality.id, world.orgs.kaa.id, { basis: "consent", page: 1 });
    expect(consentRows.total).toBeGreaterThan(0);
    expect(consentRows.rows.every((r) => r.basis === "consent")).toBe(true);
    const others = listAuditEvents(world.municipality.id, world.orgs.kaa.id, { otherOrganisations: true, page: 1 });
    expect(others.rows.length).toBeGreaterThan(0);
    expect(others.rows.every((r) => r.organisationName !== null && r.role !== "kaa_caseworker" && r.role !== "kaa_coordinator")).toBe(true);

    const client = await signedIn(coordinator);
    const response = (await exportLoader({ request: client.get("/loggkontroll.csv?grund=consent"), params: {}, context: {} })) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    // UTF-8 with a byte-order mark, so Excel reads å, ä and ö.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe('"Tid";"Användare";"Roll";"Organisation";"Ungdom";"Avsnitt";"Händelse";"Utfall";"Grund"');
    expect(lines).toHaveLength(consentRows.total + 1);
    expect(lines[1]).toMatch(/"Samtycke \d+"$/);
    // No personnummer in the export.
    expect(text).not.toMatch(/\d{8}-?\d{4}/);
    // Only the samordnare exports the log.
    const caseworker = await signedIn(world.actors.caseworker);
    expect(await statusOf(() => exportLoader({ request: caseworker.get("/loggkontroll.csv"), params: {}, context: {} }))).toBe(403);
  });
});
