import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { parseForm, readFormData } from "~/lib/form.server";
import { notFound } from "~/lib/http";
import { requireRole } from "~/modules/auth/actor.server";
import { linkIdentity, unlinkIdentity } from "~/modules/auth/identity-provider-admin.server";
import { identityLinkSchema } from "~/modules/auth/identity-provider-schemas";
import { getUser } from "~/modules/organizations/admin.server";

export const meta: MetaFunction = () => [{ title: "Koppling till kommunens inloggning – Samverkansportalen" }];

function loadUser(params: { userId?: string }) {
  const user = getUser(Number(params["userId"]));
  if (!user) throw notFound();
  return user;
}

/** The section lives on the account's page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["system_admin"]);
  return redirect(`/admin/anvandare/${loadUser(params).id}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["system_admin"]);
  const user = loadUser(params);
  const back = `/admin/anvandare/${user.id}`;
  const intent = new URL(request.url).searchParams.get("atgard");
  if (intent === "ta-bort") {
    unlinkIdentity(actor, user.id, Number((await readFormData(request)).get("linkId")));
    return redirect(back);
  }
  if (intent !== "koppla") return json({ back, errors: ["Okänd åtgärd."] }, { status: 400 });
  const form = await parseForm(request, identityLinkSchema);
  const result = form.ok ? linkIdentity(actor, user.id, form.data) : form;
  if (!result.ok) return json({ back, errors: Object.values(result.errors) }, { status: 400 });
  return redirect(back);
}

/** Shown only when a link could not be made (without JavaScript the browser lands here). */
export default function LinkRefused() {
  const data = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1>Kopplingen gjordes inte</h1>
      <ul className="alert alert--error">{data && "errors" in data ? data.errors.map((e) => <li key={e}>{e}</li>) : null}</ul>
      {data && "back" in data ? <Link to={data.back}>Tillbaka till kontot</Link> : null}
    </div>
  );
}
