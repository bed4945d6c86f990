import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/auth/actor.server";
import { schoolListTemplate } from "~/modules/reconciliation/school-list-csv";

/** The CSV template of a school list (?lista=arskurs9 for the year-9 leavers); opens in Excel with Swedish settings. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["school_staff", "kaa_coordinator"]);
  const year9 = new URL(request.url).searchParams.get("lista") === "arskurs9";
  return new Response(schoolListTemplate(year9 ? "year9" : "gymnasium"), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${year9 ? "arskurs9" : "gymnasium"}-mall.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
