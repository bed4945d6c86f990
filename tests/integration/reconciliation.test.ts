// The reconciliation on a real database: proposals from an extract, school lists and the register;
// a second run proposes nothing new; a rejection holds until the evidence changes; accepted proposals
// change the register in one transaction, through the kernel, logged; and only the samordnare may.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { auditEvents, enrollments, municipalities, notices, reconciliationProposals, youths } from "#db/schema";
import { openRegister } from "~/modules/access/gate.server";
import { decideProposals } from "~/modules/reconciliation/apply.server";
import { listProposals } from "~/modules/reconciliation/proposals.server";
import { reconcile } from "~/modules/reconciliation/reconcile.server";
import { createActor, createOrganisation, createWorld } from "../factories/world";
import { listInbox } from "~/modules/notices/notices.server";
import { extract, pnFor, registered, row, schoolList } from "../factories/reconciliation";

const TODAY = "2026-10-15";
type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
const people = {
  newcomer: pnFor("2008-04-02"),
  attending: pnFor("2008-05-03"),
  onIm: pnFor("2009-02-03"),
  startedProgramme: pnFor("2008-06-04"),
  moved: pnFor("2008-07-05"),
  died: pnFor("2007-08-06"),
  protectedOne: pnFor("2008-09-07"),
  elsewhere: pnFor("2008-10-08"),
};

const open = (kind: string) =>
  getDb()
    .select()
    .from(reconciliationProposals)
    .where(and(eq(reconciliationProposals.municipalityId, world.municipality.id), eq(reconciliationProposals.state, "open"), sql`kind = ${kind}`))
    .all();

beforeAll(async () => {
  world = await createWorld();
  const m = world.municipality.id;
  registered(m, people.startedProgramme, "2008-06-04", { startDate: "2026-03-01" });
  registered(m, people.moved, "2008-07-05", { startDate: "2026-02-01" });
  registered(m, people.died, "2007-08-06", { startDate: "2026-01-10" });
  extract(m, [
    { personalNumber: people.newcomer, birthDate: "2008-04-02" },
    { personalNumber: people.attending, birthDate: "2008-05-03" },
    { personalNumber: people.onIm, birthDate: "2009-02-03" },
    { personalNumber: people.startedProgramme, birthDate: "2008-06-04" },
    { personalNumber: people.moved, birthDate: "2008-07-05", residentHere: false, movedOutOn: "2026-09-30", movedToCode: "0180" },
    { personalNumber: people.died, birthDate: "2007-08-06", deceasedOn: "2026-10-01" },
    { personalNumber: people.protectedOne, birthDate: "2008-09-07", protectedIdentity: true },
  ]);
  schoolList(world.orgs.school.id, [
    row(people.attending),
    row(people.onIm, { programmeCode: "IMV" }),
    row(people.startedProgramme),
    row(people.elsewhere, { outcome: "avbrott", endDate: "2026-10-01" }),
  ]);
});

