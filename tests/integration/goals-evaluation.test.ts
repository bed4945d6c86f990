// Goals judged against a small world whose answer is worked out by hand below, as the KAA unit sees it
// (exact) and as the styrgrupp sees it (small numbers hidden: such a period cannot be judged), and the
// "Mål och handlingsplan" agenda item, frozen when the agenda is sent and never changed after.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client";
import { agendaGoalSnapshots, steeringGoals } from "#db/schema";
import { addDays, todayIso } from "~/lib/dates";
import { addAgendaItem } from "~/modules/meetings/agenda.server";
import { sendAgenda } from "~/modules/meetings/agenda-send.server";
import { meetingView } from "~/modules/meetings/meeting-view.server";
import { createMeeting } from "~/modules/meetings/meetings.server";
import { computeFollowUp, followUpAudience } from "~/modules/statistics/follow-up.server";
import { tertial } from "~/modules/statistics/periods";
import { parseGoalsSnapshot } from "~/modules/steering/agenda-goals";
import { goalsSnapshot } from "~/modules/steering/agenda-goals.server";
import { goalsForFollowUp, goalStatuses, type GoalStatusView } from "~/modules/steering/goal-status.server";
import { archiveGoal, createGoal, listGoals, updateGoal } from "~/modules/steering/goals.server";
import { steeringAccess } from "~/modules/steering/access.server";
import { createActivity, listActivities, recordPlanRevision, updateActivity } from "~/modules/steering/plan.server";
import { statAttempt, statEnrollment } from "../factories/follow-up";
import { createWorkingGroupWorld, open, planMeeting } from "../factories/meetings";
import { createSteeringWorld, type SteeringWorld } from "../factories/steering";

const TODAY = "2026-11-30"; // Tertial 3 2026 and läsår 2026/27 are running.
let world: SteeringWorld;
let goals: { contact: number; median: number; returned: number };
// E-mail is not configured here: the agenda counts as sent all the same (and says so in a warning).
const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
afterAll(() => warn.mockRestore());

beforeAll(async () => {
  world = await createSteeringWorld();
  const m = world.municipality.id;
  const by = world.actors.caseworker.membershipId;
  // Tertial 2 2026: six registrations on 4 May; first reached after 2, 3, 5, 7, 20 and 40 days.
  // Contact within four weeks: 5 of 6 (83.3 %). Median days: (5 + 7) / 2 = 6.
  for (const days of [2, 3, 5, 7, 20, 40]) statAttempt(statEnrollment(m, { startDate: "2026-05-04" }), by, addDays("2026-05-04", days));
  // Tertial 1 2026: two registrations, one reached after 30 days and one never; both back in studies in
  // the spring (läsår 2025/26: 2 returned). Contact within four weeks: 0 of 2. Median: 30.
  const late = statEnrollment(m, { startDate: "2026-02-02", endDate: "2026-03-20", endReason: "komvux" });
  statAttempt(late, by, "2026-03-04");
  statEnrollment(m, { startDate: "2026-03-02", endDate: "2026-04-10", endReason: "national_programme" });
  // Tertial 3 2026 (running): one registration, reached after 2 days: 1 of 1, median 2.
  statAttempt(statEnrollment(m, { startDate: "2026-09-10" }), by, "2026-09-12");

  const access = steeringAccess(world.actors.coordinator)!;
  const goal = (figureKey: string, comparator: "gte" | "lte", target: number, periodKind: "tertial" | "lasar") =>
    createGoal(world.actors.coordinator, access, { figureKey, comparator, target, periodKind, note: undefined }).id;
  goals = {
    contact: goal("contactShare", "gte", 50, "tertial"),
    median: goal("daysToContact", "lte", 10, "tertial"),
    returned: goal("returned", "gte", 2, "lasar"),
  };
  // An archived goal is no longer followed.
  archiveGoal(world.actors.coordinator, access, goal("notContacted", "lte", 0, "tertial"));
});

const statuses = (actor: typeof world.chair) => {
  const views = goalStatuses(followUpAudience(actor)!, listGoals(world.municipality.id), TODAY);
  return new Map(views.map((v) => [v.id, v]));
};
const values = (g: GoalStatusView) => g.trend.map((p) => (p.value === null ? null : Math.round(p.value * 10) / 10));
const met = (g: GoalStatusView) => g.trend.map((p) => p.met);

