import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AssessmentFacts } from "~/components/assessment-facts";
import { ContactAttemptTable } from "~/components/contact-attempt-table";
import { InterventionTable } from "~/components/intervention-table";
import { OwnAccessLog } from "~/components/own-access-log";
import { PrintButton } from "~/components/print-button";
import { todayIso } from "~/lib/dates";
import { formatDateTime } from "~/lib/format";
import { openOwnFile } from "~/modules/access/own-file.server";
import { requireCitizen } from "~/modules/auth/citizen.server";
import { requireRecentAuthentication } from "~/modules/auth/step-up.server";
import { CONSENT_REQUEST_STATE_LABELS } from "~/modules/consent/labels";
import { OWN_SECTION_LABELS, ownConsentState } from "~/modules/consent/own-labels";
import { NOTICE_KIND_LABELS } from "~/modules/notices/notice-schema";
import { END_REASON_LABELS, ENROLLMENT_STATUS_LABELS } from "~/modules/outreach/labels";
import { REFERRAL_STATUS_LABELS } from "~/modules/referrals/referral-states";
import { readRegisterutdrag, REGISTERUTDRAG_SECTIONS } from "~/modules/subject-access/registerutdrag.server";

export const meta: MetaFunction = () => [{ title: "Registerutdrag – Mina sidor" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request);
  // A protected address is shown only on request, after an e-legitimation no older than 15 minutes.
  const showAddress = new URL(request.url).searchParams.get("adress") === "visa";
  if (showAddress) requireRecentAuthentication(request, citizen);
  // Everything, for the youth alone: a guardian is refused the whole file (404, logged).
  const file = openOwnFile(citizen, params.youthId ?? "", {
    read: showAddress ? [...REGISTERUTDRAG_SECTIONS, "protected_address"] : REGISTERUTDRAG_SECTIONS,
  });
  return { youthId: file.id, today: todayIso(), printedAt: new Date().toISOString(), ...readRegisterutdrag(file) };
}

