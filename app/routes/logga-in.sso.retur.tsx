import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { completeStaffSso, ssoRefusalMessage } from "~/modules/auth/sso.server";
import { clientAddress } from "~/modules/security/origin.server";

export const meta: MetaFunction = () => [{ title: "Inloggningen gick inte igenom – Samverkansportalen" }];

/** The municipality's sign-in sends the browser back here with a code. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const outcome = await completeStaffSso(request, clientAddress(context));
  const headers = new Headers({ "Cache-Control": "no-store" });
  for (const cookie of outcome.cookies) headers.append("Set-Cookie", cookie);
  if (outcome.ok) return redirect(outcome.location, { headers });
  return json({ message: ssoRefusalMessage(outcome.reason) }, { status: 403, headers });
}

export default function SsoRefused() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>Inloggningen gick inte igenom</h1>
      <p>{message}</p>
      <p>
        <Link to="/logga-in">Till inloggningen</Link>
      </p>
    </div>
  );
}
