// Files leave the KAA unit: no count from 1 to 4 may be in any export, CSV or XLSX, whoever downloads
// it (the samordnare included), nor in the loader data of a styrgrupp member's annual report. The world
// has small counts: seven youths, two without a school notice, three reached.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { readCsvRecords } from "~/lib/csv";
import type { Actor } from "~/modules/auth/actor.server";
import { AREA_KEYS, analysisField } from "~/modules/annual-report/areas";
import { action as createAction } from "~/routes/uppfoljning_.arsrapport._index";
import { action as reportAction, loader as reportLoader } from "~/routes/uppfoljning_.arsrapport.$reportId._index";
import { loader as reportCsv } from "~/routes/uppfoljning_.arsrapport.$reportId.export[.]csv";
import { loader as reportXlsx } from "~/routes/uppfoljning_.arsrapport.$reportId.export[.]xlsx";
import { loader as followUpCsv } from "~/routes/uppfoljning_.export[.]csv";
import { loader as followUpXlsx } from "~/routes/uppfoljning_.export[.]xlsx";
import { createWorld } from "../factories/world";
import { signedIn, statusOf } from "../factories/requests";
import { shownCounts, statSevenYouths } from "../factories/follow-up";

let world: Awaited<ReturnType<typeof createWorld>>;
let reportId: number;

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
async function get(loader: Loader, actor: Actor, path: string, params: Record<string, string> = {}): Promise<Response> {
  return (await loader({ request: (await signedIn(actor)).get(path), params, context: {} })) as Response;
}

beforeAll(async () => {
  world = await createWorld();
  // Seven youths in May 2025, all 18 at the year's end: five from the school's notices, two without; three reached in time.
  statSevenYouths(world, 2025);
  // An approved annual report of 2025 for the styrgrupp.
  const coordinator = await signedIn(world.actors.coordinator);
  const created = (await createAction({ request: coordinator.post("/uppfoljning/arsrapport", { period: "ar-2025" }), params: {}, context: {} })) as Response;
  reportId = Number(created.headers.get("Location")!.split("/").pop());
  const post = (fields: Record<string, string>) =>
    reportAction({ request: coordinator.post(`/uppfoljning/arsrapport/${reportId}`, fields), params: { reportId: String(reportId) }, context: {} });
  await post({ intent: "save", version: "1", ...Object.fromEntries(AREA_KEYS.map((k) => [analysisField(k), "Text."])) });
  expect(((await post({ intent: "approve", version: "2", confirmApproval: "on" })) as Response).status).toBe(200);
});

/** Every cell of a CSV that is a whole number: the counts. */
function csvCounts(text: string): number[] {
  return readCsvRecords(text.replace(/^\uFEFF/, ""), ";")
    .flatMap((r) => r.fields)
    .filter((f) => /^\d+$/.test(f))
    .map(Number);
}

/** The sheets of a workbook: names, rows as text, and the cells written as counts (number format "0"). */
function readXlsx(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const xml = (name: string) => strFromU8(files[name]!);
  const strings = [...xml("xl/sharedStrings.xml").matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1]!);
  const formats = new Map([...xml("xl/styles.xml").matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!]));
  const xfs = [
    ...xml("xl/styles.xml")
      .split("<cellXfs")[1]!
      .matchAll(/<xf ([^>]*)>/g),
  ].map((m) => formats.get(/numFmtId="(\d+)"/.exec(m[1]!)?.[1] ?? "") ?? null);
  const names = [...xml("xl/workbook.xml").matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]!);
  return names.map((name, i) => {
    const cells = [...xml(`xl/worksheets/sheet${i + 1}.xml`).matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>(?:<v>([^<]*)<\/v>)?<\/c>)/g)];
    const rows: string[][] = [];
    const counts: number[] = [];
    for (const [, col, row, attrs, v] of cells) {
      const shared = /t="s"/.test(attrs!);
      const style = Number(/s="(\d+)"/.exec(attrs!)?.[1] ?? 0);
      const text = v === undefined ? "" : shared ? strings[Number(v)]! : v;
      (rows[Number(row) - 1] ??= [])[col!.charCodeAt(0) - 65] = text;
      if (!shared && v !== undefined && xfs[style] === "0") counts.push(Number(v));
    }
    return { name, rows, counts };
  });
}