export default function RegisterutdragPage() {
  const data = useLoaderData<typeof loader>();
  const { identity: id } = data;
  const address = id.address;
  return (
    <div className="own-page registerutdrag">
      <p className="breadcrumbs no-print">
        <Link to={`/mina-sidor/${data.youthId}`}>Tillbaka till Mina sidor</Link>
      </p>
      <h1>Registerutdrag för {`${id.firstName} ${id.lastName}`}</h1>
      <p className="lead">
        Här är allt som Samverkansportalen har sparat om dig, och vem som har tittat på dina uppgifter och varför. Du har rätt att få veta det enligt
        dataskyddsförordningen (GDPR artikel 15). Om något är fel kan du be din handläggare att rätta det.
      </p>
      <p className="muted">Utdraget gäller {formatDateTime(data.printedAt)}.</p>
      <PrintButton />

      <section aria-labelledby="du-rubrik" className="card">
        <h2 id="du-rubrik">Om dig</h2>
        <dl className="facts">
          <dt>Namn</dt>
          <dd>{`${id.firstName} ${id.lastName}`}</dd>
          <dt>{id.isCoordinationNumber ? "Samordningsnummer" : "Personnummer"}</dt>
          <dd>{id.personalNumber}</dd>
          <dt>Hemkommun</dt>
          <dd>{id.homeMunicipalityName}</dd>
          <dt>Adress</dt>
          <dd>
            {address.kind === "protected" ? (
              <>
                Du har skyddade personuppgifter. Adressen visas bara när du ber om det.{" "}
                <Link to="?adress=visa" className="no-print">
                  Visa min adress
                </Link>
              </>
            ) : (
              [address.streetAddress, address.postalCode, address.city].filter(Boolean).join(", ") || "–"
            )}
          </dd>
          <dt>Telefon</dt>
          <dd>{id.phone ?? "–"}</dd>
          <dt>E-post</dt>
          <dd>{id.email ?? "–"}</dd>
          <dt>Vårdnadshavare</dt>
          <dd>{id.guardians.length ? id.guardians.map((g) => [g.name, g.phone, g.email].filter(Boolean).join(", ")).join("; ") : "–"}</dd>
          <dt>Registrerad hos oss</dt>
          <dd>{formatDateTime(id.createdAt)}</dd>
        </dl>
      </section>

      <section aria-labelledby="perioder-rubrik" className="card">
        <h2 id="perioder-rubrik">När vi har arbetat med dig</h2>
        {data.periods.length === 0 ? <p>Inga perioder.</p> : null}
        {data.periods.map(({ enrollment: e, assessment, plan, interventions, ownEvaluations }) => (
          <article key={e.id} className="period">
            <h3>
              Från {e.startDate}
              {e.endDate ? ` till ${e.endDate}` : " (pågår)"}
            </h3>
            <p>
              Läge: {ENROLLMENT_STATUS_LABELS[e.status]}
              {e.endReason ? `. Avslutades: ${END_REASON_LABELS[e.endReason]}` : ""}
              {e.caseworkerName ? `. Handläggare: ${e.caseworkerName}` : ""}.
            </p>
            <h4>Kartläggning</h4>
            <AssessmentFacts assessment={assessment} />
            <h4>Plan</h4>
            <p>
              <strong>Mål:</strong> {plan?.goal ?? "Ingen plan är skriven."}
            </p>
            {plan?.youthComment ? <p>Det du har sagt om planen: {plan.youthComment}</p> : null}
            <InterventionTable youthId={data.youthId} interventions={interventions} today={data.today} linked={false} />
            <h4>Det du har tyckt på Mina sidor</h4>
            {ownEvaluations.length === 0 ? (
              <p>Inget.</p>
            ) : (
              <ul>
                {ownEvaluations.map((o) => (
                  <li key={o.id}>
                    {o.createdAt.slice(0, 10)}, {o.about ? `om insatsen ${o.about}` : "om planen"}: {o.ratingLabel}
                    {o.text ? `. ”${o.text}”` : ""}
                  </li>
                ))}
              </ul>
            )}
          </article>
        ))}
      </section>

      <section aria-labelledby="kontakter-rubrik" className="card">
        <h2 id="kontakter-rubrik">När vi har försökt nå dig</h2>
        {data.attempts.length === 0 ? <p>Inga kontaktförsök.</p> : <ContactAttemptTable attempts={data.attempts} />}
      </section>

      <section aria-labelledby="samtycken-rubrik" className="card">
        <h2 id="samtycken-rubrik">Dina samtycken</h2>
        {data.consents.length === 0 ? <p>Inga samtycken.</p> : null}
        <ul>
          {data.consents.map((c) => (
            <li key={c.id}>
              Till {c.recipients.map((r) => r.name).join(" och ")}: {c.purpose}. {ownConsentState(c, data.today).label}. Om:{" "}
              {c.sections.map((s) => OWN_SECTION_LABELS[s]).join("; ")}.
            </li>
          ))}
        </ul>
        {data.consentRequests.length > 0 ? (
          <>
            <h3>Frågor om samtycke från din handläggare</h3>
            <ul>
              {data.consentRequests.map((r) => (
                <li key={r.id}>
                  {r.createdAt.slice(0, 10)}, till {r.recipients.map((x) => x.name).join(" och ")}: {CONSENT_REQUEST_STATE_LABELS[r.state]}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="remisser-rubrik" className="card">
        <h2 id="remisser-rubrik">Remisser</h2>
        <p>En remiss är när vi ber en annan verksamhet att hjälpa dig.</p>
        {data.referrals.length === 0 ? <p>Inga remisser.</p> : null}
        <ul>
          {data.referrals.map((r) => (
            <li key={r.id}>
              Till {r.recipientName}, {r.sentAt.slice(0, 10)}: {REFERRAL_STATUS_LABELS[r.status]}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="skola-rubrik" className="card">
        <h2 id="skola-rubrik">Det skolan har meddelat oss</h2>
        {data.notices.length === 0 ? <p>Inga meddelanden från skolan.</p> : null}
        <ul>
          {data.notices.map((n) => (
            <li key={n.id}>
              {n.eventDate}, {n.schoolName}: {NOTICE_KIND_LABELS[n.kind]}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="oro-rubrik" className="card">
        <h2 id="oro-rubrik">Orosanmälningar</h2>
        {data.concernReports.length === 0 ? (
          <p>Det finns ingen orosanmälan om dig i portalen.</p>
        ) : (
          <>
            <p>
              En orosanmälan skickas till socialtjänsten när någon är orolig för hur du har det. Här står bara att en anmälan gjordes, när och till vem. Vill du
              veta mer om en anmälan, fråga socialtjänsten.
            </p>
            <ul>
              {data.concernReports.map((r) => (
                <li key={r.id}>
                  {r.createdAt.slice(0, 10)}: till {r.recipientName}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="logg-rubrik" className="card">
        <h2 id="logg-rubrik">Vem som har tittat på dina uppgifter</h2>
        <p>
          Varje gång någon öppnar dina uppgifter sparas det: vem, när, vad och med vilken rätt. När du själv tittar står det ”Den registrerade (du själv)”. När
          du har visats i en arbetslista står det en rad per dag och person.
        </p>
        <OwnAccessLog lines={data.accessLog} />
      </section>
    </div>
  );
}
