import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, TextField, useValidatedForm } from "~/components/form";
import { MembershipFields } from "~/components/membership-fields";
import { invalid, parseForm } from "~/lib/form.server";
import { requireRole } from "~/modules/auth/actor.server";
import { userCreateSchema } from "~/modules/organizations/admin-schemas";
import { createUser, organisationOptions } from "~/modules/organizations/admin.server";

export const meta: MetaFunction = () => [{ title: "Ny användare – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["system_admin"]);
  return { organisations: organisationOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await parseForm(request, userCreateSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const actor = await requireRole(request, ["system_admin"]);
  const result = await createUser(form.data, actor);
  if (!result.ok) return invalid(result.errors, form.values);
  // Shown once, never stored in clear text; the user must change it at first sign-in.
  return json({
    ok: true as const,
    errors: {} as Record<string, string>,
    values: {} as Record<string, string>,
    userId: result.userId,
    temporaryPassword: result.temporaryPassword,
  });
}

export default function NewUser() {
  const { organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(userCreateSchema, {
    defaultValues: actionData?.values ?? {},
    serverErrors: actionData?.errors,
  });
  if (actionData?.ok) {
    return (
      <div className="narrow">
        <h1>Användaren är skapad</h1>
        <p className="alert alert--success" role="status">
          Tillfälligt lösenord: <code>{actionData.temporaryPassword}</code>
        </p>
        <p>Lämna lösenordet till användaren på ett säkert sätt. Det visas bara nu, och användaren måste byta det vid första inloggningen.</p>
        <p>
          <Link to={`/admin/anvandare/${actionData.userId}`}>Till användaren</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Ny användare</h1>
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <TextField name="displayName" label="Namn" register={register} error={errorFor("displayName")} required autoComplete="off" />
        <TextField
          name="username"
          label="E-postadress (användarnamn)"
          type="email"
          register={register}
          error={errorFor("username")}
          required
          autoComplete="off"
        />
        <MembershipFields register={register} errorFor={errorFor} organisations={organisations} />
        <button type="submit" className="button" disabled={submitting}>
          Skapa användare
        </button>
      </Form>
    </div>
  );
}
