// The SCB variables captured where the work happens (issue 15), on a real database through the routes
// and modules: the SCB form of any enrollment (an ended one of an earlier period too, refused for
// another youth's enrollment and for anyone but the register keeper), the values derived when the
// portal opens an enrollment itself, the occupation after an insats, and the catalogue's SCB types.
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { auditEvents, documentationRevisions, enrollments, interventions } from "#db/schema";
import { addDays, addYears, todayIso } from "~/lib/dates";
import { closeEnrollment, openEnrollment, registerYouth } from "~/modules/outreach/enrollments.server";
import { fileNotices } from "~/modules/notices/notices.server";
import { receiveNotice } from "~/modules/notices/receive-notice.server";
import { addIntervention, declineIntervention, endIntervention } from "~/modules/documentation/interventions.server";
import { correctOccupationAfter } from "~/modules/documentation/intervention-occupation.server";
import { addInterventionType, listInterventionTypes, setInterventionTypeScbType } from "~/modules/documentation/intervention-types.server";
import type { InterventionInput } from "~/modules/documentation/plan-schemas";
import { runStatusJob } from "~/modules/jobs/status-job.server";
import { action as scbAction, loader as scbLoader } from "~/routes/ungdomar.$youthId.scb.$enrollmentId";
import { enrolledYouth } from "../factories/enrollment";
import { fileFor } from "../factories/gate";
import { signedIn, statusOf } from "../factories/requests";
import { createWorld } from "../factories/world";
import { swedishFaker, youthInput } from "../factories/youth";

let world: Awaited<ReturnType<typeof createWorld>>;
let elsewhere: Awaited<ReturnType<typeof createWorld>>;
const today = todayIso();
const faker = swedishFaker(1515);

beforeAll(async () => {
  world = await createWorld();
  elsewhere = await createWorld();
});

const enrollmentsOf = (youthId: string) => getDb().select().from(enrollments).where(eq(enrollments.youthId, youthId)).orderBy(enrollments.id).all();

/** A youth whose first enrollment ended (an earlier period) and who has an open one now. */
function youthWithEarlierPeriod() {
  const { caseworker } = world.actors;
  const { youthId } = enrolledYouth(caseworker, { daysAgo: 200 });
  expect(
    closeEnrollment(fileFor(caseworker, youthId, [], ["enrollment"]), { endDate: addDays(today, -100), endReason: "work", endOccupation: "work" }),
  ).toEqual({
    ok: true,
  });
  const reopened = openEnrollment(fileFor(caseworker, youthId, [], ["enrollment"]), {
    startDate: addDays(today, -10),
    startReason: "self_referral",
    registrationReason: "unknown",
    lastSchoolOccupation: "unknown",
    caseworkerMembershipId: null,
  });
  expect(reopened).toEqual({ ok: true });
  const [ended, open] = enrollmentsOf(youthId);
  return { youthId, ended: ended!, open: open! };
}

async function postScb(actor: typeof world.actors.caseworker, youthId: string, enrollmentId: number, fields: Record<string, string>) {
  const client = await signedIn(actor);
  const run = () =>
    scbAction({
      request: client.post(`/ungdomar/${youthId}/scb/${enrollmentId}`, fields),
      params: { youthId, enrollmentId: String(enrollmentId) },
      context: {},
    });
  return { status: await statusOf(run), run };
}

