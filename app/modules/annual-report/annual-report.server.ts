/**
 * The annual report (årsrapport) to the nämnd: the samordnare creates one per läsår or calendar year,
 * writes the analysis per area, and fastställer it. Approval freezes the figures into the report and
 * locks it, like justerade minutes (here, and by triggers in the database). Who reads: the KAA unit
 * every report, drafts too; the styrgrupp the approved ones only; everyone else a 404.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { annualReports, memberships, users } from "#db/schema";
import { ANNUAL_REPORT_PERIOD_KINDS } from "#db/schema/annual-reports-values";
import type { FieldErrors } from "~/lib/form-fields";
import { todayIso } from "~/lib/dates";
import { forbidden, notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { followUpAudience } from "~/modules/statistics/follow-up.server";
import { parsePeriod, PeriodError, type Period } from "~/modules/statistics/periods";
import { AREA_KEYS, SUMMARY_AREA, analysisField, type AreaKey } from "./areas";
import { reportFigures } from "./report-figures.server";
import type { CreateReportInput, SaveReportInput } from "./report-schemas";
import type { AnnualReportSummary, AnnualReportView, ReportFigures } from "./report-types";

export const LOCKED_MESSAGE = "Årsrapporten är fastställd och kan inte ändras.";
export const CONFLICT_MESSAGE =
  "Någon annan har sparat rapporten sedan du öppnade den. Din text är inte sparad: kopiera den, ladda om sidan och för in dina ändringar i den nya versionen.";
export const WRITE_FORBIDDEN = "Bara samordnaren kan skriva och fastställa årsrapporten.";

/** Who reads the reports of which municipality, and whether they may write them. */
export type ReportReader = { municipalityId: number; municipalityName: string; unit: boolean; mayWrite: boolean; membershipId: number };

export function reportReader(actor: Actor): ReportReader | null {
  const audience = followUpAudience(actor);
  if (!audience) return null;
  const unit = audience.view === "unit";
  return {
    municipalityId: audience.municipalityId,
    municipalityName: actor.municipalityName ?? "",
    unit,
    mayWrite: unit && actor.role === "kaa_coordinator",
    membershipId: actor.membershipId,
  };
}

/** The reader, or the same 404 as for a page that does not exist. */
export function requireReportReader(actor: Actor): ReportReader {
  const reader = reportReader(actor);
  if (!reader) throw notFound();
  return reader;
}

export type Result = { ok: true; id: number } | { ok: false; status: 400 | 409; errors: FieldErrors };
const refused = (status: 400 | 409, errors: FieldErrors): Result => ({ ok: false, status, errors });

/** A stored period value as a Period (the values are written by createReport, so they parse). */
export function periodOf(value: string): Period {
  return parsePeriod(new URLSearchParams({ period: value }), "2000-01-01", { allowInterval: false });
}

type Row = typeof annualReports.$inferSelect;

function summaryOf(row: Row): AnnualReportSummary {
  return {
    id: row.id,
    period: row.period,
    periodLabel: periodOf(row.period).label,
    status: row.status,
    updatedAt: row.updatedAt,
    approvedAt: row.approvedAt,
  };
}

/** The reports the reader may open, newest period first. */
export function listReports(reader: ReportReader): AnnualReportSummary[] {
  const rows = getDb()
    .select()
    .from(annualReports)
    .where(
      reader.unit
        ? eq(annualReports.municipalityId, reader.municipalityId)
        : and(eq(annualReports.municipalityId, reader.municipalityId), eq(annualReports.status, "approved")),
    )
    .all();
  return rows
    .map((row) => ({ row, period: periodOf(row.period) }))
    .sort((a, b) => b.period.to.localeCompare(a.period.to) || a.period.kind.localeCompare(b.period.kind))
    .map(({ row }) => summaryOf(row));
}

/** The report's row, or a 404: another municipality's report, or a draft read from outside the KAA unit. */
function readableRow(reader: ReportReader, reportId: number): Row {
  const row = Number.isSafeInteger(reportId)
    ? getDb()
        .select()
        .from(annualReports)
        .where(and(eq(annualReports.id, reportId), eq(annualReports.municipalityId, reader.municipalityId)))
        .get()
    : undefined;
  if (!row || (!reader.unit && row.status !== "approved")) throw notFound();
  return row;
}

function assertWriter(reader: ReportReader) {
  if (!reader.mayWrite) throw forbidden(WRITE_FORBIDDEN);
}

export function createReport(reader: ReportReader, input: CreateReportInput, today = todayIso()): Result {
  assertWriter(reader);
  let period: Period;
  try {
    period = parsePeriod(new URLSearchParams({ period: input.period }), today, { allowInterval: false });
  } catch (error) {
    if (error instanceof PeriodError) return refused(400, { period: error.message });
    throw error;
  }
  if (!(ANNUAL_REPORT_PERIOD_KINDS as readonly string[]).includes(period.kind)) {
    return refused(400, { period: "Årsrapporten gäller ett läsår eller ett kalenderår. Välj ett av dem." });
  }
  if (period.from > today) return refused(400, { period: `${period.label} har inte börjat än. Välj ett läsår eller år som har börjat.` });
  const duplicate = { period: `Det finns redan en årsrapport för ${period.label.replace(/^År/, "år").replace(/^Läsåret/, "läsåret")}.` };
  const db = getDb();
  const existing = db
    .select({ id: annualReports.id })
    .from(annualReports)
    .where(and(eq(annualReports.municipalityId, reader.municipalityId), eq(annualReports.period, period.value)))
    .get();
  if (existing) return refused(400, duplicate);
  try {
    const { id } = db
      .insert(annualReports)
      .values({
        municipalityId: reader.municipalityId,
        period: period.value,
        periodKind: period.kind as (typeof ANNUAL_REPORT_PERIOD_KINDS)[number],
        createdByMembershipId: reader.membershipId,
        updatedByMembershipId: reader.membershipId,
      })
      .returning({ id: annualReports.id })
      .get();
    return { ok: true, id };
  } catch (error) {
    // Two samordnare creating the same report at once: the unique index lets one through.
    if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") return refused(400, duplicate);
    throw error;
  }
}

