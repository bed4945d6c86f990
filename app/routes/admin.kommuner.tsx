import { Table } from "~/components/table";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, TextField, useValidatedForm } from "~/components/form";
import { invalid, parseForm } from "~/lib/form.server";
import { requireRole } from "~/modules/auth/actor.server";
import { municipalitySchema } from "~/modules/organizations/admin-schemas";
import { createMunicipality } from "~/modules/organizations/admin.server";
import { listMunicipalities } from "~/modules/organizations/municipalities.server";

export const meta: MetaFunction = () => [{ title: "Kommuner – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["system_admin"]);
  return { municipalities: listMunicipalities() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["system_admin"]);
  const form = await parseForm(request, municipalitySchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = createMunicipality(form.data, actor);
  if (!result.ok) return invalid(result.errors, form.values);
  return json({ ok: true as const, errors: {} as Record<string, string>, values: {} as Record<string, string>, created: form.data.name });
}

export default function Municipalities() {
  const { municipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(municipalitySchema, {
    defaultValues: actionData?.values ?? { name: "", code: "" },
    serverErrors: actionData?.errors,
  });
  return (
    <>
      <h1>Kommuner</h1>
      <div className="table-wrap">
        <Table>
          <caption className="visually-hidden">Kommuner i portalen</caption>
          <thead>
            <tr>
              <th scope="col">Kommun</th>
              <th scope="col">Kommunkod</th>
            </tr>
          </thead>
          <tbody>
            {municipalities.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.code}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <section aria-labelledby="ny-kommun" className="card narrow">
        <h2 id="ny-kommun">Lägg till kommun</h2>
        {actionData && "created" in actionData ? (
          <p className="alert alert--success" role="status">
            {actionData.created} har lagts till.
          </p>
        ) : null}
        <ErrorSummary errors={actionData?.errors} />
        <Form {...formProps}>
          <TextField name="name" label="Namn" register={register} error={errorFor("name")} required />
          <TextField name="code" label="Kommunkod (SCB)" register={register} error={errorFor("code")} inputMode="numeric" required />
          <button type="submit" className="button" disabled={submitting}>
            Lägg till kommunen
          </button>
        </Form>
      </section>
    </>
  );
}
