// Goals and the handlingsplan through their routes, on a real database: who may read and who may change
// them, Swedish messages for bad input (400, nothing written), and a history that is kept.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { steeringActivities, steeringGoalRevisions, steeringGoals, steeringPlanRevisions } from "#db/schema";
import { addDays, todayIso } from "~/lib/dates";
import type { Actor } from "~/modules/auth/actor.server";
import { steeringAccess } from "~/modules/steering/access.server";
import { goalHistory } from "~/modules/steering/goals.server";
import { listActivities, planRevisions } from "~/modules/steering/plan.server";
import * as goalIndex from "~/routes/uppfoljning.mal._index";
import * as goalPage from "~/routes/uppfoljning.mal.$goalId";
import * as planPage from "~/routes/uppfoljning.handlingsplan";
import { signedIn, statusOf } from "../factories/requests";
import { createSteeringWorld, type SteeringWorld } from "../factories/steering";

let world: SteeringWorld;
let other: SteeringWorld;

beforeAll(async () => {
  world = await createSteeringWorld();
  other = await createSteeringWorld();
});

const GOAL = { figureKey: "contactShare", comparator: "gte", target: "90", periodKind: "tertial" };

async function post(route: { action: (args: never) => Promise<unknown> }, actor: Actor, path: string, fields: Record<string, string>, params = {}) {
  const request = (await signedIn(actor)).post(path, fields);
  try {
    const response = (await route.action({ request, params, context: {} } as never)) as Response;
    const body = response.status === 200 || response.status === 400 ? ((await response.json()) as { errors: Record<string, string>; message: string }) : null;
    return { status: response.status, location: response.headers.get("Location"), body };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: null, body: null };
    throw thrown;
  }
}

const load = async (route: { loader: (args: never) => Promise<unknown> }, actor: Actor, path: string, params = {}) =>
  statusOf(async () => route.loader({ request: (await signedIn(actor)).get(path), params, context: {} } as never));

/** A statement straight to SQLite, past the server: what the triggers refuse. */
const raw = (statement: string, ...params: unknown[]) =>
  getDb()
    .$client.prepare(statement)
    .run(...params);

const goalsOf = (municipalityId: number) => getDb().select().from(steeringGoals).where(eq(steeringGoals.municipalityId, municipalityId)).all();

async function createGoal(actor: Actor, fields: Record<string, string> = GOAL) {
  const result = await post(goalIndex, actor, "/uppfoljning/mal", fields);
  expect(result.status).toBe(302);
  return Number(result.location!.split("/").pop());
}

