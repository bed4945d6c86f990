/**
 * The reconciliation benchmark: an extract of N people, N school-list enrolments and a register of N
 * (default 30 000 each, as issue 14 names), reconciled in-process on a fresh SQLite file. Reports the
 * first run (which writes the proposals), repeated runs on the same data (which propose nothing new),
 * and the process's memory; then fetches an extract of the register's youths through the population-register
 * client (msw answering page by page), stores it and reconciles against it. Speed is measured and reported here, never asserted.
 *
 *   npm run bench:reconcile                 (30 000 of each)
 *   BENCH_RECONCILE_PEOPLE=60000 BENCH_RUNS=5 npm run bench:reconcile
 *
 * Files: tmp/bench/reconcile.db, tmp/bench/reconcile.md.
 */
import fs from "node:fs";
import path from "node:path";

const N = Number(process.env.BENCH_RECONCILE_PEOPLE ?? 30_000);
const RUNS = Math.min(Number(process.env.BENCH_RUNS ?? 5), 15);

const dir = path.resolve("tmp/bench");
const file = path.join(dir, "reconcile.db");
fs.mkdirSync(dir, { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
process.env.DATABASE_PATH = file;
process.env.PORTAL_MODE = "test";

const { getDb, closeDb } = await import("#db/client");
const { createActor, createMunicipality, createOrganisation } = await import("../factories/world");
const { makePersonalNumber } = await import("~/modules/youth/personal-number");
const { openRegister } = await import("~/modules/access/gate.server");
const { reconcile } = await import("~/modules/reconciliation/reconcile.server");
const { appendSchoolListRows, beginSchoolList, completeSchoolList } = await import("~/modules/reconciliation/school-list-store.server");

const TODAY = "2026-10-15";
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const sampler = setInterval(sample, 20);

/* ------------------------------------------------------------------ seeding */
console.log(`Seedar ett register, ett folkbokföringsuttag och skollistor med ${N} av varje i ${path.relative(process.cwd(), file)} …`);
const seedStart = performance.now();
const municipality = createMunicipality("Benchkommun");
const kaa = createOrganisation("kaa_unit", municipality.id, "KAA Benchkommun");
const schoolHere = createOrganisation("school", municipality.id, "Gymnasiet här");
const schoolElsewhere = createOrganisation("school", createMunicipality("Grannkommun").id, "Gymnasiet där");
const coordinator = await createActor("kaa_coordinator", kaa);
const sqlite = getDb().$client;

// Birth dates 2007–2010 (16–19 on TODAY), serials spread so that every personnummer is unique.
const personAt = (i: number) => {
  const day = i % 1400;
  const birth = new Date(Date.UTC(2007, 0, 1 + day)).toISOString().slice(0, 10);
  return { birth, pn: makePersonalNumber(birth, 100 + Math.floor(i / 1400)) };
};

const insertYouth = sqlite.prepare(
  "INSERT INTO youths (id, home_municipality_id, personal_number, is_coordination_number, birth_date, first_name, last_name, name_search, name_sort) VALUES (?, ?, ?, 0, ?, 'Förnamn', 'Efternamn', 'förnamn efternamn', 'efternamn förnamn')",
);
const insertEnrollment = sqlite.prepare(
  "INSERT INTO enrollments (youth_id, municipality_id, start_date, start_reason) VALUES (?, ?, '2025-09-01', 'notice_dropout')",
);
const insertSnapshot = sqlite.prepare("INSERT INTO population_snapshots (municipality_id, taken_on, status, person_count) VALUES (?, ?, 'complete', ?)");
const insertPerson = sqlite.prepare(
  `INSERT INTO population_snapshot_people (snapshot_id, personal_number, is_coordination_number, birth_date, first_name, last_name, street_address, postal_code, city,
     protected_identity, resident_here, moved_out_on, moved_to_code, deceased_on) VALUES (?, ?, 0, ?, 'Förnamn', 'Efternamn', 'Storgatan 1', '571 31', 'Nässjö', ?, ?, ?, ?, ?)`,
);

// The register: N youths with open enrollments, people 0 … N-1.
sqlite.transaction(() => {
  for (let i = 0; i < N; i++) {
    const { birth, pn } = personAt(i);
    const id = `bn${String(i).padStart(14, "0")}`;
    insertYouth.run(id, municipality.id, pn, birth);
    insertEnrollment.run(id, municipality.id);
  }
})();

// The extract: 90 % of the register still resident, 5 % moved out, 0.5 % dead, 4.5 % missing (moved
// without a record); the rest of N are people not in the register (from N upwards).
const snapshotId = Number(insertSnapshot.run(municipality.id, TODAY, N).lastInsertRowid);
let extracted = 0;
sqlite.transaction(() => {
  for (let i = 0; i < N; i++) {
    const { birth, pn } = personAt(i);
    const r = i % 200;
    if (r < 180) insertPerson.run(snapshotId, pn, birth, i % 97 === 0 ? 1 : 0, 1, null, null, null);
    else if (r < 190) insertPerson.run(snapshotId, pn, birth, 0, 0, "2026-09-01", "0180", null);
    else if (r < 191) insertPerson.run(snapshotId, pn, birth, 0, 1, null, null, "2026-09-15");
    else continue;
    extracted++;
  }
  for (let i = N; extracted < N; i++, extracted++) {
    const { birth, pn } = personAt(i);
    insertPerson.run(snapshotId, pn, birth, 0, 1, null, null, null);
  }
})();

// The schools' lists: N enrolments — a fifth of the register and half the newcomers attend, the rest
// are students of other municipalities (a thirtieth of them at the school here).
const rowsHere: Parameters<typeof appendSchoolListRows>[1][number][] = [];
const rowsElsewhere: typeof rowsHere = [];
const enrolment = (pn: string, rowNumber: number, programmeCode: string) => ({
  rowNumber,
  personalNumber: pn,
  isCoordinationNumber: false,
  schoolUnitCode: "12345678",
  schoolType: "GY",
  programmeCode,
  startDate: "2026-08-17",
  endDate: null,
  outcome: null,
});
let listed = 0;
for (let i = 0; i < N && listed < N; i += 5, listed++) rowsHere.push(enrolment(personAt(i).pn, rowsHere.length + 2, i % 3 === 0 ? "IMV" : "NA"));
for (let i = N; i < N + (N - extracted + N / 10) && listed < N; i += 2, listed++) rowsHere.push(enrolment(personAt(i).pn, rowsHere.length + 2, "TE"));
for (let i = 3 * N; listed < N; i++, listed++) (i % 30 === 0 ? rowsHere : rowsElsewhere).push(enrolment(personAt(i).pn, 0, "SA"));
rowsHere.forEach((r, k) => (r.rowNumber = k + 2));
rowsElsewhere.forEach((r, k) => (r.rowNumber = k + 2));
for (const [organisationId, rows] of [
  [schoolHere.id, rowsHere],
  [schoolElsewhere.id, rowsElsewhere],
] as const) {
  const listId = beginSchoolList({ organisationId, kind: "gymnasium", source: "csv", fileName: "bench.csv" });
  for (let i = 0; i < rows.length; i += 2000) appendSchoolListRows(listId, rows.slice(i, i + 2000));
  completeSchoolList(listId);
}
const seedSeconds = (performance.now() - seedStart) / 1000;
console.log(`Seedat på ${seedSeconds.toFixed(1)} s: register ${N}, uttag ${extracted}, skolrader ${rowsHere.length + rowsElsewhere.length}.`);

/* ------------------------------------------------------------------ timing */
const register = openRegister(coordinator);
const rssBefore = process.memoryUsage().rss;
peak = rssBefore;
const t0 = performance.now();
const first = reconcile(register, { today: TODAY });
const firstMs = performance.now() - t0;
const firstPeak = peak;
const repeats: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const t = performance.now();
  const again = reconcile(register, { today: TODAY });
  repeats.push(performance.now() - t);
  if (again.newProposals !== 0) throw new Error(`En upprepad avstämning gav ${again.newProposals} nya förslag`);
}
// The extract as the portal fetches it: the client pages through the fake population register (msw,
// the register youths as its roster), each page stored in its own transaction; then reconciled again.
const { startDemoMockServices } = await import("~/modules/integrations/mock-services.server");
const { runPopulationExtract } = await import("~/modules/reconciliation/population-extract.server");
await startDemoMockServices();
const f0 = performance.now();
const fetched = await runPopulationExtract(municipality.id, null, new Date(`${TODAY}T08:00:00Z`));
const fetchMs = performance.now() - f0;
if (!fetched.ok) throw new Error(fetched.message);
const r0 = performance.now();
const afterFetch = reconcile(register, { today: TODAY });
const afterFetchMs = performance.now() - r0;
clearInterval(sampler);
sample();
repeats.sort((a, b) => a - b);
const median = repeats[Math.floor(repeats.length / 2)]!;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const kinds = sqlite.prepare("SELECT kind, count(*) AS n FROM reconciliation_proposals WHERE state = 'open' GROUP BY kind ORDER BY kind").all() as {
  kind: string;
  n: number;
}[];

const report = [
  `# Avstämning av målgruppen (${new Date().toISOString().slice(0, 10)})`,
  "",
  `Register ${N}, folkbokföringsuttag ${extracted}, skolrader ${rowsHere.length + rowsElsewhere.length}; ${first.peopleRead} personer lästes.`,
  "",
  "| mätning | tid | RSS före → topp |",
  "| --- | --- | --- |",
  `| första avstämningen (skriver ${first.newProposals} förslag) | ${(firstMs / 1000).toFixed(2)} s | ${mb(rssBefore)} → ${mb(firstPeak)} |`,
  `| upprepad avstämning, median av ${RUNS} (inga nya förslag) | ${(median / 1000).toFixed(2)} s (min ${(repeats[0]! / 1000).toFixed(2)}, max ${(repeats.at(-1)! / 1000).toFixed(2)}) | topp ${mb(peak)} |`,
  `| uttaget hämtat genom klienten (msw, sidvis) och sparat: ${fetched.personCount} personer | ${(fetchMs / 1000).toFixed(2)} s | |`,
  `| avstämning mot det hämtade uttaget (${afterFetch.newProposals} nya förslag) | ${(afterFetchMs / 1000).toFixed(2)} s | topp ${mb(peak)} |`,
  "",
  "Öppna förslag per slag: " + kinds.map((k) => `${k.kind} ${k.n}`).join(", "),
  "",
].join("\n");
fs.writeFileSync(path.join(dir, "reconcile.md"), report);
console.log(report);
closeDb();
