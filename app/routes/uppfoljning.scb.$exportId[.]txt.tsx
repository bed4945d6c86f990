import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachment } from "~/lib/xlsx.server";
import { requireActor } from "~/modules/auth/actor.server";
import { scbRegister, storedDataFile } from "~/modules/scb/exports.server";

/** A stored SCB data file, byte for byte as it was made; each download is logged per youth in it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = storedDataFile(scbRegister(await requireActor(request)), params.exportId ?? "");
  return attachment(file.bytes, file.name, file.contentType, { "X-Checksum-Sha256": file.sha256 });
}
