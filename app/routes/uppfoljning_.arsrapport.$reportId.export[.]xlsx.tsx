import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server";
import { requireReportReader, reportView } from "~/modules/annual-report/annual-report.server";
import { download, reportDocument } from "~/modules/annual-report/exports.server";

/** The whole report as one workbook: a sheet per table and one with the analysis. An approved report's from its frozen figures. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const reader = requireReportReader(await requireActor(request));
  const view = reportView(reader, Number(params.reportId));
  const { document, name } = reportDocument(view, new URL(request.url).searchParams.get("tabell"));
  return download(document, name, "xlsx");
}
