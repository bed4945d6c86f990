import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/lib/format";
import { noticesOfYouth } from "~/modules/notices/notices.server";
import { readOutreach } from "~/modules/outreach/contacts.server";
import { readDocumentation } from "~/modules/documentation/plans.server";
import { Checklist } from "~/components/checklist";
import { ConsentTable } from "~/components/consent-table";
import { listConsents } from "~/modules/consent/consents.server";
import { referralsOfYouth } from "~/modules/referrals/referrals.server";
import { concernReportsOfYouth } from "~/modules/concern-reports/concern-reports.server";
import { REFERRAL_STATUS_LABELS } from "~/modules/referrals/referral-states";
import { InterventionTable } from "~/components/intervention-table";
import { ContactAttemptTable } from "~/components/contact-attempt-table";
import { EnrollmentScb } from "~/components/enrollment-scb";
import { readYouthFile, type Address } from "~/modules/youth/youth-file.server";
import { NOTICE_STATUS_LABELS } from "~/components/labels";
import { NOTICE_KIND_LABELS } from "~/modules/notices/notice-schema";
import { LETTERS } from "~/modules/outreach/letters";
import { END_REASON_LABELS, ENROLLMENT_STATUS_LABELS, START_REASON_LABELS } from "~/modules/outreach/labels";
import { requireActor } from "~/modules/auth/actor.server";
import { requireRecentAuthentication } from "~/modules/auth/step-up.server";
import { openYouthFile } from "~/modules/access/gate.server";

export const meta: MetaFunction = () => [{ title: "Ungdom – Samverkansportalen" }];

/** The sections of the youth page: the register keeper's whole file, except the protected address. */
const YOUTH_PAGE_SECTIONS = ["identity", "enrollment", "contacts", "assessment", "plan", "notices", "consents", "referrals", "concern_reports"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  // One gate pass for the whole page: every section it shows, decided and logged in one transaction.
  const file = openYouthFile(actor, params.youthId ?? "", { read: YOUTH_PAGE_SECTIONS, registerKeeperOnly: true });
  const youth = readYouthFile(file);
  const outreach = readOutreach(file);
  const documentation = readDocumentation(file);
  return {
    youth,
    outreach,
    notices: noticesOfYouth(file),
    consents: listConsents(file),
    referrals: referralsOfYouth(file),
    concernReports: concernReportsOfYouth(file),
    documentation: documentation && {
      enrollment: { startDate: documentation.enrollment.startDate, endDate: documentation.enrollment.endDate },
      hasAssessment: Boolean(documentation.assessment),
      assessmentDate: documentation.assessment?.date ?? null,
      goal: documentation.plan?.goal ?? null,
      interventions: documentation.interventions,
      checklist: documentation.checklist,
      today: documentation.today,
    },
  };
}

/** Showing a protected address is a deliberate act (a POST, never a link), and each showing is logged. */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  // A sign-in older than 15 minutes proves itself again first (the kernel refuses the address to it anyway, logged);
  // back on the page, the person presses once more: a POST is not replayed.
  requireRecentAuthentication(request, { kind: "staff", authenticatedAt: actor.authenticatedAt }, `/ungdomar/${params.youthId ?? ""}`);
  const youth = readYouthFile(openYouthFile(actor, params.youthId ?? "", { read: ["identity", "protected_address"], registerKeeperOnly: true }));
  return { address: youth.address };
}

function AddressView({ address }: { address: Address }) {
  if (address.kind === "protected") {
    return (
      <>
        <span className="badge">Skyddad identitet</span> Adressen visas inte.{" "}
        {address.mayReveal ? (
          <Form method="post" className="inline-form">
            <button type="submit" className="button button--link">
              Visa adressen (visningen loggas)
            </button>
            <span className="block muted">Är din inloggning äldre än 15 minuter får du bekräfta den först och sedan trycka igen.</span>
          </Form>
        ) : (
          "Bara KAA-samordnaren kan se den."
        )}
      </>
    );
  }
  const lines = [address.streetAddress, [address.postalCode, address.city].filter(Boolean).join(" ")].filter(Boolean);
  return (
    <>
      {address.kind === "protected_revealed" ? <p className="alert alert--warning">Skyddad adress – lämna inte ut den. Visningen har loggats.</p> : null}
      {lines.length > 0
        ? lines.map((line) => (
            <span key={line} className="block">
              {line}
            </span>
          ))
        : "Ingen adress registrerad"}
    </>
  );
}

