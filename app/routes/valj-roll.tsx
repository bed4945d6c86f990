import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { safeRedirect, readFormData } from "~/lib/form.server";
import { requireUser } from "~/modules/auth/actor.server";
import { rotateSession } from "~/modules/auth/session.server";
import { ROLE_LABELS } from "~/modules/organizations/labels";
import { activeMembership, activeMembershipsOfUser } from "~/modules/organizations/memberships.server";

export const meta: MetaFunction = () => [{ title: "Välj roll – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  const memberships = activeMembershipsOfUser(auth.user.id).map((m) => ({
    id: m.id,
    role: ROLE_LABELS[m.role],
    organisation: m.organisationName ? `${m.organisationName}${m.municipalityName ? ` (${m.municipalityName})` : ""}` : null,
    active: m.id === auth.session.membershipId,
  }));
  return { memberships, redirectTo: safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/start") };
}

/** Every later action is attributed to the membership chosen here, in a new session. */
export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireUser(request);
  const form = await readFormData(request);
  const membershipId = Number(form.get("membershipId"));
  const membership = Number.isInteger(membershipId) ? activeMembership(auth.user.id, membershipId) : null;
  if (!membership) return json({ error: "Välj en av dina roller." }, { status: 400 });
  const cookie = await rotateSession(auth.session, membership.id);
  return redirect(safeRedirect(form.get("redirectTo"), "/start"), { headers: { "Set-Cookie": cookie } });
}

export default function ChooseMembership() {
  const { memberships, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1>Välj roll</h1>
      <p>Du har flera roller i portalen. Det du gör registreras på den roll du väljer.</p>
      {actionData?.error ? (
        <p className="alert alert--error" role="alert">
          {actionData.error}
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <fieldset>
          <legend>Dina roller</legend>
          {memberships.map((m) => (
            <div className="field field--radio" key={m.id}>
              <input type="radio" id={`m-${m.id}`} name="membershipId" value={m.id} defaultChecked={m.active} />
              <label htmlFor={`m-${m.id}`}>
                {m.role}
                {m.organisation ? `, ${m.organisation}` : ""}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button">
          Fortsätt
        </button>
      </Form>
    </div>
  );
}
