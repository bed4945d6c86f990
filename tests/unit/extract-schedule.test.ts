import { describe, expect, it } from "vitest";
import { describeSchedule, isExtractDue, latestSlot, scheduleSchema } from "~/modules/reconciliation/extract-schedule";

// 2026-12-01 is a Tuesday; Stockholm is UTC+1 in December, UTC+2 in June.
const SET = "2026-11-20T12:00:00.000Z";
const weekdays = { frequency: "weekdays" as const, weekday: null, hour: 4 };
const tuesdays = { frequency: "weekly" as const, weekday: 2, hour: 6 };

describe("latestSlot", () => {
  it("is the latest start at or before now, in Stockholm time", () => {
    expect(latestSlot(weekdays, new Date("2026-12-01T03:00:00Z"))).toBe("2026-12-01T03:00:00.000Z");
    // Before 04.00 on Tuesday: Monday's start.
    expect(latestSlot(weekdays, new Date("2026-12-01T02:59:00Z"))).toBe("2026-11-30T03:00:00.000Z");
    // On Monday morning before 04.00 the latest weekday start was Friday.
    expect(latestSlot(weekdays, new Date("2026-11-30T02:00:00Z"))).toBe("2026-11-27T03:00:00.000Z");
    // Summer time: 04.00 in Stockholm is 02.00 UTC.
    expect(latestSlot(weekdays, new Date("2026-06-16T02:30:00Z"))).toBe("2026-06-16T02:00:00.000Z");
  });

  it("weekly: the chosen day only; off: never", () => {
    expect(latestSlot(tuesdays, new Date("2026-12-01T05:00:00Z"))).toBe("2026-12-01T05:00:00.000Z");
    expect(latestSlot(tuesdays, new Date("2026-12-01T04:59:00Z"))).toBe("2026-11-24T05:00:00.000Z");
    expect(latestSlot({ frequency: "off", weekday: null, hour: 4 }, new Date("2026-12-01T05:00:00Z"))).toBeNull();
  });
});

describe("isExtractDue", () => {
  const at = (iso: string) => new Date(iso);
  it("is due once a start has passed since the last run", () => {
    const schedule = { ...weekdays, lastRunAt: "2026-11-30T03:00:00.000Z", updatedAt: SET };
    expect(isExtractDue(schedule, at("2026-12-01T02:00:00Z"))).toBe(false);
    expect(isExtractDue(schedule, at("2026-12-01T03:00:00Z"))).toBe(true);
    expect(isExtractDue({ ...schedule, lastRunAt: "2026-12-01T03:00:00.000Z" }, at("2026-12-01T10:00:00Z"))).toBe(false);
  });

  it("does not start at once for a start that passed before the schedule was set", () => {
    const schedule = { ...weekdays, lastRunAt: null, updatedAt: "2026-12-01T09:00:00.000Z" };
    expect(isExtractDue(schedule, at("2026-12-01T10:00:00Z"))).toBe(false);
    expect(isExtractDue(schedule, at("2026-12-02T03:01:00Z"))).toBe(true);
  });

  it("runs once after a server was down over several starts", () => {
    const schedule = { ...weekdays, lastRunAt: "2026-11-25T03:00:00.000Z", updatedAt: SET };
    expect(isExtractDue(schedule, at("2026-12-01T12:00:00Z"))).toBe(true);
  });
});

describe("scheduleSchema", () => {
  it("accepts the three forms and drops a weekday that is not used", () => {
    expect(scheduleSchema.parse({ frequency: "off", hour: "4", weekday: "" })).toEqual({ frequency: "off", hour: 4, weekday: null });
    expect(scheduleSchema.parse({ frequency: "weekdays", hour: "5", weekday: "3" })).toEqual({ frequency: "weekdays", hour: 5, weekday: null });
    expect(scheduleSchema.parse({ frequency: "weekly", hour: "23", weekday: "7" })).toEqual({ frequency: "weekly", hour: 23, weekday: 7 });
  });

  it.each([
    [{ frequency: "weekly", hour: "6", weekday: "" }, "weekday", "Välj vilken veckodag uttaget ska hämtas."],
    [{ frequency: "weekly", hour: "24", weekday: "2" }, "hour", "Ange en hel timme mellan 0 och 23."],
    [{ frequency: "weekdays", hour: "fyra", weekday: "" }, "hour", "Ange en hel timme mellan 0 och 23."],
    [{ frequency: "monthly", hour: "4", weekday: "" }, "frequency", "Välj hur ofta uttaget ska hämtas."],
  ])("refuses %j with a Swedish message", (input, field, message) => {
    const result = scheduleSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });
});

describe("describeSchedule", () => {
  it("says it in Swedish", () => {
    expect(describeSchedule(weekdays)).toBe("Varje vardag kl. 04.00");
    expect(describeSchedule(tuesdays)).toBe("Varje tisdag kl. 06.00");
    expect(describeSchedule({ frequency: "off", weekday: null, hour: 4 })).toBe("Av");
  });
});
