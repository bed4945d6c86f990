import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, TextField, useValidatedForm } from "~/components/form";
import { YouthIdentityFields } from "~/components/youth-identity-fields";
import { invalid, parseForm } from "~/lib/form.server";
import { createYouth } from "~/modules/access/youth-file.server";
import { KAA_ROLES, requireRole } from "~/modules/auth/actor.server";
import { listMunicipalities } from "~/modules/organizations/municipalities.server";
import { youthCreateSchema } from "~/modules/youth/youth-schema";

export const meta: MetaFunction = () => [{ title: "Registrera ungdom – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, KAA_ROLES);
  // A KAA unit registers the youths of its own municipality only.
  return { municipalities: listMunicipalities().filter((m) => m.id === actor.municipalityId), ownMunicipalityId: actor.municipalityId };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, KAA_ROLES);
  const form = await parseForm(request, youthCreateSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = createYouth(actor, form.data);
  if (!result.ok) return invalid(result.errors, { ...form.values, ...(result.existingId ? { existingId: result.existingId } : {}) });
  return redirect(`/ungdomar/${result.id}`);
}

export default function NewYouth() {
  const { municipalities, ownMunicipalityId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {};
  const { register, errorFor, formProps, submitting } = useValidatedForm(youthCreateSchema, {
    defaultValues: { homeMunicipalityId: String(ownMunicipalityId ?? ""), ...values, protectedIdentity: values.protectedIdentity === "on" },
    serverErrors: actionData?.errors,
  });
  const existingId = values.existingId;
  return (
    <div className="narrow">
      <h1>Registrera ungdom</h1>
      <p>
        Registret får bara innehålla namn, personnummer, kontaktuppgifter och sysselsättning (förordning 2006:39). Skriv inga
        känsliga uppgifter som hälsa eller etnicitet.
      </p>
      <ErrorSummary errors={actionData?.errors} />
      {existingId ? (
        <p className="alert alert--info">
          <Link to={`/ungdomar/${existingId}`}>Öppna ungdomen som redan finns i registret</Link>
        </p>
      ) : null}
      <Form {...formProps}>
        <TextField
          name="personalNumber"
          label="Personnummer eller samordningsnummer"
          hint="10 eller 12 siffror, till exempel 20080412-1234."
          register={register}
          error={errorFor("personalNumber")}
          autoComplete="off"
          inputMode="numeric"
          required
        />
        <YouthIdentityFields register={register} errorFor={errorFor} municipalities={municipalities} addressEditable />
        <button type="submit" className="button" disabled={submitting}>
          Registrera
        </button>
      </Form>
    </div>
  );
}
