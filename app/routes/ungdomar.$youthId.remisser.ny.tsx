import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxGroup, ErrorSummary, Form, SelectField, TextAreaField, useValidatedForm } from "~/components/form";
import { todayIso } from "~/lib/dates";
import { invalid, parseForm } from "~/lib/form.server";
import { listConsents } from "~/modules/consent/consents.server";
import { consentInForce } from "~/modules/access/policy";
import { sendReferral } from "~/modules/referrals/referrals.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { requireActor } from "~/modules/auth/actor.server";
import { CONSENT_SECTION_LABELS, CONSENT_SECTION_SHORT } from "~/modules/consent/labels";
import { partnerOrganisations } from "~/modules/organizations/partners.server";
import { referralSchema } from "~/modules/referrals/referral-schemas";

export const meta: MetaFunction = () => [{ title: "Skicka remiss – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  // The form shows the consents in force beside it: the KAA unit's own view of the file.
  const file = openYouthFile(actor, params.youthId ?? "", { read: ["identity", "consents"], registerKeeperOnly: true });
  const today = todayIso();
  const inForce = listConsents(file).filter((c) => consentInForce(c, today));
  return {
    youthId: file.id,
    name: `${file.youth.firstName} ${file.youth.lastName}`,
    organisations: partnerOrganisations(actor.municipalityId!),
    // What each recipient may be sent, from the consents in force: shown beside the form.
    consents: inForce.map((c) => ({
      id: c.id,
      recipients: c.recipients.map((r) => r.name),
      sections: c.sections.map((s) => CONSENT_SECTION_SHORT[s]),
      validUntil: c.validUntil,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await parseForm(request, referralSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = sendReferral(openYouthFile(actor, params.youthId ?? "", { write: ["referrals"] }), form.data);
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect(`/remisser/${result.id}`);
}

export default function NewReferral() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {};
  const { register, errorFor, formProps, submitting } = useValidatedForm(referralSchema, { defaultValues: values, serverErrors: actionData?.errors });
  const sections = values.sections;
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/ungdomar/${data.youthId}`}>Tillbaka till {data.name}</Link>
      </p>
      <h1>Skicka remiss</h1>
      <section aria-labelledby="samtycken-rubrik" className="card">
        <h2 id="samtycken-rubrik">Gällande samtycken</h2>
        {data.consents.length === 0 ? (
          <p className="alert alert--warning">
            Det finns inget gällande samtycke. En remiss kan bara skickas med ett samtycke som omfattar mottagaren och det som delas.{" "}
            <Link to={`/ungdomar/${data.youthId}/samtycken`}>Registrera samtycke</Link>
          </p>
        ) : (
          <ul>
            {data.consents.map((c) => (
              <li key={c.id}>
                Samtycke {c.id}: {c.recipients.join(", ")} – {c.sections.join(", ")} (till {c.validUntil})
              </li>
            ))}
          </ul>
        )}
      </section>
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <SelectField
          name="recipientOrganisationId"
          label="Mottagare"
          register={register}
          error={errorFor("recipientOrganisationId")}
          required
          options={data.organisations.map((o) => ({ value: String(o.id), label: `${o.name} (${o.municipalityName})` }))}
        />
        <TextAreaField
          name="question"
          label="Fråga eller behov"
          register={register}
          error={errorFor("question")}
          required
          maxLength={500}
          hint="Vad behöver ungdomen, och vad vill ni att mottagaren tar ställning till?"
        />
        <TextAreaField
          name="requestedIntervention"
          label="Insats som efterfrågas"
          register={register}
          error={errorFor("requestedIntervention")}
          required
          maxLength={300}
        />
        <CheckboxGroup
          name="sections"
          legend="Delar av akten som delas med remissen"
          hint="Mottagaren ser bara de delar samtycket omfattar, och bara så länge det gäller."
          options={Object.entries(CONSENT_SECTION_LABELS).map(([value, label]) => ({ value, label }))}
          register={register}
          error={errorFor("sections")}
          selected={Array.isArray(sections) ? sections : sections ? [sections] : []}
        />
        <button type="submit" className="button" disabled={submitting}>
          Skicka remissen
        </button>
      </Form>
    </div>
  );
}
