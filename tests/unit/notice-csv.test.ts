import { describe, expect, it } from "vitest";
import {
  CSV_COLUMNS,
  CSV_FIELD_LABELS,
  csvTemplate,
  decodeCsv,
  MAX_CSV_ROWS,
  municipalityResolver,
  parseNoticeCsv,
  type CsvParseResult,
  type CsvRowResult,
} from "~/modules/notices/notice-csv";
import { makePersonalNumber, PERSONAL_NUMBER_ERRORS } from "~/modules/youth/personal-number";
import { STRAY_QUOTE_MESSAGE } from "~/lib/csv";
import { FORBIDDEN_TEXT_MESSAGE } from "~/lib/form-fields";

// The schema checks dates against the real today, so the fixtures are relative to it.
const DAY = 24 * 60 * 60 * 1000;
const isoDaysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
const EVENT_DATE = isoDaysAgo(30);
const EVENT_YEAR = Number(EVENT_DATE.slice(0, 4));
const PN_A = makePersonalNumber(`${EVENT_YEAR - 17}-03-10`, 123);
const PN_B = makePersonalNumber(`${EVENT_YEAR - 16}-11-02`, 456);
const PN_C = makePersonalNumber(`${EVENT_YEAR - 18}-06-20`, 789);

const MUNICIPALITIES = [
  { id: 1, name: "Nässjö kommun", code: "0682" },
  { id: 2, name: "Jönköpings kommun", code: "0680" },
];
const resolve = municipalityResolver(MUNICIPALITIES);

const HEADER = ["Typ", "Personnummer", "Förnamn", "Efternamn", "Hemkommun", "Program", "Datum", "Orsak", "Kontaktperson", "Telefon", "E-post"];

function row(overrides: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    Typ: "avbrott",
    Personnummer: PN_A,
    Förnamn: "Alex",
    Efternamn: "Andersson",
    Hemkommun: "Nässjö",
    Program: "Naturvetenskapsprogrammet",
    Datum: EVENT_DATE,
    Orsak: "",
    Kontaktperson: "Eva Berg",
    Telefon: "070-123 45 67",
    "E-post": "eva.berg@exempel.se",
    ...overrides,
  } as Record<string, string>;
  return HEADER.map((h) => base[h] ?? "");
}

function csv(lines: string[][], delimiter = ";", eol = "\n"): string {
  return [HEADER, ...lines].map((l) => l.join(delimiter)).join(eol) + eol;
}

function rowsOf(result: CsvParseResult): CsvRowResult[] {
  if (!result.ok) throw new Error(`file error: ${result.error}`);
  return result.rows;
}

function errorsOf(r: CsvRowResult | undefined) {
  if (!r || r.ok) throw new Error(`expected a failing row, got ${JSON.stringify(r)}`);
  return r.errors;
}

