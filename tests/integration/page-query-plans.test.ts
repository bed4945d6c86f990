/**
 * Every statement that every list and filter page runs (tests/bench/page-list.ts, the same pages the
 * benchmark times) is explained with EXPLAIN QUERY PLAN: none may read the whole register, every
 * enrollment or the whole access log. A page whose cost grows with the data fails here, long before
 * a national register makes it unusable.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, listenToStatements } from "#db/client";
import { seedBench, type BenchWorld } from "../bench/bulk-seed";
import { pagesOf, requestersOf, type Page, type Requester, type Who } from "../bench/page-list";
import { statusOf } from "../factories/requests";

/** Tables that grow with the register or the log: a plan may only search them by an index. */
const GROWING = [
  "youths",
  "enrollments",
  "audit_events",
  "contact_attempts",
  "interventions",
  "intervention_follow_ups",
  "documentation_revisions",
  "enrollment_documentation",
  "notices",
  "consents",
  "referrals",
  "concern_reports",
];
/**
 * Columns that only say whose data it is: a search bounded by nothing else reads a whole
 * municipality's register (or a whole organisation's log), which is the register again.
 */
const SCOPE_ONLY = /\((?:home_|youth_)?(?:municipality_id|organisation_id)=\?\)$/;

let heard: string[] = [];
let world: BenchWorld;
let requesters: Record<Who, Requester>;

beforeAll(async () => {
  closeDb();
  listenToStatements((statement) => heard.push(statement));
  world = await seedBench({ youths: 400, logRows: 5000, seed: 7 });
  requesters = await requestersOf(world);
}, 60_000);

/** The statements a page runs, as SQLite received them (values filled in). */
async function statementsOf(page: Page) {
  heard = [];
  const status = await statusOf(() => page.run(requesters[page.who].get(page.path(0)), 0));
  const statements = heard.filter((s) => /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i.test(s));
  heard = [];
  return { status, statements };
}

/**
 * Plan lines that walk a growing table from end to end: a SCAN (with or without an index to walk),
 * or a search bounded only by the municipality or organisation that is not stopped early by a
 * LIMIT read in index order (no LIMIT, a sort of everything found, or a LIKE '%…' to test on each row).
 */
export function fullScans(statement: string): string[] {
  const aliases = new Map<string, string>();
  for (const table of GROWING) {
    aliases.set(table, table);
    for (const match of statement.matchAll(new RegExp(`\\b(?:FROM|JOIN)\\s+"?${table}"?(?:\\s+(?:AS\\s+)?"?(\\w+)"?)?`, "gi"))) {
      const alias = match[1];
      if (alias && !/^(ON|WHERE|LEFT|INNER|JOIN|GROUP|ORDER|LIMIT|USING|CROSS|SET)$/i.test(alias)) aliases.set(alias, table);
    }
  }
  const plan = getDb().$client.prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as { id: number; parent: number; detail: string }[];
  const limited = /\bLIMIT\b/i.test(statement) && !/LIKE '%/i.test(statement);
  // A sort beside a search (same parent in the plan) means every row found is read before the LIMIT.
  const sortedAt = new Set(plan.filter((row) => row.detail.includes("TEMP B-TREE FOR ORDER BY")).map((row) => row.parent));
  return plan
    .filter(({ parent, detail }) => {
      const scanned = /^SCAN (\S+)/.exec(detail)?.[1];
      if (scanned !== undefined) return aliases.has(scanned);
      // The interventions running now (the follow-up counts the youths in them): the work in progress,
      // a partial index of open interventions, not the municipality's history.
      if (/INDEX interventions_running\b/.test(detail)) return false;
      const searched = /^SEARCH (\S+) USING (?:COVERING )?INDEX \S+ (\(.*\))$/.exec(detail);
      return searched !== null && aliases.has(searched[1]!) && SCOPE_ONLY.test(searched[2]!) && (!limited || sortedAt.has(parent));
    })
    .map((row) => row.detail);
}

