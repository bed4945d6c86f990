import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { todayIso } from "~/lib/dates";
import { invalid, parseForm } from "~/lib/form.server";
import { notFound } from "~/lib/http";
import { openOwnFile } from "~/modules/access/own-file.server";
import { requireCitizen } from "~/modules/auth/citizen.server";
import { answerConsentRequest, isAnswerable, readConsentRequest } from "~/modules/consent/consent-requests.server";
import { consentAnswerSchema } from "~/modules/consent/consent-schemas";
import { OWN_SECTION_LABELS } from "~/modules/consent/own-labels";

export const meta: MetaFunction = () => [{ title: "Fråga om samtycke – Mina sidor" }];

function requestIdOf(params: { requestId?: string }) {
  const id = Number(params.requestId);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request);
  // The youth's own question: a guardian is refused the write, so the page is the youth's alone.
  const file = openOwnFile(citizen, params.youthId ?? "", { read: ["consents"], write: ["consents"] });
  const question = readConsentRequest(file, requestIdOf(params));
  return { youthId: file.id, question, answerable: isAnswerable(question, todayIso()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request);
  const youthId = params.youthId ?? "";
  const requestId = requestIdOf(params);
  const form = await parseForm(request, consentAnswerSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = answerConsentRequest(openOwnFile(citizen, youthId, { write: ["consents"] }), requestId, form.data.answer);
  if (!result.ok) return invalid(result.errors);
  return redirect(form.data.answer === "accept" ? `/mina-sidor/${youthId}/samtycken/${result.id}` : `/mina-sidor/${youthId}/samtycken`);
}

export default function ConsentQuestionPage() {
  const { youthId, question, answerable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const to = question.recipients.map((r) => r.name).join(" och ");
  return (
    <div className="narrow own-page">
      <p className="breadcrumbs">
        <Link to={`/mina-sidor/${youthId}/samtycken`}>Alla samtycken</Link>
      </p>
      <h1>Får {to} veta saker om dig?</h1>
      <p className="lead">
        {question.preparedBy}, din handläggare, frågar om du samtycker. Det betyder att du säger ja till att vi berättar det här för {to}, så att de kan hjälpa
        dig. Det är frivilligt. Om du säger nej får du ändå stöd av oss.
      </p>
      <dl className="facts">
        <dt>Vem får veta</dt>
        <dd>{to}</dd>
        <dt>Varför</dt>
        <dd>{question.purpose}</dd>
        <dt>Vad de får veta</dt>
        <dd>
          <ul className="compact-list">
            {question.sections.map((s) => (
              <li key={s}>{OWN_SECTION_LABELS[s]}</li>
            ))}
          </ul>
        </dd>
        <dt>Hur länge</dt>
        <dd>
          Från {question.validFrom} till och med {question.validUntil}. Du kan ta tillbaka ditt samtycke när du vill.
        </dd>
      </dl>
      {answerable ? (
        <>
          <ErrorSummary errors={actionData?.errors} />
          <Form method="post" className="button-row">
            <button type="submit" name="answer" value="accept" className="button">
              Ja, jag samtycker
            </button>
            <button type="submit" name="answer" value="decline" className="button button--secondary">
              Nej, jag samtycker inte
            </button>
          </Form>
        </>
      ) : (
        <p>
          <strong>
            {question.state === "pending" ? "Frågan har gått ut." : "Du har redan svarat på frågan, eller så har handläggaren tagit tillbaka den."}
          </strong>
        </p>
      )}
    </div>
  );
}
