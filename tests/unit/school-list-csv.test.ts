import { describe, expect, it } from "vitest";
import { STRAY_QUOTE_MESSAGE } from "~/lib/csv";
import { FORBIDDEN_TEXT_MESSAGE } from "~/lib/form-fields";
import { MAX_SCHOOL_LIST_ROWS, openSchoolListCsv, schoolListTemplate, type SchoolListRowResult } from "~/modules/reconciliation/school-list-csv";
import { makePersonalNumber, parsePersonalNumber } from "~/modules/youth/personal-number";
import type { SchoolListKind } from "#db/schema/reconciliation-values";

const PN_A = makePersonalNumber("2008-03-10", 123);
const PN_B = makePersonalNumber("2007-11-02", 456);
const PN_C = makePersonalNumber("2008-06-20", 789);
const COORD = makePersonalNumber("2008-05-04", 321, true); // samordningsnummer: day + 60
const dashed = (pn: string) => `${pn.slice(0, 8)}-${pn.slice(8)}`;
const HEADER = "Personnummer;Skolenhetskod;Skolform;Programkod;Startdatum;Slutdatum;Utfall";

function rows(text: string, kind: SchoolListKind = "gymnasium"): SchoolListRowResult[] {
  const file = openSchoolListCsv(text, kind);
  if (!file.ok) throw new Error(file.error);
  return [...file.rows()];
}
const errorsOf = (r: SchoolListRowResult | undefined) => (r && !r.ok ? r.errors : {});
const fileError = (text: string, kind: SchoolListKind = "gymnasium") => {
  const file = openSchoolListCsv(text, kind);
  return file.ok ? null : file.error;
};

