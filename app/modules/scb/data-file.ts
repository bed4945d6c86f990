/**
 * Block rows → the data file's bytes, in the version's layout: one line per row, the block's columns in the
 * version's order, its delimiter, line ending and encoding. Pure; the checksum in the export history is taken of
 * exactly these bytes.
 */
import { createHash } from "node:crypto";
import { SCB_BLOCKS, type ScbBlock, type ScbMapping } from "./mapping";
import type { ScbRow } from "./blocks";

export function dataFile(rows: readonly ScbRow[], mapping: ScbMapping): Buffer {
  const lines: string[] = [];
  if (mapping.header) lines.push(mapping.columns[1].map((c) => mapping.columnNames[c]).join(mapping.delimiter));
  for (const row of rows) lines.push(mapping.columns[row.block].map((column) => row.values[column] ?? "").join(mapping.delimiter));
  // Every line ends with the line ending, the last too: a file of no rows is empty.
  return Buffer.from(lines.map((line) => line + mapping.lineEnding).join(""), mapping.encoding);
}

/** Hex SHA-256 of the file, as the history shows it (any sha256sum tool gives the same). */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The data file's name: kommun, half-year and version, e.g. kaa-0682-halvar-2026-1-v2026-1.txt. */
export function dataFileName(municipalityCode: string, period: string, mapping: Pick<ScbMapping, "id">, extension: "txt" | "xlsx"): string {
  return `kaa-${municipalityCode}-${period}-v${mapping.id}.${extension}`;
}

/**
 * A stored data file read back into its blocks' cells by the layout of the version that wrote it (the workbook of
 * a past export is made from the file that was sent, not from today's register). A line no block's layout fits is
 * kept under block 0, so nothing is dropped silently.
 */
export function readDataFile(bytes: Uint8Array, mapping: ScbMapping): Map<ScbBlock | 0, string[][]> {
  const out = new Map<ScbBlock | 0, string[][]>(SCB_BLOCKS.map((b) => [b, []]));
  out.set(0, []);
  const lines = Buffer.from(bytes).toString(mapping.encoding).split(mapping.lineEnding);
  if (lines.at(-1) === "") lines.pop();
  if (mapping.header) lines.shift();
  for (const line of lines) {
    const cells = line.split(mapping.delimiter);
    const block = SCB_BLOCKS.find((b) => {
      const at = mapping.columns[b].indexOf("block");
      return cells.length === mapping.columns[b].length && at >= 0 && cells[at] === mapping.codes.block[b];
    });
    out.get(block ?? 0)!.push(cells);
  }
  return out;
}
