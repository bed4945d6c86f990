import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server";
import { download, followUpDocument } from "~/modules/annual-report/exports.server";

/** The follow-up of a period as an Excel workbook (one sheet per table), small numbers suppressed whoever downloads it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { document, name } = followUpDocument(actor, new URL(request.url).searchParams);
  return download(document, name, "xlsx");
}