describe("school list CSV", () => {
  it("reads the template back as one right row, for both kinds", () => {
    for (const kind of ["gymnasium", "year9"] as const) {
      const template = schoolListTemplate(kind, new Date("2026-09-01T00:00:00Z"));
      expect(template.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
      const [row] = rows(template, kind);
      expect(row?.ok, JSON.stringify(row)).toBe(true);
    }
  });

  it("normalises a right row: personnummer to 12 digits, codes upper case, outcome", () => {
    const [row] = rows(`${HEADER}\n${dashed(PN_A)};12345678;gy;na;2024-08-19;2025-02-01;Avbrott\n`);
    expect(row).toEqual({
      line: 2,
      ok: true,
      row: {
        personalNumber: PN_A,
        isCoordinationNumber: false,
        schoolUnitCode: "12345678",
        schoolType: "GY",
        programmeCode: "NA",
        startDate: "2024-08-19",
        endDate: "2025-02-01",
        outcome: "avbrott",
      },
    });
  });

  it("accepts personnummer in any common format, and samordningsnummer", () => {
    const short = PN_B.slice(2);
    const text = [
      HEADER,
      `${PN_A};12345678;GY;NA;2024-08-19;;`,
      `${short.slice(0, 6)}-${short.slice(6)};12345678;GY;NA;2024-08-19;;`,
      `${short};12345679;GY;NA;2024-08-19;;`,
      `${dashed(COORD)};12345678;GYS;;2024-08-19;;`.replace(";;2024", ";GYSAR;2024"),
    ].join("\r\n");
    const result = rows(text);
    expect(result.map((r) => r.ok)).toEqual([true, true, true, true]);
    const last = result[3];
    expect(last?.ok && last.row.isCoordinationNumber).toBe(true);
    expect(last?.ok && last.row.personalNumber).toBe(COORD);
  });

  it("gives the personnummer parser's Swedish message, and a hint for a number Excel made into 1.2E+11", () => {
    const broken = `${PN_A.slice(0, 11)}${(Number(PN_A[11]) + 1) % 10}`;
    const result = rows(`${HEADER}\n${broken};12345678;GY;NA;2024-08-19;;\n2,00803E+11;12345678;GY;NA;2024-08-19;;\n`);
    const expected = parsePersonalNumber(broken);
    expect(errorsOf(result[0]).personalNumber).toBe(expected.ok ? undefined : expected.error);
    expect(errorsOf(result[1]).personalNumber).toMatch(/Excel har gjort personnumret till ett tal/);
  });

  it("reads a UTF-8 BOM, commas, CRLF, Excel's sep= line, extra columns and headers without diacritics", () => {
    const text = `\uFEFFsep=,\r\npersonnummer,SKOLENHETSKOD,Skolform,Programkod,Startdatum,Slutdatum,utfall,Klass\r\n${PN_A},12345678,GY,TE,20240819,,,TE1A\r\n`;
    const [row] = rows(text);
    expect(row).toMatchObject({ line: 3, ok: true, row: { startDate: "2024-08-19", programmeCode: "TE" } });
    expect(rows(`${HEADER.replace(/;/g, ",")}\n${PN_A},12345678,GY,TE,2024-08-19,,\n`)[0]?.ok).toBe(true);
  });

  it("flags every kind of field error with a Swedish message", () => {
    const text = [
      HEADER,
      `;1234;GR;;2024-13-01;2024-02-30;klar`, // personnummer, unit, type, programme, dates, outcome
      `${PN_A};;;N A;2024-08-19;2024-08-01;`, // unit missing, type missing, programme format, end before start
      `${PN_B};12345678;GY;NA;;;examen`, // start missing, outcome without end
      `${PN_C};12345678;GY;NA;2024-08-19;;\u202Eexamen`, // bidi override
    ].join("\n");
    const [a, b, c, d] = rows(text).map(errorsOf);
    expect(a).toMatchObject({
      personalNumber: expect.any(String),
      schoolUnitCode: "Skolenhetskoden ska vara åtta siffror, till exempel 12345678.",
      schoolType: "Skolformen ”GR” hör inte till den här listan. Använd GY eller GYS.",
      programmeCode: "Ange programkod, till exempel NA, TE eller IMV.",
      startDate: "Startdatumet ska vara ett giltigt datum, ÅÅÅÅ-MM-DD.",
      endDate: "Slutdatumet ska vara ett giltigt datum, ÅÅÅÅ-MM-DD.",
      outcome: "Okänt utfall: ”klar”. Använd avbrott, studiebevis, examen eller lämna tomt.",
    });
    expect(b).toMatchObject({
      schoolUnitCode: "Ange skolenhetskod (åtta siffror).",
      schoolType: "Ange skolform: GY eller GYS.",
      programmeCode: "Programkoden ska vara 2–12 bokstäver eller siffror, till exempel NA eller IMV.",
      endDate: "Slutdatumet ligger före startdatumet.",
    });
    expect(c).toMatchObject({ startDate: "Ange startdatum (ÅÅÅÅ-MM-DD).", outcome: "Ett utfall kräver ett slutdatum." });
    expect(d).toEqual({ outcome: FORBIDDEN_TEXT_MESSAGE });
  });

  it("allows only GR and GRS in a year-9 list, where programme and start date may be empty", () => {
    const result = rows(`${HEADER}\n${PN_A};12345678;GR;;;2026-06-12;studiebevis\n${PN_B};12345678;GY;NA;2024-08-19;;\n`, "year9");
    expect(result[0]?.ok).toBe(true);
    expect(errorsOf(result[1]).schoolType).toBe("Skolformen ”GY” hör inte till den här listan. Använd GR eller GRS.");
  });

  it("flags a duplicate row (same student, school unit and start date), pointing at the first", () => {
    const line = `${PN_A};12345678;GY;NA;2024-08-19;;`;
    const result = rows(`${HEADER}\n${line}\n${PN_B};12345678;GY;NA;2024-08-19;;\n${line.replace(PN_A, dashed(PN_A))}\n${PN_A};87654321;GY;NA;2025-01-07;;\n`);
    expect(result.map((r) => r.ok)).toEqual([true, true, false, true]);
    expect(errorsOf(result[2]).form).toBe("Samma elev, skolenhet och startdatum finns redan på rad 2.");
  });

  it("makes a stray quote and a wrong number of fields errors of their own row", () => {
    const result = rows(`${HEADER}\n"${PN_A};12345678;GY;NA;2024-08-19;;\n${PN_B};12345678;GY\n${PN_C};12345678;GY;NA;2024-08-19;;\n`);
    expect(errorsOf(result[0]).form).toBe(STRAY_QUOTE_MESSAGE);
    expect(errorsOf(result[1]).form).toBe("Raden har 3 fält, men filen har 7 kolumner.");
    expect(result[2]?.ok).toBe(true);
  });

  it("refuses files that cannot be a list, with a Swedish message", () => {
    expect(fileError("")).toBe("Filen är tom.");
    expect(fileError(`${HEADER}\n\n;;\n`)).toBe("Filen innehåller inga elever, bara rubrikraden.");
    expect(fileError("Personnummer;Skolform\n")).toMatch(/^Kolumnerna Skolenhetskod, Programkod, Startdatum, Slutdatum, Utfall saknas/);
    expect(fileError("Personnummer Skolenhetskod\n")).toMatch(/semikolon/);
    expect(fileError(`${HEADER};Personnr\n`)).toBe("Kolumnen Personnummer finns flera gånger i rubrikraden.");
    expect(fileError("a\u0000b")).toMatch(/inte vara en textfil/);
    expect(fileError("Personnummer\uFFFD")).toMatch(/teckenkodning/);
    const tooMany = `${HEADER}\n${`${PN_A};12345678;GY;NA;2024-08-19;;\n`.repeat(MAX_SCHOOL_LIST_ROWS + 1)}`;
    expect(fileError(tooMany)).toMatch(/^Filen har fler än 60\s000 rader\. Dela upp den\.$/);
  });
});