describe("parseNoticeCsv: valid files", () => {
  it("parses a ';'-separated file into schema data", () => {
    const rows = rowsOf(
      parseNoticeCsv(
        csv([
          row(),
          row({ Typ: "frånvaro", Personnummer: PN_B, Hemkommun: "0680", Orsak: "Ogiltig frånvaro sedan januari" }),
          row({ Typ: "ej påbörjat", Personnummer: PN_C, Hemkommun: "Jönköpings kommun", Telefon: "", "E-post": "" }),
        ]),
        resolve,
      ),
    );
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, true],
      [4, true],
    ]);
    expect(rows[0]).toMatchObject({
      ok: true,
      data: {
        kind: "dropout",
        personalNumber: PN_A,
        firstName: "Alex",
        lastName: "Andersson",
        homeMunicipalityId: 1,
        programme: "Naturvetenskapsprogrammet",
        eventDate: EVENT_DATE,
        reason: undefined,
        contactName: "Eva Berg",
        contactPhone: "070-123 45 67",
        contactEmail: "eva.berg@exempel.se",
      },
      values: { kind: "avbrott", homeMunicipalityId: "Nässjö", personalNumber: PN_A },
    });
    expect(rows[1]).toMatchObject({ ok: true, data: { kind: "absence", homeMunicipalityId: 2, reason: "Ogiltig frånvaro sedan januari" } });
    expect(rows[2]).toMatchObject({ ok: true, data: { kind: "not_started", homeMunicipalityId: 2, contactPhone: undefined, contactEmail: undefined } });
  });

  it("parses a ','-separated file and a tab-separated file", () => {
    for (const delimiter of [",", "\t"]) {
      const rows = rowsOf(parseNoticeCsv(csv([row(), row({ Personnummer: PN_B, Typ: "started" })], delimiter), resolve));
      expect(rows.map((r) => r.ok)).toEqual([true, true]);
      expect(rows[1]).toMatchObject({ data: { kind: "started" } });
    }
  });

  it("handles a UTF-8 BOM, CRLF line ends, trailing and entirely empty rows", () => {
    const text = "\uFEFF" + [HEADER.join(";"), row().join(";"), ";;;;;;;;;;", "", row({ Personnummer: PN_B }).join(";"), "", ""].join("\r\n");
    const rows = rowsOf(parseNoticeCsv(text, resolve));
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [5, true],
    ]);
  });

  it("matches headers regardless of case, spacing, order and missing diacritics, and ignores unknown columns", () => {
    const header = ["  efternamn ", "FORNAMN", "personnummer", "typ", "Elevens klass", "hemkommun", "program", "datum", "kontaktperson", "e-post"];
    const line = ["Andersson", "Alex", PN_A, "Påbörjat", "NA1b", "nassjo", "NA", EVENT_DATE.replace(/-/g, ""), "Eva Berg", ""];
    const rows = rowsOf(parseNoticeCsv(`${header.join(";")}\n${line.join(";")}\n`, resolve));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      ok: true,
      data: { kind: "started", firstName: "Alex", lastName: "Andersson", eventDate: EVENT_DATE, homeMunicipalityId: 1 },
    });
  });

  it("reads quoted fields with the delimiter, escaped quotes and a newline inside, and counts lines", () => {
    const quoted = row({ Orsak: '"Flyttat; enligt ""mentor""\nsom ringde"', Program: '"Ekonomiprogrammet"' });
    const text = csv([quoted, row({ Personnummer: PN_B })]);
    const rows = rowsOf(parseNoticeCsv(text, resolve));
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [4, true],
    ]);
    expect(rows[0]).toMatchObject({ data: { reason: 'Flyttat; enligt "mentor"\nsom ringde', programme: "Ekonomiprogrammet" } });
  });

  it("accepts the Swedish kind words", () => {
    const cases: [string, string][] = [
      ["Avbrott", "dropout"],
      ["franvaro", "absence"],
      ["började", "started"],
      ["paborjat", "started"],
      ["Inte påbörjat", "not_started"],
      ["ej paborjat", "not_started"],
      ["not_started", "not_started"],
      ["Betydande ogiltig frånvaro", "absence"],
    ];
    const rows = rowsOf(
      parseNoticeCsv(csv(cases.map(([word], i) => row({ Typ: word, Personnummer: makePersonalNumber(`${EVENT_YEAR - 17}-01-0${i + 1}`, 100) }))), resolve),
    );
    expect(rows.map((r) => (r.ok ? r.data.kind : r.errors))).toEqual(cases.map(([, kind]) => kind));
  });
});

