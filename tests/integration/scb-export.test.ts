// The SCB half-year export on a real database: refused while the checks find errors, made once the records are
// fixed, the same bytes every time, kept in the history and logged one row per youth in the same transaction.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { auditEvents, enrollments, interventions, interventionTypes, scbExports } from "#db/schema";
import { addDays, todayIso } from "~/lib/dates";
import { ACTION_LABELS, describeBasis } from "~/modules/access/audit-labels";
import { createScbExport, scbCheck, scbHistory, scbRegister, storedDataFile, storedWorkbook } from "~/modules/scb/exports.server";
import { scbHalfYearOf } from "~/modules/statistics/periods";
import { enrolledYouth } from "../factories/enrollment";
import { createWorld } from "../factories/world";

let world: Awaited<ReturnType<typeof createWorld>>;
let other: Awaited<ReturnType<typeof createWorld>>;
const today = todayIso();
// The half-year today falls in: the factories' enrollments start some days before today.
const period = scbHalfYearOf(today);
const youths: string[] = [];
let typeId: number;

beforeAll(async () => {
  world = await createWorld();
  other = await createWorld();
  const db = getDb();
  for (const daysAgo of [20, 30]) youths.push(enrolledYouth(world.actors.caseworker, { daysAgo }).youthId);
  // Records from before the SCB variables: the honest default "uppgift saknas" (whatever the factories fill in).
  for (const youthId of youths)
    db.update(enrollments).set({ registrationReason: "unknown", lastSchoolOccupation: "unknown" }).where(eq(enrollments.youthId, youthId)).run();
  // Another municipality's youth is never in this register's file.
  enrolledYouth(other.actors.caseworker, { daysAgo: 20 });
  typeId = db.insert(interventionTypes).values({ municipalityId: world.municipality.id, name: "Coachning", position: 1 }).returning().get().id;
  const enrollment = db.select().from(enrollments).where(eq(enrollments.youthId, youths[0]!)).get()!;
  db.insert(interventions)
    .values({
      enrollmentId: enrollment.id,
      youthId: youths[0]!,
      municipalityId: world.municipality.id,
      typeId,
      responsibleParty: "municipality",
      startDate: addDays(today, -10),
      plannedEndDate: addDays(today, 30),
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
    expect(createScbExport(register(), period, { acceptExceptions: false })).toEqual({ ok: false, errorCount: 5 });
    expect(getDb().select().from(scbExports).where(eq(scbExports.municipalityId, world.municipality.id)).all()).toEqual([]);
  });

  it("with an accepted exceptions report it makes the file and stores the report with it", () => {
    const made = createScbExport(register(), period, { acceptExceptions: true });
    expect(made.ok).toBe(true);
    const [row] = scbHistory(register());
    expect(row).toMatchObject({ withExceptions: true, youthCount: 2, mappingVersion: "2026-1", period: period.value });
    expect(row!.exceptions.filter((e) => e.severity === "error")).toHaveLength(5);
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
