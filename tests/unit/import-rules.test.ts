// The architecture rules in eslint.config.js bite: code snippets linted as if they were files at
// the given (made-up) paths. The rules themselves are explained in eslint.config.js.
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "#db/schema";

const RULE = "no-restricted-imports";
const YOUTH_DATA = "Sekretess: the youth-data tables of db/schema may be imported only in the access kernel";
const ROUTES = "Routes must not use the database";
const BROWSER = "Code that can reach the browser (every file under app/ without .server. in its name) must not import the database";

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

/** The import-rule messages for `code` linted as the file `filePath`. */
async function importProblems(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe("architecture rules in the lint", () => {
  it.each([
    ["a route importing getDb", "app/routes/ungdomar._index.tsx", `import { getDb } from "#db/client";\nexport const x = getDb;`, ROUTES],
    ["a route importing a youth-data table", "app/routes/ungdomar._index.tsx", `import { youths } from "#db/schema";\nexport const x = youths;`, ROUTES],
    ["a route importing a table file", "app/routes/inkorg._index.tsx", `import { notices } from "#db/schema/notices";\nexport const x = notices;`, ROUTES],
    ["a route importing drizzle", "app/routes/inkorg._index.tsx", `import { eq } from "drizzle-orm";\nexport const x = eq;`, ROUTES],
    ["a component importing a value of the schema", "app/components/role-picker.tsx", `import { ROLES } from "#db/schema";\nexport const x = ROLES;`, BROWSER],
    ["a browser module importing better-sqlite3", "app/lib/dates.ts", `import Database from "better-sqlite3";\nexport const x = Database;`, BROWSER],
    [
      "a server file outside the youth-data modules importing a youth-data table",
      "app/modules/organizations/x.server.ts",
      `import { enrollments } from "#db/schema";\nexport const x = enrollments;`,
      YOUTH_DATA,
    ],
    [
      "a server file outside the youth-data modules importing from a table file",
      "app/modules/notifications/x.server.ts",
      `import { auditEvents } from "#db/schema/audit";\nexport const x = auditEvents;`,
      YOUTH_DATA,
    ],
  ])("fails: %s", async (_name, filePath, code, message) => {
    const problems = await importProblems(filePath, code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it.each([
    ["a type-only import of the schema in a component", "app/components/role-picker.tsx", `import type { Role } from "#db/schema";\nexport type X = Role;`],
    ["a type-only import of the schema in a route", "app/routes/start.tsx", `import { type Role } from "#db/schema";\nexport type X = Role;`],
    [
      "a value list in a browser file",
      "app/components/status.tsx",
      `import { ENROLLMENT_STATUSES } from "#db/schema/outreach-values";\nexport const x = ENROLLMENT_STATUSES;`,
    ],
    [
      "a youth-data table in a domain module's server file",
      "app/modules/outreach/x.server.ts",
      `import { enrollments } from "#db/schema";\nexport const x = enrollments;`,
    ],
    [
      "a youth-data table in the access kernel",
      "app/modules/access/x.server.ts",
      `import { youths, auditEvents } from "#db/schema";\nexport const x = [youths, auditEvents];`,
    ],
    [
      "a table without youth data in another server file",
      "app/modules/organizations/x.server.ts",
      `import { users } from "#db/schema";\nexport const x = users;`,
    ],
  ])("passes: %s", async (_name, filePath, code) => {
    expect(await importProblems(filePath, code)).toEqual([]);
  });

  it("names every table of db/schema that holds a youth_id, and only tables that exist", async () => {
    const config = await eslint.calculateConfigForFile("app/modules/organizations/x.server.ts");
    const [, options] = config.rules[RULE];
    const listed: string[] = options.patterns.flatMap((pattern: { importNames?: string[] }) => pattern.importNames ?? []);
    const tables = Object.entries(schema).filter(([, value]) => value instanceof SQLiteTable) as [string, SQLiteTable][];
    const withYouthId = tables.filter(([, table]) => getTableConfig(table).columns.some((column) => column.name === "youth_id")).map(([name]) => name);
    expect(withYouthId.length).toBeGreaterThan(0);
    expect(withYouthId.filter((name) => !listed.includes(name))).toEqual([]);
    const tableNames = new Set(tables.map(([name]) => name));
    expect(listed.filter((name) => !tableNames.has(name))).toEqual([]);
    expect(listed).toContain("youths");
  });
});

describe("only the kernel mints capabilities", () => {
  const mint = `import { mintYouthFile } from "~/modules/access/handles.server";\nexport const x = mintYouthFile;`;
  const problems = async (filePath: string) => {
    const [result] = await eslint.lintText(mint, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
  };

  it.each(["app/routes/ungdomar._index.tsx", "app/modules/outreach/x.server.ts", "tests/integration/x.test.ts"])("fails in %s", async (filePath) => {
    expect(await problems(filePath)).toEqual([expect.stringContaining("only the kernel's gate")]);
  });

  it("passes in the kernel's gate", async () => {
    expect(await problems("app/modules/access/gate.server.ts")).toEqual([]);
  });
});
