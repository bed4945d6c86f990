/**
 * The follow-up's tables as they leave the portal, in a file: which period columns, how each value
 * reads, and the CSV text. Pure (the XLSX builder and the pages use the same columns). The figures
 * given here are already suppressed: exports are computed in the outside view.
 */
import { spreadsheetCsv } from "~/lib/csv";
import { formatDateTime } from "~/lib/format";
import type { FollowUp } from "~/modules/statistics/follow-up.server";
import type { FigureTable, Shown } from "~/modules/statistics/follow-up-types";
import { SECONDARY_LABEL, SMALL_LABEL } from "~/modules/statistics/suppression";

type PeriodInfo = FollowUp["periods"][number];
/** A period column: what it is (prefix), the period, and its index in a row's cells. */
export type ExportColumn = { prefix: string | null; period: PeriodInfo; index: number; header: string };

const column = (prefix: string | null, period: PeriodInfo, index: number): ExportColumn => ({
  prefix,
  period,
  index,
  header: `${prefix ? `${prefix}: ` : ""}${period.label} (${period.from}–${period.to})`,
});

/**
 * The period columns: the period, the one before and the same period a year earlier. For a läsår or
 * a year the one before is the year earlier: one column, named as both, rather than the same twice.
 */
export function exportColumns(periods: readonly PeriodInfo[]): ExportColumn[] {
  const [current, previous, earlier] = periods;
  const columns: ExportColumn[] = [];
  if (current) columns.push(column(null, current, 0));
  if (previous && earlier && previous.from === earlier.from && previous.to === earlier.to) {
    columns.push(column("Föregående period och ett år tidigare", previous, 1));
    return columns;
  }
  if (previous) columns.push(column("Föregående period", previous, 1));
  if (earlier) columns.push(column("Ett år tidigare", earlier, 2));
  return columns;
}

const decimal = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1, useGrouping: false });

/** A value as text in a file: plain digits (no thousands separator, so a spreadsheet reads a number). */
export function exportText(s: Shown): string {
  if ("hidden" in s) return s.hidden === "secondary" ? SECONDARY_LABEL : SMALL_LABEL;
  if ("share" in s) return `${decimal.format(s.share * 100)} %`;
  if ("median" in s) return decimal.format(s.median);
  if ("none" in s) return "–";
  return String(s.value);
}

/** A row's label as the page shows it: a row inside a subtotal reads "varav …". */
export const rowLabel = (row: FigureTable["rows"][number]) => `${row.indent ? "varav " : ""}${row.label}`;

export const SUPPRESSION_NOTE =
  `Små tal visas inte: antal från 1 till 4 står som ”${SMALL_LABEL}”, och en andel eller median som bygger på ett sådant antal visas inte. ` +
  `Där en siffra annars skulle gå att räkna fram ur summorna står den som ”${SMALL_LABEL}” (om den är 0) eller ”${SECONDARY_LABEL}”.`;

/** What a file holds: a title, lines about it (period, when computed, status), and the tables. */
export type ExportDocument = {
  title: string;
  about: [string, string][];
  followUp: FollowUp;
  tables: FigureTable[];
  /** The report's analysis per area (the workbook has a sheet for it; the CSV holds tables only). */
  analysis?: { title: string; text: string }[];
};

/** The lines that say what the file is, shared by the CSV and the workbook. */
export function aboutLines(document: ExportDocument): [string, string][] {
  return [...document.about, ["Siffrorna beräknade", formatDateTime(document.followUp.computedAt)], ["Små tal", SUPPRESSION_NOTE]];
}

/** One table as rows: caption, header row naming the periods, the rows, and the note under it. */
export function tableRows(table: FigureTable, columns: readonly ExportColumn[]): string[][] {
  const rows: string[][] = [[table.caption], ["Mått", ...columns.map((c) => c.header)]];
  for (const row of table.rows) rows.push([rowLabel(row), ...columns.map((c) => exportText(row.cells[c.index] ?? { none: true }))]);
  if (table.note) rows.push([table.note]);
  return rows;
}

/** The document as a semicolon-separated file for Excel with Swedish settings. */
export function exportCsv(document: ExportDocument): string {
  const columns = exportColumns(document.followUp.periods);
  const rows: string[][] = [[document.title], ...aboutLines(document)];
  for (const table of document.tables) rows.push([], ...tableRows(table, columns));
  return spreadsheetCsv(rows);
}

/** A file name from a title or a period value: lower case ASCII, words joined by hyphens. */
export function fileSlug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
