import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, SelectField, TextField, optionsOf, useValidatedForm } from "~/components/form";
import { formatDateTime } from "~/lib/format";
import { todayIso } from "~/lib/dates";
import { invalid, parseForm } from "~/lib/form.server";
import { notFound } from "~/lib/http";
import { readConsent, withdrawConsent } from "~/modules/consent/consents.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { requireActor } from "~/modules/auth/actor.server";
import { consentWithdrawalSchema } from "~/modules/consent/consent-schemas";
import { CONSENT_GIVER_LABELS, CONSENT_METHOD_LABELS, CONSENT_SECTION_LABELS, STAFF_CONSENT_METHOD_LABELS, consentState } from "~/modules/consent/labels";
import { REFERRAL_STATUS_LABELS } from "~/modules/referrals/referral-states";

export const meta: MetaFunction = () => [{ title: "Samtycke – Samverkansportalen" }];

function consentIdOf(params: { consentId?: string }) {
  const id = Number(params.consentId);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const consentId = consentIdOf(params);
  const file = openYouthFile(actor, params.youthId ?? "", { read: ["identity", "consents"], registerKeeperOnly: true });
  const { consent, referrals } = readConsent(file, consentId);
  return { youthId: file.id, name: `${file.youth.firstName} ${file.youth.lastName}`, consent, referrals, today: todayIso() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await parseForm(request, consentWithdrawalSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const consentId = consentIdOf(params);
  const result = withdrawConsent(openYouthFile(actor, params.youthId ?? "", { write: ["consents"] }), consentId, form.data);
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect(`/ungdomar/${params.youthId}/samtycken/${result.id}`);
}

export default function ConsentPage() {
  const { youthId, name, consent, referrals, today } = useLoaderData<typeof loader>();
  const state = consentState(consent, today);
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/ungdomar/${youthId}/samtycken`}>Alla samtycken för {name}</Link>
      </p>
      <h1>
        Samtycke {consent.id} <span className="badge">{state.label}</span>
      </h1>
      <dl className="facts">
        <dt>Syfte</dt>
        <dd>{consent.purpose}</dd>
        <dt>Mottagare</dt>
        <dd>{consent.recipients.map((r) => r.name).join(", ")}</dd>
        <dt>Får lämnas ut</dt>
        <dd>
          <ul className="compact-list">
            {consent.sections.map((s) => (
              <li key={s}>{CONSENT_SECTION_LABELS[s]}</li>
            ))}
          </ul>
        </dd>
        <dt>Gavs av</dt>
        <dd>
          {CONSENT_GIVER_LABELS[consent.givenBy]}
          {consent.guardianName ? ` (${consent.guardianName})` : ""}
        </dd>
        {consent.maturityNote ? (
          <>
            <dt>Ålder och mognad</dt>
            <dd>{consent.maturityNote}</dd>
          </>
        ) : null}
        <dt>Hur</dt>
        <dd>
          {CONSENT_METHOD_LABELS[consent.method]}
          {consent.documentRef ? `, ${consent.documentRef}` : ""}
        </dd>
        <dt>Gäller</dt>
        <dd>
          {consent.validFrom} – {consent.validUntil}
        </dd>
        <dt>Registrerat</dt>
        <dd>
          {formatDateTime(consent.recordedAt)} av {consent.recordedBy}
        </dd>
        {consent.withdrawnDate ? (
          <>
            <dt>Återkallat</dt>
            <dd>
              {consent.withdrawnDate}
              {consent.withdrawalMethod ? ` · ${CONSENT_METHOD_LABELS[consent.withdrawalMethod]}` : ""}
              <span className="block muted">
                Registrerat {consent.withdrawnAt ? formatDateTime(consent.withdrawnAt) : ""} av {consent.withdrawnBy}
              </span>
              {consent.withdrawalNote ? <span className="block">{consent.withdrawalNote}</span> : null}
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="remisser-rubrik" className="card">
        <h2 id="remisser-rubrik">Remisser som vilar på samtycket</h2>
        {referrals.length === 0 ? (
          <p>Inga.</p>
        ) : (
          <ul>
            {referrals.map((r) => (
              <li key={r.id}>
                <Link to={`/remisser/${r.id}`}>Remiss {r.id}</Link> till {r.recipientName}, {formatDateTime(r.sentAt)}: {REFERRAL_STATUS_LABELS[r.status]}
              </li>
            ))}
          </ul>
        )}
      </section>
      {!consent.withdrawnDate ? <WithdrawForm today={today} /> : null}
    </div>
  );
}

function WithdrawForm({ today }: { today: string }) {
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(consentWithdrawalSchema, {
    defaultValues: actionData?.values ?? { withdrawnDate: today },
    serverErrors: actionData?.errors,
  });
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  return (
    <section aria-labelledby="aterkalla-rubrik" className="card">
      <h2 id="aterkalla-rubrik">Återkalla samtycket</h2>
      <p>
        Mottagarna kan inte längre se uppgifterna från sin nästa sidvisning. Remisser som vilar på samtycket och inte är avslutade återkallas. Samtycket finns
        kvar i historiken.
      </p>
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <TextField {...field("withdrawnDate")} label="Återkallat den" type="date" required />
        <SelectField {...field("withdrawalMethod")} label="Hur återkallelsen meddelades" required options={optionsOf(STAFF_CONSENT_METHOD_LABELS)} />
        <TextField {...field("withdrawalNote")} label="Kort kommentar (frivilligt)" />
        <button type="submit" className="button button--danger" disabled={submitting}>
          Återkalla samtycket
        </button>
      </Form>
    </section>
  );
}
