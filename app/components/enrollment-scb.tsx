import { Link } from "@remix-run/react";
import type { EnrollmentEndReason, LastSchoolOccupation, RegistrationReason } from "~/modules/outreach/scb-registration";
import { END_REASON_LABELS, LAST_SCHOOL_OCCUPATION_LABELS, REGISTRATION_REASON_LABELS } from "~/modules/outreach/labels";

type Enrollment = {
  id: number;
  startDate: string;
  endDate: string | null;
  registrationReason: RegistrationReason;
  lastSchoolOccupation: LastSchoolOccupation;
  endReason: EnrollmentEndReason | null;
};

/** A value SCB needs and the record lacks stands out, so that it is filled in before the half-year's file. */
function Value({ text, missing }: { text: string; missing: boolean }) {
  return missing ? <strong className="badge">{text}</strong> : <>{text}</>;
}

/** The SCB variables of one enrollment on the youth page, with the way to correct them (open or ended). */
export function EnrollmentScb({ youthId, enrollment: e }: { youthId: string; enrollment: Enrollment }) {
  return (
    <>
      <dl className="facts">
        <dt>Orsak till registrering</dt>
        <dd>
          <Value text={REGISTRATION_REASON_LABELS[e.registrationReason]} missing={e.registrationReason === "unknown"} />
        </dd>
        <dt>Senaste skolrelaterade sysselsättning</dt>
        <dd>
          <Value text={LAST_SCHOOL_OCCUPATION_LABELS[e.lastSchoolOccupation]} missing={e.lastSchoolOccupation === "unknown"} />
        </dd>
        {e.endDate ? (
          <>
            <dt>Orsak till att ansvaret upphörde</dt>
            <dd>
              <Value text={e.endReason ? END_REASON_LABELS[e.endReason] : "Uppgift saknas"} missing={!e.endReason} />
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link to={`/ungdomar/${youthId}/scb/${e.id}`}>
          Ändra SCB-uppgifter<span className="visually-hidden"> för inskrivningen från {e.startDate}</span>
        </Link>
      </p>
    </>
  );
}