function analysisOf(row: Row): Record<AreaKey, string> {
  let stored: Record<string, unknown> = {};
  try {
    stored = JSON.parse(row.analysis) as Record<string, unknown>;
  } catch {
    // A broken column reads as empty texts rather than a 500; saving writes it anew.
  }
  return Object.fromEntries(AREA_KEYS.map((key) => [key, typeof stored[key] === "string" ? stored[key] : ""])) as Record<AreaKey, string>;
}

function namesOf(membershipIds: (number | null)[]): Map<number, string> {
  const ids = [...new Set(membershipIds.filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = getDb()
    .select({ id: memberships.id, name: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inArray(memberships.id, ids))
    .all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The report as its page, print view and exports show it: an approved report with the figures frozen
 * at approval, a draft with the figures as they are now (suppressed alike, so the samordnare writes
 * about what the nämnd will read).
 */
export function reportView(reader: ReportReader, reportId: number, options: { today?: string; now?: Date } = {}): AnnualReportView {
  const row = readableRow(reader, reportId);
  const period = periodOf(row.period);
  const figures: ReportFigures =
    row.status === "approved" && row.figures ? (JSON.parse(row.figures) as ReportFigures) : reportFigures(row.municipalityId, period, options);
  const names = namesOf([row.createdByMembershipId, row.updatedByMembershipId, row.approvedByMembershipId]);
  return {
    ...summaryOf(row),
    municipalityName: reader.municipalityName,
    periodFrom: period.from,
    periodTo: period.to,
    version: row.version,
    analysis: analysisOf(row),
    createdByName: names.get(row.createdByMembershipId) ?? "",
    updatedByName: names.get(row.updatedByMembershipId) ?? "",
    approvedByName: row.approvedByMembershipId ? (names.get(row.approvedByMembershipId) ?? null) : null,
    figures,
  };
}

/** A draft's texts. The version posted must be the one stored: no one else saved in between. */
export function saveReport(reader: ReportReader, reportId: number, input: SaveReportInput): Result {
  assertWriter(reader);
  const row = readableRow(reader, reportId);
  if (row.status === "approved") return refused(409, { form: LOCKED_MESSAGE });
  const { changes } = getDb()
    .update(annualReports)
    .set({
      analysis: JSON.stringify(input.analysis),
      version: sql`${annualReports.version} + 1`,
      updatedAt: new Date().toISOString(),
      updatedByMembershipId: reader.membershipId,
    })
    .where(and(eq(annualReports.id, row.id), eq(annualReports.version, input.version), eq(annualReports.status, "draft")))
    .run();
  if (changes === 0) return refused(409, { form: CONFLICT_MESSAGE });
  return { ok: true, id: row.id };
}

/**
 * Fastställer the report: the figures as they are now are frozen into it (suppressed, with the time
 * they were computed), and from then on it cannot change. Only once the period is over, and only
 * with the summary written: the nämnd gets a finished report.
 */
export function approveReport(reader: ReportReader, reportId: number, input: { version: number }, options: { today?: string; now?: Date } = {}): Result {
  assertWriter(reader);
  const row = readableRow(reader, reportId);
  if (row.status === "approved") return refused(409, { form: LOCKED_MESSAGE });
  if (row.version !== input.version) return refused(409, { form: CONFLICT_MESSAGE });
  const now = options.now ?? new Date();
  const today = options.today ?? todayIso(now);
  const period = periodOf(row.period);
  if (today <= period.to) return refused(400, { form: `Rapporten kan fastställas när perioden är slut, efter ${period.to}.` });
  if (!analysisOf(row)[SUMMARY_AREA].trim()) {
    return refused(400, {
      form: "Skriv och spara den sammanfattande analysen innan rapporten fastställs.",
      [analysisField(SUMMARY_AREA)]: "Skriv den sammanfattande analysen.",
    });
  }
  const figures = reportFigures(row.municipalityId, period, { today, now });
  const { changes } = getDb()
    .update(annualReports)
    .set({
      status: "approved",
      figures: JSON.stringify(figures),
      approvedAt: now.toISOString(),
      approvedByMembershipId: reader.membershipId,
      version: sql`${annualReports.version} + 1`,
      updatedAt: now.toISOString(),
      updatedByMembershipId: reader.membershipId,
    })
    .where(and(eq(annualReports.id, row.id), eq(annualReports.version, input.version), eq(annualReports.status, "draft")))
    .run();
  if (changes === 0) return refused(409, { form: CONFLICT_MESSAGE });
  return { ok: true, id: row.id };
}
