/**
 * The effect of interventions (issue 13, item 5) as tables: for each intervention type, how many
 * started, ended and were declined in a period, how their evaluations came out, and what the youths
 * were doing 6 and 12 months after the intervention ended (the rule: docs/decisions/0014-intervention-
 * effect.md and OUTCOME_RULE below). Pure: the server hands in the counts of one period, this names
 * the cells, declares the sums a reader can see, suppresses small numbers for readers outside the KAA
 * unit (ADR 0011) and lays out the rows. Every row carries its number of youths.
 */
import { EVALUATION_OUTCOMES } from "#db/schema/plan-values";
import { EVALUATION_OUTCOME_LABELS } from "~/modules/documentation/labels";
import type { Shown } from "./follow-up-types";
import { isSmall, suppress, type Hidden, type SumRule } from "./suppression";

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

const EVALUATIONS = [...EVALUATION_OUTCOMES, "none"] as const;
export type EvaluationKey = (typeof EVALUATIONS)[number];

/** One period's counts, as the server reads them. `youths` counts distinct youths. */
export type EffectCounts = {
  types: { id: number; name: string }[];
  /** Per type, and the totals with typeId null: started, declined, ended and their youths. */
  activity: { typeId: number | null; started: number; declined: number; ended: number; youths: number; endedYouths: number }[];
  /** Interventions ended in the period, counted per type × evaluation × outcome at 6 × at 12 months. */
  outcomes: { typeId: number; evaluation: EvaluationKey; at6: EffectOutcome; at12: EffectOutcome; n: number }[];
};

export type EffectColumn = { key: string; label: string };
export type EffectRow = { key: string; label: string; total?: boolean; cells: Shown[] };
export type EffectTable = { id: string; caption: string; note?: string; columns: EffectColumn[]; rows: EffectRow[] };
export type EffectResult = {
  tables: EffectTable[];
  totals: { started: Shown; ended: Shown; declined: Shown };
  outcomeTotals: Record<Horizon, Record<EffectOutcome, Shown>>;
};

const ALL = "all";
const key = (measure: string, type: number | typeof ALL) => (type === ALL ? measure : `${measure}:${type}`);

/** The cells of a period and the sums that tie them: each table's rows to its total row, and each row's parts to its total. */
export function effectCells(counts: EffectCounts): { values: Record<string, number>; rules: SumRule[]; youths: Record<string, number> } {
  const values: Record<string, number> = {};
  const youths: Record<string, number> = {};
  const add = (cell: string, n: number) => (values[cell] = (values[cell] ?? 0) + n);
  const types = counts.types.map((t) => t.id);
  for (const type of [...types, ALL] as const) {
    for (const m of ["started", "declined", "ended", "evaluated"]) values[key(m, type)] = 0;
    for (const e of EVALUATIONS) values[key(`eval.${e}`, type)] = 0;
    for (const h of HORIZONS) for (const o of EFFECT_OUTCOMES) values[key(`after${h}.${o}`, type)] = 0;
  }
  for (const a of counts.activity) {
    const type = a.typeId ?? ALL;
    // The totals are summed from the types below; only the distinct youths come from their own row.
    if (type !== ALL) for (const m of ["started", "declined", "ended"] as const) add(key(m, type), a[m]);
    youths[key("youths", type)] = a.youths;
    youths[key("endedYouths", type)] = a.endedYouths;
  }
  for (const o of counts.outcomes) {
    for (const type of [o.typeId, ALL] as const) {
      add(key(`eval.${o.evaluation}`, type), o.n);
      if (o.evaluation !== "none") add(key("evaluated", type), o.n);
      add(key(`after6.${o.at6}`, type), o.n);
      add(key(`after12.${o.at12}`, type), o.n);
    }
  }
  for (const m of ["started", "declined", "ended"]) values[m] = types.reduce((sum, t) => sum + values[key(m, t)]!, 0);

  const rules: SumRule[] = [];
  const columns = ["started", "declined", "ended", "evaluated", ...EVALUATIONS.map((e) => `eval.${e}`)];
  for (const h of HORIZONS) columns.push(...EFFECT_OUTCOMES.map((o) => `after${h}.${o}`));
  // Down each column: the types add up to the total row.
  for (const c of columns) rules.push({ total: c, members: types.map((t) => key(c, t)) });
  // Across each row: the evaluations and the outcomes at 6 and 12 months add up to the ended interventions.
  for (const type of [...types, ALL] as const) {
    rules.push({ total: key("ended", type), members: EVALUATIONS.map((e) => key(`eval.${e}`, type)) });
    rules.push({ total: key("evaluated", type), members: EVALUATION_OUTCOMES.map((e) => key(`eval.${e}`, type)) });
    for (const h of HORIZONS) rules.push({ total: key("ended", type), members: EFFECT_OUTCOMES.map((o) => key(`after${h}.${o}`, type)) });
  }
  return { values, rules, youths };
}