describe("goals in the KAA unit's exact view", () => {
  let view: Map<number, GoalStatusView>;
  beforeAll(() => {
    view = statuses(world.actors.coordinator);
  });

  it("follows only the goals in force", () => {
    expect([...view.keys()]).toEqual([goals.contact, goals.median, goals.returned]);
  });

  it("judges contact within four weeks ≥ 50 % per tertial over the last six tertials", () => {
    const g = view.get(goals.contact)!;
    expect(g.name).toBe("Kontakt inom fyra veckor ≥ 50 % per tertial");
    expect(g.trend.map((p) => [p.label, p.from, p.to])).toEqual([
      ["Tertial 1 2025", "2025-01-01", "2025-04-30"],
      ["Tertial 2 2025", "2025-05-01", "2025-08-31"],
      ["Tertial 3 2025", "2025-09-01", "2025-12-31"],
      ["Tertial 1 2026", "2026-01-01", "2026-04-30"],
      ["Tertial 2 2026", "2026-05-01", "2026-08-31"],
      ["Tertial 3 2026", "2026-09-01", "2026-12-31"],
    ]);
    expect(values(g)).toEqual([null, null, null, 0, 83.3, 100]);
    expect(met(g)).toEqual([null, null, null, false, true, true]);
    expect(g.trend.slice(0, 3).every((p) => p.notJudged === "no_data")).toBe(true);
    expect(g.latest).toMatchObject({ label: "Tertial 2 2026", met: true, shown: "83,3 %", ongoing: false });
    expect(g.current).toMatchObject({ label: "Tertial 3 2026", met: true, ongoing: true });
  });

  it("judges the median days to first contact ≤ 10", () => {
    const g = view.get(goals.median)!;
    expect(values(g)).toEqual([null, null, null, 30, 6, 2]);
    expect(met(g)).toEqual([null, null, null, false, true, true]);
  });

  it("judges returned to studies ≥ 2 per läsår, a zero being a count that is not met", () => {
    const g = view.get(goals.returned)!;
    expect(g.trend.map((p) => p.label).slice(-2)).toEqual(["Läsåret 2025/26", "Läsåret 2026/27"]);
    expect(values(g)).toEqual([0, 0, 0, 0, 2, 0]);
    expect(met(g)).toEqual([false, false, false, false, true, false]);
  });
});

describe("goals as the styrgrupp sees them", () => {
  let view: Map<number, GoalStatusView>;
  beforeAll(() => {
    view = statuses(world.chair);
  });

  it("cannot judge a period whose value rests on fewer than five youths", () => {
    const contact = view.get(goals.contact)!;
    // Tertial 1 2026 rests on 2 judged registrations, tertial 3 on 1: hidden. Tertial 2: 5 of 6, shown.
    expect(values(contact)).toEqual([null, null, null, null, 83.3, null]);
    expect(met(contact)).toEqual([null, null, null, null, true, null]);
    expect(contact.trend.map((p) => p.notJudged)).toEqual(["no_data", "no_data", "no_data", "hidden", null, "hidden"]);
    expect(contact.current.shown).toBe("färre än 5");
    expect(met(view.get(goals.median)!)).toEqual([null, null, null, null, true, null]);
    const returned = view.get(goals.returned)!;
    expect(values(returned)).toEqual([0, 0, 0, 0, null, 0]);
    expect(returned.latest).toMatchObject({ met: null, notJudged: "hidden", shown: "färre än 5" });
  });

  it("judges the follow-up page's own period from its figures, the same as the goal page", () => {
    const audience = followUpAudience(world.chair)!;
    const followUp = computeFollowUp(audience, tertial(2026, 2), { today: TODAY });
    const onPage = goalsForFollowUp(listGoals(world.municipality.id), followUp, tertial(2026, 2), TODAY);
    expect(onPage.map((g) => [g.id, g.status?.met ?? "annan period", g.status?.shown])).toEqual([
      [goals.contact, true, "83,3 %"],
      [goals.median, true, "6 dagar"],
      [goals.returned, "annan period", undefined],
    ]);
  });
});

