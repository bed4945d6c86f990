import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { todayIso } from "~/lib/dates";
import { openOwnFile } from "~/modules/access/own-file.server";
import { requireCitizen } from "~/modules/auth/citizen.server";
import { consentRequestsOf, isAnswerable } from "~/modules/consent/consent-requests.server";
import { listConsents } from "~/modules/consent/consents.server";
import { OWN_SECTION_LABELS, ownConsentView } from "~/modules/consent/own-labels";

export const meta: MetaFunction = () => [{ title: "Samtycken – Mina sidor" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request);
  const file = openOwnFile(citizen, params.youthId ?? "", { read: ["identity", "consents"] });
  const today = todayIso();
  const self = file.relation === "self";
  return {
    youthId: file.id,
    self,
    firstName: file.youth.firstName,
    today,
    consents: listConsents(file).map((c) => ownConsentView(c, today)),
    // Only the youth answers a question about their own consent; a guardian does not see it.
    questions: self ? consentRequestsOf(file).filter((r) => isAnswerable(r, today)) : [],
  };
}

export default function OwnConsentsPage() {
  const { youthId, self, firstName, consents, questions } = useLoaderData<typeof loader>();
  return (
    <div className="narrow own-page">
      <p className="breadcrumbs">
        <Link to={`/mina-sidor/${youthId}`}>Tillbaka till Mina sidor</Link>
      </p>
      <h1>{self ? "Dina samtycken" : `Samtycken för ${firstName}`}</h1>
      <p className="lead">
        {self
          ? "Ett samtycke betyder att du har sagt ja till att vi får berätta om dig för en annan verksamhet, till exempel socialtjänsten, så att de kan hjälpa dig. Du kan ta tillbaka ett samtycke när du vill. Då slutar det gälla direkt."
          : `Här ser du vilka samtycken ${firstName} har gett. Bara ${firstName} kan ta tillbaka ett samtycke eller svara på en fråga om samtycke.`}
      </p>
      {questions.map((q) => (
        <section key={q.id} className="card card--highlight" aria-labelledby={`fraga-${q.id}`}>
          <h2 id={`fraga-${q.id}`}>Din handläggare frågar om ditt samtycke</h2>
          <p>
            {q.preparedBy} undrar om {q.recipients.map((r) => r.name).join(" och ")} får veta saker om dig. Syftet är: {q.purpose}
          </p>
          <p>
            <Link className="button" to={`/mina-sidor/${youthId}/samtycken/forfragan/${q.id}`}>
              Läs frågan och svara
            </Link>
          </p>
        </section>
      ))}
      {consents.length === 0 ? (
        <p>{self ? "Du har inte gett något samtycke. Vi berättar inte om dig för någon annan verksamhet." : `${firstName} har inte gett något samtycke.`}</p>
      ) : (
        <ul className="card-list">
          {consents.map((c) => (
            <li key={c.id} className={`card${c.state.active ? "" : " card--muted"}`}>
              <h2 className="card__title">
                <Link to={`/mina-sidor/${youthId}/samtycken/${c.id}`}>Till {c.recipients.map((r) => r.name).join(" och ")}</Link>
              </h2>
              <p>
                <strong>{c.state.label}</strong>
              </p>
              <p>Syfte: {c.purpose}</p>
              <p>
                Gäller från {c.validFrom} till och med {c.validUntil}.
              </p>
              <p>Det här får de veta:</p>
              <ul>
                {c.sections.map((s) => (
                  <li key={s}>{OWN_SECTION_LABELS[s]}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
