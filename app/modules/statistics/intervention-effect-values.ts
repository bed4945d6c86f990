/**
 * The value lists and shapes of the intervention effect (ADR 0014): the outcomes 6 and 12 months
 * after an intervention ended, the rule the page states, and the counts the server reads. Pure.
 */
import type { EvaluationOutcome, YouthRating } from "#db/schema/plan-values";

/** What a youth was doing at 6 or 12 months, or that the time has not come yet. */
export const EFFECT_OUTCOMES = ["studies", "work", "other_activity", "none", "moved", "turned_20", "unknown", "pending"] as const;
export type EffectOutcome = (typeof EFFECT_OUTCOMES)[number];
export const EFFECT_OUTCOME_LABELS: Record<EffectOutcome, string> = {
  studies: "Studerar",
  work: "Arbetar",
  other_activity: "Annan sysselsättning",
  none: "Ingen sysselsättning",
  moved: "Flyttat",
  turned_20: "Fyllt 20",
  unknown: "Okänt",
  pending: "Ännu inte uppföljd",
};
export const HORIZONS = [6, 12] as const;
export type Horizon = (typeof HORIZONS)[number];

/** The rule, as the page states it. */
export const OUTCOME_RULE = [
  "Tidpunkten är insatsens slutdatum plus 6 eller 12 månader (31 augusti + 6 månader = 28 eller 29 februari).",
  "Det som gäller är den senaste uppgiften från insatsens slutdatum till och med tidpunkten: sysselsättning som antecknats vid ett kontaktförsök med ungdomen, eller inskrivningens avslut – sysselsättningen vid avslutet, annars avslutsorsaken (studier, arbete, flyttat, fyllt 20).",
  "Kommer båda samma dag gäller inskrivningens avslut. Finns ingen sådan uppgift räknas insatsen som ”Okänt”.",
  "Insatser vars 6 eller 12 månader ännu inte har gått räknas som ”Ännu inte uppföljd”.",
];

export type EvaluationKey = EvaluationOutcome | "none";

/** One period's counts, as the server reads them. `youths` counts distinct youths. */
export type EffectCounts = {
  types: { id: number; name: string }[];
  /** Per type, and the totals with typeId null: started, declined, ended and their youths. */
  activity: { typeId: number | null; started: number; declined: number; ended: number; youths: number; endedYouths: number }[];
  /** Interventions ended in the period, counted per type × evaluation × outcome at 6 × at 12 months. */
  outcomes: { typeId: number; evaluation: EvaluationKey; at6: EffectOutcome; at12: EffectOutcome; n: number }[];
  /** Interventions ended in the period that the youth evaluated on Mina sidor, per type × the youth's latest answer. */
  youthRatings?: { typeId: number; rating: YouthRating; n: number }[];
};
