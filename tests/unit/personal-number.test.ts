import { describe, expect, it } from "vitest";
import { ageOn, luhnCheckDigit, makePersonalNumber, parsePersonalNumber, PERSONAL_NUMBER_ERRORS } from "~/modules/youth/personal-number";

const TODAY = new Date("2026-11-23T12:00:00Z");
const parse = (input: string) => parsePersonalNumber(input, TODAY);

describe("parsePersonalNumber", () => {
  // 200809152382: Luhn over 080915238 gives 2.
  it.each([
    ["20080915-2382", "200809152382"],
    ["200809152382", "200809152382"],
    ["080915-2382", "200809152382"],
    ["0809152382", "200809152382"],
    [" 20080915 - 2382 ", "200809152382"],
  ])("accepts %s", (input, normalized) => {
    const result = parse(input);
    expect(result).toEqual({
      ok: true,
      value: { normalized, formatted: "20080915-2382", birthDate: "2008-09-15", isCoordinationNumber: false },
    });
  });

  it("computes the Luhn check digit like Skatteverket's example 811218-9876", () => {
    expect(luhnCheckDigit("811218987")).toBe(6);
    expect(parse("811218-9876")).toMatchObject({ ok: true, value: { normalized: "198112189876" } });
  });

  it("rejects a wrong check digit", () => {
    expect(parse("20080915-2383")).toEqual({ ok: false, error: PERSONAL_NUMBER_ERRORS.checkDigit });
    expect(parse("0809152389")).toEqual({ ok: false, error: PERSONAL_NUMBER_ERRORS.checkDigit });
  });

  it.each(["", "   "])("asks for a number when empty (%j)", (input) => {
    expect(parse(input)).toEqual({ ok: false, error: PERSONAL_NUMBER_ERRORS.required });
  });

  it.each(["080915-238", "20080915-23823", "12345", "abcdefghij", "20080915+2382", "080915/2382"])("rejects the wrong length or format %s", (input) => {
    expect(parse(input)).toEqual({ ok: false, error: PERSONAL_NUMBER_ERRORS.format });
  });

  it("rejects a date that does not exist", () => {
    // 30 February, with a correct check digit for its digits.
    const number = makePersonalNumber("2008-02-28", 238).replace(/^(\d{6})28/, "$130");
    const nine = number.slice(2, 11);
    const fixed = `${number.slice(0, 11)}${luhnCheckDigit(nine)}`;
    expect(parse(fixed)).toEqual({ ok: false, error: PERSONAL_NUMBER_ERRORS.date });
    expect(parse("20081301-0000")).toEqual({ ok: false, error: PERSONAL_NUMBER_ERRORS.date });
  });

  it("accepts a samordningsnummer (day + 60) and reports the real birth date", () => {
    const number = makePersonalNumber("2009-03-07", 455, true);
    expect(number.slice(6, 8)).toBe("67");
    expect(parse(number)).toEqual({
      ok: true,
      value: {
        normalized: number,
        formatted: `${number.slice(0, 8)}-${number.slice(8)}`,
        birthDate: "2009-03-07",
        isCoordinationNumber: true,
      },
    });
  });

  it("rejects a samordningsnummer whose day is out of range (day 92 = 32)", () => {
    const nine = "090392455";
    expect(parse(`20${nine}${luhnCheckDigit(nine)}`)).toEqual({ ok: false, error: PERSONAL_NUMBER_ERRORS.date });
  });

  it("rejects a birth date in the future", () => {
    const number = makePersonalNumber("2027-01-05", 123);
    expect(parse(number)).toEqual({ ok: false, error: PERSONAL_NUMBER_ERRORS.future });
  });

  it("places a 10-digit number in the right century, and '+' a hundred years earlier", () => {
    const ten = makePersonalNumber("2010-05-05", 111).slice(2);
    expect(parse(ten)).toMatchObject({ ok: true, value: { birthDate: "2010-05-05" } });
    expect(parse(`${ten.slice(0, 6)}+${ten.slice(6)}`)).toMatchObject({ ok: true, value: { birthDate: "1910-05-05" } });
    // A date later this year than today belongs to the previous century.
    const december = makePersonalNumber("1926-12-24", 222).slice(2);
    expect(parse(december)).toMatchObject({ ok: true, value: { birthDate: "1926-12-24" } });
  });
});

describe("ageOn", () => {
  it("counts whole years, turning on the birthday", () => {
    expect(ageOn("2008-11-23", "2026-11-22")).toBe(17);
    expect(ageOn("2008-11-23", "2026-11-23")).toBe(18);
  });
});