describe("parseNoticeCsv: row errors", () => {
  it("reports a wrong check digit on that line only", () => {
    const bad = PN_B.slice(0, 11) + String((Number(PN_B[11]) + 1) % 10);
    const rows = rowsOf(parseNoticeCsv(csv([row(), row({ Personnummer: bad }), row({ Personnummer: PN_C })]), resolve));
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, true],
    ]);
    expect(errorsOf(rows[1])).toEqual({ personalNumber: PERSONAL_NUMBER_ERRORS.checkDigit });
    expect(rows[1]!.values.personalNumber).toBe(bad);
  });

  it("rejects a date in the future and a date in the wrong format", () => {
    const future = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
    const rows = rowsOf(parseNoticeCsv(csv([row({ Datum: future }), row({ Datum: "1/3/2025", Personnummer: PN_B })]), resolve));
    expect(errorsOf(rows[0])).toEqual({ eventDate: "Datumet får inte ligga i framtiden." });
    expect(errorsOf(rows[1])).toEqual({ eventDate: "Ange datumet som ÅÅÅÅ-MM-DD." });
  });

  it("rejects a youth who had turned 20 on the event date", () => {
    const twentyYearOld = makePersonalNumber(`${EVENT_YEAR - 21}-01-01`, 321);
    const rows = rowsOf(parseNoticeCsv(csv([row({ Personnummer: twentyYearOld })]), resolve));
    expect(errorsOf(rows[0])).toEqual({ personalNumber: "Eleven hade fyllt 20 år på händelsedatumet. Ingen anmälan behövs." });
  });

  it("reports an unknown municipality with the value from the file", () => {
    const rows = rowsOf(
      parseNoticeCsv(
        csv([row({ Hemkommun: "Atlantis" }), row({ Hemkommun: "9999", Personnummer: PN_B }), row({ Hemkommun: "", Personnummer: PN_C })]),
        resolve,
      ),
    );
    expect(errorsOf(rows[0])).toEqual({ homeMunicipalityId: "Okänd hemkommun: Atlantis" });
    expect(errorsOf(rows[1])).toEqual({ homeMunicipalityId: "Okänd hemkommun: 9999" });
    expect(errorsOf(rows[2])).toEqual({ homeMunicipalityId: "Ange hemkommun (namn eller kommunkod)." });
  });

  it("passes the trimmed value to the callback and restores a kommunkod's lost leading zero", () => {
    const asked: string[] = [];
    const rows = rowsOf(parseNoticeCsv(csv([row({ Hemkommun: " 682 " })]), (v) => (asked.push(v), v === "0682" ? 7 : null)));
    expect(asked).toEqual(["0682"]);
    expect(rows[0]).toMatchObject({ ok: true, data: { homeMunicipalityId: 7 } });
  });

  it("reports an unknown kind and missing required values", () => {
    const rows = rowsOf(parseNoticeCsv(csv([row({ Typ: "flytt", Förnamn: "", Kontaktperson: " " })]), resolve));
    expect(errorsOf(rows[0])).toEqual({
      kind: "Okänd typ: ”flytt”. Använd avbrott, frånvaro, påbörjat eller ej påbörjat.",
      firstName: "Ange förnamn.",
      contactName: "Ange kontaktperson på skolan.",
    });
  });

  it("reports rows with too many or too few fields", () => {
    const text = csv([row(), row({ Personnummer: PN_B }).slice(0, 9), [...row({ Personnummer: PN_C }), "extra"]]);
    const rows = rowsOf(parseNoticeCsv(text, resolve));
    expect(rows[0]!.ok).toBe(true);
    expect(errorsOf(rows[1])).toEqual({ form: "Raden har 9 fält, men filen har 11 kolumner." });
    expect(errorsOf(rows[2])).toEqual({ form: "Raden har 12 fält, men filen har 11 kolumner." });
    expect(rows[1]!.values.personalNumber).toBe(PN_B);
  });

  it("flags the same notice twice in one file on the later row", () => {
    const dashed = `${PN_A.slice(0, 8)}-${PN_A.slice(8)}`;
    const text = csv([row(), row({ Personnummer: PN_B }), row({ Personnummer: dashed, Typ: "Avbrott" }), row({ Typ: "frånvaro" })]);
    const rows = rowsOf(parseNoticeCsv(text, resolve));
    expect(rows.map((r) => r.ok)).toEqual([true, true, false, true]);
    expect(errorsOf(rows[2])).toEqual({ personalNumber: "Samma anmälan finns redan på rad 2." });
  });

  it("does not count an invalid row as the original of a duplicate", () => {
    const rows = rowsOf(parseNoticeCsv(csv([row({ Förnamn: "" }), row()]), resolve));
    expect(rows.map((r) => r.ok)).toEqual([false, true]);
  });

  it("explains a personnummer that Excel turned into a number", () => {
    const rows = rowsOf(parseNoticeCsv(csv([row({ Personnummer: "2,00809E+11" })], ";"), resolve));
    expect(errorsOf(rows[0]).personalNumber).toMatch(/Excel har gjort personnumret till ett tal/);
  });
});

