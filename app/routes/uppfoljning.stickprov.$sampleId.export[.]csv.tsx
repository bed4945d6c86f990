import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server";
import { sampleResult } from "~/modules/internal-control/cases.server";
import { sampleCsv } from "~/modules/internal-control/sample-csv";

/** The stickprov as a spreadsheet file, one row per case; ?anonym=1 without name and personnummer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const anonymous = new URL(request.url).searchParams.get("anonym") === "1";
  const result = sampleResult(await requireActor(request), Number(params.sampleId), { anonymous });
  const name = `stickprov-${result.sample.id}${anonymous ? "-anonymiserat" : ""}.csv`;
  return new Response(sampleCsv(result, anonymous), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" },
  });
}
