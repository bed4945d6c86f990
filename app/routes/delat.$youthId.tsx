import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AssessmentFacts } from "~/components/assessment-facts";
import { InterventionTable } from "~/components/intervention-table";
import { formatDateTime } from "~/lib/format";
import { todayIso } from "~/lib/dates";
import { mayUseRegister } from "~/modules/access/policy";
import { readSharedYouth } from "~/modules/consent/shared-view.server";
import { requireActor } from "~/modules/auth/actor.server";
import { openSharedFile } from "~/modules/access/gate.server";
import { CONSENT_GIVER_LABELS, CONSENT_SECTION_SHORT } from "~/modules/consent/labels";
import { NOTICE_KIND_LABELS } from "~/modules/notices/notice-schema";
import { CHANNEL_LABELS, OCCUPATION_LABELS, outcomeLabel } from "~/modules/outreach/labels";
import { REFERRAL_STATUS_LABELS } from "~/modules/referrals/referral-states";

export const meta: MetaFunction = () => [{ title: "Delade uppgifter – Samverkansportalen" }];

/** What another organisation may see of a youth, by consent. The KAA unit has the whole youth page instead. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (mayUseRegister(actor)) throw redirect(`/ungdomar/${params.youthId ?? ""}`);
  return { shared: readSharedYouth(openSharedFile(actor, params.youthId ?? "")), today: todayIso() };
}

export default function SharedYouth() {
  const { shared, today } = useLoaderData<typeof loader>();
  const { header } = shared;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/remisser">Remisser</Link>
      </p>
      <h1>{header.name}</h1>
      <p>
        {header.personalNumber}, {header.age} år, folkbokförd i {header.homeMunicipalityName}.
      </p>
      <section aria-labelledby="grund-rubrik" className="alert alert--info">
        <h2 id="grund-rubrik">Det här delas med er</h2>
        <ul>
          {shared.grounds.map((g) => (
            <li key={g.id}>
              <strong>{g.sections.map((s) => CONSENT_SECTION_SHORT[s]).join(", ")}</strong> enligt samtycke {g.id} (
              {CONSENT_GIVER_LABELS[g.givenBy].toLowerCase()}), till och med {g.validUntil}. Syfte: {g.purpose}
            </li>
          ))}
        </ul>
        <p>Inget annat ur KAA-enhetens akt delas. Om samtycket återkallas eller går ut försvinner uppgifterna här direkt. Er åtkomst loggas.</p>
      </section>
      {shared.identity ? (
        <section aria-labelledby="identitet-rubrik" className="card">
          <h2 id="identitet-rubrik">Identitet och kontaktuppgifter</h2>
          {shared.identity.protectedIdentity ? (
            <p className="alert alert--warning">Skyddad identitet: kontaktuppgifter lämnas inte ut. Kontakta ungdomen genom KAA-enheten.</p>
          ) : null}
          <dl className="facts">
            <dt>Adress</dt>
            <dd>
              {shared.identity.address
                ? [shared.identity.address.streetAddress, [shared.identity.address.postalCode, shared.identity.address.city].filter(Boolean).join(" ")]
                    .filter(Boolean)
                    .join(", ") || "–"
                : "Lämnas inte ut."}
            </dd>
            <dt>Telefon</dt>
            <dd>{shared.identity.phone ?? "–"}</dd>
            <dt>E-post</dt>
            <dd>{shared.identity.email ?? "–"}</dd>
            <dt>Vårdnadshavare</dt>
            <dd>
              {shared.identity.guardians.length ? shared.identity.guardians.map((g) => [g.name, g.phone, g.email].filter(Boolean).join(", ")).join("; ") : "–"}
            </dd>
          </dl>
        </section>
      ) : null}
      {shared.contacts ? (
        <section aria-labelledby="kontakter-rubrik" className="card">
          <h2 id="kontakter-rubrik">Kontakter</h2>
          {shared.contacts.length === 0 ? (
            <p>Inga kontaktförsök.</p>
          ) : (
            <ul>
              {shared.contacts.map((c) => (
                <li key={c.id}>
                  {c.date}: {CHANNEL_LABELS[c.channel]}, {outcomeLabel(c).toLowerCase()}
                  {c.occupation ? ` (${OCCUPATION_LABELS[c.occupation].toLowerCase()})` : ""}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {shared.assessment !== undefined ? (
        <section aria-labelledby="kartlaggning-rubrik" className="card">
          <h2 id="kartlaggning-rubrik">Kartläggning</h2>
          <AssessmentFacts assessment={shared.assessment} />
        </section>
      ) : null}
      {shared.plan ? (
        <section aria-labelledby="plan-rubrik" className="card">
          <h2 id="plan-rubrik">Plan och insatser</h2>
          <p>
            <strong>Mål:</strong> {shared.plan.goal ?? "Inget mål är dokumenterat."}
          </p>
          <InterventionTable youthId={header.id} interventions={shared.plan.interventions} today={today} linked={false} />
        </section>
      ) : null}
      {shared.notices ? (
        <section aria-labelledby="anmalningar-rubrik" className="card">
          <h2 id="anmalningar-rubrik">Anmälningar från skolor</h2>
          <ul>
            {shared.notices.map((n) => (
              <li key={n.id}>
                {NOTICE_KIND_LABELS[n.kind]} {n.eventDate}, {n.schoolName} ({n.programme})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {shared.referrals ? (
        <section aria-labelledby="remisser-rubrik" className="card">
          <h2 id="remisser-rubrik">Remisser</h2>
          <ul>
            {shared.referrals.map((r) => (
              <li key={r.id}>
                Till {r.recipientName}, {formatDateTime(r.sentAt)}: {REFERRAL_STATUS_LABELS[r.status]}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
