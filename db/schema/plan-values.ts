/**
 * The value lists of the plan tables, in a file without drizzle so that forms in the browser can
 * import them without pulling the database layer into the client bundle.
 */
export const STUDIEBEVIS_STATES = ["yes", "no", "unknown"] as const;
export type StudiebevisState = (typeof STUDIEBEVIS_STATES)[number];

export const RESPONSIBLE_PARTIES = ["youth", "municipality", "other_actor"] as const;
export type ResponsibleParty = (typeof RESPONSIBLE_PARTIES)[number];

export const INTERVENTION_END_REASONS = [
  "completed",
  "goal_reached_early",
  "started_studies",
  "got_work",
  "youth_discontinued",
  "moved",
  "turned_20",
  "enrollment_ended",
  "provider_ended",
  "other",
] as const;
export type InterventionEndReason = (typeof INTERVENTION_END_REASONS)[number];

export const EVALUATION_OUTCOMES = ["met", "partly", "not_met"] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];

export const DOCUMENTATION_ENTITIES = ["assessment", "plan", "intervention", "follow_up"] as const;
export type DocumentationEntity = (typeof DOCUMENTATION_ENTITIES)[number];

/**
 * The SCB kind of an åtgärd (block 3). The municipality's own catalogue (`intervention_types`) is mapped onto
 * these once by the samordnare; a type without one is an error in the SCB checks.
 */
export const SCB_INTERVENTION_TYPES = ["guidance", "introduction_programme", "other_studies", "work_practice", "motivational", "other"] as const;
export type ScbInterventionType = (typeof SCB_INTERVENTION_TYPES)[number];

/** The youth's own view of the plan or of an ended intervention (Mina sidor): does it help? */
export const YOUTH_RATINGS = ["helps", "partly", "does_not_help"] as const;
export type YouthRating = (typeof YOUTH_RATINGS)[number];