describe("every list and filter page's query plans", () => {
  it("the test hears statements and recognises a full scan", () => {
    expect(fullScans("SELECT id FROM youths WHERE first_name = 'Anna'")).toEqual([expect.stringMatching(/^SCAN youths/)]);
    expect(fullScans("SELECT y.id FROM youths y WHERE y.last_name LIKE '%an%'")).toHaveLength(1);
    expect(fullScans("SELECT id FROM youths WHERE home_municipality_id = 1 ORDER BY name_sort LIMIT 25")).toEqual([]);
    // The whole municipality's register, counted or sorted, is the register again.
    expect(fullScans("SELECT count(*) FROM youths WHERE home_municipality_id = 1")).toHaveLength(1);
    expect(fullScans("SELECT id FROM youths WHERE home_municipality_id = 1 ORDER BY first_name LIMIT 25")).toHaveLength(1);
    expect(fullScans("SELECT id FROM youths WHERE home_municipality_id = 1 AND name_search LIKE '%an%' ORDER BY name_sort LIMIT 25")).toHaveLength(1);
  });

  it("reads one caseworker's worklist along the caseworker's indexes, never the whole unit's due dates", async () => {
    const page = pagesOf(world).find((p) => p.label === "/att-gora (en handläggare)")!;
    const { status, statements } = await statementsOf(page);
    expect(status).toBe(200);
    const lines = statements.flatMap((statement) =>
      (getDb().$client.prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as { detail: string }[]).map((row) => row.detail),
    );
    const unitIndexes =
      /INDEX (enrollments_next_step|enrollments_open_status_start|enrollments_open_watch|follow_ups_due|interventions_open_by_end|interventions_unevaluated|youths_register_birth)\b/;
    expect(lines.filter((line) => unitIndexes.test(line))).toEqual([]);
    expect(lines.some((line) => /INDEX enrollments_caseworker_next_step\b/.test(line))).toBe(true);
  });

  it("reads other organisations' accesses, and accesses on a shared ground, from the small partial indexes", async () => {
    for (const label of ["/loggkontroll?grund=consent&andra=ja"]) {
      const page = pagesOf(world).find((p) => p.label === label)!;
      const { statements } = await statementsOf(page);
      const lines = statements.flatMap((statement) =>
        (getDb().$client.prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as { detail: string }[]).map((row) => row.detail),
      );
      // (The user filter's list looks each user up once along audit_user: not the page's rows.)
      const onTheLog = lines.filter((line) => /^SEARCH audit_events/.test(line) && !line.includes("EXISTS USING INDEX audit_user"));
      expect(onTheLog.length).toBeGreaterThan(0);
      expect(onTheLog.filter((line) => !/INDEX audit_shared_(youth_municipality|organisation)\b|INTEGER PRIMARY KEY/.test(line))).toEqual([]);
    }
  });

  it("covers the pages the benchmark measures", () => {
    expect(pagesOf(world).length).toBeGreaterThan(25);
  });

  it.each(["register", "worklist", "documentation", "log", "inbox", "referrals", "other"])("%s pages never scan a growing table", async (group) => {
    const groupOf = (label: string) =>
      label.startsWith("/ungdomar")
        ? "register"
        : label.startsWith("/att-gora")
          ? "worklist"
          : label.startsWith("/dokumentation")
            ? "documentation"
            : label.startsWith("/loggkontroll")
              ? "log"
              : label.startsWith("/inkorg")
                ? "inbox"
                : label.startsWith("/remisser")
                  ? "referrals"
                  : "other";
    const problems: string[] = [];
    for (const page of pagesOf(world).filter((p) => groupOf(p.label) === group)) {
      const { status, statements } = await statementsOf(page);
      expect(status, page.label).toBe(200);
      if (page.who !== "none") expect(statements.length, `${page.label} ran no statement`).toBeGreaterThan(0);
      for (const statement of statements) {
        for (const line of fullScans(statement)) problems.push(`${page.label}: ${line}\n    ${statement.slice(0, 400)}`);
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
