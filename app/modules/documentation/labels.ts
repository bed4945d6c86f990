import type { EvaluationOutcome, InterventionEndReason, ResponsibleParty, ScbInterventionType, StudiebevisState, YouthRating } from "#db/schema/plan-values";

export { YOUTH_RATINGS, type YouthRating } from "#db/schema/plan-values";

export const RESPONSIBLE_PARTY_LABELS: Record<ResponsibleParty, string> = {
  youth: "Ungdomen",
  municipality: "Kommunen",
  other_actor: "Annan aktör",
};

export const INTERVENTION_END_REASON_LABELS: Record<InterventionEndReason, string> = {
  completed: "Genomförd enligt plan",
  goal_reached_early: "Målet nått i förtid",
  started_studies: "Ungdomen började studera",
  got_work: "Ungdomen fick arbete",
  youth_discontinued: "Ungdomen avbröt",
  moved: "Ungdomen flyttade",
  turned_20: "Ungdomen fyllde 20 år",
  enrollment_ended: "Inskrivningen avslutades",
  provider_ended: "Anordnaren avslutade insatsen",
  other: "Annan orsak",
};

export const EVALUATION_OUTCOME_LABELS: Record<EvaluationOutcome, string> = {
  met: "Målet uppnått",
  partly: "Målet delvis uppnått",
  not_met: "Målet inte uppnått",
};

export const STUDIEBEVIS_LABELS: Record<StudiebevisState, string> = {
  yes: "Ja",
  no: "Nej",
  unknown: "Vet inte",
};

/** The state of an intervention as a caseworker says it. */
export function interventionState(i: { declinedDate: string | null; endDate: string | null; startDate: string; plannedEndDate: string }, today: string) {
  if (i.declinedDate) return { key: "declined", label: "Avböjd" } as const;
  if (i.endDate) return { key: "ended", label: "Avslutad" } as const;
  if (i.startDate > today) return { key: "planned", label: "Planerad" } as const;
  if (i.plannedEndDate < today) return { key: "overdue", label: "Pågår – planerat slut passerat" } as const;
  return { key: "active", label: "Pågår" } as const;
}

/** The SCB kind of åtgärd (block 3) a catalogue type is reported as. */
export const SCB_INTERVENTION_TYPE_LABELS: Record<ScbInterventionType, string> = {
  guidance: "Studie- och yrkesvägledning",
  introduction_programme: "Studier på introduktionsprogram",
  other_studies: "Andra studier (t.ex. Komvux, folkhögskola)",
  work_practice: "Praktik eller arbetsträning",
  motivational: "Motiverande insats",
  other: "Annan åtgärd",
};

/** The youth's own answer on Mina sidor, in the youth's words; the caseworker reads the same words. */
export const YOUTH_RATING_LABELS: Record<YouthRating, string> = {
  helps: "Det hjälper mig",
  partly: "Delvis",
  does_not_help: "Det hjälper inte",
};
