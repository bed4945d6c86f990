import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, TextField, useValidatedForm } from "~/components/form";
import { invalid, parseForm } from "~/lib/form.server";
import { changeOwnPassword } from "~/modules/auth/account.server";
import { requireUser } from "~/modules/auth/actor.server";
import { passwordChangeSchema } from "~/modules/auth/auth-schemas";

export const meta: MetaFunction = () => [{ title: "Byt lösenord – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  return { mustChange: auth.user.mustChangePassword };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireUser(request);
  const form = await parseForm(request, passwordChangeSchema);
  if (!form.ok) return invalid(form.errors);
  const result = await changeOwnPassword(auth.user.id, auth.session.id, form.data);
  if (!result.ok) return invalid(result.errors);
  return json({ ok: true as const, errors: {} as Record<string, string>, values: {} as Record<string, string> });
}

export default function ChangePassword() {
  const { mustChange } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(passwordChangeSchema, {
    defaultValues: { currentPassword: "", newPassword: "", repeatPassword: "" },
    serverErrors: actionData?.errors,
  });
  if (actionData?.ok) {
    return (
      <div className="narrow">
        <h1>Byt lösenord</h1>
        <p className="alert alert--success" role="status">
          Ditt lösenord är bytt. Du har loggats ut från dina andra inloggningar.
        </p>
        <p>
          <a href="/start">Till startsidan</a>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Byt lösenord</h1>
      {mustChange ? <p className="alert alert--info">Du loggade in med ett tillfälligt lösenord. Välj ett eget lösenord för att fortsätta.</p> : null}
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <TextField
          name="currentPassword"
          label="Nuvarande lösenord"
          type="password"
          autoComplete="current-password"
          register={register}
          error={errorFor("currentPassword")}
        />
        <TextField
          name="newPassword"
          label="Nytt lösenord"
          type="password"
          autoComplete="new-password"
          register={register}
          error={errorFor("newPassword")}
          hint="Minst 12 tecken. Gärna en mening eller flera ord – långt är bättre än krångligt. Vanliga lösenord godtas inte."
        />
        <TextField
          name="repeatPassword"
          label="Upprepa nytt lösenord"
          type="password"
          autoComplete="new-password"
          register={register}
          error={errorFor("repeatPassword")}
        />
        <button type="submit" className="button" disabled={submitting}>
          Byt lösenord
        </button>
      </Form>
    </div>
  );
}
