// The follow-up's periods: their Swedish-date boundaries, the period before and a year earlier, and
// the 400 messages for bad input.
import { describe, expect, it } from "vitest";
import {
  calendarYear,
  interval,
  parsePeriod,
  PeriodError,
  periodChoices,
  previousPeriod,
  scbHalfYear,
  scbHalfYearOf,
  schoolYear,
  termin,
  tertial,
  tertialOf,
  yearEarlier,
} from "~/modules/statistics/periods";

const range = (p: { from: string; to: string }) => [p.from, p.to];
const parse = (query: string, today = "2026-11-30") => parsePeriod(new URLSearchParams(query), today);

describe("periods", () => {
  it("has the tertials Jan–Apr, May–Aug, Sep–Dec, with the leap day in a leap year", () => {
    expect(range(tertial(2024, 1))).toEqual(["2024-01-01", "2024-04-30"]);
    expect(range(tertial(2026, 2))).toEqual(["2026-05-01", "2026-08-31"]);
    expect(range(tertial(2026, 3))).toEqual(["2026-09-01", "2026-12-31"]);
    expect(range(previousPeriod(tertial(2026, 1)))).toEqual(["2025-09-01", "2025-12-31"]);
    expect(range(yearEarlier(tertial(2026, 2)))).toEqual(["2025-05-01", "2025-08-31"]);
  });

  it("has the terms VT Jan–Jun and HT Jul–Dec, and SCB's half-years on the same dates", () => {
    expect(range(termin(2026, "vt"))).toEqual(["2026-01-01", "2026-06-30"]);
    expect(range(previousPeriod(termin(2026, "vt")))).toEqual(["2025-07-01", "2025-12-31"]);
    expect(range(scbHalfYear(2026, 2))).toEqual(["2026-07-01", "2026-12-31"]);
    expect(previousPeriod(scbHalfYear(2026, 1)).value).toBe("halvar-2025-2");
  });

  it("has the läsår 1 July–30 June and the calendar year", () => {
    expect(range(schoolYear(2025))).toEqual(["2025-07-01", "2026-06-30"]);
    expect(schoolYear(2025).label).toBe("Läsåret 2025/26");
    expect(range(previousPeriod(schoolYear(2025)))).toEqual(["2024-07-01", "2025-06-30"]);
    expect(range(yearEarlier(calendarYear(2026)))).toEqual(["2025-01-01", "2025-12-31"]);
  });

  it("puts a free interval's previous period right before it, and moves a leap day to 28 February a year earlier", () => {
    const p = interval("2024-02-01", "2024-02-29");
    expect(range(previousPeriod(p))).toEqual(["2024-01-03", "2024-01-31"]);
    expect(range(yearEarlier(p))).toEqual(["2023-02-01", "2023-02-28"]);
  });

  it("defaults to the tertial of today, and reads every kind from the search params", () => {
    expect(parse("").value).toBe("tertial-2026-3");
    expect(tertialOf("2026-04-30").value).toBe("tertial-2026-1");
    expect(tertialOf("2026-05-01").value).toBe("tertial-2026-2");
    expect(range(parse("period=lasar-2025"))).toEqual(["2025-07-01", "2026-06-30"]);
    expect(range(parse("period=termin-2026-ht"))).toEqual(["2026-07-01", "2026-12-31"]);
    expect(range(parse("period=halvar-2026-1"))).toEqual(["2026-01-01", "2026-06-30"]);
    expect(range(parse("period=ar-2025"))).toEqual(["2025-01-01", "2025-12-31"]);
    expect(range(parse("period=intervall&fran=2024-02-29&till=2024-03-01"))).toEqual(["2024-02-29", "2024-03-01"]);
  });

  it.each([
    ["period=tertial-2026-4", "Tertialet måste vara 1, 2 eller 3."],
    ["period=termin-2026-st", "Terminen måste vara VT eller HT."],
    ["period=ar-1999", "Året måste vara ett årtal mellan 2000 och 2100."],
    ["period=ar-2026-1", "Okänd period."],
    ["period=vecka-2026-1", "Okänd period. Välj tertial, termin, läsår, kalenderår, halvår eller ett eget intervall."],
    ["period=intervall&fran=2025-02-29&till=2025-03-01", "Från och med är inget giltigt datum."],
    ["period=intervall&fran=1%2F3&till=2025-03-01", "Från och med måste vara ett datum som ÅÅÅÅ-MM-DD."],
    ["period=intervall&fran=2025-03-02&till=2025-03-01", "Till och med-datumet får inte vara före från och med-datumet."],
    ["period=intervall&fran=2010-01-01&till=2025-03-01", "Intervallet får vara högst fem år."],
  ])("refuses %s in Swedish", (query, message) => {
    expect(() => parse(query)).toThrow(PeriodError);
    expect(() => parse(query)).toThrow(message);
  });

  it("refuses a free interval where only the fixed periods are offered (outside the KAA unit)", () => {
    const params = new URLSearchParams("period=intervall&fran=2026-05-01&till=2026-05-02");
    expect(() => parsePeriod(params, "2026-11-30", { allowInterval: false })).toThrow("Eget intervall finns bara i KAA-enhetens vy.");
    expect(parsePeriod(new URLSearchParams("period=termin-2026-vt"), "2026-11-30", { allowInterval: false }).value).toBe("termin-2026-vt");
  });

  it("offers only periods that have begun, newest first", () => {
    const choices = periodChoices("2026-05-01");
    expect(choices.every((p) => p.from <= "2026-05-01")).toBe(true);
    expect(choices.map((p) => p.value)).toContain("tertial-2026-2");
    expect(choices.map((p) => p.value)).not.toContain("tertial-2026-3");
  });
});

describe("the SCB half-year of a day", () => {
  it.each([
    ["2026-01-01", "halvar-2026-1"],
    ["2026-06-30", "halvar-2026-1"],
    ["2026-07-01", "halvar-2026-2"],
    ["2026-12-31", "halvar-2026-2"],
  ])("%s falls in %s", (day, value) => {
    expect(scbHalfYearOf(day).value).toBe(value);
  });
});
