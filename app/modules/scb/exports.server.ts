/**
 * The SCB half-year export: the checks before download, the file, its history and its logging. Only the
 * samordnare of the KAA unit that keeps the register makes and fetches these files (mayReconcile: the same
 * samordnare-only work on the whole register as the target-group reconciliation). A file is made only when the
 * checks find no error, or when the samordnare accepts an exceptions report that is stored with it. The history
 * row, the file's bytes and one access-log row per youth are written in one transaction; every later download of
 * a stored file is logged per youth again (ADR 0021).
 */
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { memberships, scbExports, users } from "#db/schema";
import { todayIso } from "~/lib/dates";
import { forbidden, notFound } from "~/lib/http";
import { openRegister, type RegisterAccess } from "~/modules/access/gate.server";
import { mayReconcile } from "~/modules/access/policy";
import type { Actor } from "~/modules/auth/actor.server";
import { parsePeriod, PeriodError, previousPeriod, scbHalfYearOf, type Period } from "~/modules/statistics/periods";
import { buildBlocks } from "./blocks";
import { blockingFailures, runChecks, type ScbFailure } from "./checks";
import { dataFile, dataFileName, readDataFile, sha256 } from "./data-file";
import { CURRENT_VERSION, SCB_BLOCKS, scbVersion, type ScbBlock, type ScbMapping } from "./mapping";
import { loadScbWorld, municipalityCodeOf } from "./world.server";
import { scbWorkbook } from "./xlsx.server";

/** Does the actor make the SCB files (the follow-up page links to them only then)? */
export const mayExportToScb = (actor: Actor) => mayReconcile(actor);

/** The samordnare's register, or 403 for anyone else (the pages and the files alike). */
export function scbRegister(actor: Actor): RegisterAccess {
  if (!mayExportToScb(actor)) throw forbidden();
  return openRegister(actor);
}

/** The half-years offered: the last one that has ended first (the one due at SCB), back three years, and the current one. */
export function scbPeriodChoices(today = todayIso()): Period[] {
  const current = scbHalfYearOf(today);
  const out = [current];
  for (let i = 0; i < 6; i++) out.push(previousPeriod(out.at(-1)!));
  return out;
}

/** The half-year asked for (`period=halvar-2026-1`), by default the last one that has ended. */
export function parseScbPeriod(params: URLSearchParams, today = todayIso()): Period {
  if (!params.get("period")) return scbPeriodChoices(today)[1]!;
  const period = parsePeriod(params, today, { allowInterval: false });
  if (period.kind !== "halvar") throw new PeriodError("Välj ett halvår: SCB tar emot registret per halvår.");
  return period;
}

type Computed = {
  mapping: ScbMapping;
  municipalityCode: string;
  youthIds: string[];
  rowCounts: Record<ScbBlock, number>;
  failures: ScbFailure[];
  bytes: Buffer;
};

function compute(register: RegisterAccess, period: Period, today: Date): Computed {
  const mapping = CURRENT_VERSION;
  const world = loadScbWorld(register, period);
  const rows = buildBlocks(world, mapping);
  const rowCounts = Object.fromEntries(SCB_BLOCKS.map((b) => [b, rows.filter((r) => r.block === b).length])) as Record<ScbBlock, number>;
  return {
    mapping,
    municipalityCode: world.municipalityCode,
    youthIds: world.youths.map((y) => y.id),
    rowCounts,
    failures: runChecks(world, rows, mapping, today),
    bytes: dataFile(rows, mapping),
  };
}

/**
 * The checks of a half-year, as the page shows them: the counts, every failure and the checksum the file would
 * have. The youths the failures name are shown by name, and logged as listed.
 */
export function scbCheck(register: RegisterAccess, period: Period, today = new Date()) {
  const c = compute(register, period, today);
  register.logListed(
    c.failures.map((f) => f.youthId),
    "enrollment",
  );
  return {
    youthCount: c.youthIds.length,
    rowCounts: c.rowCounts,
    failures: c.failures,
    errorCount: blockingFailures(c.failures).length,
    sha256: sha256(c.bytes),
  };
}

export type CreateResult = { ok: true; id: number; sha256: string } | { ok: false; status: 400 | 409; errorCount: number; message: string };

/**
 * Makes the file of the half-year and keeps it in the history. Only once the half-year is over: until then its
 * planned åtgärder would be reported as begun. Refused while the checks find errors, unless the samordnare accepts
 * an exceptions report, and then only the one that was shown: `acceptedChecksum` is the checksum the page showed,
 * so a file whose data changed after the check (and perhaps has other errors) is not made on that acceptance.
 */
