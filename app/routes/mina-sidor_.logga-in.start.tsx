import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { startCitizenFlow } from "~/modules/auth/citizen-flow.server";

/** A GET link sends the browser to the e-legitimation (a form POST that redirects away is stopped by the CSP). */
export async function loader({ request }: LoaderFunctionArgs) {
  const step = await startCitizenFlow(request);
  const headers = new Headers({ "Cache-Control": "no-store" });
  for (const cookie of step.cookies) headers.append("Set-Cookie", cookie);
  return redirect(step.location, { headers });
}
