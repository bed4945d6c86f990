import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PrintButton } from "~/components/print-button";
import { CaseGrid, SampleCases, SampleFacts, SampleMethod, TotalsTable } from "~/components/internal-control/sample-report";
import { formatDateTime } from "~/lib/format";
import { requireActor } from "~/modules/auth/actor.server";
import { reportData, sampleResult } from "~/modules/internal-control/cases.server";

export const meta: MetaFunction = () => [{ title: "Stickprov (utskrift) – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const anonymous = new URL(request.url).searchParams.get("anonym") === "1";
  return {
    ...reportData(sampleResult(actor, Number(params.sampleId), { anonymous })),
    anonymous,
    municipalityName: actor.municipalityName,
    printedAt: new Date().toISOString(),
  };
}

/**
 * The stickprov as a document for the auditors or the nämnd. Anonymised (?anonym=1) it has case
 * numbers instead of names and personnummer, and only the portal's own reasons, never the record's
 * free text, so nothing on it can name a youth.
 */
export default function PrintSample() {
  const data = useLoaderData<typeof loader>();
  return (
    <article className="print-document">
      <p className="breadcrumbs no-print">
        <Link to={`/uppfoljning/stickprov/${data.sample.id}`}>Tillbaka till stickprovet</Link>
      </p>
      <PrintButton label="Skriv ut stickprovet" />
      <header className="print-document__header">
        <p className="print-document__forum">{data.municipalityName}</p>
        <h1>Stickprov {data.sample.id}: intern kontroll av aktivitetsansvaret</h1>
        <p>
          {data.anonymous
            ? "Anonymiserad redovisning: ärendena har nummer i stället för namn och personnummer."
            : "Redovisningen innehåller namn och personnummer och omfattas av sekretess."}
        </p>
      </header>
      <SampleFacts data={data} />
      <TotalsTable totals={data.totals} />
      <CaseGrid data={data} />
      <SampleCases data={data} links={false} />
      <SampleMethod data={data} />
      <p className="print-document__footer muted">Utskrivet {formatDateTime(data.printedAt)} ur Samverkansportalen.</p>
    </article>
  );
}
