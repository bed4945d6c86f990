import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { config } from "../app/config.server";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const REQUIRED_PRAGMAS = {
  journal_mode: "wal",
  synchronous: 2, // FULL: a committed case note survives a power cut.
  foreign_keys: 1,
} as const;
const BUSY_TIMEOUT_MS = 5000;

let statementListener: ((sql: string) => void) | undefined;

/**
 * For the query-plan test: hear every statement the connection runs, with its values filled in.
 * Takes effect on the next open; production never sets it (tracing costs a copy per statement).
 */
export function listenToStatements(listener: ((sql: string) => void) | undefined) {
  statementListener = listener;
}

/** Opens the database, sets and verifies the pragmas, and applies pending migrations. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const listener = statementListener;
  const sqlite = new Database(file, listener ? { verbose: (statement) => listener(String(statement)) } : undefined);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  assertPragmas(sqlite);
  reusePreparedStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsFolder() });
  return db as Db;
}

/** How many distinct statements stay prepared (least recently used go first). */
export const PREPARED_STATEMENT_CACHE = 1000;

/**
 * Drizzle prepares every statement again on every call; SQLite then parses and plans it each time.
 * The connection keeps the most recently used prepared statements by their SQL text instead. A
 * statement is handed back in its default (object) row mode: Drizzle switches raw mode on itself
 * where it wants arrays. better-sqlite3 is synchronous, so no two callers share one at a time.
 */
function reusePreparedStatements(sqlite: Database.Database) {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
      if (statement.reader) statement.raw(false);
    } else {
      statement = prepare(source);
      if (cache.size >= PREPARED_STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as Database.Database["prepare"];
}

/** The portal refuses to run on a database without the durability and integrity settings. */
export function assertPragmas(sqlite: Database.Database) {
  const problems: string[] = [];
  for (const [name, expected] of Object.entries(REQUIRED_PRAGMAS)) {
    const actual = sqlite.pragma(name, { simple: true });
    if (String(actual).toLowerCase() !== String(expected)) {
      problems.push(`${name}=${String(actual)} (krävs ${expected})`);
    }
  }
  const busy = Number(sqlite.pragma("busy_timeout", { simple: true }));
  if (!(busy > 0)) problems.push(`busy_timeout=${busy} (krävs > 0)`);
  if (problems.length > 0) {
    throw new Error(`Databasen saknar nödvändiga inställningar: ${problems.join(", ")}`);
  }
}

function migrationsFolder() {
  // Resolved from the project root: the server bundle lives in build/, not beside this file.
  return path.resolve(process.cwd(), "db/migrations");
}

let instance: { file: string; db: Db } | undefined;

/** The one connection of this process. */
export function getDb(): Db {
  const file = config().databasePath;
  if (instance && instance.file === file) return instance.db;
  instance?.db.$client.close();
  instance = { file, db: openDatabase(file) };
  return instance.db;
}

export function closeDb() {
  instance?.db.$client.close();
  instance = undefined;
}

/** A synchronous transaction handle (better-sqlite3: never async). */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
