// Every query of the reconciliation, as it runs, reads by index: none walks the register, the
// enrollments, an extract, the schools' lists or the proposals of every municipality.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { openRegister } from "~/modules/access/gate.server";
import { decideProposals } from "~/modules/reconciliation/apply.server";
import { listProposals, reconciliationOverview } from "~/modules/reconciliation/proposals.server";
import { reconcile } from "~/modules/reconciliation/reconcile.server";
import { createWorld } from "../factories/world";
import { extract, pnFor, registered, row, schoolList } from "../factories/reconciliation";

const statements: string[] = [];
let restore: () => void;

beforeAll(async () => {
  const world = await createWorld();
  const m = world.municipality.id;
  const [a, b, c] = [pnFor("2008-01-02"), pnFor("2008-02-03"), pnFor("2008-03-04")];
  registered(m, b, "2008-02-03", { startDate: "2026-01-01" });
  extract(m, [
    { personalNumber: a, birthDate: "2008-01-02" },
    { personalNumber: b, birthDate: "2008-02-03" },
  ]);
  schoolList(world.orgs.school.id, [row(b), row(c)], {
    absences: [
      { personalNumber: b, schoolUnitCode: "12345678", periodStart: "2026-08-17", periodEnd: "2026-10-09", invalidAbsenceMinutes: 10, offeredMinutes: 1000 },
    ],
  });
  const client = getDb().$client;
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => {
    statements.push(source);
    return prepare(source);
  }) as typeof client.prepare;
  restore = () => (client.prepare = prepare);
  const register = openRegister(world.actors.coordinator);
  reconcile(register, { today: "2026-10-15" });
  reconciliationOverview(register);
  listProposals(register, "register", 1);
  decideProposals(register, { allOfKind: "register", upToRun: Number.MAX_SAFE_INTEGER }, "accept", "2026-10-15");
  decideProposals(register, { allOfKind: "end_national_programme", upToRun: Number.MAX_SAFE_INTEGER }, "reject", "2026-10-15");
  restore();
});
afterAll(() => restore?.());

function plan(source: string) {
  const named = [...source.matchAll(/@(\w+)/g)].map((m) => m[1]!);
  const statement = getDb().$client.prepare(`EXPLAIN QUERY PLAN ${source}`);
  const rows = named.length > 0 ? statement.all(Object.fromEntries(named.map((n) => [n, 1]))) : statement.all(...Array.from(source.matchAll(/\?/g), () => 1));
  return rows.map((r) => (r as { detail: string }).detail).join("\n");
}

describe("query plans of the reconciliation", () => {
  it("runs the facts statement and the proposals' queries", () => {
    expect(statements.some((s) => s.includes("population_snapshot_people") && s.includes("school_list_rows"))).toBe(true);
    expect(statements.some((s) => s.includes("reconciliation_proposals"))).toBe(true);
  });

  it("reads every table by index (SHOW_PLANS=1 prints them)", () => {
    if (process.env.SHOW_PLANS) for (const s of statements) console.log(s.slice(0, 100), "\n   ", plan(s).replaceAll("\n", " | "));
    const big =
      /\bSCAN (youths|enrollments|population_snapshot_people|school_list_rows|school_absence_reports|school_lists|reconciliation_proposals|notices|audit_events)\b(?! USING)/;
    // Reads only: an INSERT's plan lists the subprograms of every trigger and foreign key it could fire.
    for (const source of statements.filter((s) => /^\s*(select|with)\b/i.test(s))) expect(plan(source), source).not.toMatch(big);
  });
});
