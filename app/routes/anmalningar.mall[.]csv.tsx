import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/auth/actor.server";
import { csvTemplate } from "~/modules/notices/notice-csv";

/** The CSV template for importing many notices at once (opens in Excel with Swedish settings). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["school_staff"]);
  return new Response(csvTemplate(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="anmalningar-mall.csv"',
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
