/** The logical checks' rules and their names on the page (pure, no imports: the page's bundle takes them). */
export const SCB_RULES = ["block1", "block3_start", "block4_end", "block5_reason", "dates_in_period", "personal_number", "scb_type"] as const;
export type ScbRule = (typeof SCB_RULES)[number] | "contact_occupation";

export const SCB_RULE_LABELS: Record<ScbRule, string> = {
  block1: "Varje ungdom har block 1 med orsak till registrering och senaste skolrelaterade sysselsättning",
  block3_start: "En åtgärd i block 3 påbörjas senast periodens sista dag",
  block4_end: "En åtgärd i block 4 slutar efter att den började och har sysselsättning efter åtgärden",
  block5_reason: "Block 5 har en orsak när ansvaret upphörde under perioden",
  dates_in_period: "Inga datum utanför perioden där blocket inte tillåter det",
  personal_number: "Personnummer och samordningsnummer är giltiga",
  scb_type: "Varje åtgärdstyp har en SCB-kod",
  contact_occupation: "Sysselsättning vid kontakt",
};
