// ESLint (flat config) for the whole code base, run by `npm run lint` and `npm test`.
// Besides the usual recommended rules it holds the architecture rules of the portal (see the
// README, "Architecture"): where youth data may be read, and that the database never reaches a
// route or the browser. tests/unit/import-rules.test.ts checks that these rules bite.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import { defineConfig, globalIgnores } from "eslint/config";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// ── The architecture rules ─────────────────────────────────────────────────────────────────────

/** The domain modules whose *.server.ts files may read and write youth data (besides the access kernel). */
const YOUTH_DATA_MODULES = [
  "youth",
  "notices",
  "outreach",
  "documentation",
  "consent",
  "referrals",
  "concern-reports",
  "meetings",
  "statistics",
  "reconciliation",
  // Issue 15: the SCB export and the stickprov are per youth.
  "scb",
  "internal-control",
];

/** The tables of db/schema that hold youth data: `youths`, every table with a youth_id or hanging off one, and the access log. */
export const YOUTH_DATA_TABLES = [
  // db/schema/youth.ts
  "youths",
  "guardians",
  "youthRevisions",
  "youthMaturityDecisions",
  // db/schema/notices.ts
  "notices",
  // db/schema/outreach.ts
  "enrollments",
  "contactAttempts",
  // db/schema/plan.ts
  "assessments",
  "plans",
  "interventions",
  "interventionFollowUps",
  "youthEvaluations",
  "enrollmentDocumentation",
  "documentationRevisions",
  // db/schema/consent.ts
  "consents",
  "consentRecipients",
  "consentSections",
  "consentRequests",
  "consentRequestRecipients",
  "consentRequestSections",
  "referrals",
  "referralSections",
  "referralFeedback",
  "concernReports",
  // db/schema/meetings.ts
  "agendaItems",
  // db/schema/audit.ts
  "auditEvents",
  // db/schema/reconciliation-inputs.ts and reconciliation.ts: people by personnummer from outside
  "populationSnapshotPeople",
  "schoolListRows",
  "schoolAbsenceReports",
  "reconciliationProposals",
  // db/schema/internal-control.ts: the drawn cases name youths
  "internalControlSampleCases",
  // db/schema/scb.ts: the stored SCB files hold every included youth's personnummer
  "scbExports",
];

// Import paths, as aliases (tsconfig "paths": #db/* → db/*) or relative (../../db/…). The
// db/schema/*-values files are plain value lists without drizzle and may be imported anywhere.
const DB = String.raw`(?:#db|(?:\.\./)+db)`;
const SCHEMA = String.raw`^${DB}/schema(?:/(?![^/]*-values(?:\.[jt]s)?$)[^/]+)?$`; // the barrel and every table file
const CLIENT = String.raw`^${DB}/client(?:\.[jt]s)?$`;
const DRIZZLE = String.raw`^drizzle-orm(?:/.*)?$`;
const SQLITE = String.raw`^better-sqlite3$`;

const YOUTH_DATA_RULE =
  "Sekretess: the youth-data tables of db/schema may be imported only in the access kernel (app/modules/access) " +
  `and in the *.server.ts files of the modules ${YOUTH_DATA_MODULES.join(", ")}. Call a function of one of those modules instead.`;
const ROUTE_RULE =
  "Routes must not use the database: no #db/client, drizzle-orm, better-sqlite3 or values from #db/schema in app/routes " +
  "(type-only imports and #db/schema/*-values are fine). Call a *.server.ts function of a module from the loader or action.";
const BROWSER_RULE =
  "Code that can reach the browser (every file under app/ without .server. in its name) must not import the database: " +
  "no #db/client, drizzle-orm, better-sqlite3 or values from #db/schema (type-only imports and #db/schema/*-values are fine). " +
  "Move the code into a *.server.ts file.";

/** no-restricted-imports patterns that keep the database out of a file, with the given message. */
const noDatabase = (message) => [
  { regex: SCHEMA, caseSensitive: true, allowTypeImports: true, message },
  { regex: CLIENT, caseSensitive: true, message },
  { regex: DRIZZLE, caseSensitive: true, message },
  { regex: SQLITE, caseSensitive: true, message },
];

const architecture = [
  // (b) Routes: no database at all. (Route modules are bundled for the browser too, so this also
  // covers rule (c) for them; and since no value of db/schema gets in, no youth-data table does.)
  {
    name: "architecture/routes",
    files: ["app/routes/**"],
    rules: { "no-restricted-imports": ["error", { patterns: noDatabase(ROUTE_RULE) }] },
  },
  // (c) Everything else that can reach the browser: no database. (Covers rule (a) for these files.)
  {
    name: "architecture/browser",
    files: ["app/**"],
    ignores: ["app/routes/**", "app/**/*.server.*"],
    rules: { "no-restricted-imports": ["error", { patterns: noDatabase(BROWSER_RULE) }] },
  },
  // (a) Server files outside the access kernel and the youth-data modules: no youth-data tables.
  {
    name: "architecture/server",
    files: ["app/**/*.server.*"],
    ignores: ["app/routes/**", "app/modules/access/**", `app/modules/{${YOUTH_DATA_MODULES.join(",")}}/**`],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: SCHEMA, caseSensitive: true, importNames: YOUTH_DATA_TABLES, allowTypeImports: true, message: YOUTH_DATA_RULE }] },
      ],
    },
  },
  // (e) Only the kernel mints capabilities: the mint functions of handles.server.ts stay inside
  // app/modules/access (a separate rule id, so it adds to the groups above instead of replacing them).
  {
    name: "architecture/capabilities",
    files: ["app/**", "db/**", "tests/**"],
    ignores: ["app/modules/access/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: String.raw`(^~/modules/access/|/access/)(handles|consents-loader|review-grants-loader)\.server(\.ts)?$`,
              message:
                "Sekretess: only the kernel's gate (app/modules/access/gate.server.ts) creates capabilities and reads consents and review grants for the policy. Open the youth file with openYouthFile or the register with openRegister.",
            },
          ],
        },
      ],
    },
  },
  // (d) No import cycles in the application.
  {
    name: "architecture/no-cycles",
    files: ["app/**"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.json" })],
      "import-x/extensions": [".ts", ".tsx", ".js", ".jsx"],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
];

// ── The whole configuration ────────────────────────────────────────────────────────────────────

export default defineConfig(
  globalIgnores(["build/", "public/build/", "node_modules/", "db/migrations/", "tmp/", "data/", ".cache/", "test-results/", "playwright-report/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: "node-globals",
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly" },
    },
  },
  {
    name: "react",
    files: ["app/**/*.{ts,tsx,js,jsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  { ...jsxA11y.flatConfigs.recommended, name: "jsx-a11y", files: ["app/**/*.{tsx,jsx}"] },
  {
    name: "project",
    rules: {
      // The code base marks deliberately unused names with a leading underscore (`{ secret: _secret, ...rest }`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  ...architecture,
  prettier,
);