describe("reconciling", () => {
  it("proposes each case once, and nothing new when run again on the same data", () => {
    const register = openRegister(world.actors.coordinator);
    const first = reconcile(register, { today: TODAY });
    expect(first).toMatchObject({ peopleRead: 8, newProposals: 6 });
    expect(
      open("register")
        .map((p) => p.personalNumber)
        .sort(),
    ).toEqual([people.newcomer, people.protectedOne].sort());
    expect(open("end_national_programme").map((p) => p.personalNumber)).toEqual([people.startedProgramme]);
    expect(open("end_moved")[0]).toMatchObject({ personalNumber: people.moved, effectiveDate: "2026-09-30" });
    expect(open("end_died")[0]).toMatchObject({ personalNumber: people.died, effectiveDate: "2026-10-01" });
    expect(open("not_resident").map((p) => p.personalNumber)).toEqual([people.elsewhere]);

    const second = reconcile(register, { today: TODAY });
    expect(second).toMatchObject({ newProposals: 0, openProposals: 6 });
  });

  it("shows a non-resident by the school list's row only, never by personnummer", () => {
    const list = listProposals(openRegister(world.actors.coordinator), "not_resident", 1);
    expect(list.rows[0]).toMatchObject({ name: null, personalNumber: null });
    expect(list.rows[0]!.evidence.join(" ")).toContain("Rad 5 i skolans lista");
    expect(JSON.stringify(list)).not.toContain(people.elsewhere);
  });

  it("logs each person of the extract shown in the list, by proposal", () => {
    const list = listProposals(openRegister(world.actors.coordinator), "register", 1);
    const logged = getDb()
      .select({ basisRef: auditEvents.basisRef, youthId: auditEvents.youthId })
      .from(auditEvents)
      .where(sql`${auditEvents.basisRef} LIKE 'avstämningsförslag %'`)
      .all();
    expect(logged.map((l) => l.basisRef).sort()).toEqual(list.rows.map((r) => `avstämningsförslag ${r.id}`).sort());
    expect(logged.every((l) => l.youthId === null)).toBe(true);
  });

  it("does not propose a rejected proposal again until its evidence changes", () => {
    const register = openRegister(world.actors.coordinator);
    const [proposal] = open("end_national_programme");
    expect(decideProposals(register, { ids: [proposal!.id] }, "reject", TODAY)).toEqual({ ok: true, applied: 1, skipped: 0 });
    expect(reconcile(register, { today: TODAY }).newProposals).toBe(0);
    expect(open("end_national_programme")).toEqual([]);
    // The school reports a new programme: new evidence, proposed again.
    schoolList(world.orgs.school.id, [
      row(people.attending),
      row(people.onIm, { programmeCode: "IMV" }),
      row(people.startedProgramme, { programmeCode: "TE" }),
    ]);
    expect(reconcile(register, { today: TODAY }).newProposals).toBe(1);
    expect(open("end_national_programme")).toHaveLength(1);
    // The superseded list's non-resident row is gone, so is its proposal.
    expect(open("not_resident")).toEqual([]);
  });

  it("applies accepted proposals through the kernel: registered, ended, the new home municipality told, logged", async () => {
    const register = openRegister(world.actors.coordinator);
    // Stockholm (0180), where one youth moved, has a KAA unit in the portal: it is sent a move notice.
    const stockholm = getDb().select().from(municipalities).where(eq(municipalities.code, "0180")).get()!;
    const stockholmKaa = createOrganisation("kaa_unit", stockholm.id);
    for (const kind of ["register", "end_national_programme", "end_moved", "end_died"] as const) {
      expect(decideProposals(register, { allOfKind: kind, upToRun: Number.MAX_SAFE_INTEGER }, "accept", TODAY, { notifyMoves: true })).toMatchObject({
        ok: true,
      });
    }
    const inbox = listInbox(openRegister(await createActor("kaa_coordinator", stockholmKaa)), "sent", 1);
    expect(inbox.rows).toEqual([expect.objectContaining({ kind: "moved", eventDate: "2026-09-30", schoolName: world.orgs.kaa.name })]);
    expect(getDb().select().from(notices).where(eq(notices.homeMunicipalityId, stockholm.id)).get()).toMatchObject({
      personalNumber: people.moved,
      schoolOrganisationId: world.orgs.kaa.id,
    });
    const db = getDb();
    const added = db
      .select()
      .from(youths)
      .where(and(eq(youths.homeMunicipalityId, world.municipality.id), eq(youths.personalNumber, people.protectedOne)))
      .get()!;
    expect(added).toMatchObject({ protectedIdentity: true, streetAddress: null, postalCode: null });
    const start = db.select().from(enrollments).where(eq(enrollments.youthId, added.id)).get()!;
    // No school list and no move says why this youth is in the target group: the SCB values are left for a person.
    expect(start).toMatchObject({
      startReason: "register_check",
      startDate: TODAY,
      endDate: null,
      registrationReason: "unknown",
      lastSchoolOccupation: "unknown",
    });
    const ended = (pn: string) =>
      db
        .select({ endReason: enrollments.endReason, endDate: enrollments.endDate })
        .from(enrollments)
        .innerJoin(youths, eq(youths.id, enrollments.youthId))
        .where(eq(youths.personalNumber, pn))
        .get();
    expect(ended(people.moved)).toEqual({ endReason: "moved", endDate: "2026-09-30" });
    expect(ended(people.died)).toEqual({ endReason: "died", endDate: "2026-10-01" });
    expect(ended(people.startedProgramme)).toEqual({ endReason: "national_programme", endDate: "2026-08-17" });
    const created = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.youthId, added.id), eq(auditEvents.action, "create")))
      .all();
    expect(created).toHaveLength(1);
    expect(reconcile(register, { today: TODAY })).toMatchObject({ newProposals: 0, openProposals: 0 });
  });

  it("applies nothing when one accepted proposal cannot be applied", () => {
    const register = openRegister(world.actors.coordinator);
    const pn = pnFor("2008-11-09");
    const snapshot = extract(world.municipality.id, [{ personalNumber: pn, birthDate: "2008-11-09" }], "2026-10-15");
    reconcile(register, { today: TODAY });
    const proposals = open("register");
    expect(proposals.map((p) => p.personalNumber)).toContain(pn);
    // The extract behind a proposal is gone (kept only as long as needed): refused, and nothing changed.
    getDb().run(sql`DELETE FROM population_snapshot_people WHERE snapshot_id = ${snapshot}`);
    const before = getDb()
      .select({ n: sql<number>`count(*)` })
      .from(youths)
      .get()!.n;
    const result = decideProposals(register, { allOfKind: "register", upToRun: Number.MAX_SAFE_INTEGER }, "accept", TODAY);
    expect(result).toMatchObject({ ok: false });
    expect(
      getDb()
        .select({ n: sql<number>`count(*)` })
        .from(youths)
        .get()!.n,
    ).toBe(before);
    expect(open("register").length).toBe(proposals.length);
  });

  it("accepts a whole group only as far as the samordnare saw it", () => {
    const register = openRegister(world.actors.coordinator);
    const seen = reconcile(register, { today: TODAY });
    for (const p of open("register")) decideProposals(register, { ids: [p.id] }, "reject", TODAY);
    // A scheduled extract brings a new person while the page is open.
    const pn = pnFor("2008-12-10");
    extract(world.municipality.id, [{ personalNumber: pn, birthDate: "2008-12-10" }], "2026-10-15");
    expect(reconcile(register, { today: TODAY }).newProposals).toBe(1);
    expect(decideProposals(register, { allOfKind: "register", upToRun: seen.runId }, "accept", TODAY)).toEqual({
      ok: false,
      error: "Välj minst ett förslag som fortfarande är öppet.",
    });
    expect(open("register").map((p) => p.personalNumber)).toEqual([pn]);
  });

  it("is the samordnare's alone", () => {
    expect(() => reconcile(openRegister(world.actors.caseworker), { today: TODAY })).toThrow();
    expect(() =>
      decideProposals(openRegister(world.actors.caseworker), { allOfKind: "register", upToRun: Number.MAX_SAFE_INTEGER }, "accept", TODAY),
    ).toThrow();
    expect(() => openRegister(world.actors.school)).toThrow();
  });
});
