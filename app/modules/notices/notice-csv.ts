import { openCsvText, quoteField, readCsvRecords } from "~/lib/csv";
import { fieldErrors, FORBIDDEN_TEXT_MESSAGE, hasForbiddenText, type FieldErrors } from "~/lib/form-fields";
import { displayPersonalNumber, makePersonalNumber, parsePersonalNumber } from "~/modules/youth/personal-number";
import { NOTICE_KIND_LABELS, NOTICE_KINDS, noticeSchema, type NoticeInput, type NoticeKind } from "./notice-schema";

/**
 * Bulk upload of school notices as CSV (issue 3). Pure: no database and no Node-only APIs, so the
 * same code can check a file in the browser before it is sent. Every row is checked with
 * `noticeSchema`; what to store (nothing, or only the valid rows) is the caller's decision.
 */

export const MAX_CSV_ROWS = 2000;

/** One CSV row as text, keyed by the `noticeSchema` field the column feeds. */
export type NoticeCsvRecord = {
  kind: string;
  personalNumber: string;
  firstName: string;
  lastName: string;
  /** Municipality name or kommunkod, as written in the file. */
  homeMunicipalityId: string;
  programme: string;
  eventDate: string;
  reason: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
};

type CsvColumn = { key: keyof NoticeCsvRecord; header: string; example: string; required: boolean; aliases: readonly string[] };

const COLUMNS: readonly CsvColumn[] = [
  { key: "kind", header: "Typ", example: "avbrott", required: true, aliases: ["anmalningstyp", "kind"] },
  { key: "personalNumber", header: "Personnummer", example: "", required: true, aliases: ["personnr", "samordningsnummer", "personnummersamordningsnummer"] },
  { key: "firstName", header: "Förnamn", example: "Alex", required: true, aliases: [] },
  { key: "lastName", header: "Efternamn", example: "Andersson", required: true, aliases: [] },
  { key: "homeMunicipalityId", header: "Hemkommun", example: "Nässjö", required: true, aliases: ["hemkommunkod"] },
  // Name or code (NA, IMYRK): with the kind, it gives the SCB registration reason when the notice opens an enrollment
  // (outreach/scb-registration.ts), so the file needs no SCB column of its own (docs/decisions/0019).
  { key: "programme", header: "Program", example: "Naturvetenskapsprogrammet", required: true, aliases: ["studievag"] },
  { key: "eventDate", header: "Datum", example: "", required: true, aliases: ["handelsedatum"] },
  { key: "reason", header: "Orsak", example: "Har slutat enligt eget besked", required: false, aliases: [] },
  { key: "contactName", header: "Kontaktperson", example: "Eva Berg", required: true, aliases: [] },
  { key: "contactPhone", header: "Telefon", example: "0380-51 50 00", required: false, aliases: ["tel", "telefonnummer"] },
  { key: "contactEmail", header: "E-post", example: "eva.berg@exempel.se", required: false, aliases: ["email", "mejl"] },
];

/** The template's columns, in order. `example` is empty where the value depends on today's date. */
export const CSV_COLUMNS: readonly { key: keyof NoticeCsvRecord; header: string; example: string }[] = COLUMNS.map(({ key, header, example }) => ({
  key,
  header,
  example,
}));

/** Swedish label per field key (the keys of `CsvRowResult.values` and of row errors). */
export const CSV_FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])),
  form: "Raden",
};

export type CsvRowResult =
  | { line: number; ok: true; data: NoticeInput; values: Record<string, string> }
  | { line: number; ok: false; errors: FieldErrors; values: Record<string, string> };

export type CsvParseResult = { ok: true; rows: CsvRowResult[] } | { ok: false; error: string };

// ---------------------------------------------------------------------------------------------
// Template

/**
 * A header line and one example line, ';'-separated (Excel with Swedish settings), with a UTF-8
 * BOM so that Excel reads å, ä and ö right, and CRLF line ends. The example's personnummer and date
 * are computed from `today`, so the example always passes validation (a youth of about 17).
 */
