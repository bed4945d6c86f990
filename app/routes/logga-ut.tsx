import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { blankSessionCookie, endSession, authenticate } from "~/modules/auth/session.server";
import { assertSameOrigin } from "~/modules/security/origin.server";

export async function loader() {
  return redirect("/");
}

/** Logout ends the session on the server, not only in the browser. */
export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const auth = await authenticate(request);
  const cookie = auth ? await endSession(auth.session.id) : blankSessionCookie();
  return redirect("/logga-in", { headers: { "Set-Cookie": cookie } });
}
