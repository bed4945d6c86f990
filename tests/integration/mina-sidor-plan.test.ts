// Mina sidor, the plan: a youth signed in with e-legitimation (a citizen session) reads their plan as the
// caseworker documented it, without the staff's working notes, writes their own evaluation (stored,
// append-only, read by the caseworker, counted in the follow-up); a guardian reads but cannot write and
// loses access when the caseworker records that the youth decides alone; another youth's file is a
// logged 404; staff get 403 on Mina sidor. The routes' loaders and actions on a real database.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { auditEvents, youthEvaluations } from "#db/schema";
import { addDays, addYears, todayIso } from "~/lib/dates";
import { startCitizenSession, upsertCitizen } from "~/modules/auth/citizen.server";
import type { CitizenRelation } from "~/modules/access/own-file.server";
import { listInterventionTypes } from "~/modules/documentation/intervention-types.server";
import { addIntervention, completeFollowUp, endIntervention } from "~/modules/documentation/interventions.server";
import { readPlan, saveAssessment, savePlan } from "~/modules/documentation/plans.server";
import { youthEvaluationsOf } from "~/modules/documentation/youth-evaluations.server";
import { saveUnitContactDetails } from "~/modules/outreach/unit-contact.server";
import { followUpAudience } from "~/modules/statistics/follow-up.server";
import { computeInterventionEffect } from "~/modules/statistics/intervention-effect.server";
import { parsePeriod } from "~/modules/statistics/periods";
import { makePersonalNumber } from "~/modules/youth/personal-number";
import { loader as rootIndexLoader } from "~/routes/_index";
import { loader as indexLoader } from "~/routes/mina-sidor._index";
import { loader as overviewLoader } from "~/routes/mina-sidor.$youthId._index";
import { action as planAction, loader as planLoader } from "~/routes/mina-sidor.$youthId.plan";
import { action as maturityAction } from "~/routes/ungdomar.$youthId.mognad";
import { loader as staffPlanLoader } from "~/routes/ungdomar.$youthId.plan._index";
import { enrolledYouth } from "../factories/enrollment";
import { fileFor, keeperFile } from "../factories/gate";
import { signedIn, statusOf } from "../factories/requests";
import { createWorld } from "../factories/world";

let world: Awaited<ReturnType<typeof createWorld>>;
const today = todayIso();
const STAFF_ONLY = ["Anledning bara för personalen", "Arbetsanteckning från uppföljningen", "Tackade nej för att"];

type Youth = { youthId: string; endedId: number; runningId: number };
let youth: Youth;
let other: Youth;

