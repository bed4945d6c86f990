import { STUDIEBEVIS_LABELS } from "~/modules/documentation/labels";
import { OCCUPATION_LABELS } from "~/modules/outreach/labels";
import type { Occupation } from "#db/schema/outreach-values";
import type { StudiebevisState } from "#db/schema/plan-values";

export type AssessmentView = {
  date: string;
  occupation: Occupation;
  completedGrades: string | null;
  studiebevis: StudiebevisState;
  needs: string | null;
  youthWishes: string | null;
};

/** The kartläggning read-only, as the shared view and the granskare see it (the KAA unit has its form). */
export function AssessmentFacts({ assessment }: { assessment: AssessmentView | null }) {
  if (!assessment) return <p>Ingen kartläggning är gjord.</p>;
  return (
    <dl className="facts">
      <dt>Datum</dt>
      <dd>{assessment.date}</dd>
      <dt>Sysselsättning</dt>
      <dd>{OCCUPATION_LABELS[assessment.occupation]}</dd>
      <dt>Avslutade årskurser</dt>
      <dd>{assessment.completedGrades ?? "–"}</dd>
      <dt>Studiebevis</dt>
      <dd>{STUDIEBEVIS_LABELS[assessment.studiebevis]}</dd>
      <dt>Behov av stöd</dt>
      <dd>{assessment.needs ?? "–"}</dd>
      <dt>Ungdomens önskemål</dt>
      <dd>{assessment.youthWishes ?? "–"}</dd>
    </dl>
  );
}
