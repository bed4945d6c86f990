// Meeting times (Swedish time stored as UTC), the ICS file, agenda order and the rhythm.
import { describe, expect, it } from "vitest";
import { formatDuration, moveItem, nextPosition, totalMinutes } from "~/modules/meetings/agenda-order";
import { escapeText, foldLine, icsUtc, meetingIcs } from "~/modules/meetings/ics";
import { suggestNextMeetingDate } from "~/modules/meetings/rhythm";
import { formatMeetingTime, stockholmToUtc, utcToStockholm } from "~/modules/meetings/time";

describe("meeting times", () => {
  it.each([
    ["2026-12-08", "13:00", "2026-12-08T12:00:00.000Z"],
    ["2026-06-09", "13:00", "2026-06-09T11:00:00.000Z"],
    // The night summer time starts (02:00 → 03:00) and ends (03:00 → 02:00).
    ["2026-03-29", "12:00", "2026-03-29T10:00:00.000Z"],
    ["2026-10-25", "12:00", "2026-10-25T11:00:00.000Z"],
  ])("%s %s in Stockholm is %s", (date, time, utc) => {
    expect(stockholmToUtc(date, time)).toBe(utc);
    expect(utcToStockholm(utc)).toEqual({ date, time });
  });

  it("reads as Swedes write it", () => {
    expect(formatMeetingTime("2026-12-08T12:00:00.000Z", "2026-12-08T14:00:00.000Z")).toBe("tisdag 8 december 2026 kl. 13.00–15.00");
  });
});

describe("the calendar file", () => {
  const ics = meetingIcs({
    uid: "mote-7@portal.example",
    sequence: 2,
    title: "Arbetsgruppen; vecka 50, Nässjö",
    startsAt: "2026-12-08T12:00:00.000Z",
    endsAt: "2026-12-08T13:30:00.000Z",
    location: "KAA-enheten, Storgatan 12",
    url: "https://portal.example/samverkan/moten/7",
    description: "Dagordningen finns i portalen.\nInloggning krävs. ".repeat(4),
    cancelled: false,
    now: new Date("2026-11-30T10:00:00.000Z"),
  });

  it("is one VEVENT with UTC times and CRLF line endings", () => {
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("\r\nDTSTART:20261208T120000Z\r\n");
    expect(ics).toContain("\r\nDTEND:20261208T133000Z\r\n");
    expect(ics).toContain("\r\nDTSTAMP:20261130T100000Z\r\n");
    expect(ics).toContain("\r\nUID:mote-7@portal.example\r\n");
    expect(ics).toContain("\r\nSEQUENCE:2\r\n");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("escapes text and folds lines at 75 octets without splitting characters", () => {
    expect(ics).toContain("SUMMARY:Arbetsgruppen\\; vecka 50\\, Nässjö\r\n");
    const encoder = new TextEncoder();
    for (const line of ics.split("\r\n")) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("DESCRIPTION:Dagordningen finns i portalen.\\nInloggning krävs. Dagordningen");
    expect(
      foldLine("ö".repeat(50))
        .split("\r\n ")
        .every((part) => encoder.encode(part).length <= 75),
    ).toBe(true);
    expect(escapeText("a\\b")).toBe("a\\\\b");
    expect(icsUtc("2026-01-02T03:04:05.678Z")).toBe("20260102T030405Z");
  });

  it("marks a cancelled meeting", () => {
    expect(
      meetingIcs({
        uid: "u",
        sequence: 1,
        title: "t",
        startsAt: "2026-12-08T12:00:00.000Z",
        endsAt: "2026-12-08T13:00:00.000Z",
        location: null,
        url: "https://x",
        description: "d",
        cancelled: true,
        now: new Date(),
      }),
    ).toContain("STATUS:CANCELLED");
  });
});

describe("agenda order and time", () => {
  const items = [
    { id: 1, position: 1 },
    { id: 2, position: 2 },
    { id: 3, position: 3 },
  ];
  it("moves an item up or down by swapping with its neighbour", () => {
    expect(moveItem(items, 3, "up")).toEqual([
      { id: 3, position: 2 },
      { id: 2, position: 3 },
    ]);
    expect(moveItem(items, 1, "down")).toEqual([
      { id: 2, position: 1 },
      { id: 1, position: 2 },
    ]);
    expect(moveItem(items, 1, "up")).toEqual([]);
    expect(moveItem(items, 3, "down")).toEqual([]);
  });

  it("renumbers gaps left by withdrawn items when moving", () => {
    // 5 keeps position 2 by chance, so only 9 changes.
    expect(
      moveItem(
        [
          { id: 5, position: 2 },
          { id: 9, position: 7 },
        ],
        9,
        "up",
      ),
    ).toEqual([{ id: 9, position: 1 }]);
  });

  it("adds up the time", () => {
    expect(totalMinutes([{ minutesAllotted: 15 }, { minutesAllotted: 50 }])).toBe(65);
    expect(formatDuration(65)).toBe("1 tim 5 min");
    expect(formatDuration(45)).toBe("45 min");
    expect(formatDuration(120)).toBe("2 tim");
    expect(nextPosition(items)).toBe(4);
  });
});

describe("the meeting rhythm", () => {
  it("suggests the next date after the latest meeting", () => {
    expect(suggestNextMeetingDate("biweekly", "2026-11-24", "2026-11-30")).toBe("2026-12-08");
    expect(suggestNextMeetingDate("monthly", "2026-11-05", "2026-11-30")).toBe("2026-12-05");
  });
  it("moves forward past today when the forum has not met for a while", () => {
    expect(suggestNextMeetingDate("weekly", "2026-10-01", "2026-11-30")).toBe("2026-12-03");
  });
  it("suggests a week ahead for a new forum", () => {
    expect(suggestNextMeetingDate("quarterly", null, "2026-11-30")).toBe("2026-12-07");
  });
});