async function documentedYouth(): Promise<Youth> {
  const { caseworker } = world.actors;
  const birthDate = addDays(addYears(today, -17), -30);
  const { youthId, startDate } = enrolledYouth(caseworker, { daysAgo: 120, birthDate, caseworkerMembershipId: caseworker.membershipId });
  const write = () => fileFor(caseworker, youthId, [], ["plan", "assessment"]);
  expect(
    saveAssessment(write(), {
      date: addDays(startDate, 10),
      occupation: "none",
      occupationNote: undefined,
      completedGrades: "Åk 9",
      studiebevis: "no",
      imHistory: undefined,
      prerequisites: undefined,
      needs: undefined,
      youthWishes: undefined,
      youthTookPart: true,
      guardianTookPart: false,
      otherParticipants: undefined,
    }).ok,
  ).toBe(true);
  expect(
    savePlan(write(), {
      goal: "Börja på Komvux till våren.",
      madeWithYouth: true,
      madeWithYouthDate: addDays(startDate, 12),
      youthComment: undefined,
      noYouthInterventionsReason: undefined,
      noMunicipalityInterventionsReason: undefined,
      noOtherActorInterventionsReason: STAFF_ONLY[0],
    }).ok,
  ).toBe(true);
  const typeId = (name: string) => listInterventionTypes(caseworker).find((t) => t.name === name)!.id;
  const base = {
    description: undefined,
    responsibleUnit: undefined,
    responsibleOrganisationId: null,
    responsibleOrganisationName: undefined,
    provider: undefined,
    referralId: null,
  };
  const add = (input: Parameters<typeof addIntervention>[1]) => {
    const result = addIntervention(write(), input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.id;
  };
  const endedId = add({
    ...base,
    typeId: typeId("Studie- och yrkesvägledning"),
    description: "Samtal om utbildningar",
    responsibleParty: "municipality",
    responsibleUnit: "KAA-enheten",
    startDate: addDays(today, -60),
    plannedEndDate: addDays(today, -5),
    followUpDate: addDays(today, -30),
  });
  const followUp = readPlan(keeperFile(caseworker, youthId, ["plan"])).interventions.find((i) => i.id === endedId)!.followUps[0]!;
  expect(completeFollowUp(write(), endedId, { followUpId: followUp.id, doneDate: addDays(today, -30), note: STAFF_ONLY[1]! }).ok).toBe(true);
  expect(
    endIntervention(write(), endedId, {
      endDate: addDays(today, -5),
      endReason: "completed",
      occupationAfter: "studies",
      evaluationOutcome: "met",
      evaluationText: "Vägledningen gav en tydlig bild av vad som passar.",
    }).ok,
  ).toBe(true);
  const runningId = add({
    ...base,
    typeId: typeId("Praktik"),
    responsibleParty: "youth",
    provider: "ICA Kvantum",
    startDate: addDays(today, -10),
    plannedEndDate: addDays(today, 50),
    followUpDate: addDays(today, 14),
  });
  return { youthId, endedId, runningId };
}

let serial = 500;
async function citizen(relations: CitizenRelation[], name = "Noah Testsson") {
  const userId = upsertCitizen(makePersonalNumber("1980-05-05", serial++), name);
  const cookie = (await startCitizenSession(userId, relations, { authenticatedAt: Date.now(), identityProviderId: null })).split(";")[0]!;
  const url = (path: string) => `http://localhost${path}`;
  return {
    userId,
    get: (path: string) => new Request(url(path), { headers: { Cookie: cookie } }),
    post: (path: string, fields: Record<string, string>) =>
      new Request(url(path), {
        method: "POST",
        headers: { Cookie: cookie, Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      }),
  };
}

const args = (request: Request, youthId?: string) => ({ request, params: youthId ? { youthId } : {}, context: {} });
const planPath = (y: Youth) => `/mina-sidor/${y.youthId}/plan`;

beforeAll(async () => {
  world = await createWorld();
  youth = await documentedYouth();
  other = await documentedYouth();
});

describe("the youth's plan on Mina sidor", () => {
  it("shows the goal, the interventions and the caseworker's evaluation, and none of the staff's working notes", async () => {
    const me = await citizen([{ youthId: youth.youthId, relation: "self" }]);
    const data = await planLoader(args(me.get(planPath(youth)), youth.youthId));
    expect(data.self).toBe(true);
    expect(data.plan!.goal).toBe("Börja på Komvux till våren.");
    const ended = data.plan!.interventions.find((i) => i.id === youth.endedId)!;
    expect(ended).toMatchObject({ type: "Studie- och yrkesvägledning", what: "Samtal om utbildningar", who: "Kommunen (KAA-enheten)", state: "ended" });
    expect(ended.evaluation).toEqual({ outcome: "Målet uppnått", text: "Vägledningen gav en tydlig bild av vad som passar." });
    const running = data.plan!.interventions.find((i) => i.id === youth.runningId)!;
    expect(running).toMatchObject({ type: "Praktik", who: "Du själv", provider: "ICA Kvantum", state: "running", evaluation: null });
    expect(data.plan!.nextFollowUp).toBe(running.nextFollowUp);
    expect(data.plan!.nextFollowUp).not.toBeNull();
    const shown = JSON.stringify(data);
    for (const secret of STAFF_ONLY) expect(shown).not.toContain(secret);
    // The read is logged on the youth's own ground.
    const rows = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.youthId, youth.youthId), eq(auditEvents.userId, me.userId)))
      .all();
    expect(rows.map((r) => [r.section, r.outcome, r.basis])).toEqual(
      expect.arrayContaining([
        ["identity", "allowed", "data_subject"],
        ["plan", "allowed", "data_subject"],
      ]),
    );
  });

  it("goes straight to the only file, and shows the contact person and the unit's details", async () => {
    const me = await citizen([{ youthId: youth.youthId, relation: "self" }]);
    const redirect = await indexLoader(args(me.get("/mina-sidor"))).catch((thrown: unknown) => thrown);
    expect(redirect).toBeInstanceOf(Response);
    expect((redirect as Response).headers.get("Location")).toBe(`/mina-sidor/${youth.youthId}`);
    saveUnitContactDetails(world.actors.coordinator, {
      phone: "0380-51 82 00",
      sms: "070-518 20 00",
      email: "kaa@kommun.se",
      streetAddress: "Storgatan 12",
      postalCode: "571 31",
      city: "Nässjö",
      openingHours: "Måndag–fredag 8–16",
    });
    const overview = await overviewLoader(args(me.get(`/mina-sidor/${youth.youthId}`), youth.youthId));
    expect(overview.caseworker).toEqual({ name: world.actors.caseworker.displayName, email: world.actors.caseworker.username });
    expect(overview.unit).toMatchObject({ name: world.orgs.kaa.name, details: { phone: "0380-51 82 00", email: "kaa@kommun.se" } });
    // The portal's front door sends a signed-in youth to Mina sidor.
    expect((await rootIndexLoader(args(me.get("/")))).headers.get("Location")).toBe("/mina-sidor");
  });

  it("lets a person with several files choose: their own first, then each child by first name", async () => {
    const parent = await citizen([
      { youthId: other.youthId, relation: "guardian" },
      { youthId: youth.youthId, relation: "self" },
    ]);
    const data = await indexLoader(args(parent.get("/mina-sidor")));
    expect(data.choices.map((c) => [c.youthId, c.relation])).toEqual([
      [youth.youthId, "self"],
      [other.youthId, "guardian"],
    ]);
  });
});

