import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form as PlainForm, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, useValidatedForm } from "~/components/form";
import { RunStatus, SchoolSystemFields, withoutSecret } from "~/components/school-system-fields";
import { invalid, parseForm } from "~/lib/form.server";
import { notFound } from "~/lib/http";
import { requireRole } from "~/modules/auth/actor.server";
import { fetchFromSchoolSystem } from "~/modules/reconciliation/school-system-fetch.server";
import { editConnectionSchema } from "~/modules/reconciliation/school-system-schemas";
import { getConnection, schoolOptions, updateConnection } from "~/modules/reconciliation/school-systems.server";

export const meta: MetaFunction = () => [{ title: "Koppling till skolsystem – Samverkansportalen" }];

function loadConnection(params: { connectionId?: string }) {
  const id = Number(params.connectionId);
  const connection = Number.isSafeInteger(id) && id > 0 ? getConnection(id) : null;
  if (!connection) throw notFound();
  return connection;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["system_admin"]);
  return { connection: loadConnection(params), schools: schoolOptions() };
}

type ActionResult = { ok: boolean; message?: string; errors?: Record<string, string>; values?: Record<string, unknown> };

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, ["system_admin"]);
  const connection = loadConnection(params);
  const intent = new URL(request.url).searchParams.get("atgard");
  if (intent === "hamta") {
    const outcome = await fetchFromSchoolSystem(connection.id);
    const message = getConnection(connection.id)?.lastMessage ?? "";
    return json<ActionResult>({ ok: outcome.ok, message: outcome.ok ? message : `Hämtningen misslyckades. ${outcome.message}` });
  }
  if (intent !== "spara") return json<ActionResult>({ ok: false, message: "Okänd åtgärd." }, { status: 400 });
  const form = await parseForm(request, editConnectionSchema);
  if (!form.ok) return invalid(form.errors, withoutSecret(form.values));
  const result = updateConnection(connection.id, form.data);
  if (!result) throw notFound();
  if (!result.ok) return invalid(result.errors, withoutSecret(form.values));
  return json<ActionResult>({ ok: true, message: "Kopplingen är sparad." });
}

export default function SchoolSystem() {
  const { connection, schools } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const saved = {
    organisationId: String(connection.organisationId),
    name: connection.name,
    baseUrl: connection.baseUrl,
    tokenUrl: connection.tokenUrl,
    clientId: connection.clientId,
    scope: connection.scope ?? "",
    enabled: connection.enabled,
  };
  const { register, errorFor, formProps, submitting } = useValidatedForm(editConnectionSchema, {
    defaultValues: actionData?.values ?? saved,
    serverErrors: actionData?.errors,
  });
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to="/admin/skolsystem">Skolsystem</Link>
      </p>
      <h1>{connection.name}</h1>
      {actionData?.message ? (
        <p className={`alert ${actionData.ok ? "alert--success" : "alert--error"}`} role="status">
          {actionData.message}
        </p>
      ) : null}
      <section aria-labelledby="hamtning" className="card">
        <h2 id="hamtning">Hämtning</h2>
        <dl className="facts">
          <dt>Senaste hämtning</dt>
          <dd>
            <RunStatus c={connection} />
          </dd>
          {connection.lastStatus === "ok" ? (
            <>
              <dt>Personer</dt>
              <dd>{connection.lastPersons}</dd>
              <dt>Inskrivningar</dt>
              <dd>{connection.lastRows}</dd>
              <dt>Elever med frånvarouppgifter</dt>
              <dd>{connection.lastAbsences}</dd>
              <dt>Överhoppade poster</dt>
              <dd>{connection.lastSkipped} (saknat eller ogiltigt personnummer, skolenhet utan skolenhetskod)</dd>
            </>
          ) : null}
        </dl>
        {connection.enabled ? (
          <PlainForm method="post" action="?atgard=hamta">
            <button type="submit" className="button">
              Hämta nu
            </button>
          </PlainForm>
        ) : (
          <p className="muted">Kopplingen är avstängd.</p>
        )}
      </section>
      <section aria-labelledby="installningar" className="card">
        <h2 id="installningar">Inställningar</h2>
        <ErrorSummary errors={actionData?.errors} />
        <Form {...formProps} action="?atgard=spara">
          <SchoolSystemFields register={register} errorFor={errorFor} schools={schools} hasSecret={connection.hasSecret} />
          <button type="submit" className="button" disabled={submitting}>
            Spara ändringar
          </button>
        </Form>
      </section>
    </div>
  );
}
