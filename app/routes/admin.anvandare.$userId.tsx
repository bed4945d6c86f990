import { Table } from "~/components/table";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, useValidatedForm } from "~/components/form";
import { MembershipFields } from "~/components/membership-fields";
import { formatDateTime } from "~/lib/format";
import { invalid, parseForm, readFormData } from "~/lib/form.server";
import { notFound } from "~/lib/http";
import { requireRole } from "~/modules/auth/actor.server";
import { identityLinksOf } from "~/modules/auth/identity-provider-admin.server";
import { UserIdentities } from "~/components/auth/user-identities";
import { membershipSchema } from "~/modules/organizations/admin-schemas";
import {
  addMembership,
  ADMIN_EVENT_LABELS,
  adminEventsForUser,
  endMembership,
  getUser,
  organisationOptions,
  resetPassword,
  setUserDisabled,
} from "~/modules/organizations/admin.server";

export const meta: MetaFunction = () => [{ title: "Användare – Samverkansportalen" }];

function loadUser(params: { userId?: string }) {
  const user = getUser(Number(params.userId));
  if (!user) throw notFound();
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["system_admin"]);
  const user = loadUser(params);
  const events = adminEventsForUser(user.id).map((e) => ({ ...e, label: ADMIN_EVENT_LABELS[e.action] ?? e.action }));
  return { user, events, organisations: organisationOptions(), isSelf: actor.userId === user.id, identities: identityLinksOf(user.id) };
}

type ActionResult = { ok: boolean; errors?: Record<string, string>; values?: Record<string, string>; message?: string; temporaryPassword?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["system_admin"]);
  const user = loadUser(params);
  const isSelf = actor.userId === user.id;
  const intent = new URL(request.url).searchParams.get("atgard");
  switch (intent) {
    case "lagg-till-roll": {
      // A systemförvaltare must not be able to give themselves access to youth data.
      if (isSelf) return json<ActionResult>({ ok: false, message: "Du kan inte ändra dina egna roller. Be en annan systemförvaltare." }, { status: 400 });
      const form = await parseForm(request, membershipSchema);
      if (!form.ok) return invalid(form.errors, form.values);
      const result = addMembership(user.id, form.data, actor);
      if (!result.ok) return invalid(result.errors, form.values);
      return json<ActionResult>({ ok: true, message: "Rollen har lagts till." });
    }
    case "avsluta-roll": {
      const membershipId = Number((await readFormData(request)).get("membershipId"));
      if (isSelf) return json<ActionResult>({ ok: false, message: "Du kan inte avsluta dina egna roller." }, { status: 400 });
      await endMembership(user.id, membershipId, actor);
      return json<ActionResult>({ ok: true, message: "Rollen har avslutats och användarens inloggningar har avslutats." });
    }
    case "inaktivera": {
      if (isSelf) return json<ActionResult>({ ok: false, message: "Du kan inte inaktivera ditt eget konto." }, { status: 400 });
      await setUserDisabled(user.id, true, actor);
      return json<ActionResult>({ ok: true, message: "Kontot är inaktiverat och alla inloggningar har avslutats." });
    }
    case "aktivera": {
      await setUserDisabled(user.id, false, actor);
      return json<ActionResult>({ ok: true, message: "Kontot är aktiverat igen." });
    }
    case "aterstall-losenord": {
      if (isSelf) return json<ActionResult>({ ok: false, message: "Byt ditt eget lösenord under Byt lösenord." }, { status: 400 });
      const password = await resetPassword(user.id, actor);
      return json<ActionResult>({ ok: true, message: "Lösenordet är återställt.", temporaryPassword: password });
    }
    default:
      return json<ActionResult>({ ok: false, message: "Okänd åtgärd." }, { status: 400 });
  }
}

export default function UserDetail() {
  const { user, events, organisations, isSelf, identities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const { register, errorFor, formProps, submitting } = useValidatedForm(membershipSchema, {
    defaultValues: actionData?.values ?? {},
    serverErrors: actionData?.errors,
  });
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/admin/anvandare">Användare</Link>
      </p>
      <h1>{user.displayName}</h1>
      {actionData?.message ? (
        <p className={`alert ${actionData.ok ? "alert--success" : "alert--error"}`} role="status">
          {actionData.message}
          {actionData.temporaryPassword ? (
            <>
              {" "}
              Tillfälligt lösenord: <code>{actionData.temporaryPassword}</code> (visas bara nu).
            </>
          ) : null}
        </p>
      ) : null}
      <dl className="facts">
        <dt>Användarnamn</dt>
        <dd>{user.username}</dd>
        <dt>Status</dt>
        <dd>{user.disabledAt ? `Inaktiverad ${formatDateTime(user.disabledAt)}` : "Aktiv"}</dd>
        <dt>Skapad</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
      </dl>
      <section aria-labelledby="roller" className="card">
        <h2 id="roller">Roller</h2>
        <div className="table-wrap">
          <Table>
            <caption className="visually-hidden">Användarens roller</caption>
            <thead>
              <tr>
                <th scope="col">Roll</th>
                <th scope="col">Organisation</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Åtgärd</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {user.memberships.map((m) => (
                <tr key={m.id}>
                  <td>{m.roleLabel}</td>
                  <td>{m.organisationName ? `${m.organisationName} (${m.municipalityName})` : "–"}</td>
                  <td>{m.endedAt ? `Avslutad ${formatDateTime(m.endedAt)}` : "Aktiv"}</td>
                  <td>
                    {!m.endedAt && !isSelf ? (
                      <Form method="post" action="?atgard=avsluta-roll">
                        <input type="hidden" name="membershipId" value={m.id} />
                        <button type="submit" className="button button--link">
                          Avsluta roll
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
        {isSelf ? (
          <p className="muted">Dina egna roller ändras av en annan systemförvaltare.</p>
        ) : (
          <>
            <h3>Lägg till roll</h3>
            <ErrorSummary errors={actionData?.errors} />
            <Form {...formProps} action="?atgard=lagg-till-roll">
              <MembershipFields register={register} errorFor={errorFor} organisations={organisations} />
              <button type="submit" className="button" disabled={submitting}>
                Lägg till roll
              </button>
            </Form>
          </>
        )}
      </section>
      <UserIdentities userId={user.id} view={identities} />
      <section aria-labelledby="handelser" className="card">
        <h2 id="handelser">Händelser för kontot</h2>
        {events.length > 0 ? (
          <ul>
            {events.map((e) => (
              <li key={e.id}>
                {formatDateTime(e.at)}: {e.label}
                {e.detail ? ` (${e.detail})` : ""} – {e.byName ?? "kommandoraden"}
              </li>
            ))}
          </ul>
        ) : (
          <p>Inga händelser.</p>
        )}
      </section>
      {!isSelf ? (
        <section aria-labelledby="konto" className="card">
          <h2 id="konto">Konto</h2>
          <div className="button-row">
            {user.disabledAt ? (
              <Form method="post" action="?atgard=aktivera">
                <button type="submit" className="button button--secondary">
                  Aktivera kontot
                </button>
              </Form>
            ) : (
              <Form method="post" action="?atgard=inaktivera">
                <button type="submit" className="button button--danger">
                  Inaktivera kontot
                </button>
              </Form>
            )}
            <Form method="post" action="?atgard=aterstall-losenord">
              <button type="submit" className="button button--secondary">
                Återställ lösenord
              </button>
            </Form>
          </div>
          <p>
            <Link to={`/admin/anvandare/${user.id}/tvastegsverifiering`}>Tvåstegsverifiering</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