describe("the youth's own evaluation", () => {
  it("is stored, cannot be changed, and the caseworker reads it on the plan and in the follow-up", async () => {
    const me = await citizen([{ youthId: youth.youthId, relation: "self" }]);
    const answer = await planAction(
      args(me.post(planPath(youth), { intent: "plan", insats: "", rating: "partly", text: "Bra, men praktiken är långt bort." }), youth.youthId),
    );
    expect(answer.status).toBe(200);
    const aboutIntervention = await planAction(
      args(me.post(planPath(youth), { intent: `insats-${youth.endedId}`, insats: String(youth.endedId), rating: "helps", text: "" }), youth.youthId),
    );
    expect(aboutIntervention.status).toBe(200);

    const stored = getDb().select().from(youthEvaluations).where(eq(youthEvaluations.youthId, youth.youthId)).all();
    expect(stored).toHaveLength(2);
    expect(stored.every((e) => e.authorUserId === me.userId)).toBe(true);
    expect(() => getDb().update(youthEvaluations).set({ rating: "does_not_help" }).where(eq(youthEvaluations.id, stored[0]!.id)).run()).toThrow(
      /kan inte ändras/,
    );
    expect(() => getDb().delete(youthEvaluations).where(eq(youthEvaluations.id, stored[0]!.id)).run()).toThrow(/kan inte tas bort/);

    // The caseworker: the plan page shows the answer about the plan, the intervention's reader the other.
    const staff = await signedIn(world.actors.caseworker);
    const page = await staffPlanLoader(args(staff.get(`/ungdomar/${youth.youthId}/plan`), youth.youthId));
    expect(page.youthEvaluations.map((e) => [e.ratingLabel, e.text])).toEqual([["Delvis", "Bra, men praktiken är långt bort."]]);
    const aboutEnded = youthEvaluationsOf(keeperFile(world.actors.caseworker, youth.youthId, ["plan"]), { interventionId: youth.endedId });
    expect(aboutEnded.map((e) => e.ratingLabel)).toEqual(["Det hjälper mig"]);

    // The youth sees what they answered.
    const mine = await planLoader(args(me.get(planPath(youth)), youth.youthId));
    expect(mine.ownAboutPlan.map((e) => e.ratingLabel)).toEqual(["Delvis"]);

    // The follow-up: per intervention type, the latest answer of each youth about an ended intervention.
    const period = parsePeriod(new URLSearchParams({ period: "intervall", fran: addDays(today, -30), till: today }), today, { allowInterval: true });
    const effect = computeInterventionEffect(followUpAudience(world.actors.coordinator)!, period, { today });
    const table = effect.tables.find((t) => t.id === "insatser-ungdomens-bedomning")!;
    const typeRow = table.rows.find((r) => r.label === "Studie- och yrkesvägledning")!;
    // Both test youths ended one; one of them answered.
    expect(typeRow.cells.slice(0, 4)).toEqual([{ value: 2 }, { value: 1 }, { value: 1 }, { share: 1 }]);
    // The styrgrupp sees it with small numbers hidden.
    const outside = computeInterventionEffect(followUpAudience(world.actors.steering)!, period, { today });
    const hidden = outside.tables.find((t) => t.id === "insatser-ungdomens-bedomning")!.rows.find((r) => r.label === "Studie- och yrkesvägledning")!;
    expect(hidden.cells[1]).toEqual({ hidden: "small" });
    expect(outside.tables.some((t) => t.id === "insatser-ungdomens-svar")).toBe(false);
  });

  it("refuses bad answers with Swedish messages and writes nothing", async () => {
    const me = await citizen([{ youthId: youth.youthId, relation: "self" }]);
    const count = () => getDb().select().from(youthEvaluations).where(eq(youthEvaluations.youthId, youth.youthId)).all().length;
    const before = count();
    const post = async (fields: Record<string, string>) => {
      const response = await planAction(args(me.post(planPath(youth), fields), youth.youthId));
      return { status: response.status, body: (await response.json()) as { errors: Record<string, string> } };
    };
    const noRating = await post({ intent: "plan", insats: "", text: "Hej" });
    expect(noRating.status).toBe(400);
    expect(noRating.body.errors.rating).toMatch(/^Välj ett av svaren/);
    const tooLong = await post({ intent: "plan", insats: "", rating: "helps", text: "a".repeat(1001) });
    expect(tooLong.body.errors.text).toBe("Högst 1000 tecken.");
    const running = await post({ intent: `insats-${youth.runningId}`, insats: String(youth.runningId), rating: "helps" });
    expect(running.status).toBe(400);
    expect(running.body.errors.form).toMatch(/när den är avslutad/);
    // Another youth's intervention is no intervention of this youth's.
    expect(
      await statusOf(() => planAction(args(me.post(planPath(youth), { intent: "plan", insats: String(other.endedId), rating: "helps" }), youth.youthId))),
    ).toBe(404);
    expect(count()).toBe(before);
  });
});