export default function YouthPage() {
  const { youth, outreach, notices, documentation, consents, referrals, concernReports } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/ungdomar">Ungdomsregistret</Link>
      </p>
      <div className="page-heading">
        <h1>
          {youth.firstName} {youth.lastName}
        </h1>
        <Link to={`/ungdomar/${youth.id}/redigera`} className="button button--secondary">
          Ändra uppgifter
        </Link>
      </div>
      <nav aria-label="Avsnitt i ungdomsakten" className="section-nav">
        <ul>
          <li>
            <a href="#identitet">Identitet och kontaktuppgifter</a>
          </li>
          <li>
            <a href="#inskrivning">Inskrivning</a>
          </li>
          <li>
            <a href="#kontakter">Kontakter</a>
          </li>
          <li>
            <a href="#dokumentation">Kartläggning, plan och insatser</a>
          </li>
          <li>
            <a href="#samtycken">Samtycken</a>
          </li>
          <li>
            <a href="#remisser">Remisser</a>
          </li>
          <li>
            <a href="#anmalningar">Anmälningar</a>
          </li>
          <li>
            <a href="#historik">Ändringshistorik</a>
          </li>
        </ul>
      </nav>
      <section id="identitet" aria-labelledby="identitet-rubrik" className="card">
        <h2 id="identitet-rubrik">Identitet och kontaktuppgifter</h2>
        <dl className="facts">
          <dt>{youth.isCoordinationNumber ? "Samordningsnummer" : "Personnummer"}</dt>
          <dd>{youth.personalNumber}</dd>
          <dt>Ålder</dt>
          <dd>{youth.age} år</dd>
          <dt>Hemkommun</dt>
          <dd>{youth.homeMunicipalityName}</dd>
          <dt>Adress</dt>
          <dd>
            <AddressView address={actionData?.address ?? youth.address} />
          </dd>
          <dt>Telefon</dt>
          <dd>{youth.phone ?? "–"}</dd>
          <dt>E-post</dt>
          <dd>{youth.email ?? "–"}</dd>
        </dl>
        <h3>Vårdnadshavare</h3>
        {youth.guardians.length > 0 ? (
          <ul>
            {youth.guardians.map((g) => (
              <li key={g.name}>
                {g.name}
                {g.phone ? `, tel. ${g.phone}` : ""}
                {g.email ? `, ${g.email}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p>
            {youth.age < 18 ? "Ingen vårdnadshavare registrerad. Ungdomen är under 18 år – lägg till vårdnadshavare." : "Ingen vårdnadshavare registrerad."}
          </p>
        )}
        {youth.age === 16 || youth.age === 17 ? (
          <p>
            <Link to={`/ungdomar/${youth.id}/mognad`}>Ungdomen bestämmer själv (vårdnadshavarnas insyn på Mina sidor)</Link>
          </p>
        ) : null}
      </section>
      <section id="inskrivning" aria-labelledby="inskrivning-rubrik" className="card">
        <h2 id="inskrivning-rubrik">Inskrivning</h2>
        {outreach.open ? (
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <strong>{ENROLLMENT_STATUS_LABELS[outreach.open.status]}</strong>
              {outreach.open.status === "watch" && outreach.open.watchUntil ? `, kontakta igen ${outreach.open.watchUntil}` : ""}
            </dd>
            <dt>Inskriven</dt>
            <dd>
              {outreach.open.startDate} ({START_REASON_LABELS[outreach.open.startReason]})
            </dd>
            <dt>Handläggare</dt>
            <dd>{outreach.open.caseworkerName ?? "Ingen tilldelad"}</dd>
          </dl>
        ) : null}
        {outreach.open ? <EnrollmentScb youthId={youth.id} enrollment={outreach.open} /> : <p>Ingen öppen inskrivning.</p>}
        <p>
          <Link to={`/ungdomar/${youth.id}/inskrivning`} className="button button--secondary">
            {outreach.open ? "Ändra status, handläggare eller avsluta" : "Öppna en inskrivning"}
          </Link>
        </p>
        {outreach.enrollments.some((e) => e.endDate) ? (
          <>
            <h3>Tidigare inskrivningar</h3>
            <ul>
              {outreach.enrollments
                .filter((e) => e.endDate)
                .map((e) => (
                  <li key={e.id}>
                    {e.startDate} – {e.endDate}: {START_REASON_LABELS[e.startReason]}; avslutad: {e.endReason ? END_REASON_LABELS[e.endReason] : "–"}
                    {e.endNote ? ` (${e.endNote})` : ""}
                    <EnrollmentScb youthId={youth.id} enrollment={e} />
                  </li>
                ))}
            </ul>
          </>
        ) : null}
      </section>
      <section id="kontakter" aria-labelledby="kontakter-rubrik" className="card">
        <h2 id="kontakter-rubrik">Kontakter</h2>
        {outreach.routine ? (
          <div className={`alert ${outreach.routine.state === "due" && outreach.routine.overdue ? "alert--error" : "alert--info"}`}>
            {outreach.routine.state === "due" ? (
              <>
                <strong>Nästa steg i kontaktrutinen:</strong> {outreach.routine.step.label}
                {outreach.routine.missingTargets.includes("guardian") ? " (även till vårdnadshavare, ungdomen är under 18)" : ""}.{" "}
                {outreach.routine.overdue ? (
                  <strong>Försenat – skulle gjorts senast {outreach.routine.dueDate}.</strong>
                ) : (
                  `Senast ${outreach.routine.dueDate}.`
                )}
              </>
            ) : outreach.routine.state === "completed_without_contact" ? (
              <>Alla steg i kontaktrutinen är gjorda utan att ni fått kontakt. Sätt ungdomen under bevakning eller avsluta inskrivningen.</>
            ) : (
              <>Kontakt etablerad {outreach.routine.reachedOn}.</>
            )}
          </div>
        ) : null}
        <div className="button-row">
          <Link to={`/ungdomar/${youth.id}/kontakt`} className="button button--secondary">
            Registrera kontaktförsök
          </Link>
          {LETTERS.map((l) => (
            <Link key={l.slug} to={`/ungdomar/${youth.id}/brev/${l.slug}`}>
              {l.label}
            </Link>
          ))}
        </div>
        {outreach.attempts.length > 0 ? <ContactAttemptTable attempts={outreach.attempts} /> : <p>Inga kontaktförsök registrerade.</p>}
      </section>
      <section id="dokumentation" aria-labelledby="dokumentation-rubrik" className="card">
        <h2 id="dokumentation-rubrik">Kartläggning, plan och insatser</h2>
        {documentation ? (
          <>
            <p>
              Dokumentationen för inskrivningen från {documentation.enrollment.startDate}
              {documentation.enrollment.endDate ? ` (avslutad ${documentation.enrollment.endDate})` : ""}.
            </p>
            <div className="button-row">
              <Link to={`/ungdomar/${youth.id}/kartlaggning`} className="button button--secondary">
                {documentation.hasAssessment ? `Kartläggning (${documentation.assessmentDate})` : "Gör kartläggning"}
              </Link>
              <Link to={`/ungdomar/${youth.id}/plan`} className="button button--secondary">
                {documentation.goal ? "Plan och insatser" : "Gör plan"}
              </Link>
            </div>
            {documentation.goal ? (
              <p>
                <strong>Mål:</strong> {documentation.goal}
              </p>
            ) : null}
            <InterventionTable youthId={youth.id} interventions={documentation.interventions} today={documentation.today} />
            <h3>Dokumentationens sju punkter</h3>
            <Checklist youthId={youth.id} items={documentation.checklist} />
          </>
        ) : (
          <p>Ingen inskrivning. Kartläggning och plan görs inom en inskrivning.</p>
        )}
      </section>
      <section id="samtycken" aria-labelledby="samtycken-rubrik" className="card">
        <h2 id="samtycken-rubrik">Samtycken</h2>
        <ConsentTable youthId={youth.id} consents={consents} today={documentation?.today ?? new Date().toISOString().slice(0, 10)} />
        <p>
          <Link to={`/ungdomar/${youth.id}/samtycken`} className="button button--secondary">
            Registrera eller återkalla samtycke
          </Link>
        </p>
      </section>
      <section id="remisser" aria-labelledby="remisser-rubrik" className="card">
        <h2 id="remisser-rubrik">Remisser</h2>
        {referrals.length === 0 ? (
          <p>Inga remisser.</p>
        ) : (
          <ul>
            {referrals.map((r) => (
              <li key={r.id}>
                <Link to={`/remisser/${r.id}`}>Remiss {r.id}</Link> till {r.recipientName}, {formatDateTime(r.sentAt)}:{" "}
                <strong>{REFERRAL_STATUS_LABELS[r.status]}</strong>
                {r.responsible ? `, ansvarig ${r.responsible}` : ""}
                {r.declineReason ? `. Avböjd: ${r.declineReason}` : ""}
                {r.outcome ? `. Utfall: ${r.outcome}` : ""}
                {r.feedback.length > 0 ? ` (${r.feedback.length} återkoppling${r.feedback.length > 1 ? "ar" : ""})` : ""}
              </li>
            ))}
          </ul>
        )}
        <div className="button-row">
          <Link to={`/ungdomar/${youth.id}/remisser/ny`} className="button button--secondary">
            Skicka remiss
          </Link>
          {youth.age < 18 ? (
            <Link to={`/orosanmalningar/ny?ungdom=${youth.id}`} className="button button--secondary">
              Gör orosanmälan
            </Link>
          ) : null}
        </div>
        {concernReports.length > 0 ? (
          <>
            <h3>Orosanmälningar från KAA-enheten</h3>
            <ul>
              {concernReports.map((c) => (
                <li key={c.id}>
                  <Link to={`/orosanmalningar/${c.id}`}>Orosanmälan {c.id}</Link>, {formatDateTime(c.createdAt)}
                  {c.receivedAt ? `, öppnad av socialtjänsten ${formatDateTime(c.receivedAt)}` : ", ännu inte öppnad"}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section id="anmalningar" aria-labelledby="anmalningar-rubrik" className="card">
        <h2 id="anmalningar-rubrik">Anmälningar från skolor</h2>
        {notices.length > 0 ? (
          <ul>
            {notices.map((n) => (
              <li key={n.id}>
                <Link to={`/inkorg/${n.id}`}>
                  {NOTICE_KIND_LABELS[n.kind]} {n.eventDate}
                </Link>
                , {n.schoolName} ({n.programme}). {n.reason ? `”${n.reason}”. ` : ""}Kontakt:{" "}
                {[n.contactName, n.contactPhone, n.contactEmail].filter(Boolean).join(", ")}. {NOTICE_STATUS_LABELS[n.status]}.
              </li>
            ))}
          </ul>
        ) : (
          <p>Inga anmälningar.</p>
        )}
      </section>
      <section id="historik" aria-labelledby="historik-rubrik" className="card">
        <h2 id="historik-rubrik">Ändringshistorik</h2>
        <ul>
          {youth.revisions.map((r) => (
            <li key={r.at + r.changedFields}>
              {formatDateTime(r.at)}: {r.changedFields}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
