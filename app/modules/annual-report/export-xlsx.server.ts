/**
 * The follow-up's tables as an Excel workbook, written by write-excel-file (small, maintained, plain
 * XLSX without macros): a first sheet about the file, one sheet per table with a header
 * row naming the periods, and for a report a sheet with the analysis. Counts are numbers, shares
 * numbers in percent format, hidden cells the same words as on the page. Text is always written as
 * text, never as a formula.
 */
import writeXlsxFile, { type Cell, type Row, type Sheet } from "write-excel-file/node";
import type { FigureTable, Shown } from "~/modules/statistics/follow-up-types";
import { aboutLines, exportColumns, exportText, rowLabel, type ExportColumn, type ExportDocument } from "./export-document";

type FileContent = Parameters<typeof writeXlsxFile>[0] extends (infer S)[] ? (S extends Sheet<infer F> ? F : never) : never;

const bold = (value: string): Cell => ({ value, type: String, fontWeight: "bold" });
const text = (value: string): Cell => ({ value, type: String });
const wrapped = (value: string): Cell => ({ value, type: String, wrap: true, alignVertical: "top" });

function valueCell(s: Shown): Cell {
  if ("value" in s) return { value: s.value, type: Number, format: "0" };
  if ("share" in s) return { value: s.share, type: Number, format: "0.0%" };
  if ("median" in s) return { value: s.median, type: Number, format: "0.0" };
  return { value: exportText(s), type: String, align: "right" };
}

/** Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ], unique regardless of case. */
export function sheetNames(captions: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(reserved.map((n) => n.toLowerCase()));
  return captions.map((caption) => {
    const base =
      caption
        .replace(/[:\\/?*[\]]/g, " ")
        .replace(/\s+/g, " ")
        .replace(/^'+|'+$/g, "")
        .trim()
        .slice(0, 31)
        .trim() || "Tabell";
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - ` (${n})`.length).trim()} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

function tableSheet(table: FigureTable, columns: readonly ExportColumn[], name: string): Sheet<FileContent> {
  const data: Row[] = [[bold(table.caption)], [bold("Mått"), ...columns.map((c) => bold(c.header))]];
  for (const row of table.rows) {
    const label: Cell = { value: rowLabel(row), type: String, ...(row.total ? { fontWeight: "bold" as const } : {}), ...(row.indent ? { indent: 1 } : {}) };
    data.push([label, ...columns.map((c) => valueCell(row.cells[c.index] ?? { none: true }))]);
  }
  if (table.note) data.push([text(table.note)]);
  return { data, sheet: name, columns: [{ width: 60 }, ...columns.map(() => ({ width: 34 }))], stickyRowsCount: 2 };
}

const ABOUT = "Om uttaget";
const ANALYSIS = "Analys";

/** The workbook as a Buffer. */
export async function exportXlsx(document: ExportDocument): Promise<Buffer> {
  const columns = exportColumns(document.followUp.periods);
  const about: Sheet<FileContent> = {
    sheet: ABOUT,
    data: [
      [bold(document.title)],
      ...aboutLines(document).map(([key, value]): Row => [bold(key), wrapped(value)]),
      [],
      [bold("Tabeller")],
      ...document.tables.map((t): Row => [text(t.caption)]),
    ],
    columns: [{ width: 24 }, { width: 100 }],
  };
  const reserved = [ABOUT, ...(document.analysis ? [ANALYSIS] : [])];
  const names = sheetNames(
    document.tables.map((t) => t.caption),
    reserved,
  );
  const sheets = [about, ...document.tables.map((t, i) => tableSheet(t, columns, names[i]!))];
  if (document.analysis) {
    sheets.push({
      sheet: ANALYSIS,
      data: document.analysis.flatMap(({ title, text: body }): Row[] => [[bold(title)], [wrapped(body || "(Ingen text.)")], []]),
      columns: [{ width: 120 }],
    });
  }
  return writeXlsxFile(sheets, { fontFamily: "Calibri", fontSize: 11 }).toBuffer();
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
