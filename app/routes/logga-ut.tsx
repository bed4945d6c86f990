import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { afterLogoutLocation } from "~/modules/auth/sso.server";
import { blankSessionCookie, endSession, authenticate } from "~/modules/auth/session.server";
import { assertSameOrigin } from "~/modules/security/origin.server";

export async function loader() {
  return redirect("/");
}

/**
 * Logout ends the session on the server, not only in the browser. A session from the municipality's
 * sign-in lands on a page that offers to end that session too (single logout).
 */
export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const auth = await authenticate(request);
  const cookie = auth ? await endSession(auth.session.id) : blankSessionCookie();
  const target = auth ? afterLogoutLocation(auth.session.authMethod === "sso" ? auth.session.identityProviderId : null) : "/logga-in";
  return redirect(target, { headers: { "Set-Cookie": cookie } });
}
