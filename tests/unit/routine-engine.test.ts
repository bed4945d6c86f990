import { describe, expect, it } from "vitest";
import { addMonths } from "~/lib/dates";
import { DEFAULT_ROUTINE, nextRoutineStep, type RecordedAttempt } from "~/modules/outreach/routine-engine";

const base = { steps: DEFAULT_ROUTINE, guardianIsTarget: false };
const letter = (date: string, target: "youth" | "guardian" = "youth"): RecordedAttempt => ({ date, channel: "letter", target, outcome: "message_left" });

describe("the contact routine engine", () => {
  it("asks for the first letter a week after enrollment, and reports it overdue after that", () => {
    const input = { ...base, enrollmentStart: "2026-03-02", attempts: [] };
    expect(nextRoutineStep({ ...input, today: "2026-03-09" })).toMatchObject({ state: "due", index: 0, dueDate: "2026-03-09", overdue: false });
    expect(nextRoutineStep({ ...input, today: "2026-03-10" })).toMatchObject({ state: "due", index: 0, overdue: true });
  });

  it("moves to the next step when the letter is recorded, due a month after it (clamped at month end)", () => {
    const state = nextRoutineStep({ ...base, enrollmentStart: "2026-01-20", attempts: [letter("2026-01-31")], today: "2026-02-10" });
    expect(state).toMatchObject({ state: "due", index: 1, dueDate: "2026-02-28", overdue: false });
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
  });

  it("does not let one attempt complete two steps", () => {
    const state = nextRoutineStep({ ...base, enrollmentStart: "2026-01-01", attempts: [letter("2026-01-05")], today: "2026-01-06" });
    expect(state).toMatchObject({ state: "due", index: 1 });
  });

  it("ends when the youth is reached, even early", () => {
    const reached: RecordedAttempt = { date: "2026-01-03", channel: "phone", target: "youth", outcome: "reached" };
    expect(nextRoutineStep({ ...base, enrollmentStart: "2026-01-01", attempts: [reached], today: "2026-06-01" })).toEqual({
      state: "reached",
      reachedOn: "2026-01-03",
    });
  });

  it("for a youth under 18 needs the guardian too before the step is done", () => {
    const input = { ...base, guardianIsTarget: true, enrollmentStart: "2026-01-01", today: "2026-01-20" };
    expect(nextRoutineStep({ ...input, attempts: [letter("2026-01-05")] })).toMatchObject({
      state: "due",
      index: 0,
      missingTargets: ["guardian"],
      overdue: true,
    });
    expect(nextRoutineStep({ ...input, attempts: [letter("2026-01-05"), letter("2026-01-06", "guardian")] })).toMatchObject({
      state: "due",
      index: 1,
      dueDate: "2026-02-06",
    });
  });

  it("says so when every step is done without contact", () => {
    const attempts: RecordedAttempt[] = [
      letter("2026-01-05"),
      { date: "2026-02-05", channel: "phone", target: "youth", outcome: "not_reached" },
      { date: "2026-03-05", channel: "home_visit", target: "youth", outcome: "not_reached" },
      { date: "2026-04-05", channel: "sms", target: "youth", outcome: "message_left" },
    ];
    expect(nextRoutineStep({ ...base, enrollmentStart: "2026-01-01", attempts, today: "2026-05-01" })).toEqual({
      state: "completed_without_contact",
      lastStepDone: "2026-04-05",
    });
  });
});