describe("parseNoticeCsv: file errors", () => {
  it("rejects an empty file", () => {
    expect(parseNoticeCsv("", resolve)).toEqual({ ok: false, error: "Filen är tom." });
    expect(parseNoticeCsv("\uFEFF\r\n\r\n", resolve)).toEqual({ ok: false, error: "Filen är tom." });
  });

  it("rejects a file with only the header", () => {
    expect(parseNoticeCsv(HEADER.join(";") + "\r\n", resolve)).toMatchObject({ ok: false, error: expect.stringMatching(/inga anmälningar/) });
  });

  it("lists the missing required columns", () => {
    const header = HEADER.filter((h) => h !== "Personnummer" && h !== "Datum");
    expect(parseNoticeCsv(`${header.join(";")}\n${header.map(() => "x").join(";")}\n`, resolve)).toEqual({
      ok: false,
      error: "Kolumnerna Personnummer och Datum saknas i rubrikraden (första raden). Utgå gärna från mallen.",
    });
    const one = HEADER.filter((h) => h !== "Kontaktperson");
    expect(parseNoticeCsv(`${one.join(";")}\n`, resolve)).toMatchObject({ ok: false, error: expect.stringMatching(/^Kolumnen Kontaktperson saknas/) });
  });

  it("does not require the optional columns", () => {
    const header = HEADER.filter((h) => !["Orsak", "Telefon", "E-post"].includes(h));
    const line = row().filter((_, i) => !["Orsak", "Telefon", "E-post"].includes(HEADER[i]!));
    const rows = rowsOf(parseNoticeCsv(`${header.join(";")}\n${line.join(";")}\n`, resolve));
    expect(rows[0]).toMatchObject({ ok: true, data: { contactPhone: undefined, contactEmail: undefined, reason: undefined } });
  });

  it("rejects more than MAX_CSV_ROWS data rows but accepts exactly that many", () => {
    const line = row().join(";");
    const many = (n: number) => [HEADER.join(";"), ...Array.from({ length: n }, () => line)].join("\n");
    expect(MAX_CSV_ROWS).toBe(2000);
    expect(parseNoticeCsv(many(MAX_CSV_ROWS + 1), resolve)).toEqual({ ok: false, error: "Filen har fler än 2 000 rader. Dela upp den." });
    const result = parseNoticeCsv(many(MAX_CSV_ROWS), resolve);
    expect(result.ok && result.rows.length).toBe(MAX_CSV_ROWS);
  });

  it("makes a quote that never closes an error of its row, and reads the rows after it", () => {
    const text = csv([row({ Orsak: '"ingen slutcitering' }), row({ Personnummer: PN_B }), row({ Personnummer: PN_C })]);
    const rows = rowsOf(parseNoticeCsv(text, resolve));
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, false],
      [3, true],
      [4, true],
    ]);
    expect(errorsOf(rows[0]).form).toBe(STRAY_QUOTE_MESSAGE);
    expect(rows[0]!.values.firstName).toBe("Alex");
  });

  it.each([
    ["an opening quote that a later row's quoted field would close", '"Alex', { Program: '"Ekonomiprogrammet"' }],
    ["an opening quote that a later row's last field would close", '"Alex', { "E-post": 'a@b.se"' }],
    ["text after a closing quote", '"Alex" Bo', {}],
    ["a quote inside an unquoted field", 'Alex "Bo', {}],
  ])("never merges two rows on a stray quote: %s", (_name, firstName, later) => {
    const text = csv([row({ Förnamn: firstName }), row({ Personnummer: PN_B, ...later }), row({ Personnummer: PN_C })]);
    const rows = rowsOf(parseNoticeCsv(text, resolve));
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(errorsOf(rows[0]).form).toBe(STRAY_QUOTE_MESSAGE);
    expect(rows[2]).toMatchObject({ ok: true });
    // The row after the stray quote is read on its own: only its own quoting decides.
    if (Object.keys(later).length === 0) expect(rows[1]).toMatchObject({ ok: true, data: { personalNumber: expect.any(String) } });
  });

  it("still reads a quoted field across lines when the record has the header's fields", () => {
    const text = csv([row({ Orsak: '"rad ett\nrad två"' }), row({ Personnummer: PN_B })]);
    expect(rowsOf(parseNoticeCsv(text, resolve)).map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [4, true],
    ]);
  });

  it("refuses a stray quote in the header as a file error", () => {
    const text = [['Typ;"Personnummer', ...HEADER.slice(2)].join(";"), row().join(";")].join("\n");
    expect(parseNoticeCsv(text, resolve)).toMatchObject({ ok: false, error: expect.stringMatching(/^Rubrikraden \(rad 1\)/) });
  });

  it("refuses invisible control characters in any cell, the free text included", () => {
    const rows = rowsOf(parseNoticeCsv(csv([row({ Orsak: "Slutade\u202E efter jul" }), row({ Personnummer: PN_B, Förnamn: "Al\u2066ex" })]), resolve));
    expect(errorsOf(rows[0]).reason).toBe(FORBIDDEN_TEXT_MESSAGE);
    expect(errorsOf(rows[1]).firstName).toBe(FORBIDDEN_TEXT_MESSAGE);
  });

  it("rejects a file decoded with the wrong encoding", () => {
    expect(parseNoticeCsv(csv([row()]).replace("Förnamn", "F\uFFFDrnamn"), resolve)).toMatchObject({ ok: false, error: expect.stringMatching(/CSV UTF-8/) });
  });
});

