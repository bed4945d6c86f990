import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client";
import { auditEvents, schoolLists } from "#db/schema";
import { appendSchoolListRows } from "~/modules/reconciliation/school-list-store.server";
import { listSchoolLists, readSchoolList, SCHOOL_LIST_BATCH, storedRowCount, uploadSchoolList } from "~/modules/reconciliation/school-lists.server";
import { makePersonalNumber } from "~/modules/youth/personal-number";
import { createActor, createMunicipality, createOrganisation, createWorld } from "../factories/world";

// The real writer, counted: the 30 000-row file must reach it in batches, not in one call.
vi.mock("~/modules/reconciliation/school-list-store.server", async (importOriginal) => {
  const original = await importOriginal<typeof import("~/modules/reconciliation/school-list-store.server")>();
  return { ...original, appendSchoolListRows: vi.fn(original.appendSchoolListRows) };
});

const HEADER = "Personnummer;Skolenhetskod;Skolform;Programkod;Startdatum;Slutdatum;Utfall";
let world: Awaited<ReturnType<typeof createWorld>>;
let otherSchool: Awaited<ReturnType<typeof createActor>>;

/** `count` distinct right rows; personnummer from 100 birth dates × up to 900 serials. */
function csv(count: number, offset = 0) {
  const lines = [HEADER];
  for (let i = offset; i < offset + count; i++) {
    const day = new Date(Date.UTC(2008, 0, 1 + (i % 100))).toISOString().slice(0, 10);
    lines.push(`${makePersonalNumber(day, 10 + Math.floor(i / 100))};12345678;GY;NA;2024-08-19;;`);
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

const upload = (actor = world.actors.school, text = csv(3), kind: "gymnasium" | "year9" = "gymnasium", target = String(actor.organisationId)) =>
  uploadSchoolList(actor, { kind, target, fileName: "elever.csv", text });

function listsOf(organisationId: number) {
  return getDb().select().from(schoolLists).where(eq(schoolLists.organisationId, organisationId)).orderBy(schoolLists.id).all();
}

async function status(fn: () => unknown): Promise<number> {
  try {
    fn();
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
  return 200;
}

beforeAll(async () => {
  world = await createWorld();
  otherSchool = await createActor("school_staff", createOrganisation("school", world.municipality.id));
});

describe("school lists from CSV", () => {
  it("stores a right file, and a newer list of the same kind supersedes it", () => {
    const first = upload();
    expect(first).toMatchObject({ ok: true, rowCount: 3 });
    const second = upload(world.actors.school, csv(5, 10));
    expect(second).toMatchObject({ ok: true, rowCount: 5 });
    const lists = listsOf(world.orgs.school.id);
    expect(lists.map((l) => [l.rowCount, l.supersededAt !== null, l.source, l.fileName])).toEqual([
      [3, true, "csv", "elever.csv"],
      [5, false, "csv", "elever.csv"],
    ]);
    // A year-9 list does not supersede the gymnasium list.
    expect(
      uploadSchoolList(world.actors.school, {
        kind: "year9",
        target: String(world.orgs.school.id),
        fileName: "ak9.csv",
        text: `${HEADER}\n${makePersonalNumber("2010-02-02", 11)};12345678;GR;;;2026-06-12;studiebevis\n`,
      }).ok,
    ).toBe(true);
    expect(listsOf(world.orgs.school.id).filter((l) => l.supersededAt === null)).toHaveLength(2);
  });

  it("stores nothing from a file with an error, and reports the row", () => {
    const before = listsOf(world.orgs.school.id).length;
    const text = `${csv(3)}19990101-0000;1234;GY;NA;2024-08-19;;\r\n`;
    const result = upload(world.actors.school, text);
    expect(result.ok).toBe(false);
    const report = "report" in result ? result.report : null;
    expect(report).toMatchObject({ total: 4, errorCount: 1, allRowsShown: true });
    expect(report?.rows.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(report?.rows[3]).toMatchObject({ line: 5, errors: expect.arrayContaining([expect.objectContaining({ field: "Skolenhetskod" })]) });
    expect(listsOf(world.orgs.school.id)).toHaveLength(before);
    expect(upload(world.actors.school, "Personnummer;Skolform\n")).toMatchObject({ ok: false, error: expect.stringMatching(/saknas i rubrikraden/) });
  });

  it("stores a 30 000-row file in batches", () => {
    vi.mocked(appendSchoolListRows).mockClear();
    const result = upload(otherSchool, csv(30_000));
    expect(result).toMatchObject({ ok: true, rowCount: 30_000 });
    const calls = vi.mocked(appendSchoolListRows).mock.calls;
    expect(calls).toHaveLength(Math.ceil(30_000 / SCHOOL_LIST_BATCH));
    expect(calls.every(([, rows]) => rows.length <= SCHOOL_LIST_BATCH)).toBe(true);
    expect(storedRowCount((result as { listId: number }).listId)).toBe(30_000);
  });

  it("shows a list's rows only to its own organisation, and logs each showing", async () => {
    const own = listsOf(world.orgs.school.id).at(-1)!;
    const read = readSchoolList(world.actors.school, own.id, 1);
    expect(read.rows[0]?.personalNumber).toMatch(/^\d{8}-\d{4}$/);
    const logged = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.section, "school_lists"), eq(auditEvents.userId, world.actors.school.userId)))
      .orderBy(desc(auditEvents.id))
      .get();
    expect(logged).toMatchObject({ action: "read", outcome: "allowed", basis: "school_list_owner", basisRef: String(own.id), youthId: null });

    expect(await status(() => readSchoolList(otherSchool, own.id, 1))).toBe(404);
    expect(await status(() => readSchoolList(world.actors.coordinator, own.id, 1))).toBe(404);
    expect(await status(() => readSchoolList(world.actors.school, 999_999, 1))).toBe(404);
    expect(await status(() => readSchoolList(world.actors.caseworker, own.id, 1))).toBe(403);
    expect(await status(() => listSchoolLists(world.actors.social))).toBe(403);
    // The other school's index does not name this school's lists.
    expect(listSchoolLists(otherSchool).own.every((l) => l.organisationId === otherSchool.organisationId)).toBe(true);
  });

  it("lets the samordnare upload for a school of the municipality or the unit's own year-9 list, and shows schools' lists as metadata", async () => {
    const coordinator = world.actors.coordinator;
    expect(upload(coordinator, csv(2, 500), "gymnasium", String(world.orgs.school.id))).toMatchObject({ ok: true });
    const onBehalf = listsOf(world.orgs.school.id).at(-1)!;
    expect(onBehalf.uploadedByMembershipId).toBe(coordinator.membershipId);
    // A school of another municipality, or a gymnasium list of the unit itself: refused, nothing stored.
    const elsewhere = createOrganisation("school", createMunicipality().id);
    expect(upload(coordinator, csv(2), "gymnasium", String(elsewhere.id))).toMatchObject({ ok: false, error: expect.any(String) });
    expect(upload(coordinator, csv(2), "gymnasium", "egen")).toMatchObject({ ok: false, error: expect.any(String) });
    expect(listsOf(elsewhere.id)).toHaveLength(0);
    const year9 = `${HEADER}\n${makePersonalNumber("2010-02-02", 12)};12345678;GRS;;;2026-06-12;\n`;
    expect(upload(coordinator, year9, "year9", "egen")).toMatchObject({ ok: true, rowCount: 1 });

    const index = listSchoolLists(coordinator);
    expect(index.own.map((l) => l.kind)).toEqual(["year9"]);
    expect(readSchoolList(coordinator, index.own[0]!.id, 1).rows).toHaveLength(1);
    expect(index.schools.map((l) => l.organisationId)).toContain(world.orgs.school.id);
    expect(Object.keys(index.schools[0]!)).not.toContain("rows");
    // The caseworker uploads nothing.
    expect(await status(() => upload(world.actors.caseworker, csv(1), "year9", "egen"))).toBe(403);
  });
});
