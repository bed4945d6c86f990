/**
 * The stickprov in words, as the auditors write it (the Nässjö audit's Tabell 3 and Bilaga 1):
 * four criteria, three levels each, and totals such as "Kontakt 7 av 10 (2 delvis, 1 inte)".
 * Pure, shared by the pages, the print and the CSV.
 */
import { SAMPLE_STATES, type SampleState } from "#db/schema/internal-control-values";

export { SAMPLE_STATES, type SampleState };

export const CRITERIA = ["contact", "assessment", "interventions", "evaluation"] as const;
export type Criterion = (typeof CRITERIA)[number];

export const LEVELS = ["met", "partly", "not_met"] as const;
export type Level = (typeof LEVELS)[number];

export const CRITERION_LABELS: Record<Criterion, string> = {
  contact: "Kontakt",
  assessment: "Kartläggning",
  interventions: "Åtgärder",
  evaluation: "Uppföljning och utvärdering",
};

/** What each criterion asks, as the report states it. */
export const CRITERION_QUESTIONS: Record<Criterion, string> = {
  contact: "Kontakt har tagits enligt kommunens kontaktrutin: i tid, på rutinens sätt och dokumenterat.",
  assessment: "Det finns en dokumenterad kartläggning med mål för insatserna och en tidplan för uppföljning.",
  interventions: "Åtgärderna är dokumenterade med ansvarig, start- och slutdatum, avslutsorsak och datum för uppföljning.",
  evaluation: "Uppföljning och utvärdering har hållits, och varje avslutad åtgärd är utvärderad.",
};

/** The auditors' own words: the contact is judged against the routine, the rest against the requirements. */
export const LEVEL_LABELS: Record<Criterion, Record<Level, string>> = {
  contact: { met: "I enlighet med rutin", partly: "Delvis i enlighet med rutin", not_met: "Inte i enlighet med rutin" },
  assessment: { met: "Uppfyller krav", partly: "Uppfyller delvis krav", not_met: "Uppfyller inte krav" },
  interventions: { met: "Uppfyller krav", partly: "Uppfyller delvis krav", not_met: "Uppfyller inte krav" },
  evaluation: { met: "Uppfyller krav", partly: "Uppfyller delvis krav", not_met: "Uppfyller inte krav" },
};

export const LEVEL_SYMBOLS: Record<Level, string> = { met: "✓", partly: "◐", not_met: "✗" };

export const SAMPLE_STATE_LABELS: Record<SampleState, string> = {
  all: "Alla inskrivningar i registret under perioden",
  open: "Inskrivningar som var öppna vid periodens slut",
  ended: "Inskrivningar som avslutades under perioden",
};

export type CriterionTotal = { criterion: Criterion; met: number; partly: number; notMet: number; cases: number };

/** Per criterion, how many cases met it, partly met it and did not. */
export function criterionTotals(cases: readonly { scores: readonly { criterion: Criterion; level: Level }[] }[]): CriterionTotal[] {
  return CRITERIA.map((criterion) => {
    const levels = cases.map((c) => c.scores.find((s) => s.criterion === criterion)?.level);
    return {
      criterion,
      met: levels.filter((l) => l === "met").length,
      partly: levels.filter((l) => l === "partly").length,
      notMet: levels.filter((l) => l === "not_met").length,
      cases: levels.filter(Boolean).length,
    };
  });
}

/** "Kontakt 7 av 10 (2 delvis, 1 inte)"; "Åtgärder 0 av 10 (10 delvis)"; "Kontakt 10 av 10". */
export function totalText(total: CriterionTotal): string {
  const rest = [total.partly ? `${total.partly} delvis` : null, total.notMet ? `${total.notMet} inte` : null].filter(Boolean);
  return `${CRITERION_LABELS[total.criterion]} ${total.met} av ${total.cases}${rest.length ? ` (${rest.join(", ")})` : ""}`;
}

/** How the cases were drawn, printed on the report so that an auditor can draw them again by hand. */
export function methodText(seed: string): string {
  return (
    "Urvalet är slumpmässigt och går att återskapa. För varje inskrivning som uppfyller villkoren räknas SHA-256 " +
    `av texten ”${seed}:<inskrivningens nummer>” (UTF-8, hexadecimalt). Inskrivningarna sorteras efter det värdet, ` +
    "lägst först, och de första N blir stickprovet, numrerade 1 till N i den ordningen. Samma frö och samma urvalsram ger samma stickprov."
  );
}