describe("csvTemplate", () => {
  it("has a BOM, ';' separators, CRLF line ends and the Swedish headers in order", () => {
    const template = csvTemplate();
    expect(template.startsWith("\uFEFF")).toBe(true);
    const lines = template.slice(1).split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    expect(lines[0]).toBe(HEADER.join(";"));
    expect(CSV_COLUMNS.map((c) => c.header)).toEqual(HEADER);
    expect(template.replace(/\r\n/g, "")).not.toMatch(/\n/);
  });

  it("parses back into one valid row", () => {
    const rows = rowsOf(parseNoticeCsv(csvTemplate(), resolve));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ line: 2, ok: true, data: { kind: "dropout", homeMunicipalityId: 1 } });
  });

  it("keeps a valid example, about 17 years old, for other dates", () => {
    for (const today of ["2026-01-10", "2027-06-30", "2031-12-31"]) {
      const template = csvTemplate(new Date(`${today}T12:00:00Z`));
      const pn = template.split("\r\n")[1]!.split(";")[1]!;
      const birthYear = Number(pn.slice(0, 4));
      expect(Number(today.slice(0, 4)) - birthYear).toBe(17);
      expect(pn).toMatch(/^\d{8}-\d{4}$/);
    }
  });
});

describe("helpers", () => {
  it("labels every field in Swedish", () => {
    expect(CSV_FIELD_LABELS).toMatchObject({
      personalNumber: "Personnummer",
      homeMunicipalityId: "Hemkommun",
      eventDate: "Datum",
      contactEmail: "E-post",
      form: "Raden",
    });
  });

  it("resolves municipalities by name, short name and kommunkod", () => {
    expect(["Nässjö kommun", "nassjo", "NÄSSJÖ", "0682", "682"].map(resolve)).toEqual([1, 1, 1, 1, 1]);
    expect(["Jönköpings kommun", "Jönköping", "Jönköpings", "0680"].map(resolve)).toEqual([2, 2, 2, 2]);
    expect(["Eksjö", "", "0000"].map(resolve)).toEqual([null, null, null]);
  });

  it("decodes UTF-8 and falls back to Windows-1252", () => {
    expect(decodeCsv(new TextEncoder().encode("Förnamn"))).toBe("Förnamn");
    expect(decodeCsv(new Uint8Array([0x46, 0xf6, 0x72]))).toBe("För");
  });
});