export function createScbExport(
  register: RegisterAccess,
  period: Period,
  options: { acceptExceptions: boolean; acceptedChecksum?: string },
  today = new Date(),
): CreateResult {
  if (period.to >= todayIso(today)) {
    return { ok: false, status: 400, errorCount: 0, message: `Halvåret är inte slut. Filen kan skapas från och med dagen efter ${period.to}.` };
  }
  const c = compute(register, period, today);
  const errors = blockingFailures(c.failures);
  if (errors.length > 0 && !options.acceptExceptions) {
    return {
      ok: false,
      status: 400,
      errorCount: errors.length,
      message: `Filen skapades inte: kontrollerna hittade ${errors.length} fel. Rätta dem, eller kryssa i att du godkänner en undantagsrapport.`,
    };
  }
  if (errors.length > 0 && options.acceptedChecksum !== sha256(c.bytes)) {
    return {
      ok: false,
      status: 409,
      errorCount: errors.length,
      message: `Filen skapades inte: uppgifterna har ändrats sedan kontrollen du godkände. Läs kontrollen igen (nu ${errors.length} fel) och godkänn den på nytt.`,
    };
  }
  const checksum = sha256(c.bytes);
  const report = c.failures.map(({ rule, severity, youthId, message }) => ({ rule, severity, youthId, message }));
  const id = getDb().transaction((tx) => {
    const row = tx
      .insert(scbExports)
      .values({
        municipalityId: register.municipalityId,
        period: period.value,
        periodFrom: period.from,
        periodTo: period.to,
        mappingVersion: c.mapping.id,
        createdByMembershipId: register.actor.membershipId,
        youthCount: c.youthIds.length,
        sha256: checksum,
        withExceptions: errors.length > 0,
        exceptionsReport: JSON.stringify(report),
        youthIds: JSON.stringify(c.youthIds),
        dataFile: c.bytes,
      })
      .returning({ id: scbExports.id })
      .get();
    register.logExported(c.youthIds, String(row.id), tx);
    return row.id;
  });
  return { ok: true, id, sha256: checksum };
}

/** The municipality's past exports, newest first (without their files). */
export function scbHistory(register: RegisterAccess) {
  return getDb()
    .select({
      id: scbExports.id,
      period: scbExports.period,
      periodFrom: scbExports.periodFrom,
      periodTo: scbExports.periodTo,
      mappingVersion: scbExports.mappingVersion,
      createdAt: scbExports.createdAt,
      createdBy: users.displayName,
      youthCount: scbExports.youthCount,
      sha256: scbExports.sha256,
      withExceptions: scbExports.withExceptions,
      exceptionsReport: scbExports.exceptionsReport,
    })
    .from(scbExports)
    .innerJoin(memberships, eq(memberships.id, scbExports.createdByMembershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(scbExports.municipalityId, register.municipalityId))
    .orderBy(desc(scbExports.createdAt), desc(scbExports.id))
    .all()
    .map(({ exceptionsReport, ...row }) => {
      const report = JSON.parse(exceptionsReport) as Pick<ScbFailure, "rule" | "severity" | "youthId" | "message">[];
      // The page shows how many errors were accepted; the report itself stays with the export.
      return { ...row, acceptedErrors: report.filter((f) => f.severity === "error").length };
    });
}

/**
 * A stored export of the samordnare's municipality (another's is the same 404 as a missing one), logged per
 * youth in the file: downloading it again hands out the same personnummer again.
 */
function storedExport(register: RegisterAccess, rawId: string) {
  const id = /^\d{1,9}$/.test(rawId) ? Number(rawId) : NaN;
  if (!Number.isSafeInteger(id)) throw notFound();
  const row = getDb()
    .select()
    .from(scbExports)
    .where(and(eq(scbExports.id, id), eq(scbExports.municipalityId, register.municipalityId)))
    .get();
  if (!row) throw notFound();
  getDb().transaction((tx) => register.logExported(JSON.parse(row.youthIds) as string[], String(row.id), tx));
  return { row, mapping: scbVersion(row.mappingVersion), code: municipalityCodeOf(register) };
}

/** The data file exactly as it was made (the checksum header lets the receiver check it). */
export function storedDataFile(register: RegisterAccess, rawId: string) {
  const { row, mapping, code } = storedExport(register, rawId);
  const charset = mapping?.encoding === "utf8" ? "utf-8" : "iso-8859-1";
  return {
    bytes: new Uint8Array(row.dataFile),
    name: dataFileName(code, row.period, { id: row.mappingVersion }, "txt"),
    contentType: `text/plain; charset=${charset}`,
    sha256: row.sha256,
  };
}

/** The workbook of a stored export, read back from its data file by the version that wrote it. */
export async function storedWorkbook(register: RegisterAccess, rawId: string) {
  const { row, mapping, code } = storedExport(register, rawId);
  if (!mapping) throw new Response(`Mappningsversionen ${row.mappingVersion} finns inte längre i portalen; hämta datafilen i stället.`, { status: 410 });
  const bytes = await scbWorkbook(readDataFile(row.dataFile, mapping), mapping, [
    ["Export", String(row.id)],
    ["Kommun", code],
    ["Period", `${row.periodFrom}–${row.periodTo}`],
    ["Skapad", row.createdAt],
    ["Antal ungdomar", String(row.youthCount)],
    ["SHA-256 för datafilen", row.sha256],
    ["Med undantag", row.withExceptions ? "Ja, en undantagsrapport godkändes" : "Nej"],
  ]);
  return { bytes: new Uint8Array(bytes), name: dataFileName(code, row.period, mapping, "xlsx") };
}