export function csvTemplate(today: Date = new Date()): string {
  const year = today.getUTCFullYear();
  const eventDate = new Date(today.getTime() - 7 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const pn = makePersonalNumber(`${year - 17}-01-15`, 238);
  const example: Record<string, string> = {
    personalNumber: displayPersonalNumber(pn),
    eventDate,
  };
  const header = COLUMNS.map((c) => quoteField(c.header, ";")).join(";");
  const line = COLUMNS.map((c) => quoteField(example[c.key] ?? c.example, ";")).join(";");
  return `\uFEFF${header}\r\n${line}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// Decoding and municipality lookup helpers

/**
 * Bytes of an uploaded file as text: UTF-8 (with or without BOM) when valid, otherwise
 * Windows-1252, which is what Excel's plain "CSV (semikolonavgränsad)" writes in Sweden.
 */
export function decodeCsv(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/**
 * A `resolveMunicipality` callback over a list of municipalities: matches the kommunkod (also with
 * a lost leading zero) or the name, ignoring case, diacritics and the words "kommun"/"s kommun".
 */
export function municipalityResolver(list: readonly { id: number; name: string; code: string | null }[]): (value: string) => number | null {
  const byKey = new Map<string, number>();
  const add = (key: string, id: number) => {
    if (key && !byKey.has(key)) byKey.set(key, id);
  };
  for (const m of list) add(normalizeWords(m.name), m.id);
  for (const m of list) {
    if (m.code) add(m.code.trim(), m.id);
    const full = normalizeWords(m.name);
    const base = full.replace(/ kommun$/, "");
    add(base, m.id);
    if (base !== full && base.endsWith("s")) add(base.slice(0, -1), m.id);
  }
  return (value) => {
    const v = value.trim();
    if (/^\d{1,4}$/.test(v)) return byKey.get(v.padStart(4, "0")) ?? null;
    return byKey.get(normalizeWords(v)) ?? byKey.get(normalizeWords(v).replace(/ kommun$/, "")) ?? null;
  };
}

// ---------------------------------------------------------------------------------------------
// Parsing

/**
 * Parses and checks a whole file. A file-level problem (empty, missing columns, too many rows, a
 * broken header) gives `ok: false`; otherwise every non-empty data row gets a result, with `line`
 * the 1-based line in the file where the row starts (the header is line 1). A row with a stray
 * quote is an error of that row alone.
 */
export function parseNoticeCsv(text: string, resolveMunicipality: (value: string) => number | null): CsvParseResult {
  const opened = openCsvText(text);
  if (!opened.ok) return opened;
  const { body, delimiter, firstLine } = opened;

  const records = readCsvRecords(body, delimiter, firstLine).filter((r) => !isEmptyRecord(r.fields));
  const headerRecord = records.shift();
  if (!headerRecord) return { ok: false, error: "Filen är tom." };
  if (headerRecord.error) return { ok: false, error: `Rubrikraden (rad ${headerRecord.line}): ${headerRecord.error}` };

  // Map header cells to fields.
  const columnIndex = new Map<keyof NoticeCsvRecord, number>();
  const headerLookup = new Map<string, CsvColumn>();
  for (const c of COLUMNS) for (const name of [c.header, ...c.aliases]) headerLookup.set(normalizeHeader(name), c);
  for (const [i, cell] of headerRecord.fields.entries()) {
    const column = headerLookup.get(normalizeHeader(cell));
    if (!column) continue; // unknown extra columns are ignored
    if (columnIndex.has(column.key)) return { ok: false, error: `Kolumnen ${column.header} finns flera gånger i rubrikraden.` };
    columnIndex.set(column.key, i);
  }
  const missing = COLUMNS.filter((c) => c.required && !columnIndex.has(c.key)).map((c) => c.header);
  if (missing.length > 0) {
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} och ${missing[missing.length - 1]}`;
    const delimiterHint = headerRecord.fields.length === 1 ? " Kolumnerna ska skiljas åt med semikolon (;), komma (,) eller tabb." : "";
    return {
      ok: false,
      error: `${missing.length === 1 ? "Kolumnen" : "Kolumnerna"} ${list} saknas i rubrikraden (första raden).${delimiterHint} Utgå gärna från mallen.`,
    };
  }

  if (records.length === 0) return { ok: false, error: "Filen innehåller inga anmälningar, bara rubrikraden." };
  if (records.length > MAX_CSV_ROWS) return { ok: false, error: "Filen har fler än 2 000 rader. Dela upp den." };

  const expectedFields = headerRecord.fields.length;
  const seen = new Map<string, number>();
  const rows: CsvRowResult[] = records.map(({ line, fields, error }) => {
    const values: Record<string, string> = {};
    for (const c of COLUMNS) {
      const index = columnIndex.get(c.key);
      values[c.key] = index === undefined ? "" : (fields[index] ?? "").trim();
    }
    // A stray quote is an error on its own row, never a merge with the rows after it (~/lib/csv).
    if (error) return { line, ok: false, values, errors: { form: error } };
    if (fields.length !== expectedFields) {
      return { line, ok: false, values, errors: { form: `Raden har ${fields.length} fält, men filen har ${expectedFields} kolumner.` } };
    }
    return checkRow(line, values as NoticeCsvRecord, resolveMunicipality, seen);
  });
  return { ok: true, rows };
}

