import { csvRecords, openCsvText, quoteField } from "~/lib/csv";
import { FORBIDDEN_TEXT_MESSAGE, hasForbiddenText, type FieldErrors } from "~/lib/form-fields";
import { displayPersonalNumber, makePersonalNumber, parsePersonalNumber } from "~/modules/youth/personal-number";
import { SCHOOL_LIST_KINDS, type SchoolListKind, type SchoolOutcome } from "#db/schema/reconciliation-values";

// The pages take the value list from here, not from db/.
export { SCHOOL_LIST_KINDS, type SchoolListKind };

/**
 * A school list as CSV (issue 14): the gymnasium enrolments a school or huvudman reports, or the
 * grundskolor's year-9 leavers. Pure: no database and no Node-only API. A list may be 30 000 rows, so
 * rows are read one at a time (`readSchoolListRows`, a generator over the text) and never all held
 * as objects: the caller checks the whole file in one pass and stores it batch by batch in a second.
 */

/** Rows a file may hold: a large huvudman's list is about 30 000; twice that leaves room. */
export const MAX_SCHOOL_LIST_ROWS = 60_000;

export type SchoolListCsvValues = {
  personalNumber: string;
  schoolUnitCode: string;
  schoolType: string;
  programmeCode: string;
  startDate: string;
  endDate: string;
  outcome: string;
};
type Key = keyof SchoolListCsvValues;

const COLUMNS: readonly { key: Key; header: string; aliases: readonly string[] }[] = [
  { key: "personalNumber", header: "Personnummer", aliases: ["personnr", "samordningsnummer", "personnummersamordningsnummer"] },
  { key: "schoolUnitCode", header: "Skolenhetskod", aliases: ["skolenhet", "skolenhetsnummer"] },
  { key: "schoolType", header: "Skolform", aliases: ["skoltyp"] },
  { key: "programmeCode", header: "Programkod", aliases: ["program", "studievag", "studievagskod"] },
  { key: "startDate", header: "Startdatum", aliases: ["start", "fran", "frandatum"] },
  { key: "endDate", header: "Slutdatum", aliases: ["slut", "till", "tilldatum"] },
  { key: "outcome", header: "Utfall", aliases: ["avbrottellerexamen", "resultat"] },
];

/** Swedish label per field key (of row errors); `form` is the row as a whole. */
export const SCHOOL_LIST_FIELD_LABELS: Record<string, string> = { ...Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])), form: "Raden" };

/** Skolformer each kind of list may carry (SS 12000 SchoolTypesEnum). */
export const SCHOOL_TYPES_BY_KIND: Record<SchoolListKind, readonly string[]> = { gymnasium: ["GY", "GYS"], year9: ["GR", "GRS"] };

export type CheckedSchoolListRow = {
  personalNumber: string;
  isCoordinationNumber: boolean;
  schoolUnitCode: string;
  schoolType: string;
  programmeCode: string | null;
  startDate: string | null;
  endDate: string | null;
  outcome: SchoolOutcome | null;
};

export type SchoolListRowResult = { line: number; ok: true; row: CheckedSchoolListRow } | { line: number; ok: false; errors: FieldErrors };

/** A file-level problem, or the row reader. */
export type SchoolListFile = { ok: false; error: string } | { ok: true; rows: () => Generator<SchoolListRowResult> };

/** The template: header and one example row, ';'-separated, UTF-8 with BOM (Excel), CRLF. */
export function schoolListTemplate(kind: SchoolListKind, today: Date = new Date()): string {
  const year = today.getUTCFullYear();
  const pn = makePersonalNumber(`${year - (kind === "year9" ? 16 : 17)}-03-12`, 238);
  const example: SchoolListCsvValues =
    kind === "year9"
      ? {
          personalNumber: displayPersonalNumber(pn),
          schoolUnitCode: "12345678",
          schoolType: "GR",
          programmeCode: "",
          startDate: `${year - 1}-08-19`,
          endDate: `${year}-06-12`,
          outcome: "studiebevis",
        }
      : {
          personalNumber: displayPersonalNumber(pn),
          schoolUnitCode: "87654321",
          schoolType: "GY",
          programmeCode: "NA",
          startDate: `${year - 1}-08-19`,
          endDate: "",
          outcome: "",
        };
  const header = COLUMNS.map((c) => quoteField(c.header, ";")).join(";");
  const line = COLUMNS.map((c) => quoteField(example[c.key], ";")).join(";");
  return `\uFEFF${header}\r\n${line}\r\n`;
}

