import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, TextField, useValidatedForm } from "~/components/form";
import { invalid, parseForm } from "~/lib/form.server";
import { openRegister } from "~/modules/access/gate.server";
import { requireRole } from "~/modules/auth/actor.server";
import { reconciliationSettingsSchema } from "~/modules/reconciliation/reconciliation-schemas";
import { saveSettings, settingsOf } from "~/modules/reconciliation/reconcile.server";

export const meta: MetaFunction = () => [{ title: "Inställningar för avstämning – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const register = openRegister(await requireRole(request, ["kaa_coordinator"]));
  return { settings: settingsOf(register.municipalityId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const register = openRegister(await requireRole(request, ["kaa_coordinator"]));
  const form = await parseForm(request, reconciliationSettingsSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  saveSettings(register, form.data);
  return json({ ok: true as const, errors: {} as Record<string, string>, values: form.values });
}

export default function ReconciliationSettings() {
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(reconciliationSettingsSchema, {
    defaultValues: actionData?.values ?? { ...settings, absenceThresholdPercent: String(settings.absenceThresholdPercent) },
    serverErrors: actionData?.errors,
  });
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/malgrupp">Målgruppen</Link>
      </p>
      <h1>Inställningar för avstämningen</h1>
      {actionData?.ok ? (
        <p className="alert alert--success" role="status">
          Inställningarna är sparade. De gäller från nästa avstämning.
        </p>
      ) : null}
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps} className="narrow">
        <p>
          Under sommaren visar gymnasieskolornas listor ännu inte vem som har börjat. Niondeklassare (årets 16-åringar och de som lämnat grundskolan i år)
          föreslås därför inte förrän perioden är slut.
        </p>
        <TextField name="holdFrom" label="Håll tillbaka niondeklassare från (MM-DD)" register={register} error={errorFor("holdFrom")} required />
        <TextField name="holdUntil" label="Ta med dem igen från (MM-DD)" register={register} error={errorFor("holdUntil")} required />
        <TextField
          name="absenceThresholdPercent"
          label="Föreslå anmälan om ogiltig frånvaro från (procent av erbjuden tid)"
          register={register}
          error={errorFor("absenceThresholdPercent")}
          inputMode="numeric"
          required
        />
        <button type="submit" className="button" disabled={submitting}>
          Spara inställningarna
        </button>
      </Form>
    </>
  );
}