describe("the SCB form of one enrollment", () => {
  it("corrects an ended enrollment of an earlier period, end reason included, logged as the register keeper's write", async () => {
    const { youthId, ended, open } = youthWithEarlierPeriod();
    const client = await signedIn(world.actors.caseworker);
    const page = await scbLoader({
      request: client.get(`/ungdomar/${youthId}/scb/${ended.id}`),
      params: { youthId, enrollmentId: String(ended.id) },
      context: {},
    });
    expect(page.enrollment).toMatchObject({ endDate: addDays(today, -100), endReason: "work", registrationReason: "dropout_national" });

    const response = (await scbAction({
      request: client.post(`/ungdomar/${youthId}/scb/${ended.id}`, {
        registrationReason: "not_started",
        lastSchoolOccupation: "compulsory_school",
        endReason: "moved",
      }),
      params: { youthId, enrollmentId: String(ended.id) },
      context: {},
    })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/ungdomar/${youthId}#inskrivning`);
    expect(enrollmentsOf(youthId)).toMatchObject([
      { id: ended.id, registrationReason: "not_started", lastSchoolOccupation: "compulsory_school", endReason: "moved" },
      { id: open.id, registrationReason: "unknown", lastSchoolOccupation: "unknown", endReason: null },
    ]);
    const logged = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.youthId, youthId), eq(auditEvents.section, "enrollment"), eq(auditEvents.action, "write")))
      .orderBy(desc(auditEvents.id))
      .get();
    expect(logged).toMatchObject({ outcome: "allowed", basis: "register_keeper", userId: world.actors.caseworker.userId });
  });

  it("requires the end reason of an ended enrollment with 400 and writes nothing; an open one takes none", async () => {
    const { youthId, ended, open } = youthWithEarlierPeriod();
    const client = await signedIn(world.actors.coordinator);
    const refused = (await scbAction({
      request: client.post(`/ungdomar/${youthId}/scb/${ended.id}`, { registrationReason: "other", lastSchoolOccupation: "none", endReason: "" }),
      params: { youthId, enrollmentId: String(ended.id) },
      context: {},
    })) as Response;
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({ endReason: "Välj orsak till att ansvaret upphörde." });
    expect(enrollmentsOf(youthId)[0]).toMatchObject({ registrationReason: "dropout_national", endReason: "work" });

    const blank = await postScb(world.actors.coordinator, youthId, open.id, { registrationReason: "", lastSchoolOccupation: "" });
    expect(blank.status).toBe(400);
    expect(
      (await postScb(world.actors.coordinator, youthId, open.id, { registrationReason: "moved_in", lastSchoolOccupation: "unknown", endReason: "moved" }))
        .status,
    ).toBe(302);
    expect(enrollmentsOf(youthId)[1]).toMatchObject({ registrationReason: "moved_in", lastSchoolOccupation: "unknown", endReason: null, endDate: null });
  });

  it("answers another youth's enrollment with 404, and refuses anyone but the register keeper, writing nothing", async () => {
    const a = youthWithEarlierPeriod();
    const b = youthWithEarlierPeriod();
    const fields = { registrationReason: "other", lastSchoolOccupation: "other_school", endReason: "other" };
    expect((await postScb(world.actors.caseworker, a.youthId, b.ended.id, fields)).status).toBe(404);
    const client = await signedIn(world.actors.caseworker);
    expect(
      await statusOf(() =>
        scbLoader({
          request: client.get(`/ungdomar/${a.youthId}/scb/${b.open.id}`),
          params: { youthId: a.youthId, enrollmentId: String(b.open.id) },
          context: {},
        }),
      ),
    ).toBe(404);
    // Another municipality's KAA unit, and the same municipality's social services: the same 404.
    expect((await postScb(elsewhere.actors.coordinator, a.youthId, a.ended.id, fields)).status).toBe(404);
    expect((await postScb(world.actors.social, a.youthId, a.ended.id, fields)).status).toBe(404);
    expect((await postScb(world.actors.school, a.youthId, a.ended.id, fields)).status).toBe(404);
    expect(enrollmentsOf(a.youthId)[0]).toMatchObject({ registrationReason: "dropout_national", endReason: "work" });
    expect(enrollmentsOf(b.youthId)[0]).toMatchObject({ registrationReason: "dropout_national", endReason: "work" });
  });
});

describe("registering a youth by hand", () => {
  it("takes the two block-1 answers given, and an empty answer as the way in says or Uppgift saknas", () => {
    const input = () => youthInput(faker, { homeMunicipalityId: world.municipality.id, city: "Nässjö", postalPrefix: "571" });
    const answered = registerYouth(world.actors.caseworker, input(), "self_referral", {
      registrationReason: "dropout_national",
      lastSchoolOccupation: "national_programme",
    });
    const moved = registerYouth(world.actors.caseworker, input(), "moved_in", { registrationReason: "", lastSchoolOccupation: "" });
    const unanswered = registerYouth(world.actors.caseworker, input(), "other");
    if (!answered.ok || !moved.ok || !unanswered.ok) throw new Error("not registered");
    expect(enrollmentsOf(answered.id)).toMatchObject([{ registrationReason: "dropout_national", lastSchoolOccupation: "national_programme" }]);
    expect(enrollmentsOf(moved.id)).toMatchObject([{ registrationReason: "moved_in", lastSchoolOccupation: "unknown" }]);
    expect(enrollmentsOf(unanswered.id)).toMatchObject([{ registrationReason: "unknown", lastSchoolOccupation: "unknown" }]);
  });
});

describe("an enrollment the portal opens itself", () => {
  it("takes the SCB values from the notice it is opened on", () => {
    const y = youthInput(faker, { homeMunicipalityId: world.municipality.id, city: "Nässjö", postalPrefix: "571" });
    const [id] = fileNotices(world.actors.school, [
      {
        kind: "dropout",
        personalNumber: y.personalNumber,
        firstName: y.firstName,
        lastName: y.lastName,
        homeMunicipalityId: world.municipality.id,
        programme: "IMYRK",
        eventDate: today,
        reason: undefined,
        contactName: "Rektor Rut",
        contactPhone: undefined,
        contactEmail: undefined,
      },
    ]);
    const received = receiveNotice(world.actors.caseworker, id!, y);
    expect(received.ok).toBe(true);
    expect(enrollmentsOf((received as { youthId: string }).youthId)).toMatchObject([
      { sourceNoticeId: id, registrationReason: "dropout_introduction", lastSchoolOccupation: "introduction_programme" },
    ]);
  });
});

