import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { completeCitizenFlow } from "~/modules/auth/citizen-flow.server";
import { clientAddress } from "~/modules/security/origin.server";

/** The e-legitimation sends the browser back here: signed in, step-up confirmed, or refused. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const step = await completeCitizenFlow(request, clientAddress(context));
  const headers = new Headers({ "Cache-Control": "no-store" });
  for (const cookie of step.cookies) headers.append("Set-Cookie", cookie);
  return redirect(step.location, { headers });
}
