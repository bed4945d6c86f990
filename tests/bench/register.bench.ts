/**
 * Benchmark: the register list, search, worklist, documentation list, the youth page and the
 * access-log review with tens of thousands of youths.
 *   npm run bench            (BENCH_YOUTHS=30000 by default)
 * Prints the median time per operation. Not part of `npm test`: speed is measured here, not asserted.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const file = path.resolve("tmp/bench/register.db");
fs.rmSync(path.dirname(file), { recursive: true, force: true });
process.env.DATABASE_PATH = file;
process.env.PORTAL_MODE = "test";

const { getDb, closeDb } = await import("#db/client");
const { assessments, enrollments, guardians, interventionFollowUps, interventions, plans, youths } = await import("#db/schema");
const { recomputeDocumentation } = await import("~/modules/documentation/documentation.server");
const { readDocumentationReport } = await import("~/modules/documentation/documentation-report.server");
const { readDocumentation } = await import("~/modules/documentation/plans.server");
const { listInterventionTypes } = await import("~/modules/documentation/intervention-types.server");
const { listAuditEvents } = await import("~/modules/access/audit.server");
const { findYouthByPersonalNumber, listYouthRegister } = await import("~/modules/youth/register.server");
const { readYouthFile } = await import("~/modules/youth/youth-file.server");
const { openRegister, openYouthFile } = await import("~/modules/access/gate.server");
const { readOutreach } = await import("~/modules/outreach/contacts.server");
const { noticesOfYouth } = await import("~/modules/notices/notices.server");
const { listConsents } = await import("~/modules/consent/consents.server");
const { referralsOfYouth } = await import("~/modules/referrals/referrals.server");
const { concernReportsOfYouth } = await import("~/modules/concern-reports/concern-reports.server");
const { readWorklist } = await import("~/modules/outreach/worklist.server");
const { parsePersonalNumber } = await import("~/modules/youth/personal-number");
const { identityColumns, guardianInputs } = await import("~/modules/youth/youth-row");
const { createActor, createMunicipality, createOrganisation } = await import("../factories/world");
const { swedishFaker, youthInput } = await import("../factories/youth");

const COUNT = Number(process.env.BENCH_YOUTHS ?? 30_000);
const db = getDb();
const municipality = createMunicipality("Benchkommun");
const kaa = createOrganisation("kaa_unit", municipality.id);
const actor = await createActor("kaa_coordinator", kaa);
// Five caseworkers share the register, as in a mid-sized municipality's KAA unit.
const caseworkers = await Promise.all(Array.from({ length: 5 }, () => createActor("kaa_caseworker", kaa)));
const faker = swedishFaker(99);
const typeIds = listInterventionTypes(actor).map((t) => t.id);
const documented: string[] = [];

console.log(`Lägger in ${COUNT} ungdomar …`);
const seen = new Set<string>();
const ids: string[] = [];
let someNumber = "";
db.transaction((tx) => {
  while (ids.length < COUNT) {
    const input = youthInput(faker, { homeMunicipalityId: municipality.id, city: "Bench", postalPrefix: "571" });
    const parsed = parsePersonalNumber(input.personalNumber);
    if (!parsed.ok || seen.has(parsed.value.normalized)) continue;
    seen.add(parsed.value.normalized);
    const id = crypto.randomBytes(12).toString("base64url");
    tx.insert(youths)
      .values({
        id,
        homeMunicipalityId: municipality.id,
        personalNumber: parsed.value.normalized,
        isCoordinationNumber: false,
        birthDate: parsed.value.birthDate,
        ...identityColumns(input),
        createdAt: faker.date.recent({ days: 700 }).toISOString(),
      })
      .run();
    const g = guardianInputs(input);
    if (g.length)
      tx.insert(guardians)
        .values(g.map((row) => ({ ...row, youthId: id })))
        .run();
    ids.push(id);
    someNumber = parsed.value.normalized;
    // Four in five have an open enrollment in some state of the outreach work; a few are unassigned.
    if (ids.length % 5 !== 0) {
      const status = (["not_contacted", "contacted", "in_intervention", "watch"] as const)[ids.length % 4]!;
      const caseworker = ids.length % 7 === 0 ? null : caseworkers[ids.length % caseworkers.length]!.membershipId;
      const start = faker.date.recent({ days: 400 }).toISOString().slice(0, 10);
      const enrollmentId = tx
        .insert(enrollments)
        .values({
          youthId: id,
          municipalityId: municipality.id,
          startDate: start,
          startReason: "notice_dropout",
          status,
          caseworkerMembershipId: caseworker,
          watchUntil: status === "watch" ? start : null,
        })
        .returning({ id: enrollments.id })
        .get().id;
      // Those in intervention have an assessment, a plan and a running intervention with a follow-up;
      // half of the contacted have an assessment only. Every documented enrollment has its summary.
      if (status === "in_intervention" || (status === "contacted" && ids.length % 2 === 0)) {
        const stamp = { updatedByMembershipId: actor.membershipId };
        tx.insert(assessments)
          .values({ enrollmentId, youthId: id, date: start, occupation: "none", ...stamp })
          .run();
        if (status === "in_intervention") {
          tx.insert(plans)
            .values({ enrollmentId, youthId: id, goal: "Börja studera.", madeWithYouth: true, madeWithYouthDate: start, ...stamp })
            .run();
          const interventionId = tx
            .insert(interventions)
            .values({
              enrollmentId,
              youthId: id,
              municipalityId: municipality.id,
              typeId: typeIds[ids.length % typeIds.length]!,
              responsibleParty: "youth",
              startDate: start,
              plannedEndDate: faker.date.soon({ days: 200 }).toISOString().slice(0, 10),
              createdByMembershipId: actor.membershipId,
              ...stamp,
            })
            .returning({ id: interventions.id })
            .get().id;
          tx.insert(interventionFollowUps)
            .values({ interventionId, municipalityId: municipality.id, dueDate: faker.date.soon({ days: 60 }).toISOString().slice(0, 10) })
            .run();
        }
        recomputeDocumentation(tx, { id: enrollmentId, municipalityId: municipality.id });
        documented.push(id);
      }
    }
  }
});
db.$client.pragma("optimize");
// As the server does at start: the status job stores the contact routine's next steps of the enrollments
// inserted above, so the worklist is measured as in use.
const { runStatusJob } = await import("~/modules/jobs/status-job.server");
runStatusJob();

function measure(label: string, runs: number, fn: (i: number) => unknown) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  console.log(`${label.padEnd(48)} median ${median.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms`);
}

const lastPage = Math.ceil(COUNT / 25);
measure("Registret, sida 1, efternamn", 50, () => listYouthRegister(openRegister(actor), { sort: "namn", page: 1 }));
measure("Registret, sida 500, efternamn", 50, () => listYouthRegister(openRegister(actor), { sort: "namn", page: 500 }));
measure("Registret, sista sidan, efternamn", 50, () => listYouthRegister(openRegister(actor), { sort: "namn", page: lastPage }));
measure("Registret, senast registrerade", 50, () => listYouthRegister(openRegister(actor), { sort: "nyast", page: 1 }));
measure("Registret, äldst först", 50, () => listYouthRegister(openRegister(actor), { sort: "alder", page: 1 }));
measure("Namnsökning 'and'", 50, () => listYouthRegister(openRegister(actor), { q: "and", sort: "namn", page: 1 }));
measure("Registret, status ej kontaktad", 50, () => listYouthRegister(openRegister(actor), { sort: "namn", page: 1, status: "not_contacted" }));
measure("Registret, en handläggare", 50, () => listYouthRegister(openRegister(actor), { sort: "namn", page: 1, caseworker: caseworkers[0]!.membershipId }));
measure("Registret, försenade", 50, () => listYouthRegister(openRegister(actor), { sort: "namn", page: 1, overdue: true }));
measure("Att göra, en handläggare", 30, () => readWorklist(openRegister(caseworkers[0]!), { caseworker: caseworkers[0]!.membershipId }));
measure("Att göra, hela enheten", 30, () => readWorklist(openRegister(actor), { caseworker: "all" }));
measure("Dokumentation, sida 1, hela enheten", 30, () => readDocumentationReport(openRegister(actor), { caseworker: "all", page: 1 }));
measure("Dokumentation, saknar punkt 4, en handläggare", 30, () =>
  readDocumentationReport(openRegister(actor), { caseworker: caseworkers[0]!.membershipId, point: 4, page: 1 }),
);
measure("Dokumentation, sista sidan", 30, () => readDocumentationReport(openRegister(actor), { caseworker: "all", page: 10_000 }));
measure("Ungdomsakten: kartläggning, plan, checklista", 200, (i) =>
  readDocumentation(openYouthFile(actor, documented[i % documented.length]!, { read: ["assessment", "plan"], registerKeeperOnly: true })),
);
measure("Sökning på personnummer", 200, () => findYouthByPersonalNumber(openRegister(actor), someNumber));
measure("Ungdomsakten", 200, (i) => readYouthFile(openYouthFile(actor, ids[i % ids.length]!, { read: ["identity"], registerKeeperOnly: true })));
// What the youth page's loader does: one gate pass for every section, then each part read on the capability.
const YOUTH_PAGE = ["identity", "enrollment", "contacts", "assessment", "plan", "notices", "consents", "referrals", "concern_reports"] as const;
measure("Ungdomssidan, hela laddaren", 200, (i) => {
  const file = openYouthFile(actor, documented[i % documented.length]!, { read: YOUTH_PAGE, registerKeeperOnly: true });
  readYouthFile(file);
  readOutreach(file);
  readDocumentation(file);
  noticesOfYouth(file);
  listConsents(file);
  referralsOfYouth(file);
  concernReportsOfYouth(file);
});
measure("Loggkontroll, sida 1 (efter ovanstående)", 30, () => listAuditEvents(municipality.id, kaa.id, { page: 1 }));
measure("Loggkontroll, filtrerad på namn", 30, () => listAuditEvents(municipality.id, kaa.id, { page: 1, youthName: "and" }));
closeDb();
