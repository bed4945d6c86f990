import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, useValidatedForm } from "~/components/form";
import { SchoolSystemFields, withoutSecret } from "~/components/school-system-fields";
import { invalid, parseForm } from "~/lib/form.server";
import { requireRole } from "~/modules/auth/actor.server";
import { newConnectionSchema } from "~/modules/reconciliation/school-system-schemas";
import { createConnection, schoolOptions } from "~/modules/reconciliation/school-systems.server";

export const meta: MetaFunction = () => [{ title: "Ny koppling till skolsystem – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["system_admin"]);
  return { schools: schoolOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, ["system_admin"]);
  const form = await parseForm(request, newConnectionSchema);
  if (!form.ok) return invalid(form.errors, withoutSecret(form.values));
  const result = createConnection(form.data);
  if (!result.ok) return invalid(result.errors, withoutSecret(form.values));
  return redirect(`/admin/skolsystem/${result.id}`);
}

export default function NewSchoolSystem() {
  const { schools } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(newConnectionSchema, {
    defaultValues: actionData?.values ?? { enabled: true },
    serverErrors: actionData?.errors,
  });
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to="/admin/skolsystem">Skolsystem</Link>
      </p>
      <h1>Ny koppling till skolsystem</h1>
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <SchoolSystemFields register={register} errorFor={errorFor} schools={schools} hasSecret={false} />
        <button type="submit" className="button" disabled={submitting}>
          Spara kopplingen
        </button>
      </Form>
    </div>
  );
}
