/**
 * Reading CSV text into records (RFC 4180). Pure, so the same code can check a file in the browser.
 * A quoted field may hold the delimiter, doubled quotes ("") and line breaks (Excel writes a cell
 * with Alt+Enter that way).
 *
 * A quote that does not fit – text right after a closing quote, a quote inside an unquoted field,
 * or a quoted field that never closes – makes its own line an error record, and reading starts
 * again on the next line. An unbalanced quote would otherwise swallow the rows after it until some
 * later quote happened to close it: a silent merge that "send only the valid rows" would turn into
 * lost notices. For the same reason a record that spans lines but has another number of fields
 * than the header is read as a stray quote, not as one long record.
 */

export type CsvRecord = { line: number; fields: string[]; error?: string };

export const STRAY_QUOTE_MESSAGE =
  'Ett citattecken (") står fel på raden, så den går inte att läsa säkert. Ett fält som börjar med " ska sluta med ", och ett " inne i en text skrivs "". Rätta raden och läs in filen igen.';

/** `firstLine` is the line number of the first line of `text` (2 after Excel's "sep=;" line). */
export function readCsvRecords(text: string, delimiter: string, firstLine = 1): CsvRecord[] {
  return Array.from(csvRecords(text, delimiter, firstLine));
}

/**
 * The same records one at a time, so that a large file (a school organiser's list of 30 000 rows) is
 * checked and stored batch by batch without an array of every record beside the text.
 */
export function* csvRecords(text: string, delimiter: string, firstLine = 1): Generator<CsvRecord> {
  let pos = 0;
  let line = firstLine;
  let expectedFields: number | null = null;
  while (pos < text.length) {
    const read = readRecord(text, pos, delimiter);
    const misCounted = read.breaks > 0 && expectedFields !== null && read.fields.length !== expectedFields;
    if (read.stray || misCounted) {
      // Only this physical line is the bad row; the next line is read afresh.
      const end = lineEnd(text, pos);
      const fields = text
        .slice(pos, end.at)
        .split(delimiter)
        .map((f) => f.replace(/^"|"$/g, ""));
      yield { line, fields, error: STRAY_QUOTE_MESSAGE };
      pos = end.next;
      line++;
      continue;
    }
    yield { line, fields: read.fields };
    if (expectedFields === null && read.fields.some((f) => f.trim() !== "")) expectedFields = read.fields.length;
    pos = read.next;
    line += 1 + read.breaks;
  }
}

/** The delimiter used on the header line, outside quotes: ';' (Excel in Sweden), ',' or tab. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ";": 0, ",": 0, "\t": 0 };
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && ch in counts) counts[ch]!++;
  }
  let best = ";";
  for (const d of [",", "\t"]) if (counts[d]! > counts[best]!) best = d;
  return best;
}

/** A value as one CSV field: quoted when it holds the delimiter, a quote or a line break. */
export function quoteField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

type Read = { fields: string[]; next: number; breaks: number; stray: boolean };

/** One record from `start`: its fields, where the next begins, and the line breaks inside quotes. */
function readRecord(text: string, start: number, delimiter: string): Read {
  const fields: string[] = [];
  let i = start;
  let breaks = 0;
  const atFieldEnd = () => i >= text.length || text[i] === delimiter || text[i] === "\r" || text[i] === "\n";
  for (;;) {
    let field = "";
    if (text[i] === '"') {
      i++;
      let closed = false;
      while (i < text.length) {
        const ch = text[i]!;
        if (ch === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (ch === '"') {
          i++;
          closed = true;
          break;
        } else {
          if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) breaks++;
          field += ch;
          i++;
        }
      }
      if (!closed || !atFieldEnd()) return { fields, next: i, breaks, stray: true };
    } else {
      while (!atFieldEnd()) {
        if (text[i] === '"') return { fields, next: i, breaks, stray: true };
        field += text[i];
        i++;
      }
    }
    fields.push(field);
    if (i >= text.length) return { fields, next: i, breaks, stray: false };
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    return { fields, next: i, breaks, stray: false };
  }
}

function lineEnd(text: string, from: number): { at: number; next: number } {
  const lineBreak = /\r\n|\r|\n/g;
  lineBreak.lastIndex = from;
  const match = lineBreak.exec(text);
  if (!match) return { at: text.length, next: text.length };
  return { at: match.index, next: match.index + match[0].length };
}

/**
 * One field of a file meant for a spreadsheet: always quoted, and a leading =, +, -, @, tab or CR
 * disarmed with an apostrophe so that no formula runs when the file is opened.
 */
export function spreadsheetField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Rows as a file that Excel with Swedish settings opens as it is: UTF-8 with BOM (å, ä, ö), semicolons, CRLF. */
export function spreadsheetCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(spreadsheetField).join(";")).join("\r\n")}\r\n`;
}

export type CsvText = { ok: true; body: string; delimiter: string; firstLine: number } | { ok: false; error: string };

/**
 * An uploaded CSV file's text, ready to read: BOM removed, refused with a Swedish message when empty,
 * not text or not UTF-8, and Excel's optional "sep=;" first line read as the delimiter (else detected).
 */
export function openCsvText(text: string): CsvText {
  let body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, error: "Filen är tom." };
  if (body.includes("\u0000")) return { ok: false, error: "Filen verkar inte vara en textfil. Spara den som CSV i Excel och försök igen." };
  if (body.includes("\uFFFD")) {
    return { ok: false, error: "Filen har en teckenkodning som inte går att läsa (å, ä och ö blir fel). Spara den som ”CSV UTF-8” i Excel och försök igen." };
  }
  let firstLine = 1;
  let delimiter: string | null = null;
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    delimiter = sep[1] ?? null;
    body = body.slice(sep[0].length);
    firstLine = 2;
  }
  return { ok: true, body, delimiter: delimiter ?? detectDelimiter(body), firstLine };
}
