import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, SelectField, TextField, useValidatedForm } from "~/components/form";
import { invalid, parseForm } from "~/lib/form.server";
import { requireRole } from "~/modules/auth/actor.server";
import { organisationSchema } from "~/modules/organizations/admin-schemas";
import { createOrganisation } from "~/modules/organizations/admin.server";
import { ORGANISATION_KIND_LABELS, SCHOOL_ORGANISER_LABELS } from "~/modules/organizations/labels";
import { listMunicipalities } from "~/modules/organizations/municipalities.server";

export const meta: MetaFunction = () => [{ title: "Ny organisation – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["system_admin"]);
  return { municipalities: listMunicipalities() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["system_admin"]);
  const form = await parseForm(request, organisationSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = createOrganisation(form.data, actor);
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect("/admin/organisationer");
}

export default function NewOrganisation() {
  const { municipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(organisationSchema, {
    defaultValues: actionData?.values ?? {},
    serverErrors: actionData?.errors,
  });
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  return (
    <div className="narrow">
      <h1>Ny organisation</h1>
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <SelectField {...field("kind")} label="Typ" required options={Object.entries(ORGANISATION_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        <TextField {...field("name")} label="Namn" required />
        <SelectField
          {...field("municipalityId")}
          label="Kommun"
          hint="För en skola: kommunen där skolan ligger."
          required
          options={municipalities.map((m) => ({ value: String(m.id), label: m.name }))}
        />
        <fieldset>
          <legend>Huvudman (bara för skolor)</legend>
          <SelectField
            {...field("schoolOrganiserKind")}
            label="Typ av huvudman"
            options={Object.entries(SCHOOL_ORGANISER_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <TextField {...field("schoolOrganiserName")} label="Huvudmannens namn" />
        </fieldset>
        <TextField
          {...field("functionalMailbox")}
          label="Funktionsbrevlåda"
          type="email"
          hint="Frivilligt. Får e-post om nya remisser och orosanmälningar till organisationen."
        />
        <button type="submit" className="button" disabled={submitting}>
          Skapa organisation
        </button>
      </Form>
    </div>
  );
}
