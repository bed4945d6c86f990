import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { todayIso } from "~/lib/dates";
import { invalid } from "~/lib/form.server";
import { notFound } from "~/lib/http";
import { openOwnFile } from "~/modules/access/own-file.server";
import { requireCitizen } from "~/modules/auth/citizen.server";
import { requireRecentAuthentication } from "~/modules/auth/step-up.server";
import { readConsent, withdrawConsentBySubject } from "~/modules/consent/consents.server";
import { OWN_SECTION_LABELS, ownConsentView } from "~/modules/consent/own-labels";
import { REFERRAL_STATUS_LABELS } from "~/modules/referrals/referral-states";

export const meta: MetaFunction = () => [{ title: "Samtycke – Mina sidor" }];

function consentIdOf(params: { consentId?: string }) {
  const id = Number(params.consentId);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}

const confirmPage = (youthId: string, consentId: number) => `/mina-sidor/${youthId}/samtycken/${consentId}?aterkalla=1`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request);
  const consentId = consentIdOf(params);
  const file = openOwnFile(citizen, params.youthId ?? "", { read: ["consents"], optional: ["referrals"] });
  const { consent, referrals } = readConsent(file, consentId);
  const today = todayIso();
  const self = file.relation === "self";
  const confirming = self && !consent.withdrawnDate && new URL(request.url).searchParams.get("aterkalla") === "1";
  // Withdrawing needs a sign-in no older than 15 minutes: ask for it before the question, not after the answer.
  if (confirming) requireRecentAuthentication(request, citizen, confirmPage(file.id, consentId));
  return {
    youthId: file.id,
    self,
    confirming,
    consent: ownConsentView(consent, today),
    // The referrals are the youth's to see (a guardian's sections do not include them).
    referrals: file.has("referrals") ? referrals.map((r) => ({ id: r.id, recipientName: r.recipientName, sentAt: r.sentAt, status: r.status })) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request);
  const consentId = consentIdOf(params);
  const youthId = params.youthId ?? "";
  // The answer cannot be replayed after the e-legitimation: the youth comes back to the question and answers again.
  requireRecentAuthentication(request, citizen, confirmPage(youthId, consentId));
  // Only the youth may write their consents: a guardian is refused by the kernel (404, logged).
  const result = withdrawConsentBySubject(openOwnFile(citizen, youthId, { write: ["consents"] }), consentId);
  if (!result.ok) return invalid(result.errors);
  return redirect(`/mina-sidor/${youthId}/samtycken/${consentId}`);
}

export default function OwnConsentPage() {
  const { youthId, self, confirming, consent, referrals } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const to = consent.recipients.map((r) => r.name).join(" och ");
  const open = referrals.filter((r) => r.status === "sent" || r.status === "received" || r.status === "accepted");
  return (
    <div className="narrow own-page">
      <p className="breadcrumbs">
        <Link to={`/mina-sidor/${youthId}/samtycken`}>Alla samtycken</Link>
      </p>
      <h1>Samtycke till {to}</h1>
      <p>
        <strong>{consent.state.label}</strong>
        {consent.withdrawnByYouth ? ". Du tog tillbaka det själv på Mina sidor." : null}
      </p>
      <dl className="facts">
        <dt>Vem får veta</dt>
        <dd>{to}</dd>
        <dt>Varför</dt>
        <dd>{consent.purpose}</dd>
        <dt>Vad de får veta</dt>
        <dd>
          <ul className="compact-list">
            {consent.sections.map((s) => (
              <li key={s}>{OWN_SECTION_LABELS[s]}</li>
            ))}
          </ul>
        </dd>
        <dt>Från och till</dt>
        <dd>
          {consent.validFrom} – {consent.validUntil}
        </dd>
      </dl>
      {referrals.length > 0 ? (
        <section aria-labelledby="remisser-rubrik" className="card">
          <h2 id="remisser-rubrik">Remisser som bygger på samtycket</h2>
          <p>En remiss är när vi ber en annan verksamhet att hjälpa dig.</p>
          <ul>
            {referrals.map((r) => (
              <li key={r.id}>
                Till {r.recipientName}, skickad {r.sentAt.slice(0, 10)}: {REFERRAL_STATUS_LABELS[r.status]}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {self && !consent.withdrawnDate && !confirming ? (
        <p>
          <Link className="button button--danger" to="?aterkalla=1">
            Återkalla samtycket
          </Link>
        </p>
      ) : null}
      {confirming ? (
        <section aria-labelledby="aterkalla-rubrik" className="card card--warning">
          <h2 id="aterkalla-rubrik">Vill du ta tillbaka samtycket?</h2>
          <p>Om du tar tillbaka samtycket händer det här direkt:</p>
          <ul>
            <li>{to} kan inte längre se dina uppgifter hos oss.</li>
            {open.length > 0 ? <li>Det pågående ärendet hos {open.map((r) => r.recipientName).join(" och ")} (remissen) avslutas.</li> : null}
            <li>Det du redan har berättat finns kvar hos oss. Samtycket syns kvar här, som återkallat.</li>
          </ul>
          <p>Du kan alltid ge ett nytt samtycke senare. Prata med din handläggare om du undrar något.</p>
          <ErrorSummary errors={actionData?.errors} />
          <Form method="post">
            <button type="submit" className="button button--danger">
              Ja, ta tillbaka samtycket
            </button>{" "}
            <Link to={`/mina-sidor/${youthId}/samtycken/${consent.id}`}>Nej, avbryt</Link>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
