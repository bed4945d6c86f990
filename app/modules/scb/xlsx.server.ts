/**
 * The SCB file as a workbook, to lay beside SCB's Excel template: a first sheet about the file (version, whether
 * it is verified, period, checksum), then one sheet per block with SCB's column names and the same cells as the
 * data file, all as text so codes and personnummer keep their leading zeros.
 */
import type { Row } from "write-excel-file/node";
import { bold, sheetNames, text, wrapped, writeWorkbook, type XlsxSheet } from "~/lib/xlsx.server";
import { SCB_BLOCK_NAMES, SCB_BLOCKS, versionLabel, type ScbBlock, type ScbMapping } from "./mapping";

const ABOUT = "Om filen";

export function scbWorkbook(cells: Map<ScbBlock | 0, string[][]>, mapping: ScbMapping, about: [string, string][]): Promise<Buffer> {
  const names = sheetNames(
    SCB_BLOCKS.map((b) => `Block ${b} ${SCB_BLOCK_NAMES[b]}`),
    [ABOUT],
  );
  const sheets: XlsxSheet[] = [
    {
      sheet: ABOUT,
      data: [
        [bold("SCB-rapport, kommunernas aktivitetsansvar")],
        ...about.map(([k, v]): Row => [bold(k), wrapped(v)]),
        [bold("Mappningsversion"), wrapped(versionLabel(mapping))],
        [bold("Källa"), wrapped(mapping.source)],
      ],
      columns: [{ width: 28 }, { width: 100 }],
    },
    ...SCB_BLOCKS.map((b, i): XlsxSheet => ({
      sheet: names[i]!,
      data: [mapping.columns[b].map((c) => bold(mapping.columnNames[c])), ...(cells.get(b) ?? []).map((row): Row => row.map((v) => text(v)))],
      columns: mapping.columns[b].map(() => ({ width: 22 })),
      stickyRowsCount: 1,
    })),
  ];
  const unread = cells.get(0) ?? [];
  if (unread.length > 0) sheets.push({ sheet: "Okända rader", data: unread.map((row): Row => row.map((v) => text(v))) });
  return writeWorkbook(sheets);
}
