/**
 * Where the `personnummer` package, the hand-written parser it replaced, and our answer differ
 * (measured on 2026-12-01; see docs/plans/issue-14.md §2). The package's own verdict is asserted
 * live, so an upgrade that changes it fails here and the table gets re-read.
 */
import personnummerModule from "personnummer";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makePersonalNumber, parsePersonalNumber, PERSONAL_NUMBER_ERRORS } from "~/modules/youth/personal-number";

const Personnummer = (personnummerModule as unknown as { default?: typeof personnummerModule }).default ?? personnummerModule;
const TODAY = new Date("2026-12-01T12:00:00Z");

type Case = {
  input: string;
  /** The package's verdict: the 12-digit number it reads, or null for "invalid". */
  pkg: string | null;
  /** What the hand-written parser answered (it is deleted; recorded from the measurement). */
  old: string;
  /** Our answer now: the normalised number, or the error. */
  ours: string;
  why: string;
};

const CASES: Case[] = [
  {
    input: " 080517 - 1238",
    pkg: null,
    old: "200805171238",
    ours: "200805171238",
    why: "school lists carry spaces; we normalise before the package sees the number",
  },
  {
    input: "080517\u20131238",
    pkg: null,
    old: PERSONAL_NUMBER_ERRORS.format,
    ours: "200805171238",
    why: "an en dash from a word processor is a dash",
  },
  {
    input: "19121212+1212",
    pkg: "191212121212",
    old: PERSONAL_NUMBER_ERRORS.format,
    ours: PERSONAL_NUMBER_ERRORS.format,
    why: "'+' means aged 100+ and belongs to the 10-digit form; in 12 digits it is a typing error",
  },
  {
    input: "200805170008",
    pkg: null,
    old: "200805170008",
    ours: PERSONAL_NUMBER_ERRORS.serial,
    why: "Skatteverket never issues serial 000: we follow the package",
  },
  {
    input: "2612311239",
    pkg: "202612311239",
    old: "192612311239",
    ours: "192612311239",
    why: "the package picks the century from the year only: 2026-12-31 is after today, so it is 1926",
  },
  {
    input: "202612311239",
    pkg: "202612311239",
    old: PERSONAL_NUMBER_ERRORS.future,
    ours: PERSONAL_NUMBER_ERRORS.future,
    why: "a birth date after today cannot belong to anyone",
  },
  {
    input: "010101-T005",
    pkg: null,
    old: PERSONAL_NUMBER_ERRORS.format,
    ours: PERSONAL_NUMBER_ERRORS.interim,
    why: "interim numbers are not identities the register may hold; say so rather than 'format'",
  },
];

function packageVerdict(input: string): string | null {
  try {
    return Personnummer.parse(input).format(true);
  } catch {
    return null;
  }
}

function ourAnswer(input: string): string {
  const result = parsePersonalNumber(input, TODAY);
  return result.ok ? result.value.normalized : result.error;
}

describe("personnummer package vs our rules", () => {
  beforeEach(() => {
    // The package reads the system clock (and local time) for a 10-digit century.
    vi.useFakeTimers();
    vi.setSystemTime(TODAY);
  });
  afterEach(() => vi.useRealTimers());

  it.each(CASES)("$input: $why", ({ input, pkg, ours }) => {
    expect(packageVerdict(input)).toBe(pkg);
    expect(ourAnswer(input)).toBe(ours);
  });

  it("every answer that changed from the old parser is listed with a reason", () => {
    const changed = CASES.filter((c) => c.old !== c.ours).map((c) => c.input);
    expect(changed).toEqual(["080517\u20131238", "200805170008", "010101-T005"]);
  });

  it("010101-T005 is a well-formed interim number: the package accepts it only when asked", () => {
    expect(Personnummer.valid("010101-T005", { allowCoordinationNumber: true, allowInterimNumber: true })).toBe(true);
    expect(parsePersonalNumber("010101-t005", TODAY)).toEqual({ ok: false, error: PERSONAL_NUMBER_ERRORS.interim });
  });

  it("the package is wrong on 2612311239 on 2026-12-01: it answers a birthday in the future", () => {
    const parsed = Personnummer.parse("2612311239");
    expect(parsed.getDate().getTime()).toBeGreaterThan(TODAY.getTime());
    expect(parsePersonalNumber("2612311239", TODAY)).toMatchObject({ ok: true, value: { birthDate: "1926-12-31" } });
  });

  it("our `today` governs, not the system clock", () => {
    // On 2027-01-02, 2026-12-31 has passed: the same number is a baby born last year.
    const later = new Date("2027-01-02T12:00:00Z");
    expect(parsePersonalNumber("2612311239", later)).toMatchObject({ ok: true, value: { birthDate: "2026-12-31" } });
    // The system clock is still 2026-12-01 here, and did not decide.
    expect(Date.now()).toBe(TODAY.getTime());
  });

  it("a samordningsnummer (day + 60) is accepted and flagged; day 60 (unknown day) is rejected like the package does", () => {
    const coordination = makePersonalNumber("2009-03-07", 455, true);
    expect(parsePersonalNumber(coordination, TODAY)).toMatchObject({
      ok: true,
      value: { birthDate: "2009-03-07", isCoordinationNumber: true },
    });
    const dayZero = makePersonalNumber("2009-03-00", 455, true);
    expect(dayZero.slice(6, 8)).toBe("60");
    expect(packageVerdict(dayZero)).toBeNull();
    expect(parsePersonalNumber(dayZero, TODAY)).toEqual({ ok: false, error: PERSONAL_NUMBER_ERRORS.date });
  });

  it("a 10-digit samordningsnummer gets its century from the real day, not day + 60", () => {
    // 2026-11-30 is before today: born this year (not 1926), even though day 90 > today's day.
    const ten = makePersonalNumber("2026-11-30", 455, true).slice(2);
    expect(parsePersonalNumber(ten, TODAY)).toMatchObject({ ok: true, value: { birthDate: "2026-11-30" } });
  });
});