/**
 * Reads the header of a file and returns a reader of its rows, or the file's problem (empty, not
 * text, a missing column, too many rows). Every data row gets a result, `line` being its line in the
 * file (the header is line 1). Duplicates are checked within one run of `rows()`.
 */
export function openSchoolListCsv(text: string, kind: SchoolListKind): SchoolListFile {
  const opened = openCsvText(text);
  if (!opened.ok) return opened;
  const { body, delimiter: d, firstLine } = opened;
  const records = () => filterEmpty(csvRecords(body, d, firstLine));

  const header = records().next();
  if (header.done) return { ok: false, error: "Filen är tom." };
  if (header.value.error) return { ok: false, error: `Rubrikraden (rad ${header.value.line}): ${header.value.error}` };
  const lookup = new Map<string, (typeof COLUMNS)[number]>();
  for (const c of COLUMNS) for (const name of [c.header, ...c.aliases]) lookup.set(normalize(name), c);
  const index = new Map<Key, number>();
  for (const [i, cell] of header.value.fields.entries()) {
    const column = lookup.get(normalize(cell));
    if (!column) continue; // extra columns are ignored
    if (index.has(column.key)) return { ok: false, error: `Kolumnen ${column.header} finns flera gånger i rubrikraden.` };
    index.set(column.key, i);
  }
  // Every column of the template must be there, so that an empty cell always means "none".
  const missing = COLUMNS.filter((c) => !index.has(c.key)).map((c) => c.header);
  if (missing.length > 0) {
    const hint = header.value.fields.length === 1 ? " Kolumnerna ska skiljas åt med semikolon (;) eller komma (,)." : "";
    return {
      ok: false,
      error: `${missing.length === 1 ? "Kolumnen" : "Kolumnerna"} ${missing.join(", ")} saknas i rubrikraden (första raden).${hint} Utgå gärna från mallen.`,
    };
  }
  let count = 0;
  for (const _ of records()) if (++count > MAX_SCHOOL_LIST_ROWS + 1) break;
  if (count <= 1) return { ok: false, error: "Filen innehåller inga elever, bara rubrikraden." };
  if (count > MAX_SCHOOL_LIST_ROWS + 1) return { ok: false, error: `Filen har fler än ${MAX_SCHOOL_LIST_ROWS.toLocaleString("sv-SE")} rader. Dela upp den.` };

  const expectedFields = header.value.fields.length;
  return {
    ok: true,
    *rows() {
      const seen = new Map<string, number>();
      const all = records();
      all.next(); // the header
      for (const { line, fields, error } of all) {
        if (error) yield { line, ok: false, errors: { form: error } };
        else if (fields.length !== expectedFields)
          yield { line, ok: false, errors: { form: `Raden har ${fields.length} fält, men filen har ${expectedFields} kolumner.` } };
        else {
          const values = Object.fromEntries(COLUMNS.map((c) => [c.key, (fields[index.get(c.key)!] ?? "").trim()])) as SchoolListCsvValues;
          yield checkSchoolListRow(line, values, kind, seen);
        }
      }
    },
  };
}

