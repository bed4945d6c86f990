import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { invalid, parseForm } from "~/lib/form.server";
import { requireActor } from "~/modules/auth/actor.server";
import { PREFERENCE_LISTS, preferencesFormSchema, preferencesPage, saveOwnPreferences } from "~/modules/notifications/preferences.server";

export const meta: MetaFunction = () => [{ title: "Inställningar för meddelanden – Samverkansportalen" }];

/** Per kind of notice: in the portal, by e-mail to the user's work address, both or neither. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return { ...preferencesPage(actor.userId), address: actor.username };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await parseForm(request, preferencesFormSchema, { lists: PREFERENCE_LISTS });
  if (!form.ok) return invalid(form.errors, form.values);
  saveOwnPreferences(actor.userId, form.data);
  return { ok: true as const, errors: {} as Record<string, string> };
}

export default function NotificationPreferences() {
  const { rows, mailConfigured, address } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  return (
    <div className="narrow">
      <h1>Inställningar för meddelanden</h1>
      <p className="lead">
        Välj för varje slag av meddelande om du vill få det här i portalen, med e-post till {address}, eller båda. E-posten säger bara vad som har hänt och
        länkar hit; uppgifter om ungdomar skickas aldrig med e-post.
      </p>
      {mailConfigured ? null : <p className="alert alert--info">E-post är inte konfigurerad i portalen: just nu kommer meddelanden bara i portalen.</p>}
      {actionData?.ok ? (
        <p className="alert alert--success" role="status">
          Dina val är sparade.
        </p>
      ) : null}
      <ErrorSummary errors={actionData?.errors} />
      <Form method="post">
        {rows.map((row) => (
          <fieldset key={row.kind} className="checkbox-group">
            <legend>{row.label}</legend>
            <div className="field field--checkbox">
              <input id={`${row.kind}-app`} type="checkbox" name="inApp" value={row.kind} defaultChecked={row.inApp} />
              <label htmlFor={`${row.kind}-app`}>I portalen</label>
            </div>
            {row.emailPossible ? (
              <div className="field field--checkbox">
                <input id={`${row.kind}-email`} type="checkbox" name="email" value={row.kind} defaultChecked={row.email} />
                <label htmlFor={`${row.kind}-email`}>Med e-post</label>
              </div>
            ) : (
              <p className="muted">Bara i portalen: e-posten är det som inte kom fram.</p>
            )}
          </fieldset>
        ))}
        <button type="submit" className="button" disabled={saving}>
          Spara valen
        </button>
      </Form>
      <p>
        <Link to="/meddelanden">Till dina meddelanden</Link>
      </p>
    </div>
  );
}
