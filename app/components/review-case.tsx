import { AssessmentFacts } from "~/components/assessment-facts";
import { ContactAttemptTable } from "~/components/contact-attempt-table";
import { InterventionTable, responsibleText } from "~/components/intervention-table";
import { EVALUATION_OUTCOME_LABELS, INTERVENTION_END_REASON_LABELS } from "~/modules/documentation/labels";
import {
  END_REASON_LABELS,
  ENROLLMENT_STATUS_LABELS,
  LAST_SCHOOL_OCCUPATION_LABELS,
  REGISTRATION_REASON_LABELS,
  START_REASON_LABELS,
} from "~/modules/outreach/labels";
import type { ReviewCase } from "~/modules/internal-control/review-cases.server";

const yesNo = (v: boolean) => (v ? "Ja" : "Nej");

/** The granskare's read-only view of one sampled enrollment: what the auditors score, nothing to change. */
export function ReviewCaseSections({ data }: { data: ReviewCase }) {
  const { identity, enrollment, attempts, assessment, plan, interventions, today } = data;
  return (
    <>
      <section aria-labelledby="identitet-rubrik" className="card">
        <h2 id="identitet-rubrik">Identitet</h2>
        {identity.protectedIdentity ? <p className="alert alert--warning">Skyddad identitet: kontaktuppgifter visas inte.</p> : null}
        <dl className="facts">
          <dt>{identity.isCoordinationNumber ? "Samordningsnummer" : "Personnummer"}</dt>
          <dd>{identity.personalNumber}</dd>
          <dt>Ålder</dt>
          <dd>{identity.age} år</dd>
          <dt>Hemkommun</dt>
          <dd>{identity.homeMunicipalityName}</dd>
          {identity.protectedIdentity ? null : (
            <>
              <dt>Adress</dt>
              <dd>
                {identity.address
                  ? [identity.address.streetAddress, [identity.address.postalCode, identity.address.city].filter(Boolean).join(" ")]
                      .filter(Boolean)
                      .join(", ") || "–"
                  : "–"}
              </dd>
              <dt>Telefon</dt>
              <dd>{identity.phone ?? "–"}</dd>
              <dt>E-post</dt>
              <dd>{identity.email ?? "–"}</dd>
              <dt>Vårdnadshavare</dt>
              <dd>{identity.guardians.length ? identity.guardians.map((g) => [g.name, g.phone, g.email].filter(Boolean).join(", ")).join("; ") : "–"}</dd>
            </>
          )}
        </dl>
      </section>
      <section aria-labelledby="inskrivning-rubrik" className="card">
        <h2 id="inskrivning-rubrik">Inskrivning</h2>
        <dl className="facts">
          <dt>Inskriven</dt>
          <dd>
            {enrollment.startDate} ({START_REASON_LABELS[enrollment.startReason]})
          </dd>
          <dt>Orsak till registrering</dt>
          <dd>{REGISTRATION_REASON_LABELS[enrollment.registrationReason]}</dd>
          <dt>Senaste skolrelaterade sysselsättning</dt>
          <dd>{LAST_SCHOOL_OCCUPATION_LABELS[enrollment.lastSchoolOccupation]}</dd>
          <dt>Status</dt>
          <dd>{enrollment.endDate ? "Avslutad" : ENROLLMENT_STATUS_LABELS[enrollment.status]}</dd>
          <dt>Handläggare</dt>
          <dd>{enrollment.caseworkerName ?? "Ingen tilldelad"}</dd>
          <dt>Avslutad</dt>
          <dd>
            {enrollment.endDate
              ? `${enrollment.endDate}: ${enrollment.endReason ? END_REASON_LABELS[enrollment.endReason] : "orsak saknas"}${enrollment.endNote ? ` (${enrollment.endNote})` : ""}`
              : "Pågår"}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="kontakter-rubrik" className="card">
        <h2 id="kontakter-rubrik">Kontaktförsök</h2>
        {attempts.length === 0 ? <p>Inga kontaktförsök är dokumenterade.</p> : <ContactAttemptTable attempts={attempts} />}
      </section>
      <section aria-labelledby="kartlaggning-rubrik" className="card">
        <h2 id="kartlaggning-rubrik">Kartläggning</h2>
        <AssessmentFacts assessment={assessment} />
        {assessment ? <p>Ungdomen deltog i kartläggningen: {yesNo(assessment.youthTookPart)}.</p> : null}
      </section>
      <section aria-labelledby="plan-rubrik" className="card">
        <h2 id="plan-rubrik">Plan och insatser</h2>
        {plan ? (
          <dl className="facts">
            <dt>Mål</dt>
            <dd>{plan.goal}</dd>
            <dt>Upprättad med ungdomen</dt>
            <dd>{plan.madeWithYouth ? `Ja${plan.madeWithYouthDate ? `, ${plan.madeWithYouthDate}` : ""}` : "Nej"}</dd>
          </dl>
        ) : (
          <p>Ingen plan är dokumenterad.</p>
        )}
        <InterventionTable youthId="" interventions={interventions} today={today} linked={false} />
        {interventions.map((i) => (
          <div key={i.id} className="card">
            <h3>
              {i.typeName}, {i.startDate}
            </h3>
            <dl className="facts">
              <dt>Ansvarig</dt>
              <dd>{responsibleText(i)}</dd>
              <dt>Avslut</dt>
              <dd>
                {i.endDate
                  ? `${i.endDate}: ${i.endReason ? INTERVENTION_END_REASON_LABELS[i.endReason] : "orsak saknas"}`
                  : i.declinedDate
                    ? `Avböjd ${i.declinedDate}`
                    : "Pågår"}
              </dd>
              <dt>Utvärdering</dt>
              <dd>
                {i.evaluationOutcome ? EVALUATION_OUTCOME_LABELS[i.evaluationOutcome] : "Ingen dokumenterad"}
                {i.evaluationText ? `: ${i.evaluationText}` : ""}
              </dd>
              <dt>Uppföljningar</dt>
              <dd>
                {i.followUps.length
                  ? i.followUps.map((f) => `${f.dueDate}${f.doneDate ? ` (gjord ${f.doneDate})` : " (inte gjord)"}`).join("; ")
                  : "Inga planerade"}
              </dd>
            </dl>
          </div>
        ))}
      </section>
    </>
  );
}
