// Every test file gets a fresh SQLite file of its own (migrated on first use), never a mock.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { closeDb } from "#db/client";
import { resetConfigForTests } from "~/config.server";

const dir = path.resolve("tmp/vitest");
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `worker-${process.env.VITEST_POOL_ID ?? "0"}-${crypto.randomBytes(4).toString("hex")}.db`);
process.env.DATABASE_PATH = file;
process.env.PORTAL_MODE = "test";
resetConfigForTests();

afterAll(() => {
  closeDb();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
