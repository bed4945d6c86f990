import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachment, XLSX_TYPE } from "~/lib/xlsx.server";
import { requireActor } from "~/modules/auth/actor.server";
import { scbRegister, storedWorkbook } from "~/modules/scb/exports.server";

/** A stored SCB export as a workbook, one sheet per block, read back from its data file; logged per youth. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = await storedWorkbook(scbRegister(await requireActor(request)), params.exportId ?? "");
  return attachment(file.bytes, file.name, XLSX_TYPE);
}
