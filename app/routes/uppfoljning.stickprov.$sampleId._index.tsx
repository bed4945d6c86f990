import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CaseGrid, SampleCases, SampleFacts, SampleMethod, TotalsTable } from "~/components/internal-control/sample-report";
import { requireActor } from "~/modules/auth/actor.server";
import { reportData, sampleResult } from "~/modules/internal-control/cases.server";

export const meta: MetaFunction = () => [{ title: "Stickprov – Samverkansportalen" }];

/** Opening the result reads every sampled case through the kernel, and is logged as such. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const anonymous = new URL(request.url).searchParams.get("anonym") === "1";
  return { ...reportData(sampleResult(await requireActor(request), Number(params.sampleId), { anonymous })), anonymous };
}

export default function SamplePage() {
  const data = useLoaderData<typeof loader>();
  const base = `/uppfoljning/stickprov/${data.sample.id}`;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/uppfoljning/stickprov">Stickprov</Link>
      </p>
      <h1>Stickprov {data.sample.id}</h1>
      <SampleFacts data={data} />
      <ul className="inline-list no-print">
        <li>
          <Link to={data.anonymous ? base : `${base}?anonym=1`}>{data.anonymous ? "Visa med namn" : "Visa anonymiserat"}</Link>
        </li>
        <li>
          <Link to={`${base}/utskrift`}>Utskrift</Link>
        </li>
        <li>
          <Link to={`${base}/utskrift?anonym=1`}>Utskrift, anonymiserad (för revisorer och nämnd)</Link>
        </li>
        <li>
          <a href={`${base}/export.csv`} download>
            CSV
          </a>
        </li>
        <li>
          <a href={`${base}/export.csv?anonym=1`} download>
            CSV, anonymiserad
          </a>
        </li>
        <li>
          {/* The granskare's access to this sample (issue 15, point 4). */}
          <Link to={`${base}/granskare`}>Granskare</Link>
        </li>
      </ul>
      <TotalsTable totals={data.totals} />
      <CaseGrid data={data} />
      <SampleCases data={data} links={!data.anonymous} />
      <SampleMethod data={data} />
    </>
  );
}