describe("a guardian", () => {
  it("reads the plan without the youth's own words, cannot write, and loses access when the youth decides alone", async () => {
    const guardian = await citizen([{ youthId: other.youthId, relation: "guardian" }], "Anna Testsson");
    await planAction(
      args(
        (await citizen([{ youthId: other.youthId, relation: "self" }])).post(planPath(other), {
          intent: "plan",
          insats: "",
          rating: "helps",
          text: "Mitt eget",
        }),
        other.youthId,
      ),
    );
    const data = await planLoader(args(guardian.get(planPath(other)), other.youthId));
    expect(data.self).toBe(false);
    expect(data.plan!.goal).toBe("Börja på Komvux till våren.");
    expect(data.ownAboutPlan).toEqual([]);
    expect(JSON.stringify(data)).not.toContain("Mitt eget");

    expect(await statusOf(() => planAction(args(guardian.post(planPath(other), { intent: "plan", insats: "", rating: "helps" }), other.youthId)))).toBe(404);
    expect(getDb().select().from(youthEvaluations).where(eq(youthEvaluations.authorUserId, guardian.userId)).all()).toEqual([]);

    // The caseworker records that the youth decides alone: the guardian's next page is a 404.
    const staff = await signedIn(world.actors.caseworker);
    const decided = await maturityAction(
      args(
        staff.post(`/ungdomar/${other.youthId}/mognad?atgard=besluta`, { note: "Noah förstår vad uppgifterna gäller och vill bestämma själv." }),
        other.youthId,
      ),
    );
    expect(decided.status).toBe(200);
    expect(await statusOf(() => planLoader(args(guardian.get(planPath(other)), other.youthId)))).toBe(404);
    const refusal = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.youthId, other.youthId), eq(auditEvents.userId, guardian.userId), eq(auditEvents.outcome, "denied")))
      .all();
    expect(refusal.map((r) => r.basisRef)).toContain("guardian_ended");
    // The chooser leaves the child out.
    expect((await indexLoader(args(guardian.get("/mina-sidor")))).choices).toEqual([]);

    // Ending the decision opens it again.
    const ended = await maturityAction(args(staff.post(`/ungdomar/${other.youthId}/mognad?atgard=avsluta`, {}), other.youthId));
    expect(ended.status).toBe(200);
    expect(await statusOf(() => planLoader(args(guardian.get(planPath(other)), other.youthId)))).toBe(200);
  });

  it("cannot be recorded without a reason", async () => {
    const staff = await signedIn(world.actors.caseworker);
    const response = await maturityAction(args(staff.post(`/ungdomar/${youth.youthId}/mognad?atgard=besluta`, { note: " " }), youth.youthId));
    expect(response.status).toBe(400);
  });
});

describe("never another youth's file", () => {
  it("is a 404, logged as not_own_file", async () => {
    const me = await citizen([{ youthId: youth.youthId, relation: "self" }]);
    expect(await statusOf(() => planLoader(args(me.get(planPath(other)), other.youthId)))).toBe(404);
    expect(await statusOf(() => overviewLoader(args(me.get(`/mina-sidor/${other.youthId}`), other.youthId)))).toBe(404);
    const rows = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.youthId, other.youthId), eq(auditEvents.userId, me.userId)))
      .all();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.outcome === "denied" && r.basisRef === "not_own_file")).toBe(true);
  });

  it("staff get 403 on Mina sidor", async () => {
    const staff = await signedIn(world.actors.caseworker);
    expect(await statusOf(() => indexLoader(args(staff.get("/mina-sidor"))))).toBe(403);
    expect(await statusOf(() => planLoader(args(staff.get(planPath(youth)), youth.youthId)))).toBe(403);
  });
});
