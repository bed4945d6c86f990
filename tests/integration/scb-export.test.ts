// The SCB half-year export on a real database: refused while the checks find errors, made once the records are
// fixed, the same bytes every time, kept in the history and logged one row per youth in the same transaction.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { auditEvents, enrollments, interventions, interventionTypes, scbExports } from "#db/schema";
import { addDays, daysBetween, todayIso } from "~/lib/dates";
import { ACTION_LABELS, describeBasis } from "~/modules/access/audit-labels";
import { createScbExport, scbCheck, scbHistory, scbRegister, storedDataFile, storedWorkbook } from "~/modules/scb/exports.server";
import { previousPeriod, scbHalfYearOf } from "~/modules/statistics/periods";
import { action as scbAction, loader as scbLoader } from "~/routes/uppfoljning.scb._index";
import { loader as dataFileLoader } from "~/routes/uppfoljning.scb.$exportId[.]txt";
import { enrolledYouth } from "../factories/enrollment";
import { signedIn, statusOf } from "../factories/requests";
import { createWorld } from "../factories/world";

let world: Awaited<ReturnType<typeof createWorld>>;
let other: Awaited<ReturnType<typeof createWorld>>;
const today = todayIso();
// The last half-year that has ended (a file is made only then); the youths are enrolled 20 and 30 days before its
// end, whatever day of the year the test runs.
const period = previousPeriod(scbHalfYearOf(today));
const daysBeforeEnd = (days: number) => daysBetween(period.to, today) + days;
const youths: string[] = [];
let typeId: number;

beforeAll(async () => {
  world = await createWorld();
  other = await createWorld();
  const db = getDb();
  for (const days of [20, 30]) youths.push(enrolledYouth(world.actors.caseworker, { daysAgo: daysBeforeEnd(days) }).youthId);
  // Records from before the SCB variables: the honest default "uppgift saknas" (whatever the factories fill in).
  for (const youthId of youths)
    db.update(enrollments).set({ registrationReason: "unknown", lastSchoolOccupation: "unknown" }).where(eq(enrollments.youthId, youthId)).run();
  // Another municipality's youth is never in this register's file.
  enrolledYouth(other.actors.caseworker, { daysAgo: daysBeforeEnd(20) });
  typeId = db.insert(interventionTypes).values({ municipalityId: world.municipality.id, name: "Coachning", position: 1 }).returning().get().id;
  const enrollment = db.select().from(enrollments).where(eq(enrollments.youthId, youths[0]!)).get()!;
  db.insert(interventions)
    .values({
      enrollmentId: enrollment.id,
      youthId: youths[0]!,
      municipalityId: world.municipality.id,
      typeId,
      responsibleParty: "municipality",
      startDate: addDays(period.to, -10),
      plannedEndDate: addDays(period.to, 30),
      createdByMembershipId: world.actors.caseworker.membershipId,
      updatedByMembershipId: world.actors.caseworker.membershipId,
    })
    .run();
});

const register = () => scbRegister(world.actors.coordinator);
const exportRows = (id: number) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "export"), eq(auditEvents.basisRef, String(id))))
    .all();

