// Migration 0034's honest defaults (issue 15): rows written before the SCB variables existed get
// "Uppgift saknas" where nothing was recorded, and only what was recorded where it was. The database is
// migrated up to 0033, given old-style rows, then migrated to the end, as a municipality's would be.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";

const MIGRATIONS = path.resolve("db/migrations");
const dir = path.resolve("tmp/vitest", `scb-migration-${crypto.randomBytes(4).toString("hex")}`);

/** A copy of the migrations folder that ends with `lastTag`: the database as it was before the SCB variables. */
function migrationsUpTo(lastTag: string) {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta/_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  expect(last).toBeGreaterThan(0);
  const folder = path.join(dir, "migrations");
  fs.mkdirSync(path.join(folder, "meta"), { recursive: true });
  const entries = journal.entries.slice(0, last + 1);
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  fs.writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  return folder;
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("migration 0034 on a register with history", () => {
  it("gives old enrollments Uppgift saknas, ended insatser only the occupation their end reason records, and maps only SCB's own examples", () => {
    fs.mkdirSync(dir, { recursive: true });
    const sqlite = new Database(path.join(dir, "old.db"));
    // Rows as an older portal wrote them; the organisations and users behind them are beside the point.
    sqlite.pragma("foreign_keys = OFF");
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: migrationsUpTo("0033_all_municipalities") });

    const municipalityId = (sqlite.prepare("SELECT id FROM municipalities WHERE code = ?").get("0682") as { id: number }).id;
    sqlite
      .prepare(
        `INSERT INTO youths (id, home_municipality_id, personal_number, is_coordination_number, birth_date, first_name, last_name, name_search, name_sort)
         VALUES (?, ?, '200801011234', 0, '2008-01-01', 'Gammal', 'Rad', 'gammal rad', 'rad gammal')`,
      )
      .run("y".repeat(16), municipalityId);
    const enrollment = sqlite
      .prepare(
        "INSERT INTO enrollments (youth_id, municipality_id, start_date, start_reason, created_by_membership_id) VALUES (?, ?, '2025-02-01', 'notice_dropout', 1)",
      )
      .run("y".repeat(16), municipalityId).lastInsertRowid;
    const type = (name: string, position: number) =>
      Number(
        sqlite.prepare("INSERT INTO intervention_types (municipality_id, name, position) VALUES (?, ?, ?)").run(municipalityId, name, position).lastInsertRowid,
      );
    const guidance = type("Studie- och yrkesvägledning", 1);
    const introduction = type("Studier på introduktionsprogram", 2);
    const practice = type("Praktik", 3);
    const intervention = (typeId: number, end: { endDate: string; endReason: string } | null, declined = false) =>
      Number(
        sqlite
          .prepare(
            `INSERT INTO interventions (enrollment_id, youth_id, municipality_id, type_id, responsible_party, start_date, planned_end_date,
               end_date, end_reason, declined_date, created_by_membership_id, updated_by_membership_id)
             VALUES (?, ?, ?, ?, 'youth', '2025-03-01', '2025-09-01', ?, ?, ?, 1, 1)`,
          )
          .run(enrollment, "y".repeat(16), municipalityId, typeId, end?.endDate ?? null, end?.endReason ?? null, declined ? "2025-03-01" : null)
          .lastInsertRowid,
      );
    const studies = intervention(guidance, { endDate: "2025-06-01", endReason: "started_studies" });
    const work = intervention(practice, { endDate: "2025-06-01", endReason: "got_work" });
    const completed = intervention(practice, { endDate: "2025-06-01", endReason: "completed" });
    const running = intervention(introduction, null);
    const declined = intervention(practice, null, true);

    migrate(db, { migrationsFolder: MIGRATIONS });

    expect(sqlite.prepare("SELECT registration_reason, last_school_occupation FROM enrollments WHERE id = ?").get(enrollment)).toEqual({
      registration_reason: "unknown",
      last_school_occupation: "unknown",
    });
    const after = (id: number) =>
      (sqlite.prepare("SELECT occupation_after FROM interventions WHERE id = ?").get(id) as { occupation_after: string | null }).occupation_after;
    expect([after(studies), after(work), after(completed), after(running), after(declined)]).toEqual(["studies", "work", "unknown", null, null]);
    const scbType = (id: number) => (sqlite.prepare("SELECT scb_type FROM intervention_types WHERE id = ?").get(id) as { scb_type: string | null }).scb_type;
    expect([scbType(guidance), scbType(introduction), scbType(practice)]).toEqual(["guidance", "introduction_programme", null]);
    sqlite.close();
  });
});
