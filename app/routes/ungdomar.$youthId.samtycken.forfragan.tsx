import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConsentTermsFields } from "~/components/consent-terms-fields";
import { ErrorSummary, Form, TextAreaField, useValidatedForm } from "~/components/form";
import { addMonths, todayIso } from "~/lib/dates";
import { invalid, parseForm, readFormData } from "~/lib/form.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { requireActor } from "~/modules/auth/actor.server";
import { cancelConsentRequest, prepareConsentRequest } from "~/modules/consent/consent-requests.server";
import { consentRequestSchema, DEFAULT_CONSENT_MONTHS } from "~/modules/consent/consent-schemas";
import { CONSENT_RECIPIENT_KINDS, partnerOrganisations } from "~/modules/organizations/partners.server";
import { ageOn } from "~/modules/youth/personal-number";

export const meta: MetaFunction = () => [{ title: "Fråga om samtycke – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  // The KAA unit prepares consents; nobody else reads or writes the consent records.
  const file = openYouthFile(actor, params.youthId ?? "", { read: ["identity", "consents"], registerKeeperOnly: true });
  const today = todayIso();
  return {
    youthId: file.id,
    name: `${file.youth.firstName} ${file.youth.lastName}`,
    age: ageOn(file.youth.birthDate, today),
    organisations: partnerOrganisations(actor.municipalityId!, CONSENT_RECIPIENT_KINDS),
    defaults: { validFrom: today, validUntil: addMonths(today, DEFAULT_CONSENT_MONTHS) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const youthId = params.youthId ?? "";
  const posted = await readFormData(request.clone());
  if (posted.get("intent") === "cancel") {
    const requestId = Number(posted.get("requestId"));
    if (!Number.isInteger(requestId) || requestId <= 0) return invalid({ form: "Förfrågan finns inte." });
    const result = cancelConsentRequest(openYouthFile(actor, youthId, { write: ["consents"] }), requestId);
    if (!result.ok) return invalid(result.errors);
    return redirect(`/ungdomar/${youthId}/samtycken#forfragningar`);
  }
  const form = await parseForm(request, consentRequestSchema, { lists: ["recipientOrganisationIds", "sections"] });
  if (!form.ok) return invalid(form.errors, form.values);
  const result = prepareConsentRequest(openYouthFile(actor, youthId, { write: ["consents"] }), form.data);
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect(`/ungdomar/${youthId}/samtycken#forfragningar`);
}

export default function ConsentRequestPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? data.defaults;
  const { register, errorFor, formProps, submitting } = useValidatedForm(consentRequestSchema, { defaultValues: values, serverErrors: actionData?.errors });
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/ungdomar/${data.youthId}/samtycken`}>Samtycken för {data.name}</Link>
      </p>
      <h1>Fråga {data.name} om samtycke</h1>
      <p className="lead">
        Förbered samtycket här. {data.name} ser frågan på Mina sidor och kan svara ja eller nej. Svarar {data.name} ja registreras samtycket som givet digitalt
        av ungdomen, med dig som den som registrerade det. Svaret syns under Samtycken.
      </p>
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        {data.age < 18 ? (
          <TextAreaField
            name="maturityNote"
            register={register}
            error={errorFor("maturityNote")}
            label="Bedömning av ungdomens ålder och mognad"
            maxLength={300}
            required
            hint={`Ungdomen är ${data.age} år och svarar själv. Beskriv varför ungdomen kan ta ställning till samtycket på egen hand.`}
          />
        ) : null}
        <ConsentTermsFields register={register} errorFor={errorFor} values={values as Record<string, unknown>} organisations={data.organisations} />
        <button type="submit" className="button" disabled={submitting}>
          Skicka frågan till {data.name}
        </button>
      </Form>
    </div>
  );
}
