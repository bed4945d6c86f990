/**
 * The portal's Excel workbooks, written by write-excel-file (small, maintained, plain XLSX without macros): the
 * cell helpers, Excel's rules for sheet names and the content type, shared by the follow-up's export and the SCB
 * file's workbook. Text is always written as text, never as a formula.
 */
import writeXlsxFile, { type Cell, type Sheet } from "write-excel-file/node";

export type FileContent = Parameters<typeof writeXlsxFile>[0] extends (infer S)[] ? (S extends Sheet<infer F> ? F : never) : never;
export type XlsxSheet = Sheet<FileContent>;

export const bold = (value: string): Cell => ({ value, type: String, fontWeight: "bold" });
export const text = (value: string): Cell => ({ value, type: String });
export const wrapped = (value: string): Cell => ({ value, type: String, wrap: true, alignVertical: "top" });

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

/** The workbook as a Buffer, in the portal's font. */
export function writeWorkbook(sheets: XlsxSheet[]): Promise<Buffer> {
  return writeXlsxFile(sheets, { fontFamily: "Calibri", fontSize: 11 }).toBuffer();
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A file to download: named, never cached (it is read signed in), never sniffed as something else. */
export function attachment(body: Uint8Array<ArrayBuffer> | string, fileName: string, contentType: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...headers,
    },
  });
}
