// The worklist reads the contact routine's next step stored on each enrollment: every write that can
// move it keeps it, and the status job catches what only the calendar changes.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { enrollments } from "#db/schema";
import { addDays, addYears, todayIso } from "~/lib/dates";
import { runStatusJob } from "~/modules/jobs/status-job.server";
import { recordContactAttempt } from "~/modules/outreach/contacts.server";
import { saveRoutine } from "~/modules/outreach/routine.server";
import { readWorklist, WORKLIST_SECTION_LIMIT } from "~/modules/outreach/worklist.server";
import { enrolledYouth } from "../factories/enrollment";
import { fileFor, registerOf } from "../factories/gate";
import { createWorld } from "../factories/world";

let world: Awaited<ReturnType<typeof createWorld>>;
const today = todayIso();
beforeAll(async () => {
  world = await createWorld();
});

const stored = (youthId: string) => getDb().select().from(enrollments).where(eq(enrollments.youthId, youthId)).get()!;
const steps = () => readWorklist(registerOf(world.actors.coordinator), { caseworker: "all" }).routineSteps;

describe("the contact routine on the worklist", () => {
  it("stores the first step when the enrollment opens and drops it when the youth is reached", () => {
    // 19 years old: the routine contacts the youth alone (under 18, the guardian too).
    const { youthId, startDate } = enrolledYouth(world.actors.caseworker, { daysAgo: 10, reached: false, birthDate: addYears(today, -19) });
    // The default routine: a letter one week after the start.
    expect(stored(youthId)).toMatchObject({ nextStepDue: addDays(startDate, 7), nextStepIndex: 0 });
    expect(steps().find((s) => s.youthId === youthId)).toMatchObject({
      step: "Brev till folkbokföringsadressen",
      dueDate: addDays(startDate, 7),
      overdue: true,
    });

    const letter = {
      channel: "letter" as const,
      target: "youth" as const,
      date: today,
      outcome: "message_left" as const,
      occupation: undefined,
      occupationNote: undefined,
      secondStaff: undefined,
      note: undefined,
      letterTemplate: undefined,
    };
    expect(recordContactAttempt(fileFor(world.actors.caseworker, youthId, [], ["contacts", "enrollment"]), letter)).toEqual({ ok: true });
    // The letter done, the next step is one month after it.
    expect(stored(youthId)).toMatchObject({ nextStepIndex: 1 });
    expect(stored(youthId).nextStepDue! > today).toBe(true);

    expect(
      recordContactAttempt(fileFor(world.actors.caseworker, youthId, [], ["contacts", "enrollment"]), {
        ...letter,
        channel: "phone",
        outcome: "reached",
        occupation: "none",
      }),
    ).toEqual({ ok: true });
    expect(stored(youthId)).toMatchObject({ status: "contacted", nextStepDue: null });
    expect(steps().map((s) => s.youthId)).not.toContain(youthId);
  });

  it("moves every waiting youth's step when the samordnare changes the routine", () => {
    const { youthId, startDate } = enrolledYouth(world.actors.caseworker, { daysAgo: 3, reached: false });
    saveRoutine(world.actors.coordinator, { steps: [{ label: "Ring inom två dagar", channels: ["phone"], offsetAmount: 2, offsetUnit: "days" }] });
    expect(stored(youthId)).toMatchObject({ nextStepDue: addDays(startDate, 2), nextStepIndex: 0 });
    expect(steps().find((s) => s.youthId === youthId)?.step).toBe("Ring inom två dagar");
  });

  it("is kept by the status job too, and the job changes nothing on a second run", () => {
    const { youthId } = enrolledYouth(world.actors.caseworker, { daysAgo: 5, reached: false });
    const before = stored(youthId);
    // As after a migration or a change outside the portal: the stored step is gone.
    getDb().update(enrollments).set({ nextStepDue: null, nextStepIndex: null }).where(eq(enrollments.youthId, youthId)).run();
    runStatusJob({ municipalityId: world.municipality.id });
    expect(stored(youthId)).toMatchObject({ nextStepDue: before.nextStepDue, nextStepIndex: before.nextStepIndex });
    runStatusJob({ municipalityId: world.municipality.id });
    expect(stored(youthId)).toMatchObject({ nextStepDue: before.nextStepDue, nextStepIndex: before.nextStepIndex });
  });
});

describe("a whole unit's worklist", () => {
  it("shows each section's first rows only, earliest first, and says when there are more", async () => {
    const big = await createWorld();
    const limit = WORKLIST_SECTION_LIMIT;
    for (let i = 0; i < limit + 3; i++)
      enrolledYouth(big.actors.caseworker, { daysAgo: 40 + (i % 50), reached: false, birthDate: addDays(addYears(today, -19), -i) });
    const worklist = readWorklist(registerOf(big.actors.coordinator), { caseworker: "all" });
    expect(worklist.notContacted).toHaveLength(limit);
    expect(worklist.truncated).toContain("notContacted");
    // The longest wait first.
    expect(worklist.notContacted[0]!.days).toBe(89);
    expect(worklist.truncated).not.toContain("watchDue");
  });
});
