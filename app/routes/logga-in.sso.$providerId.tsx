import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { startStaffSso } from "~/modules/auth/sso.server";

/**
 * GET: off to the municipality's sign-in (a link on /logga-in). With ?bekrafta=1 a signed-in SSO session
 * proves again who it is (step-up) and comes back to redirectTo.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const providerId = Number(params["providerId"]);
  const stepUp = url.searchParams.get("bekrafta") === "1";
  const returnTo = url.searchParams.get("redirectTo");
  if (!Number.isSafeInteger(providerId) || providerId <= 0) throw new Response("Inloggningstjänsten finns inte.", { status: 404 });
  const start = await startStaffSso(request, providerId, { stepUp, returnTo });
  if (!start.ok) {
    if (start.status === 401) throw redirect(`/logga-in?redirectTo=${encodeURIComponent(returnTo ?? "/")}`);
    throw new Response("Inloggningstjänsten finns inte eller är avstängd.", { status: 404 });
  }
  return redirect(start.location, { headers: { "Set-Cookie": start.cookie, "Cache-Control": "no-store" } });
}
