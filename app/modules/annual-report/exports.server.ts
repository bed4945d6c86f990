/**
 * The files that leave the portal: the follow-up of a period and an annual report, as CSV or XLSX.
 * Always in the outside view, suppressed, whoever downloads them (the figures of a report are so
 * already). Aggregates only: nothing about a youth and nothing to log.
 */
import { todayIso } from "~/lib/dates";
import { formatDateTime } from "~/lib/format";
import { notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { parsePeriod, PeriodError, type Period } from "~/modules/statistics/periods";
import { arrangeTables, REPORT_AREAS, reportTitle } from "./areas";
import { requireReportReader } from "./annual-report.server";
import { exportCsv, fileSlug, type ExportDocument } from "./export-document";
import { attachment, XLSX_TYPE } from "~/lib/xlsx.server";
import { exportXlsx } from "./export-xlsx.server";
import { suppressedFollowUp } from "./report-figures.server";
import type { AnnualReportView } from "./report-types";

export type ExportFormat = "csv" | "xlsx";

/** The follow-up of the period in the search params (fixed periods only: see ADR 0011 on intervals). */
export function followUpDocument(actor: Actor, params: URLSearchParams, today = todayIso()): { document: ExportDocument; name: string } {
  const reader = requireReportReader(actor);
  let period: Period;
  try {
    period = parsePeriod(params, today, { allowInterval: false });
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    throw new Response(error.message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const followUp = suppressedFollowUp(reader.municipalityId, period, { today });
  return {
    document: {
      title: `Uppföljning av det kommunala aktivitetsansvaret – ${reader.municipalityName}`,
      about: [["Period", `${period.label} (${period.from}–${period.to})`]],
      followUp,
      tables: followUp.tables,
    },
    name: `uppfoljning-${period.value}`,
  };
}

/**
 * A report as a file: every table, or the one named (its id, as the page links to it; the areas'
 * key-figure extracts too). The workbook also holds the analysis.
 */
export function reportDocument(view: AnnualReportView, tableId: string | null): { document: ExportDocument; name: string } {
  const { followUp } = view.figures;
  const arranged = arrangeTables(followUp.tables);
  const extracts = arranged.areas.flatMap((a) => a.tables);
  let tables = followUp.tables;
  if (tableId !== null) {
    const table = followUp.tables.find((t) => t.id === tableId) ?? extracts.find((t) => t.id === tableId);
    if (!table) throw notFound();
    tables = [table];
  }
  const status =
    view.status === "approved"
      ? `Fastställd ${formatDateTime(view.approvedAt!)}${view.approvedByName ? ` av ${view.approvedByName}` : ""}. Siffrorna är låsta sedan dess.`
      : "Utkast, inte fastställd. Siffrorna är beräknade när filen hämtades och kan ändras.";
  return {
    document: {
      title: `${reportTitle(view.periodLabel)} – ${view.municipalityName}`,
      about: [
        ["Period", `${view.periodLabel} (${view.periodFrom}–${view.periodTo})`],
        ["Status", status],
      ],
      followUp,
      tables,
      analysis: REPORT_AREAS.map((area) => ({ title: area.title, text: view.analysis[area.key] })),
    },
    name: `arsrapport-${view.period}${tableId ? `-${fileSlug(tableId)}` : ""}${view.status === "draft" ? "-utkast" : ""}`,
  };
}

/** The download: the file, named, never cached (it is read signed in). */
export async function download(document: ExportDocument, name: string, format: ExportFormat): Promise<Response> {
  const body = format === "csv" ? exportCsv(document) : new Uint8Array(await exportXlsx(document));
  return attachment(body, `${fileSlug(name)}.${format}`, format === "csv" ? "text/csv; charset=utf-8" : XLSX_TYPE);
}
