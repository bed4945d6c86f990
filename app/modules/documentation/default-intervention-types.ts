import type { ScbInterventionType } from "#db/schema/plan-values";

/**
 * The intervention catalogue a municipality starts with (domain.md, "Typical åtgärder"), each with the
 * SCB kind of åtgärd it is reported as (block 3). The samordnare adds, renames, re-maps and retires
 * types from there; nothing is deleted. Catalogues made before the SCB type existed were mapped only
 * where the name is SCB's own example (migration 0034): the samordnare maps the rest.
 */
export const DEFAULT_INTERVENTION_TYPES: readonly { name: string; scbType: ScbInterventionType }[] = [
  { name: "Studie- och yrkesvägledning", scbType: "guidance" },
  { name: "Motiverande samtal", scbType: "motivational" },
  { name: "Studier på introduktionsprogram", scbType: "introduction_programme" },
  { name: "Komvux", scbType: "other_studies" },
  { name: "Folkhögskola", scbType: "other_studies" },
  { name: "Praktik", scbType: "work_practice" },
  { name: "Arbetsträning", scbType: "work_practice" },
  { name: "Coachning", scbType: "motivational" },
  { name: "Jobbsökarstöd", scbType: "other" },
  { name: "Kontakt med BUP eller vården", scbType: "other" },
  { name: "Stöd via socialtjänsten", scbType: "other" },
  { name: "Insatser via Arbetsförmedlingen", scbType: "other" },
];