describe("exports of the follow-up", () => {
  it("writes a CSV for Swedish Excel with no count from 1 to 4, even for the samordnare", async () => {
    const response = await get(followUpCsv, world.actors.coordinator, "/uppfoljning/export.csv?period=ar-2025");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="uppfoljning-ar-2025.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    // UTF-8 with a byte order mark, so Excel reads å, ä and ö.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('"Mått";"År 2025 (2025-01-01–2025-12-31)";"Föregående period och ett år tidigare: År 2024 (2024-01-01–2024-12-31)"');
    expect(text).toContain('"Ingen skolanmälan";"färre än 5"');
    const counts = csvCounts(text);
    expect(counts.length).toBeGreaterThan(20);
    expect(counts).toContain(7);
    expect(counts.filter((n) => n >= 1 && n <= 4)).toEqual([]);
  });

  it("writes an XLSX with a sheet per table and no count from 1 to 4", async () => {
    const response = await get(followUpXlsx, world.actors.coordinator, "/uppfoljning/export.xlsx?period=lasar-2024");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const sheets = readXlsx(new Uint8Array(await response.arrayBuffer()));
    expect(sheets[0]!.name).toBe("Om uttaget");
    const overview = sheets.find((s) => s.name === "Översikt")!;
    expect(overview.rows[1]).toEqual([
      "Mått",
      "Läsåret 2024/25 (2024-07-01–2025-06-30)",
      "Föregående period och ett år tidigare: Läsåret 2023/24 (2023-07-01–2024-06-30)",
    ]);
    expect(sheets.find((s) => s.name.startsWith("Målgruppen efter skola"))!.rows.find((r) => r[0] === "Ingen skolanmälan")![1]).toBe("färre än 5");
    const counts = sheets.flatMap((s) => s.counts);
    expect(counts.length).toBeGreaterThan(20);
    expect(counts).toContain(7);
    expect(counts.filter((n) => n >= 1 && n <= 4)).toEqual([]);
  });

  it("refuses a free interval (two a day apart would tell that day) and is a 404 outside the follow-up's readers", async () => {
    const interval = await statusOf(() =>
      get(followUpCsv, world.actors.coordinator, "/uppfoljning/export.csv?period=intervall&fran=2025-05-01&till=2025-05-31"),
    );
    expect(interval).toBe(400);
    for (const actor of [world.actors.school, world.actors.social, world.actors.employment, world.actors.admin]) {
      expect(await statusOf(() => get(followUpCsv, actor, "/uppfoljning/export.csv?period=ar-2025"))).toBe(404);
      expect(await statusOf(() => get(followUpXlsx, actor, "/uppfoljning/export.xlsx?period=ar-2025"))).toBe(404);
    }
    expect(await statusOf(() => get(followUpXlsx, world.actors.steering, "/uppfoljning/export.xlsx?period=ar-2025"))).toBe(200);
  });
});

describe("the annual report outside the KAA unit", () => {
  it("gives a styrgrupp member's loader no count from 1 to 4", async () => {
    const response = await get(reportLoader, world.actors.steering, `/uppfoljning/arsrapport/${reportId}`, { reportId: String(reportId) });
    const counts = shownCounts(await response.json());
    expect(counts.length).toBeGreaterThan(20);
    expect(counts).toContain(7);
    expect(counts.filter((n) => n >= 1 && n <= 4)).toEqual([]);
  });

  it("exports the report's tables, one or all, and the whole report as a workbook, with no count from 1 to 4", async () => {
    const params = { reportId: String(reportId) };
    const all = await (await get(reportCsv, world.actors.steering, `/uppfoljning/arsrapport/${reportId}/export.csv`, params)).text();
    expect(all).toContain('"Status";"Fastställd');
    expect(csvCounts(all).filter((n) => n >= 1 && n <= 4)).toEqual([]);
    const one = await get(reportCsv, world.actors.steering, `/uppfoljning/arsrapport/${reportId}/export.csv?tabell=malgrupp-skola`, params);
    expect(one.headers.get("Content-Disposition")).toBe('attachment; filename="arsrapport-ar-2025-malgrupp-skola.csv"');
    const oneText = await one.text();
    expect(oneText).toContain('"Målgruppen efter skola (den skola som anmälde)"');
    expect(oneText).not.toContain('"Översikt"');
    expect(await statusOf(() => get(reportCsv, world.actors.steering, `/uppfoljning/arsrapport/${reportId}/export.csv?tabell=finns-inte`, params))).toBe(404);

    const sheets = readXlsx(
      new Uint8Array(await (await get(reportXlsx, world.actors.steering, `/uppfoljning/arsrapport/${reportId}/export.xlsx`, params)).arrayBuffer()),
    );
    expect(sheets.map((s) => s.name)).toContain("Analys");
    expect(sheets.find((s) => s.name === "Analys")!.rows[0]).toEqual(["Målgruppen"]);
    const counts = sheets.flatMap((s) => s.counts);
    expect(counts.length).toBeGreaterThan(20);
    expect(counts.filter((n) => n >= 1 && n <= 4)).toEqual([]);
    expect(await statusOf(() => get(reportXlsx, world.actors.school, `/uppfoljning/arsrapport/${reportId}/export.xlsx`, params))).toBe(404);
  });
});