describe("the SCB export", () => {
  it("only the samordnare makes it", () => {
    for (const actor of [world.actors.caseworker, world.actors.steering, world.actors.admin, world.actors.school]) {
      expect(() => scbRegister(actor)).toThrow(expect.objectContaining({ status: 403 }));
    }
  });

  it("refuses while the checks find errors: unknown block-1 values and an åtgärd type without an SCB code", () => {
    const check = scbCheck(register(), period);
    expect(check.youthCount).toBe(2);
    const rules = check.failures.filter((f) => f.severity === "error").map((f) => `${youths.indexOf(f.youthId)}:${f.rule}`);
    expect(rules.sort()).toEqual(["0:block1", "0:block1", "0:scb_type", "1:block1", "1:block1"]);
    expect(createScbExport(register(), period, { acceptExceptions: false })).toMatchObject({ ok: false, status: 400, errorCount: 5 });
    // An acceptance is of the check that was shown: a checksum of other data is refused.
    expect(createScbExport(register(), period, { acceptExceptions: true, acceptedChecksum: "0".repeat(64) })).toMatchObject({ ok: false, status: 409 });
    // Nor is a half-year that has not ended made into a file, errors or not.
    const current = scbHalfYearOf(today);
    expect(createScbExport(register(), current, { acceptExceptions: true, acceptedChecksum: scbCheck(register(), current).sha256 })).toMatchObject({
      ok: false,
      status: 400,
      message: `Halvåret är inte slut. Filen kan skapas från och med dagen efter ${current.to}.`,
    });
    expect(getDb().select().from(scbExports).where(eq(scbExports.municipalityId, world.municipality.id)).all()).toEqual([]);
  });

  it("with an accepted exceptions report it makes the file and stores the report with it", () => {
    const made = createScbExport(register(), period, { acceptExceptions: true, acceptedChecksum: scbCheck(register(), period).sha256 });
    expect(made.ok).toBe(true);
    const [row] = scbHistory(register());
    expect(row).toMatchObject({ withExceptions: true, youthCount: 2, mappingVersion: "2026-1", period: period.value });
    expect(row!.acceptedErrors).toBe(5);
    const stored = getDb().select({ report: scbExports.exceptionsReport }).from(scbExports).where(eq(scbExports.id, row!.id)).get()!;
    expect((JSON.parse(stored.report) as { rule: string }[]).map((f) => f.rule).sort()).toEqual(["block1", "block1", "block1", "block1", "scb_type"]);
  });

  it("after the records are fixed it succeeds; the same data gives the same checksum; one log row per youth", () => {
    const db = getDb();
    for (const youthId of youths) {
      db.update(enrollments)
        .set({ registrationReason: "dropout_national", lastSchoolOccupation: "national_programme" })
        .where(eq(enrollments.youthId, youthId))
        .run();
    }
    db.update(interventionTypes).set({ scbType: "other" }).where(eq(interventionTypes.id, typeId)).run();
    const check = scbCheck(register(), period);
    expect(check.errorCount).toBe(0);
    const first = createScbExport(register(), period, { acceptExceptions: false });
    const second = createScbExport(register(), period, { acceptExceptions: false });
    if (!first.ok || !second.ok) throw new Error("the export was refused");
    expect(first.sha256).toBe(second.sha256);
    expect(first.sha256).toBe(check.sha256);
    const logged = exportRows(first.id);
    expect(logged.map((r) => r.youthId).sort()).toEqual([...youths].sort());
    expect(logged.every((r) => r.section === "enrollment" && r.basis === "register_keeper" && r.membershipId === world.actors.coordinator.membershipId)).toBe(
      true,
    );
    expect(scbHistory(register())[0]).toMatchObject({ id: second.id, withExceptions: false, sha256: second.sha256 });
    // The log review names the file the youth went out in.
    expect(ACTION_LABELS[logged[0]!.action]).toBe("Exporterades (SCB)");
    expect(describeBasis(logged[0]!)).toBe(`Registeransvar (KAA), SCB-export ${first.id}`);
  });

  it("a past export downloads again byte for byte, and each download is logged per youth", async () => {
    const [latest] = scbHistory(register());
    const before = exportRows(latest!.id).length;
    const file = storedDataFile(register(), String(latest!.id));
    expect(file.sha256).toBe(latest!.sha256);
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(file.bytes).digest("hex")).toBe(latest!.sha256);
    expect(Buffer.from(file.bytes).toString("latin1")).toMatch(/^1;\d{4};\d{12};\d{8};2;2\r\n/);
    expect(exportRows(latest!.id).length).toBe(before + 2);
    const workbook = await storedWorkbook(register(), String(latest!.id));
    expect(Buffer.from(workbook.bytes).subarray(0, 2).toString()).toBe("PK");
    expect(exportRows(latest!.id).length).toBe(before + 4);
  });

  it("another municipality's export is the same 404 as a missing one, and the history never shows it", () => {
    const theirs = createScbExport(scbRegister(other.actors.coordinator), period, { acceptExceptions: true });
    if (!theirs.ok) throw new Error("refused");
    for (const id of [String(theirs.id), "999999", "x1"]) expect(() => storedDataFile(register(), id)).toThrow(expect.objectContaining({ status: 404 }));
    expect(scbHistory(register()).map((h) => h.id)).not.toContain(theirs.id);
  });

  it("a stored export can be neither changed nor removed", () => {
    const [latest] = scbHistory(register());
    expect(() => getDb().update(scbExports).set({ youthCount: 0 }).where(eq(scbExports.id, latest!.id)).run()).toThrow(/kan inte ändras/);
    expect(() => getDb().delete(scbExports).where(eq(scbExports.id, latest!.id)).run()).toThrow(/kan inte tas bort/);
  });
});

describe("the SCB page's routes", () => {
  const call = { params: {}, context: {} };
  it("bad input is a 400 with a Swedish message and writes nothing", async () => {
    const as = await signedIn(world.actors.coordinator);
    const before = scbHistory(register()).length;
    const cases: [Record<string, string>, string][] = [
      [{ period: "tertial-2026-1" }, "Välj ett halvår: SCB tar emot registret per halvår."],
      [{ period: "halvar-2026-3" }, "Halvåret måste vara 1 eller 2."],
      [{ period: period.value, godkann: "ja" }, "Kryssa i rutan för att godkänna undantagsrapporten, eller lämna den tom."],
      [{}, "Välj ett halvår."],
    ];
    for (const [fields, message] of cases) {
      const response = (await scbAction({ ...call, request: as.post("/uppfoljning/scb?index", fields) })) as Response;
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toBe(message);
    }
    expect(await statusOf(() => scbLoader({ ...call, request: as.get("/uppfoljning/scb?period=ar-2026") }))).toBe(400);
    expect(scbHistory(register()).length).toBe(before);
  });

  it("a good post makes the file and sends the samordnare to it; the file route serves the same bytes", async () => {
    const as = await signedIn(world.actors.coordinator);
    const response = (await scbAction({ ...call, request: as.post("/uppfoljning/scb?index", { period: period.value }) })) as Response;
    expect(response.status).toBe(302);
    const id = new URL(response.headers.get("Location")!, "http://localhost").searchParams.get("export")!;
    const file = (await dataFileLoader({ ...call, params: { exportId: id }, request: as.get(`/uppfoljning/scb/${id}.txt`) })) as Response;
    expect(file.headers.get("Content-Disposition")).toMatch(/^attachment; filename="kaa-\d{4}-halvar-\d{4}-[12]-v2026-1\.txt"$/);
    expect(file.headers.get("X-Checksum-Sha256")).toBe(scbHistory(register())[0]!.sha256);
  });

  it("a caseworker gets 403 on the page and the files", async () => {
    const as = await signedIn(world.actors.caseworker);
    expect(await statusOf(() => scbLoader({ ...call, request: as.get("/uppfoljning/scb") }))).toBe(403);
    expect(await statusOf(() => dataFileLoader({ ...call, params: { exportId: "1" }, request: as.get("/uppfoljning/scb/1.txt") }))).toBe(403);
  });
});
