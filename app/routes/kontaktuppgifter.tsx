import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { ErrorSummary, Form, TextAreaField, TextField, useValidatedForm } from "~/components/form";
import { formatDateTime } from "~/lib/format";
import { invalid, parseForm } from "~/lib/form.server";
import { KAA_ROLES, requireRole } from "~/modules/auth/actor.server";
import { UNIT_CONTACT_FIELD_LABELS as LABELS, unitContactSchema } from "~/modules/outreach/unit-contact-schema";
import { saveUnitContactDetails, unitContactDetailsOf } from "~/modules/outreach/unit-contact.server";

export const meta: MetaFunction = () => [{ title: "Enhetens kontaktuppgifter – Samverkansportalen" }];

/** Every KAA member reads the details the letters print; the samordnare keeps them. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, KAA_ROLES);
  return { details: unitContactDetailsOf(actor.organisationId), mayEdit: actor.role === "kaa_coordinator", unitName: actor.organisationName };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["kaa_coordinator"]);
  const form = await parseForm(request, unitContactSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  saveUnitContactDetails(actor, form.data);
  return json({ ok: true as const, errors: {} as Record<string, string>, values: form.values });
}

export default function UnitContactDetailsPage() {
  const { details, mayEdit, unitName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(unitContactSchema, {
    defaultValues: actionData?.values ?? details ?? {},
    serverErrors: actionData?.errors,
  });
  return (
    <>
      <h1>Enhetens kontaktuppgifter</h1>
      <p className="lead">
        Uppgifterna skrivs ut på alla brev och knackkort från {unitName ?? "KAA-enheten"}, så att ungdomen och vårdnadshavarna kan svara. Utan dem kan inga brev
        skrivas ut.
      </p>
      {actionData?.ok ? (
        <p className="alert alert--success" role="status">
          Kontaktuppgifterna är sparade. De står på breven från och med nu.
        </p>
      ) : null}
      {!details ? (
        <p className="alert alert--warning" role="status">
          Kontaktuppgifterna är inte ifyllda ännu.{mayEdit ? "" : " Be KAA-samordnaren fylla i dem."}
        </p>
      ) : null}
      {mayEdit ? (
        <>
          <ErrorSummary errors={actionData?.errors} />
          <Form {...formProps} className="narrow">
            <TextField name="phone" label={LABELS.phone} register={register} error={errorFor("phone")} type="tel" autoComplete="off" required />
            <TextField name="sms" label={LABELS.sms} register={register} error={errorFor("sms")} type="tel" autoComplete="off" required />
            <TextField name="email" label={LABELS.email} register={register} error={errorFor("email")} type="email" autoComplete="off" required />
            <TextField name="streetAddress" label={LABELS.streetAddress} register={register} error={errorFor("streetAddress")} autoComplete="off" required />
            <TextField
              name="postalCode"
              label={LABELS.postalCode}
              register={register}
              error={errorFor("postalCode")}
              inputMode="numeric"
              autoComplete="off"
              required
            />
            <TextField name="city" label={LABELS.city} register={register} error={errorFor("city")} autoComplete="off" required />
            <TextAreaField
              name="openingHours"
              label={LABELS.openingHours}
              hint="Till exempel: Måndag–fredag 8–16, drop-in tisdagar 13–17."
              register={register}
              error={errorFor("openingHours")}
              maxLength={300}
              required
            />
            <button type="submit" className="button" disabled={submitting}>
              Spara kontaktuppgifterna
            </button>
          </Form>
        </>
      ) : details ? (
        <dl className="facts">
          {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((field) => (
            <Fragment key={field}>
              <dt>{LABELS[field]}</dt>
              <dd>{details[field]}</dd>
            </Fragment>
          ))}
        </dl>
      ) : null}
      {details ? <p className="muted">Senast ändrade {formatDateTime(details.updatedAt)}.</p> : null}
    </>
  );
}