describe("goals and the handlingsplan on a samverkan agenda", () => {
  it("are a live preview until the agenda is sent, then a snapshot that later changes do not touch", async () => {
    const access = steeringAccess(world.actors.coordinator)!;
    const activity = createActivity(world.actors.coordinator, access, {
      description: "Gemensam rutin för hembesök",
      owner: "KAA-enheten",
      dueDate: "2026-10-01",
      status: "in_progress",
      goalId: goals.contact,
    });
    if (!activity.ok) throw new Error("activity");
    recordPlanRevision(world.chair, access, { revisedOn: "2026-09-01", nextRevisionOn: "2027-09-01", revisionNote: undefined });
    const created = createMeeting(world.chair, world.forumId, {
      title: "Styrgruppen",
      date: addDays(todayIso(), 5),
      startTime: "09:00",
      endTime: "11:00",
      place: "Stadshuset",
      videoLink: undefined,
      participantIds: [world.chair.membershipId, world.actors.coordinator.membershipId, world.actors.steering.membershipId],
    });
    if (!created.ok) throw new Error("meeting");
    const ctx = () => open(world.chair, created.id);
    const item = addAgendaItem(world.chair, ctx(), {
      title: "Mål och handlingsplan",
      kind: "goals",
      presenterParticipantId: null,
      minutesAllotted: 20,
      description: undefined,
    });
    if (!item.ok) throw new Error(JSON.stringify(item.errors));

    const preview = meetingView(world.actors.steering, ctx()).agenda[0]!.goals!;
    expect(preview.frozen).toBe(false);
    expect(preview.goals.map((g) => g.id)).toEqual([goals.contact, goals.median, goals.returned]);
    expect(getDb().select().from(agendaGoalSnapshots).all()).toEqual([]);

    const sentAt = new Date("2026-11-30T08:00:00.000Z");
    expect(await sendAgenda(world.chair, ctx(), "https://portal.example", sentAt)).toMatchObject({ ok: true });
    const stored = getDb().select().from(agendaGoalSnapshots).where(eq(agendaGoalSnapshots.agendaItemId, item.id)).get()!;
    expect(stored.frozenAt).toBe("2026-11-30T08:00:00.000Z");
    const frozen = parseGoalsSnapshot(stored.snapshot)!;
    // As the forum may see the follow-up: tertial 2 judged, the running tertial hidden (1 youth).
    expect(frozen.today).toBe(TODAY);
    expect(frozen.goals[0]).toMatchObject({
      name: "Kontakt inom fyra veckor ≥ 50 % per tertial",
      latest: { label: "Tertial 2 2026", met: true, shown: "83,3 %" },
      current: { label: "Tertial 3 2026", met: null, notJudged: "hidden", shown: "färre än 5" },
    });
    expect(frozen.plan).toEqual({ revisedOn: "2026-09-01", nextRevisionOn: "2027-09-01" });
    expect(frozen.activities).toEqual([
      {
        description: "Gemensam rutin för hembesök",
        owner: "KAA-enheten",
        dueDate: "2026-10-01",
        status: "in_progress",
        overdue: true,
        goalName: "Kontakt inom fyra veckor ≥ 50 % per tertial",
      },
    ]);
    // Aggregates only: no count from 1 to 4 in what the forum was sent.
    const numbers = [...stored.snapshot.matchAll(/"value":(\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
    expect(numbers.filter((n) => n >= 1 && n <= 4)).toEqual([]);

    // The goals and the plan change; the agenda is sent again.
    updateGoal(world.chair, access, goals.contact, { figureKey: "contactShare", comparator: "gte", target: 90, periodKind: "tertial", note: undefined });
    archiveGoal(world.actors.coordinator, access, goals.returned);
    updateActivity(world.actors.coordinator, access, activity.id, {
      description: "Gemensam rutin för hembesök",
      owner: "KAA-enheten",
      dueDate: "2026-10-01",
      status: "done",
      goalId: goals.contact,
    });
    statAttempt(statEnrollment(world.municipality.id, { startDate: "2026-09-15" }), world.actors.caseworker.membershipId, "2026-09-16");
    expect(await sendAgenda(world.chair, ctx(), "https://portal.example")).toMatchObject({ ok: true });

    expect(getDb().select().from(agendaGoalSnapshots).where(eq(agendaGoalSnapshots.agendaItemId, item.id)).get()).toEqual(stored);
    const shown = meetingView(world.actors.steering, ctx()).agenda[0]!.goals!;
    expect(shown).toMatchObject({ frozen: true, frozenAt: "2026-11-30T08:00:00.000Z" });
    expect(shown.goals.map((g) => g.name)).toEqual([
      "Kontakt inom fyra veckor ≥ 50 % per tertial",
      "Dagar från inskrivning till första kontakt (median) ≤ 10 dagar per tertial",
      "Återgått till studier ≥ 2 per läsår",
    ]);
    expect(shown.activities[0]).toMatchObject({ status: "in_progress", overdue: true });
    // …while the live state has moved on.
    const live = goalsSnapshot(world.municipality.id, sentAt);
    expect(live.goals.map((g) => g.name)).toEqual([
      "Kontakt inom fyra veckor ≥ 90 % per tertial",
      "Dagar från inskrivning till första kontakt (median) ≤ 10 dagar per tertial",
    ]);
    expect(listActivities(world.municipality.id, TODAY)[0]).toMatchObject({ status: "done", overdue: false });
    expect(getDb().select().from(steeringGoals).where(eq(steeringGoals.id, goals.returned)).get()!.archivedAt).not.toBeNull();
    // The database keeps the snapshot as sent.
    expect(() => getDb().$client.prepare("UPDATE agenda_goal_snapshots SET snapshot = '{}'").run()).toThrow(/fryst/);
    expect(() => getDb().$client.prepare("DELETE FROM agenda_goal_snapshots").run()).toThrow(/fryst/);
  });

  it("belongs on the styrgrupp's and the samverkansforum's agendas only", async () => {
    const group = await createWorkingGroupWorld();
    const meetingId = planMeeting(group);
    const result = addAgendaItem(group.actors.coordinator, open(group.actors.coordinator, meetingId), {
      title: "Mål",
      kind: "goals",
      presenterParticipantId: null,
      minutesAllotted: 10,
      description: undefined,
    });
    expect(result).toEqual({ ok: false, errors: { kind: "Mål och handlingsplan finns på dagordningen för styrgruppen och samverkansforumet." } });
  });
});
