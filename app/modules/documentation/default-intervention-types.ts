/**
 * The intervention catalogue a municipality starts with (domain.md, "Typical åtgärder"). The
 * samordnare adds, renames and retires types from there; nothing is deleted.
 */
export const DEFAULT_INTERVENTION_TYPES = [
  "Studie- och yrkesvägledning",
  "Motiverande samtal",
  "Studier på introduktionsprogram",
  "Komvux",
  "Folkhögskola",
  "Praktik",
  "Arbetsträning",
  "Coachning",
  "Jobbsökarstöd",
  "Kontakt med BUP eller vården",
  "Stöd via socialtjänsten",
  "Insatser via Arbetsförmedlingen",
] as const;