describe("who may change the goals", () => {
  it("is the samordnare and the styrgrupp's chair; the caseworker and other members read them", () => {
    const { coordinator, caseworker, steering, school, social, employment, admin } = world.actors;
    expect(steeringAccess(coordinator)).toMatchObject({ mayEdit: true, audience: { view: "unit" } });
    expect(steeringAccess(world.chair)).toMatchObject({ mayEdit: true, audience: { view: "outside" } });
    expect(steeringAccess(caseworker)).toMatchObject({ mayEdit: false, audience: { view: "unit" } });
    expect(steeringAccess(steering)).toMatchObject({ mayEdit: false, audience: { view: "outside" } });
    for (const actor of [school, social, employment, admin]) expect(steeringAccess(actor)).toBeNull();
    // Chairing another municipality's styrgrupp gives no say here.
    expect(steeringAccess(other.chair)!.municipalityId).toBe(other.municipality.id);
  });

  it("lets the samordnare and the chair set a goal, and refuses the caseworker, a plain member and a school", async () => {
    const before = goalsOf(world.municipality.id).length;
    await createGoal(world.actors.coordinator);
    await createGoal(world.chair, { figureKey: "daysToContact", comparator: "lte", target: "21", periodKind: "lasar" });
    expect((await post(goalIndex, world.actors.caseworker, "/uppfoljning/mal", GOAL)).status).toBe(403);
    expect((await post(goalIndex, world.actors.steering, "/uppfoljning/mal", GOAL)).status).toBe(403);
    for (const actor of [world.actors.school, world.actors.social, world.actors.employment, world.actors.admin])
      expect((await post(goalIndex, actor, "/uppfoljning/mal", GOAL)).status).toBe(404);
    const goals = goalsOf(world.municipality.id);
    expect(goals).toHaveLength(before + 2);
    expect(goals.at(-1)).toMatchObject({
      figureKey: "daysToContact",
      comparator: "lte",
      target: 21,
      periodKind: "lasar",
      createdByMembershipId: world.chair.membershipId,
    });
  });

  it("answers a school, socialtjänsten and Arbetsförmedlingen with 404 on every page, and another municipality's goal with 404", async () => {
    const goalId = await createGoal(world.actors.coordinator);
    for (const actor of [world.actors.school, world.actors.social, world.actors.employment, world.actors.admin]) {
      expect(await load(goalIndex, actor, "/uppfoljning/mal")).toBe(404);
      expect(await load(goalPage, actor, `/uppfoljning/mal/${goalId}`, { goalId: String(goalId) })).toBe(404);
      expect(await load(planPage, actor, "/uppfoljning/handlingsplan")).toBe(404);
    }
    for (const actor of [world.actors.coordinator, world.actors.caseworker, world.actors.steering, world.chair]) {
      expect(await load(goalPage, actor, `/uppfoljning/mal/${goalId}`, { goalId: String(goalId) })).toBe(200);
      expect(await load(planPage, actor, "/uppfoljning/handlingsplan")).toBe(200);
    }
    expect(await load(goalPage, other.actors.coordinator, `/uppfoljning/mal/${goalId}`, { goalId: String(goalId) })).toBe(404);
    expect(await load(goalPage, world.actors.coordinator, "/uppfoljning/mal/x", { goalId: "x" })).toBe(404);
    const edit = await post(goalPage, other.chair, `/uppfoljning/mal/${goalId}`, { intent: "archive" }, { goalId: String(goalId) });
    expect(edit.status).toBe(404);
    expect(getDb().select().from(steeringGoals).where(eq(steeringGoals.id, goalId)).get()!.archivedAt).toBeNull();
  });
});

describe("bad input", () => {
  it("is a 400 with the message beside the field, and nothing written", async () => {
    const before = goalsOf(world.municipality.id).length;
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ ...GOAL, target: "" }, { target: "Ange målvärdet." }],
      [{ ...GOAL, target: "mycket" }, { target: "Ange målvärdet som ett tal, till exempel 90 eller 12,5." }],
      [{ ...GOAL, target: "120" }, { target: "En andel kan vara högst 100 %." }],
      [{ ...GOAL, figureKey: "notContacted", target: "2,5" }, { target: "Ett antal anges som ett heltal, till exempel 10." }],
      [{ ...GOAL, figureKey: "" }, { figureKey: "Välj vilket mått målet gäller." }],
      [{ ...GOAL, periodKind: "intervall" }, { periodKind: "Välj vilken period målet följs per." }],
    ];
    for (const [fields, errors] of cases) {
      const result = await post(goalIndex, world.actors.coordinator, "/uppfoljning/mal", fields);
      expect(result.status).toBe(400);
      expect(result.body!.errors).toEqual(errors);
    }
    expect(goalsOf(world.municipality.id)).toHaveLength(before);
  });
});