export function buildEffect(counts: EffectCounts, view: "unit" | "outside"): EffectResult {
  const { values, rules, youths } = effectCells(counts);
  const hidden: ReadonlyMap<string, Hidden> = view === "unit" ? new Map() : suppress(values, rules);
  const count = (cell: string): Shown => {
    const kind = hidden.get(cell);
    return kind ? { hidden: kind } : { value: values[cell] ?? 0 };
  };
  // A number of youths is only primary-suppressed (it is no sum of anything), and is hidden with the
  // counts of its row: shown beside a hidden count it would tell the reader a lower bound of it.
  const youthCount = (cell: string, row: string[]): Shown => {
    const n = youths[cell] ?? 0;
    if (view === "outside" && (isSmall(n) || row.some((c) => hidden.has(c)))) return { hidden: isSmall(n) ? "small" : "secondary" };
    return { value: n };
  };
  const share = (part: string, of: string): Shown => {
    const p = count(part);
    const base = count(of);
    if ("hidden" in p) return p;
    if ("hidden" in base) return base;
    if (!("value" in p) || !("value" in base) || base.value === 0) return { none: true };
    return { share: p.value / base.value };
  };

  const rowsOf = (cells: (type: number | typeof ALL) => Shown[]): EffectRow[] => [
    ...counts.types.map((t) => ({ key: String(t.id), label: t.name, cells: cells(t.id) })),
    { key: ALL, label: "Alla insatstyper", total: true, cells: cells(ALL) },
  ];
  const activity: EffectTable = {
    id: "insatser-perioden",
    caption: "Påbörjade, avslutade och avböjda insatser per insatstyp",
    note: "Påbörjad: startdatum i perioden (och inte i framtiden). Avböjd: planerad start i perioden, men ungdomen tackade nej. Avslutad: slutdatum i perioden. Ungdomar: antal olika ungdomar bakom raden; en ungdom kan ha flera insatser, så ungdomarna summerar inte till totalen.",
    columns: [
      { key: "started", label: "Påbörjade" },
      { key: "ended", label: "Avslutade" },
      { key: "declined", label: "Avböjda" },
      { key: "youths", label: "Ungdomar" },
    ],
    rows: rowsOf((t) => {
      const row = ["started", "ended", "declined"].map((m) => key(m, t));
      return [...row.map(count), youthCount(key("youths", t), row)];
    }),
  };
  const evaluation: EffectTable = {
    id: "insatser-mal",
    caption: "Avslutade insatser: utvärdering och måluppfyllelse",
    note: "Andelen där målet uppnåddes räknas på de avslutade insatser som har utvärderats.",
    columns: [
      { key: "ended", label: "Avslutade" },
      ...EVALUATIONS.map((e) => ({ key: e, label: e === "none" ? "Inte utvärderade" : EVALUATION_OUTCOME_LABELS[e] })),
      { key: "share", label: "Andel målet uppnått" },
      { key: "youths", label: "Ungdomar" },
    ],
    rows: rowsOf((t) => [
      count(key("ended", t)),
      ...EVALUATIONS.map((e) => count(key(`eval.${e}`, t))),
      share(key("eval.met", t), key("evaluated", t)),
      youthCount(key("endedYouths", t), [key("ended", t)]),
    ]),
  };
  const after = (h: Horizon): EffectTable => ({
    id: `insatser-efter-${h}`,
    caption: `Sysselsättning ${h} månader efter avslutad insats`,
    note: `Insatser som avslutades i perioden. ${h === 12 ? "Välj en period som slutade för minst ett år sedan för att alla ska vara uppföljda." : ""}`.trim(),
    columns: [
      { key: "ended", label: "Avslutade" },
      ...EFFECT_OUTCOMES.map((o) => ({ key: o, label: EFFECT_OUTCOME_LABELS[o] })),
      { key: "youths", label: "Ungdomar" },
    ],
    rows: rowsOf((t) => [
      count(key("ended", t)),
      ...EFFECT_OUTCOMES.map((o) => count(key(`after${h}.${o}`, t))),
      youthCount(key("endedYouths", t), [key("ended", t)]),
    ]),
  });
  const outcomeTotals = Object.fromEntries(
    HORIZONS.map((h) => [h, Object.fromEntries(EFFECT_OUTCOMES.map((o) => [o, count(`after${h}.${o}`)]))]),
  ) as EffectResult["outcomeTotals"];
  return {
    tables: [activity, evaluation, after(6), after(12)],
    totals: { started: count("started"), ended: count("ended"), declined: count("declined") },
    outcomeTotals,
  };
}