/** Checks one row; `seen` maps the rows already passed (person, school unit, start) to their line. */
export function checkSchoolListRow(line: number, values: SchoolListCsvValues, kind: SchoolListKind, seen: Map<string, number>): SchoolListRowResult {
  const errors: FieldErrors = {};
  const pn = parsePersonalNumber(values.personalNumber);
  if (!pn.ok) {
    errors.personalNumber = /^\d+([.,]\d+)?e\+?\d+$/i.test(values.personalNumber)
      ? "Excel har gjort personnumret till ett tal. Formatera kolumnen som text, eller skriv numret som ÅÅÅÅMMDD-NNNN."
      : pn.error;
  }
  const unit = values.schoolUnitCode.replace(/\s/g, "");
  if (unit === "") errors.schoolUnitCode = "Ange skolenhetskod (åtta siffror).";
  else if (!/^\d{8}$/.test(unit)) errors.schoolUnitCode = "Skolenhetskoden ska vara åtta siffror, till exempel 12345678.";

  const allowed = SCHOOL_TYPES_BY_KIND[kind];
  const type = values.schoolType.toUpperCase();
  if (type === "") errors.schoolType = `Ange skolform: ${allowed.join(" eller ")}.`;
  else if (!allowed.includes(type)) errors.schoolType = `Skolformen ”${values.schoolType}” hör inte till den här listan. Använd ${allowed.join(" eller ")}.`;

  const programme = values.programmeCode.toUpperCase();
  if (programme === "" && kind === "gymnasium") errors.programmeCode = "Ange programkod, till exempel NA, TE eller IMV.";
  else if (programme !== "" && !/^[A-ZÅÄÖ0-9]{2,12}$/.test(programme))
    errors.programmeCode = "Programkoden ska vara 2–12 bokstäver eller siffror, till exempel NA eller IMV.";

  const start = toIsoDate(values.startDate);
  if (values.startDate === "" && kind === "gymnasium") errors.startDate = "Ange startdatum (ÅÅÅÅ-MM-DD).";
  else if (values.startDate !== "" && !start) errors.startDate = "Startdatumet ska vara ett giltigt datum, ÅÅÅÅ-MM-DD.";
  const end = toIsoDate(values.endDate);
  if (values.endDate !== "" && !end) errors.endDate = "Slutdatumet ska vara ett giltigt datum, ÅÅÅÅ-MM-DD.";
  else if (start && end && end < start) errors.endDate = "Slutdatumet ligger före startdatumet.";

  const outcome = toOutcome(values.outcome);
  if (outcome === undefined) errors.outcome = `Okänt utfall: ”${values.outcome}”. Använd avbrott, studiebevis, examen eller lämna tomt.`;
  else if (outcome !== null && values.endDate === "") errors.outcome = "Ett utfall kräver ett slutdatum.";

  for (const [key, value] of Object.entries(values)) if (hasForbiddenText(value)) errors[key] = FORBIDDEN_TEXT_MESSAGE;

  // The same student at the same school unit from the same date twice: flag the later row. Only a
  // row that passed counts as the original, so the message always points at a row to keep.
  if (pn.ok && !errors.schoolUnitCode && !errors.startDate) {
    const key = `${pn.value.normalized}|${unit}|${start ?? ""}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) errors.form = `Samma elev, skolenhet och startdatum finns redan på rad ${earlier}.`;
    else if (Object.keys(errors).length === 0) seen.set(key, line);
  }
  if (!pn.ok || Object.keys(errors).length > 0) return { line, ok: false, errors };
  return {
    line,
    ok: true,
    row: {
      personalNumber: pn.value.normalized,
      isCoordinationNumber: pn.value.isCoordinationNumber,
      schoolUnitCode: unit,
      schoolType: type,
      programmeCode: programme === "" ? null : programme,
      startDate: start,
      endDate: end,
      outcome: outcome ?? null,
    },
  };
}

/** YYYY-MM-DD or YYYYMMDD (Excel's plain number) as an ISO date, if it is a real date. */
function toIsoDate(value: string): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

const OUTCOME_ALIASES: Record<string, SchoolOutcome> = {
  avbrott: "avbrott",
  avbrutit: "avbrott",
  studiebevis: "studiebevis",
  examen: "examen",
  examensbevis: "examen",
  gymnasieexamen: "examen",
};

/** null for an empty cell, undefined for a word that is not an outcome. */
function toOutcome(value: string): SchoolOutcome | null | undefined {
  if (value === "") return null;
  return OUTCOME_ALIASES[normalize(value)];
}

function* filterEmpty<T extends { fields: string[] }>(records: Iterable<T>): Generator<T> {
  for (const r of records) if (!r.fields.every((f) => f.trim() === "")) yield r;
}

/** Lower case, no diacritics, no spaces or punctuation: how header cells and outcomes are compared. */
function normalize(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

export const SCHOOL_LIST_KIND_LABELS: Record<SchoolListKind, string> = {
  gymnasium: "Gymnasieelever (GY/GYS)",
  year9: "Elever som lämnar årskurs 9 (GR/GRS)",
};

export const SCHOOL_LIST_SOURCE_LABELS: Record<string, string> = { csv: "CSV-fil", ss12000: "Skolsystem (SS 12000)" };