describe("changing and archiving a goal", () => {
  it("keeps every version with who and when, and never deletes", async () => {
    const goalId = await createGoal(world.actors.coordinator);
    const page = (actor: Actor, fields: Record<string, string>) => post(goalPage, actor, `/uppfoljning/mal/${goalId}`, fields, { goalId: String(goalId) });
    expect((await page(world.chair, { intent: "update", ...GOAL, target: "92,5", note: "Höjt efter årsrapporten." })).status).toBe(200);
    expect((await page(world.actors.caseworker, { intent: "update", ...GOAL, target: "10" })).status).toBe(403);
    expect((await page(world.actors.steering, { intent: "archive" })).status).toBe(403);
    const refused = await page(world.actors.coordinator, { intent: "update", ...GOAL, target: "101" });
    expect(refused).toMatchObject({ status: 400, body: { errors: { target: "En andel kan vara högst 100 %." } } });
    expect((await page(world.actors.coordinator, { intent: "archive" })).status).toBe(200);
    expect(await page(world.actors.coordinator, { intent: "update", ...GOAL })).toMatchObject({
      status: 400,
      body: { errors: { form: "Målet är arkiverat. Återställ det för att ändra det." } },
    });

    const goal = getDb().select().from(steeringGoals).where(eq(steeringGoals.id, goalId)).get()!;
    expect(goal).toMatchObject({ target: 92.5, note: "Höjt efter årsrapporten.", archivedByMembershipId: world.actors.coordinator.membershipId });
    expect(goal.archivedAt).not.toBeNull();
    expect(goalHistory(goalId).map((h) => [h.event, h.name])).toEqual([
      ["Arkiverat", "Kontakt inom fyra veckor ≥ 92,5 % per tertial"],
      ["Ändrat", "Kontakt inom fyra veckor ≥ 92,5 % per tertial"],
      ["Målet sattes", "Kontakt inom fyra veckor ≥ 90 % per tertial"],
    ]);
    expect(
      getDb()
        .select()
        .from(steeringGoalRevisions)
        .where(eq(steeringGoalRevisions.goalId, goalId))
        .all()
        .map((r) => r.recordedByMembershipId),
    ).toEqual([world.actors.coordinator.membershipId, world.chair.membershipId, world.actors.coordinator.membershipId]);

    expect((await page(world.chair, { intent: "restore" })).status).toBe(200);
    expect(getDb().select().from(steeringGoals).where(eq(steeringGoals.id, goalId)).get()!.archivedAt).toBeNull();
    // The database refuses to lose the history too.
    expect(() => raw("DELETE FROM steering_goals WHERE id = ?", goalId)).toThrow(/arkivera/);
    expect(() => raw("UPDATE steering_goal_revisions SET target = 1 WHERE goal_id = ?", goalId)).toThrow(/historik/);
    expect(() => raw("DELETE FROM steering_goal_revisions WHERE goal_id = ?", goalId)).toThrow(/historik/);
  });
});