describe("the occupation after an insats", () => {
  const intervention = (typeId: number, overrides: Partial<InterventionInput> = {}): InterventionInput => ({
    typeId,
    description: undefined,
    responsibleParty: "youth",
    responsibleUnit: undefined,
    responsibleOrganisationId: null,
    responsibleOrganisationName: undefined,
    provider: undefined,
    startDate: addDays(today, -20),
    plannedEndDate: addDays(today, 40),
    followUpDate: undefined,
    referralId: null,
    ...overrides,
  });
  const typeOf = (actor = world.actors.caseworker) => listInterventionTypes(actor).find((t) => t.name === "Praktik")!.id;
  const added = (r: { ok: boolean }) => (r as { ok: true; id: number }).id;
  const rowOf = (id: number) => getDb().select().from(interventions).where(eq(interventions.id, id)).get()!;

  it("is stored when the insats ends, and corrected later as a revision", () => {
    const { caseworker } = world.actors;
    const { youthId } = enrolledYouth(caseworker);
    const file = () => fileFor(caseworker, youthId, [], ["plan"]);
    const id = added(addIntervention(file(), intervention(typeOf())));
    expect(correctOccupationAfter(file(), id, { occupationAfter: "work" })).toMatchObject({ ok: false });
    expect(
      endIntervention(file(), id, {
        endDate: today,
        endReason: "completed",
        occupationAfter: "other_activity",
        evaluationOutcome: "met",
        evaluationText: "Klar.",
      }),
    ).toEqual({ ok: true });
    expect(rowOf(id).occupationAfter).toBe("other_activity");
    expect(correctOccupationAfter(file(), id, { occupationAfter: "work" })).toEqual({ ok: true });
    expect(rowOf(id).occupationAfter).toBe("work");
    const revision = getDb()
      .select()
      .from(documentationRevisions)
      .where(and(eq(documentationRevisions.entity, "intervention"), eq(documentationRevisions.entityId, id)))
      .orderBy(desc(documentationRevisions.id))
      .get()!;
    expect(revision).toMatchObject({ action: "updated" });
    expect(JSON.parse(String(revision.changes))).toEqual({ occupationAfter: ["other_activity", "work"] });
  });

  it("is not asked of a declined insats", () => {
    const { caseworker } = world.actors;
    const { youthId } = enrolledYouth(caseworker);
    const file = () => fileFor(caseworker, youthId, [], ["plan"]);
    const id = added(addIntervention(file(), intervention(typeOf())));
    expect(declineIntervention(file(), id, { declinedDate: today, declinedNote: undefined })).toEqual({ ok: true });
    expect(rowOf(id).occupationAfter).toBeNull();
    expect(correctOccupationAfter(file(), id, { occupationAfter: "work" })).toMatchObject({ ok: false });
  });

  it("is Okänt when the insats ends at 20 without a caseworker's form", async () => {
    const world3 = await createWorld();
    const caseworker = world3.actors.caseworker;
    const { youthId } = enrolledYouth(caseworker, { daysAgo: 40, birthDate: addYears(addDays(today, -1), -20) });
    const id = added(addIntervention(fileFor(caseworker, youthId, [], ["plan"]), intervention(typeOf(caseworker), { startDate: addDays(today, -30) })));
    runStatusJob({ municipalityId: world3.municipality.id });
    expect(rowOf(id)).toMatchObject({ endReason: "turned_20", occupationAfter: "unknown" });
  });
});

describe("the catalogue's SCB types", () => {
  it("a new municipality's catalogue comes mapped; a new type needs one; only the samordnare changes it", () => {
    const { coordinator, caseworker } = world.actors;
    expect(listInterventionTypes(caseworker).every((t) => t.scbType !== null)).toBe(true);
    expect(addInterventionType(coordinator, "Sommarjobb via kommunen", "work_practice")).toEqual({ ok: true });
    const added = listInterventionTypes(caseworker).find((t) => t.name === "Sommarjobb via kommunen")!;
    expect(added.scbType).toBe("work_practice");
    expect(() => setInterventionTypeScbType(caseworker, added.id, "other")).toThrow(Response);
    expect(setInterventionTypeScbType(coordinator, added.id, "other")).toEqual({ ok: true });
    // Another municipality's type is not this samordnare's.
    const theirs = listInterventionTypes(elsewhere.actors.caseworker)[0]!;
    expect(setInterventionTypeScbType(coordinator, theirs.id, "other")).toMatchObject({ ok: false });
    expect(listInterventionTypes(caseworker).find((t) => t.id === added.id)!.scbType).toBe("other");
  });
});
