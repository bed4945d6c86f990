import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, useValidatedForm } from "~/components/form";
import { YouthIdentityFields } from "~/components/youth-identity-fields";
import { invalid, parseForm } from "~/lib/form.server";
import { protectedAddressAwaitsStepUp, readYouthForEdit, updateYouth } from "~/modules/youth/youth-file.server";
import { requireActor } from "~/modules/auth/actor.server";
import { requireRecentAuthentication } from "~/modules/auth/step-up.server";
import { recomputeNextStepOf } from "~/modules/outreach/routine.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { listMunicipalities } from "~/modules/organizations/municipalities.server";
import { youthUpdateSchema } from "~/modules/youth/youth-schema";

export const meta: MetaFunction = () => [{ title: "Ändra uppgifter – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const file = openYouthFile(actor, params.youthId ?? "", { read: ["identity"], optional: ["protected_address"], registerKeeperOnly: true });
  // The samordnare's form holds the protected address: with a sign-in older than 15 minutes, prove it again first.
  if (protectedAddressAwaitsStepUp(file)) requireRecentAuthentication(request, { kind: "staff", authenticatedAt: actor.authenticatedAt });
  const youth = readYouthForEdit(file);
  return { youth, municipalities: listMunicipalities() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await parseForm(request, youthUpdateSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const file = openYouthFile(actor, params.youthId ?? "", { write: ["identity"] });
  const result = updateYouth(file, form.data);
  // The guardians decide whom the contact routine reaches: its next step may have moved.
  if (result.ok) recomputeNextStepOf(file);
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect(`/ungdomar/${result.id}`);
}

export default function EditYouth() {
  const { youth, municipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(youthUpdateSchema, {
    defaultValues: actionData?.values
      ? { ...youth.values, ...actionData.values, protectedIdentity: actionData.values.protectedIdentity === "on" }
      : youth.values,
    serverErrors: actionData?.errors,
  });
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/ungdomar/${youth.id}`}>Tillbaka till ungdomen</Link>
      </p>
      <h1>Ändra uppgifter</h1>
      <p>
        Personnummer: <strong>{youth.personalNumber}</strong>. Tidigare värden sparas i ändringshistoriken.
      </p>
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <YouthIdentityFields register={register} errorFor={errorFor} municipalities={municipalities} addressEditable={youth.addressEditable} />
        <button type="submit" className="button" disabled={submitting}>
          Spara uppgifterna
        </button>
      </Form>
    </div>
  );
}
