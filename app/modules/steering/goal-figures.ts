/**
 * The follow-up figures a goal can be tied to: a curated list of row keys of the follow-up's tables
 * (statistics/follow-up-tables.ts), with the Swedish name a goal reads by and the kind of value.
 * Pure, for the browser: the goal form offers these and nothing else.
 */

/** share: a percent (the row holds a fraction); count: a number of youths or events; median: days. */
export type GoalFigureKind = "share" | "count" | "median";
export type GoalFigure = { key: string; label: string; kind: GoalFigureKind };

export const GOAL_FIGURES: readonly GoalFigure[] = [
  { key: "contactShare", label: "Kontakt inom fyra veckor", kind: "share" },
  { key: "daysToContact", label: "Dagar från inskrivning till första kontakt (median)", kind: "median" },
  { key: "notContacted", label: "Inte kontaktade vid periodens slut", kind: "count" },
  { key: "assessmentShare", label: "Andel med dokumenterad kartläggning", kind: "share" },
  { key: "planShare", label: "Andel med individuell plan", kind: "share" },
  { key: "reachShare", label: "Andel kontaktförsök som nådde fram", kind: "share" },
  { key: "reachShare:letter", label: "Andel brev som nådde fram", kind: "share" },
  { key: "reachShare:phone", label: "Andel telefonsamtal som nådde fram", kind: "share" },
  { key: "reachShare:home_visit", label: "Andel hembesök som nådde fram", kind: "share" },
  { key: "returned", label: "Återgått till studier", kind: "count" },
  { key: "ended.reason:turned_20", label: "Fyllt 20 utan att ha återgått till studier", kind: "count" },
  { key: "target", label: "Ungdomar i målgruppen", kind: "count" },
  { key: "new", label: "Nya inskrivningar", kind: "count" },
  { key: "notices", label: "Anmälningar från skolor", kind: "count" },
  { key: "inIntervention", label: "Ungdomar i en pågående insats", kind: "count" },
  { key: "interventionEnded.outcome:met", label: "Avslutade insatser där målet uppnåddes", kind: "count" },
];

export const GOAL_FIGURE_KEYS = GOAL_FIGURES.map((f) => f.key);

export function goalFigure(key: string): GoalFigure | undefined {
  return GOAL_FIGURES.find((f) => f.key === key);
}

/** The unit a target is written in beside its field. */
export const FIGURE_UNITS: Record<GoalFigureKind, string> = { share: "procent", count: "antal", median: "dagar" };
