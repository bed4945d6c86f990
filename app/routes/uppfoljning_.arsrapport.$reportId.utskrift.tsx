import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ReportDocument } from "~/components/annual-report/report-document";
import { reportExtras } from "~/components/annual-report/report-extras";
import { PrintButton } from "~/components/print-button";
import { formatDateTime } from "~/lib/format";
import { requireActor } from "~/modules/auth/actor.server";
import { requireReportReader, reportView } from "~/modules/annual-report/annual-report.server";
import { reportTitle } from "~/modules/annual-report/areas";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? reportTitle(data.report.periodLabel) : "Årsrapport"} (utskrift) – Samverkansportalen` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const reader = requireReportReader(await requireActor(request));
  return { report: reportView(reader, Number(params.reportId)), printedAt: new Date().toISOString() };
}

/** The report as a document to print or save as PDF: no menus, a page per area, tables kept whole where they fit. */
export default function PrintAnnualReport() {
  const { report, printedAt } = useLoaderData<typeof loader>();
  const approved = report.status === "approved";
  return (
    <article className="print-document annual-report-print">
      <p className="breadcrumbs no-print">
        <Link to={`/uppfoljning/arsrapport/${report.id}`}>Tillbaka till årsrapporten</Link>
      </p>
      <PrintButton label="Skriv ut årsrapporten" />
      <header className="print-document__header">
        <p className="print-document__forum">{report.municipalityName}</p>
        <h1>{reportTitle(report.periodLabel)}</h1>
        <p>
          Perioden {report.periodFrom} – {report.periodTo}. Rapport till nämnden om det kommunala aktivitetsansvaret för unga 16–20 år (Skollagen 29 kap. 9 §).
        </p>
        {approved ? null : <p className="print-document__draft">Utkast – rapporten är inte fastställd och siffrorna kan ändras.</p>}
      </header>
      <ReportDocument extras={reportExtras(report.figures)} figures={report.figures} analysis={report.analysis} frozen={approved} />
      <section className="signatures" aria-label="Fastställelse">
        <p>
          Fastställd: {approved ? `${report.approvedByName ?? "samordnaren"}, ${formatDateTime(report.approvedAt!)} (elektroniskt i Samverkansportalen)` : "–"}
        </p>
      </section>
      <p className="print-document__footer muted">
        Utskrivet {formatDateTime(printedAt)} ur Samverkansportalen. Rapporten innehåller bara sammanräknade uppgifter; små tal visas inte.
      </p>
    </article>
  );
}