describe("the handlingsplan", () => {
  const PATH = "/uppfoljning/handlingsplan";
  const activity = { intent: "add-activity", description: "Gemensam rutin för hembesök", owner: "KAA-enheten", status: "planned" };

  it("takes activities from the samordnare and the chair, marks the overdue ones, and refuses the others", async () => {
    const goalId = await createGoal(world.chair);
    const yesterday = addDays(todayIso(), -1);
    expect((await post(planPage, world.chair, PATH, { ...activity, dueDate: yesterday, goalId: String(goalId) })).status).toBe(302);
    expect(
      (await post(planPage, world.actors.coordinator, PATH, { ...activity, description: "Informationsbrev", dueDate: addDays(todayIso(), 30) })).status,
    ).toBe(302);
    expect((await post(planPage, world.actors.caseworker, PATH, { ...activity, dueDate: yesterday })).status).toBe(403);
    expect((await post(planPage, world.actors.steering, PATH, { ...activity, dueDate: yesterday })).status).toBe(403);
    expect((await post(planPage, world.actors.school, PATH, { ...activity, dueDate: yesterday })).status).toBe(404);

    const list = listActivities(world.municipality.id, todayIso());
    expect(list.map((a) => [a.description, a.overdue, a.goalName])).toEqual([
      ["Gemensam rutin för hembesök", true, "Kontakt inom fyra veckor ≥ 90 % per tertial"],
      ["Informationsbrev", false, null],
    ]);
    // Done: no longer overdue. Edited through ?aktivitet=.
    const id = list[0]!.id;
    const done = await post(planPage, world.actors.coordinator, `${PATH}?aktivitet=${id}`, {
      ...activity,
      intent: "update-activity",
      status: "done",
      dueDate: yesterday,
      goalId: String(goalId),
    });
    expect(done.status).toBe(302);
    expect(listActivities(world.municipality.id, todayIso(), goalId)).toMatchObject([{ id, status: "done", overdue: false, updatedBy: "Test Testsson" }]);
    expect(() => raw("DELETE FROM steering_activities WHERE id = ?", id)).toThrow(/ställ in/);
  });

  it("refuses bad activities with Swedish messages, another municipality's goal included", async () => {
    const foreignGoal = goalsOf(other.municipality.id)[0]?.id ?? (await createGoal(other.actors.coordinator));
    const count = () => getDb().select().from(steeringActivities).where(eq(steeringActivities.municipalityId, world.municipality.id)).all().length;
    const before = count();
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ ...activity, dueDate: "2026-02-30" }, { dueDate: "Datumet finns inte." }],
      [{ ...activity, dueDate: "snart" }, { dueDate: "Ange när aktiviteten ska vara klar som ÅÅÅÅ-MM-DD." }],
      [{ ...activity, description: " ", dueDate: "2026-12-01" }, { description: "Ange vad som ska göras." }],
      [{ ...activity, owner: "", dueDate: "2026-12-01" }, { owner: "Ange vem som är ansvarig." }],
      [{ ...activity, status: "paused", dueDate: "2026-12-01" }, { status: "Välj status." }],
      [{ ...activity, dueDate: "2026-12-01", goalId: String(foreignGoal) }, { goalId: "Välj ett av kommunens aktuella mål, eller inget." }],
    ];
    for (const [fields, errors] of cases) {
      const result = await post(planPage, world.actors.coordinator, PATH, fields);
      expect(result.status, JSON.stringify(fields)).toBe(400);
      expect(result.body!.errors).toEqual(errors);
    }
    expect(count()).toBe(before);
    // Another municipality's activity: the same 404 as one that does not exist.
    const foreign = await post(planPage, other.actors.coordinator, PATH, { ...activity, dueDate: "2026-12-01" });
    expect(foreign.status).toBe(302);
    const foreignId = getDb().select().from(steeringActivities).where(eq(steeringActivities.municipalityId, other.municipality.id)).get()!.id;
    const edit = await post(planPage, world.actors.coordinator, `${PATH}?aktivitet=${foreignId}`, {
      ...activity,
      intent: "update-activity",
      dueDate: "2026-12-01",
    });
    expect(edit.status).toBe(404);
  });

  it("records revisions of the plan, the latest first, and keeps them", async () => {
    const today = todayIso();
    const bad = await post(planPage, world.chair, PATH, { intent: "revision", revisedOn: today, nextRevisionOn: addDays(today, -1) });
    expect(bad).toMatchObject({ status: 400, body: { errors: { nextRevisionOn: "Nästa revision måste ligga efter den senaste revisionen." } } });
    const future = await post(planPage, world.chair, PATH, { intent: "revision", revisedOn: addDays(today, 1), nextRevisionOn: addDays(today, 200) });
    expect(future).toMatchObject({ status: 400, body: { errors: { revisedOn: "Datumet får inte ligga i framtiden." } } });
    expect((await post(planPage, world.actors.steering, PATH, { intent: "revision", revisedOn: today, nextRevisionOn: addDays(today, 365) })).status).toBe(403);
    expect(
      (await post(planPage, world.actors.coordinator, PATH, { intent: "revision", revisedOn: addDays(today, -400), nextRevisionOn: addDays(today, -35) }))
        .status,
    ).toBe(302);
    expect(
      (
        await post(planPage, world.chair, PATH, {
          intent: "revision",
          revisedOn: today,
          nextRevisionOn: addDays(today, 365),
          revisionNote: "Efter årsrapporten.",
        })
      ).status,
    ).toBe(302);
    expect(planRevisions(world.municipality.id).map((r) => [r.revisedOn, r.nextRevisionOn, r.note])).toEqual([
      [today, addDays(today, 365), "Efter årsrapporten."],
      [addDays(today, -400), addDays(today, -35), null],
    ]);
    expect(() => raw("UPDATE steering_plan_revisions SET note = 'x'")).toThrow(/revisioner/);
    expect(getDb().select().from(steeringPlanRevisions).all()).toHaveLength(2);
  });
});
