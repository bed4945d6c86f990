import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOutCitizen } from "~/modules/auth/citizen-flow.server";
import { assertSameOrigin } from "~/modules/security/origin.server";

export async function loader() {
  return redirect("/mina-sidor/logga-in");
}

/** Signing out ends the session on the server; the landing page then offers the e-legitimation's logout. */
export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const step = await signOutCitizen(request);
  const headers = new Headers();
  for (const cookie of step.cookies) headers.append("Set-Cookie", cookie);
  return redirect(step.location, { headers });
}
