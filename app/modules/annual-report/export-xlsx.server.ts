/**
 * The follow-up's tables as an Excel workbook (the helpers in ~/lib/xlsx.server): a first sheet about the file, one sheet per table with a header
 * row naming the periods, and for a report a sheet with the analysis. Counts are numbers, shares
 * numbers in percent format, hidden cells the same words as on the page. Text is always written as
 * text, never as a formula.
 */
import type { Cell, Row } from "write-excel-file/node";
import { bold, sheetNames, text, wrapped, writeWorkbook, type XlsxSheet } from "~/lib/xlsx.server";
import type { FigureTable, Shown } from "~/modules/statistics/follow-up-types";
import { aboutLines, exportColumns, exportText, rowLabel, type ExportColumn, type ExportDocument } from "./export-document";

function valueCell(s: Shown): Cell {
  if ("value" in s) return { value: s.value, type: Number, format: "0" };
  if ("share" in s) return { value: s.share, type: Number, format: "0.0%" };
  if ("median" in s) return { value: s.median, type: Number, format: "0.0" };
  return { value: exportText(s), type: String, align: "right" };
}

function tableSheet(table: FigureTable, columns: readonly ExportColumn[], name: string): XlsxSheet {
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
  const about: XlsxSheet = {
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
  return writeWorkbook(sheets);
}
