import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, TextField, useValidatedForm } from "~/components/form";
import { invalid, parseForm } from "~/lib/form.server";
import { requireRole } from "~/modules/auth/actor.server";
import { mailboxSchema } from "~/modules/organizations/admin-schemas";
import { ORGANISATION_KIND_LABELS } from "~/modules/organizations/labels";
import { organisationForMailbox, setFunctionalMailbox } from "~/modules/organizations/mailbox.server";

export const meta: MetaFunction = () => [{ title: "Organisation – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["system_admin"]);
  return { organisation: organisationForMailbox(Number(params.organisationId)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["system_admin"]);
  const organisationId = Number(params.organisationId);
  organisationForMailbox(organisationId);
  const form = await parseForm(request, mailboxSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  setFunctionalMailbox(organisationId, form.data.functionalMailbox, actor);
  return redirect("/admin/organisationer");
}

export default function OrganisationMailbox() {
  const { organisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(mailboxSchema, {
    defaultValues: actionData?.values ?? { functionalMailbox: organisation.functionalMailbox ?? "" },
    serverErrors: actionData?.errors,
  });
  return (
    <div className="narrow">
      <h1>{organisation.name}</h1>
      <p className="lead">{ORGANISATION_KIND_LABELS[organisation.kind]}</p>
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <TextField
          name="functionalMailbox"
          label="Funktionsbrevlåda"
          type="email"
          autoComplete="off"
          hint="Till exempel mottagning@kommun.se. Får e-post om nya remisser och orosanmälningar till organisationen, utöver de medarbetare som valt e-post. Lämna tomt för ingen."
          register={register}
          error={errorFor("functionalMailbox")}
        />
        <button type="submit" className="button" disabled={submitting}>
          Spara
        </button>
      </Form>
      <p>
        <Link to="/admin/organisationer">Till organisationerna</Link>
      </p>
    </div>
  );
}
