import { describe, expect, it } from "vitest";
import { routineCompliance } from "~/modules/outreach/routine-compliance";
import { DEFAULT_ROUTINE, type RecordedAttempt } from "~/modules/outreach/routine-engine";

// The default routine: letter a week after the start, then phone/sms/letter a month after it, then
// knock card or home visit a month after that, then a follow-up a month later.
const at = (date: string, channel: RecordedAttempt["channel"], outcome: RecordedAttempt["outcome"] = "not_reached"): RecordedAttempt => ({
  date,
  channel,
  target: "youth",
  outcome,
});

describe("routineCompliance", () => {
  it("finds every step done in time when the letter comes first and the phone call reaches the youth", () => {
    const c = routineCompliance(DEFAULT_ROUTINE, "2026-01-01", [at("2026-01-06", "letter"), at("2026-01-20", "phone", "reached")], "2026-06-01");
    expect(c.reachedOn).toBe("2026-01-20");
    expect(c.begunOutsideRoutine).toBe(false);
    expect(c.steps.map((s) => [s.state, s.dueDate, s.doneOn, s.daysLate, s.channelMatch])).toEqual([
      ["done", "2026-01-08", "2026-01-06", 0, true],
      ["done", "2026-02-06", "2026-01-20", 0, true],
      ["not_needed", "2026-02-20", null, 0, null],
      ["not_needed", "2026-03-20", null, 0, null],
    ]);
  });

  it("counts a home visit three months after the letter as a month late, with the skipped step missed (Nässjö, case 3)", () => {
    const c = routineCompliance(DEFAULT_ROUTINE, "2026-01-01", [at("2026-01-06", "letter"), at("2026-04-06", "home_visit", "reached")], "2026-06-01");
    const [, second, third] = c.steps;
    expect(second).toMatchObject({ state: "missed", dueDate: "2026-02-06", channelMatch: false });
    expect(third).toMatchObject({ state: "late", dueDate: "2026-03-06", doneOn: "2026-04-06", doneChannel: "home_visit", daysLate: 31 });
  });

  it("marks contact begun through a channel the first step does not name (Nässjö, case 10)", () => {
    const c = routineCompliance(DEFAULT_ROUTINE, "2026-01-01", [at("2026-01-12", "home_visit", "reached")], "2026-06-01");
    expect(c.begunOutsideRoutine).toBe(true);
    expect(c.firstAttempt).toEqual({ date: "2026-01-12", channel: "home_visit" });
    expect(c.steps[0]).toMatchObject({ state: "missed", daysLate: 4, channelMatch: false });
    expect(c.steps.slice(1).map((s) => s.state)).toEqual(["not_needed", "not_needed", "not_needed"]);
  });

  it("with nothing recorded, counts the steps that fell due before the last day judged as missed and the rest as not due", () => {
    const c = routineCompliance(DEFAULT_ROUTINE, "2026-01-01", [], "2026-02-20");
    expect(c.attemptCount).toBe(0);
    expect(c.firstAttempt).toBeNull();
    expect(c.steps.map((s) => [s.state, s.dueDate, s.daysLate])).toEqual([
      ["missed", "2026-01-08", 43],
      ["missed", "2026-02-08", 12],
      ["not_due", "2026-03-08", 0],
      ["not_due", "2026-04-08", 0],
    ]);
  });

  it("ignores attempts after the last day judged (the enrollment's end)", () => {
    const c = routineCompliance(DEFAULT_ROUTINE, "2026-01-01", [at("2026-03-01", "letter")], "2026-01-05");
    expect(c.attemptCount).toBe(0);
    expect(c.steps[0]!.state).toBe("not_due");
  });

  it("judges a step done late by its own channels, and does not let one attempt complete two steps", () => {
    const c = routineCompliance(DEFAULT_ROUTINE, "2026-01-01", [at("2026-01-20", "letter")], "2026-01-25");
    expect(c.steps[0]).toMatchObject({ state: "late", daysLate: 12, doneOn: "2026-01-20" });
    expect(c.steps[1]).toMatchObject({ state: "not_due", dueDate: "2026-02-20" });
  });
});
