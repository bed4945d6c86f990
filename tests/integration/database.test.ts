import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { assertPragmas, getDb, PREPARED_STATEMENT_CACHE } from "#db/client";

describe("the database connection", () => {
  it("runs with WAL, synchronous=FULL, foreign keys and a busy timeout", () => {
    const sqlite = getDb().$client;
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(Number(sqlite.pragma("busy_timeout", { simple: true }))).toBeGreaterThan(0);
  });

  it("refuses a connection without the required settings", () => {
    const file = path.resolve("tmp/vitest/pragmas-off.db");
    fs.rmSync(file, { force: true });
    const sqlite = new Database(file);
    sqlite.pragma("synchronous = NORMAL");
    expect(() => assertPragmas(sqlite)).toThrow(/journal_mode=delete \(krävs wal\).*synchronous=1 \(krävs 2\)/);
    sqlite.close();
    fs.rmSync(file, { force: true });
  });

  it("reuses prepared statements by their SQL, handing each back in object row mode, and keeps a bounded number", () => {
    const sqlite = getDb().$client;
    const first = sqlite.prepare("SELECT 1 AS one");
    expect(sqlite.prepare("SELECT 1 AS one")).toBe(first);
    // Drizzle switches a statement to raw mode for its own mapping; the next caller gets objects again.
    expect(first.raw().get()).toEqual([1]);
    expect(sqlite.prepare("SELECT 1 AS one").get()).toEqual({ one: 1 });
    for (let i = 0; i < PREPARED_STATEMENT_CACHE; i++) sqlite.prepare(`SELECT ${i} AS n`);
    expect(sqlite.prepare("SELECT 1 AS one")).not.toBe(first);
  });

  it("enforces foreign keys", () => {
    const sqlite = getDb().$client;
    expect(() => sqlite.prepare("INSERT INTO memberships (user_id, organisation_id, role) VALUES (999999, NULL, 'system_admin')").run()).toThrow(/FOREIGN KEY/);
  });
});