function checkRow(line: number, values: NoticeCsvRecord, resolveMunicipality: (value: string) => number | null, seen: Map<string, number>): CsvRowResult {
  const kind = toKind(values.kind);
  const municipalityText = /^\d{3}$/.test(values.homeMunicipalityId) ? `0${values.homeMunicipalityId}` : values.homeMunicipalityId;
  const municipalityId = municipalityText === "" ? null : resolveMunicipality(municipalityText);
  const eventDate = /^\d{8}$/.test(values.eventDate)
    ? `${values.eventDate.slice(0, 4)}-${values.eventDate.slice(4, 6)}-${values.eventDate.slice(6)}`
    : values.eventDate;

  const result = noticeSchema.safeParse({
    kind: kind ?? values.kind,
    personalNumber: values.personalNumber,
    firstName: values.firstName,
    lastName: values.lastName,
    homeMunicipalityId: municipalityId ?? "",
    programme: values.programme,
    eventDate,
    reason: values.reason,
    contactName: values.contactName,
    contactPhone: values.contactPhone,
    contactEmail: values.contactEmail,
  });
  const errors: FieldErrors = result.success ? {} : fieldErrors(result.error);

  // Messages that fit a file better than the form's.
  if (!kind) {
    errors.kind =
      values.kind === ""
        ? "Ange typ: avbrott, frånvaro, påbörjat eller ej påbörjat."
        : `Okänd typ: ”${values.kind}”. Använd avbrott, frånvaro, påbörjat eller ej påbörjat.`;
  }
  if (municipalityText !== "" && municipalityId === null) errors.homeMunicipalityId = `Okänd hemkommun: ${values.homeMunicipalityId}`;
  // Invisible controls (NUL, bidi overrides) in any cell, the free-text Orsak included.
  for (const [key, value] of Object.entries(values)) if (hasForbiddenText(value)) errors[key] = FORBIDDEN_TEXT_MESSAGE;
  if (values.homeMunicipalityId === "") errors.homeMunicipalityId = "Ange hemkommun (namn eller kommunkod).";
  if (errors.personalNumber && /^\d+([.,]\d+)?e\+?\d+$/i.test(values.personalNumber)) {
    errors.personalNumber = "Excel har gjort personnumret till ett tal. Formatera kolumnen som text, eller skriv numret som ÅÅÅÅMMDD-NNNN.";
  }

  // The same notice twice in one file: flag the later row. Only rows that passed count as the
  // original, so "send only the valid rows" never drops a notice.
  const pn = parsePersonalNumber(values.personalNumber);
  if (pn.ok && kind && /^\d{4}-\d{2}-\d{2}$/.test(eventDate)) {
    const key = `${pn.value.normalized}|${kind}|${eventDate}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) errors.personalNumber ??= `Samma anmälan finns redan på rad ${earlier}.`;
    else if (Object.keys(errors).length === 0) seen.set(key, line);
  }

  const stringValues: Record<string, string> = { ...values };
  if (result.success && Object.keys(errors).length === 0) return { line, ok: true, data: result.data, values: stringValues };
  return { line, ok: false, errors, values: stringValues };
}

function isEmptyRecord(fields: string[]): boolean {
  return fields.every((f) => f.trim() === "");
}

/** Lower case, no diacritics, words separated by single spaces. */
function normalizeWords(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function normalizeHeader(value: string): string {
  return normalizeWords(value).replace(/ /g, "");
}

const KIND_ALIASES: Record<NoticeKind, readonly string[]> = {
  dropout: ["avbrott", "avbrutit", "avbrutna studier", "avbrott i studier"],
  absence: ["franvaro", "ogiltig franvaro", "betydande franvaro"],
  started: ["paborjat", "paborjade", "borjat", "borjade", "paborjat studier", "paborjade studier"],
  not_started: [
    "ej paborjat",
    "inte paborjat",
    "ej paborjade",
    "inte paborjade",
    "ej borjat",
    "inte borjat",
    "ej borjade",
    "inte borjade",
    "paborjade inte",
    "paborjat inte",
    "borjade inte",
    "ej paborjat studier",
    "inte paborjat studier",
  ],
};

const KIND_LOOKUP = new Map<string, NoticeKind>();
for (const kind of NOTICE_KINDS) {
  for (const alias of [kind, NOTICE_KIND_LABELS[kind], ...KIND_ALIASES[kind]]) KIND_LOOKUP.set(normalizeWords(alias), kind);
}

function toKind(value: string): NoticeKind | null {
  return KIND_LOOKUP.get(normalizeWords(value)) ?? null;
}
