import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConsentTable } from "~/components/consent-table";
import { ConsentTermsFields } from "~/components/consent-terms-fields";
import { ErrorSummary, Form, SelectField, TextAreaField, TextField, useValidatedForm, optionsOf } from "~/components/form";
import { addMonths, todayIso } from "~/lib/dates";
import { invalid, parseForm } from "~/lib/form.server";
import { listConsents, recordConsent } from "~/modules/consent/consents.server";
import { consentRequestsOf } from "~/modules/consent/consent-requests.server";
import { readYouthFile } from "~/modules/youth/youth-file.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { requireActor } from "~/modules/auth/actor.server";
import { CONSENT_GIVER_LABELS, CONSENT_REQUEST_STATE_LABELS, CONSENT_SECTION_SHORT, STAFF_CONSENT_METHOD_LABELS } from "~/modules/consent/labels";
import { formatDateTime } from "~/lib/format";
import { consentSchema, DEFAULT_CONSENT_MONTHS } from "~/modules/consent/consent-schemas";
import { CONSENT_RECIPIENT_KINDS, partnerOrganisations } from "~/modules/organizations/partners.server";

export const meta: MetaFunction = () => [{ title: "Samtycken – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  // The KAA unit's own page: the consent records are never opened to anyone else.
  const file = openYouthFile(actor, params.youthId ?? "", { read: ["identity", "consents"], registerKeeperOnly: true });
  const youth = readYouthFile(file);
  const today = todayIso();
  return {
    youthId: youth.id,
    name: `${youth.firstName} ${youth.lastName}`,
    age: youth.age,
    guardians: youth.guardians.map((g) => g.name),
    consents: listConsents(file),
    requests: consentRequestsOf(file),
    organisations: partnerOrganisations(actor.municipalityId!, CONSENT_RECIPIENT_KINDS),
    today,
    defaults: { validFrom: today, validUntil: addMonths(today, DEFAULT_CONSENT_MONTHS), givenBy: youth.age < 18 ? "both" : "youth", method: "written" },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await parseForm(request, consentSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = recordConsent(openYouthFile(actor, params.youthId ?? "", { write: ["consents"] }), form.data);
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect(`/ungdomar/${params.youthId}/samtycken#historik`);
}

export default function ConsentsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? data.defaults;
  const { register, errorFor, formProps, submitting } = useValidatedForm(consentSchema, { defaultValues: values, serverErrors: actionData?.errors });
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/ungdomar/${data.youthId}`}>Tillbaka till {data.name}</Link>
      </p>
      <h1>Samtycken för {data.name}</h1>
      <p className="lead">
        Uppgifter om ungdomen lämnas till en annan organisation bara med ungdomens samtycke (OSL 12 kap. 2 §), för de delar och den tid samtycket gäller. Ett
        samtycke kan återkallas när som helst; det gäller då från nästa sidvisning hos mottagaren.
      </p>
      <section id="historik" aria-labelledby="historik-rubrik" className="card">
        <h2 id="historik-rubrik">Registrerade samtycken</h2>
        <ConsentTable youthId={data.youthId} consents={data.consents} today={data.today} />
      </section>
      <section id="forfragningar" aria-labelledby="forfragningar-rubrik" className="card">
        <h2 id="forfragningar-rubrik">Frågor till ungdomen på Mina sidor</h2>
        <p>
          <Link to={`/ungdomar/${data.youthId}/samtycken/forfragan`}>Fråga ungdomen om samtycke</Link> – ungdomen svarar själv, digitalt, på Mina sidor.
        </p>
        {data.requests.length === 0 ? (
          <p>Inga frågor har skickats.</p>
        ) : (
          <ul className="compact-list">
            {data.requests.map((r) => (
              <li key={r.id}>
                <strong>{CONSENT_REQUEST_STATE_LABELS[r.state]}</strong>
                {r.answeredAt ? ` ${formatDateTime(r.answeredAt)}` : ""}: {r.purpose} ({r.recipients.map((x) => x.name).join(", ")};{" "}
                {r.sections.map((x) => CONSENT_SECTION_SHORT[x]).join(", ")}), förberedd av {r.preparedBy} {formatDateTime(r.createdAt)}.
                {r.consentId ? (
                  <>
                    {" "}
                    <Link to={`/ungdomar/${data.youthId}/samtycken/${r.consentId}`}>Samtycke {r.consentId}</Link>
                  </>
                ) : null}
                {r.state === "pending" ? (
                  <form method="post" action={`/ungdomar/${data.youthId}/samtycken/forfragan`} className="inline-form">
                    <input type="hidden" name="intent" value="cancel" />
                    <input type="hidden" name="requestId" value={r.id} />
                    <button type="submit" className="button button--secondary">
                      Ta tillbaka frågan
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="nytt-rubrik" className="card narrow">
        <h2 id="nytt-rubrik">Registrera ett samtycke</h2>
        <ErrorSummary errors={actionData?.errors} />
        <Form {...formProps}>
          <fieldset>
            <legend>Vem gav samtycket, och hur</legend>
            <SelectField
              {...field("givenBy")}
              label="Samtycket gavs av"
              required
              options={optionsOf(CONSENT_GIVER_LABELS)}
              hint={data.age < 18 ? `Ungdomen är ${data.age} år.` : undefined}
            />
            <TextField
              {...field("guardianName")}
              label="Vårdnadshavare som gav samtycket"
              hint={data.guardians.length ? `Registrerade: ${data.guardians.join(", ")}.` : undefined}
            />
            {data.age < 18 ? (
              <TextAreaField
                {...field("maturityNote")}
                label="Bedömning av ungdomens ålder och mognad"
                maxLength={300}
                hint="Hur ungdomens egen vilja vägts in (krävs när ungdomen är under 18 år och själv samtycker)."
              />
            ) : null}
            <SelectField {...field("method")} label="Hur samtycket gavs" required options={optionsOf(STAFF_CONSENT_METHOD_LABELS)} />
            <TextField {...field("documentRef")} label="Var det skriftliga samtycket finns (diarienummer)" hint="Krävs för skriftligt samtycke." />
          </fieldset>
          <ConsentTermsFields register={register} errorFor={errorFor} values={values as Record<string, unknown>} organisations={data.organisations} />
          <button type="submit" className="button" disabled={submitting}>
            Registrera samtycket
          </button>
        </Form>
      </section>
    </>
  );
}
