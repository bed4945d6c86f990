/**
 * The effect of interventions (issue 13, item 5) as tables: for each intervention type, how many
 * started, ended and were declined in a period, how often the goal was met, and what the youths were
 * doing 6 and 12 months after the intervention ended (the rule: OUTCOME_RULE below and ADR 0014).
 * Pure: the server hands in the counts of one period; this names the cells, declares the sums a reader
 * can see, suppresses small numbers for readers outside the KAA unit (ADR 0011) and lays out the rows.
 * Every row carries its number of youths.
 *
 * What leaves the unit is shaped for suppression: per type only breakdowns down a column (and the
 * shares within a row), the outcomes in full only over all types. A table of types × outcomes with
 * sums both ways would be mostly small numbers and zeros, and protecting it hides nearly everything;
 * that detail is the KAA unit's own.
 */
import { isSmall, SMALL_LIMIT, suppress, type Hidden, type SumRule } from "./suppression";
import type { Shown } from "./follow-up-types";
import { EFFECT_OUTCOME_LABELS, EFFECT_OUTCOMES, HORIZONS, type EffectCounts, type EffectOutcome, type Horizon } from "./intervention-effect-values";
import { YOUTH_RATING_LABELS, YOUTH_RATINGS } from "~/modules/documentation/labels";

export * from "./intervention-effect-values";

export type EffectColumn = { key: string; label: string };
export type EffectRow = { key: string; label: string; total?: boolean; cells: Shown[] };
export type EffectTable = { id: string; caption: string; rowHeading: string; note?: string; columns: EffectColumn[]; rows: EffectRow[] };
export type EffectResult = {
  tables: EffectTable[];
  totals: { started: Shown; ended: Shown; declined: Shown };
  outcomeTotals: Record<Horizon, Record<EffectOutcome, Shown>>;
};

const ALL = "all";
type TypeKey = number | typeof ALL;
const key = (measure: string, type: TypeKey) => (type === ALL ? measure : `${measure}:${type}`);
/** Measures counted per type and summed down the column to the total row: what the styrgrupp sees per type. */
// The youth's own answers (Mina sidor) like the caseworker's evaluation: how many answered, how many "Det hjälper mig".
const PER_TYPE = [
  "started",
  "declined",
  "ended",
  "evaluated",
  "met",
  "youthRated",
  "youthHelped",
  ...HORIZONS.flatMap((h) => [`followed${h}`, `after${h}.studies`, `after${h}.work`]),
];

/** Every cell of a period (the per-type outcomes too), the youths per row, and the sums a reader outside the unit can see. */
export function effectCells(counts: EffectCounts) {
  const values: Record<string, number> = {};
  const youths: Record<string, number> = {};
  const add = (cell: string, n: number) => (values[cell] = (values[cell] ?? 0) + n);
  const types = counts.types.map((t) => t.id);
  for (const type of [...types, ALL] as const) {
    for (const m of PER_TYPE) values[key(m, type)] = 0;
    for (const h of HORIZONS) for (const o of EFFECT_OUTCOMES) values[key(`after${h}.${o}`, type)] = 0;
    for (const r of YOUTH_RATINGS) values[key(`youth.${r}`, type)] = 0;
  }
  for (const a of counts.activity) {
    // The totals are summed from the types; only the distinct youths come from the total row itself.
    if (a.typeId !== null) for (const m of ["started", "declined", "ended"] as const) add(key(m, a.typeId), a[m]);
    youths[key("youths", a.typeId ?? ALL)] = a.youths;
    youths[key("endedYouths", a.typeId ?? ALL)] = a.endedYouths;
  }
  for (const o of counts.outcomes) {
    for (const type of [o.typeId, ALL] as const) {
      if (o.evaluation !== "none") add(key("evaluated", type), o.n);
      if (o.evaluation === "met") add(key("met", type), o.n);
      for (const h of HORIZONS) {
        const at = h === 6 ? o.at6 : o.at12;
        add(key(`after${h}.${at}`, type), o.n);
        if (at !== "pending") add(key(`followed${h}`, type), o.n);
      }
    }
  }
  for (const r of counts.youthRatings ?? []) {
    for (const type of [r.typeId, ALL] as const) {
      add(key("youthRated", type), r.n);
      if (r.rating === "helps") add(key("youthHelped", type), r.n);
      add(key(`youth.${r.rating}`, type), r.n);
    }
  }
  for (const m of ["started", "declined", "ended"]) values[m] = types.reduce((sum, t) => sum + values[key(m, t)]!, 0);

  const rules: SumRule[] = PER_TYPE.map((m) => ({ total: m, members: types.map((t) => key(m, t)) }));
  for (const h of HORIZONS) {
    rules.push({ total: "ended", members: EFFECT_OUTCOMES.map((o) => `after${h}.${o}`) });
    rules.push({ total: "ended", members: [`followed${h}`, `after${h}.pending`] });
  }
  // What the styrgrupp is shown: the per-type measures and the outcomes over all types.
  const published = [
    ...[...types, ALL as TypeKey].flatMap((t) => PER_TYPE.map((m) => key(m, t))),
    ...HORIZONS.flatMap((h) => EFFECT_OUTCOMES.map((o) => `after${h}.${o}`)),
  ];
  return { values, youths, rules, published };
}

export function buildEffect(counts: EffectCounts, view: "unit" | "outside"): EffectResult {
  const { values, youths, rules, published } = effectCells(counts);
  const hidden: ReadonlyMap<string, Hidden> = view === "unit" ? new Map() : suppress(Object.fromEntries(published.map((c) => [c, values[c]!])), rules);
  const count = (cell: string): Shown => {
    const kind = hidden.get(cell);
    return kind ? { hidden: kind } : { value: values[cell] ?? 0 };
  };
  // A number of youths is no sum of anything, so only a small one is hidden; but it tells the reader
  // that the counts of its row add up to at least that many. Where that says more than the shown counts
  // and the ranges of the hidden ones ("färre än 5": 0 or more, "dold": 5 or more), it is hidden too.
  const youthCount = (cell: string, row: string[]): Shown => {
    const n = youths[cell] ?? 0;
    if (view === "unit") return { value: n };
    if (isSmall(n)) return { hidden: "small" };
    const known = row.reduce((sum, c) => sum + (hidden.has(c) ? (hidden.get(c) === "secondary" ? SMALL_LIMIT : 0) : values[c]!), 0);
    return n > known ? { hidden: "secondary" } : { value: n };
  };
  /** The share of the parts' sum in the base, hidden with any of them. */
  const share = (parts: string[], of: string): Shown => {
    const cells = [...parts, of].map(count);
    const hiddenCell = cells.find((c) => "hidden" in c);
    if (hiddenCell) return hiddenCell;
    const n = (c: Shown) => ("value" in c ? c.value : 0);
    const base = n(cells[cells.length - 1]!);
    if (base === 0) return { none: true };
    return { share: cells.slice(0, -1).reduce((sum, c) => sum + n(c), 0) / base };
  };
  const perType = (cells: (type: TypeKey) => Shown[]): EffectRow[] => [
    ...counts.types.map((t) => ({ key: String(t.id), label: t.name, cells: cells(t.id) })),
    { key: ALL, label: "Alla insatstyper", total: true, cells: cells(ALL) },
  ];

  const tables: EffectTable[] = [
    {
      id: "insatser-perioden",
      caption: "Påbörjade, avslutade och avböjda insatser per insatstyp",
      rowHeading: "Insatstyp",
      note: "Påbörjad: startdatum i perioden (och inte efter i dag). Avböjd: planerad start i perioden, men ungdomen tackade nej. Avslutad: slutdatum i perioden. Ungdomar: antal olika ungdomar bakom raden; en ungdom kan ha flera insatser, så ungdomarna summerar inte till totalen.",
      columns: [
        { key: "started", label: "Påbörjade" },
        { key: "ended", label: "Avslutade" },
        { key: "declined", label: "Avböjda" },
        { key: "youths", label: "Ungdomar" },
      ],
      rows: perType((t) => {
        const row = ["started", "ended", "declined"].map((m) => key(m, t));
        return [...row.map(count), youthCount(key("youths", t), row)];
      }),
    },
    {
      id: "insatser-mal",
      caption: "Avslutade insatser: utvärdering och måluppfyllelse per insatstyp",
      rowHeading: "Insatstyp",
      note: "Andelen där målet uppnåddes räknas på de avslutade insatser som har utvärderats. Ungdomar: olika ungdomar bakom de avslutade insatserna.",
      columns: [
        { key: "ended", label: "Avslutade" },
        { key: "evaluated", label: "Utvärderade" },
        { key: "met", label: "Målet uppnått" },
        { key: "share", label: "Andel målet uppnått" },
        { key: "youths", label: "Ungdomar" },
      ],
      rows: perType((t) => {
        const row = ["ended", "evaluated", "met"].map((m) => key(m, t));
        return [...row.map(count), share([key("met", t)], key("evaluated", t)), youthCount(key("endedYouths", t), [key("ended", t)])];
      }),
    },
    {
      id: "insatser-ungdomens-bedomning",
      caption: "Ungdomarnas egen bedömning av avslutade insatser, per insatstyp",
      rowHeading: "Insatstyp",
      note: "Ungdomens senaste svar på Mina sidor om en insats som avslutades i perioden. Andelen räknas på de insatser som ungdomen har bedömt. Ungdomar: olika ungdomar bakom de avslutade insatserna.",
      columns: [
        { key: "ended", label: "Avslutade" },
        { key: "youthRated", label: "Bedömda av ungdomen" },
        { key: "youthHelped", label: "”Det hjälper mig”" },
        { key: "share", label: "Andel ”Det hjälper mig”" },
        { key: "youths", label: "Ungdomar" },
      ],
      rows: perType((t) => {
        const row = ["ended", "youthRated", "youthHelped"].map((m) => key(m, t));
        return [...row.map(count), share([key("youthHelped", t)], key("youthRated", t)), youthCount(key("endedYouths", t), [key("ended", t)])];
      }),
    },
    ...HORIZONS.map((h): EffectTable => ({
      id: `insatser-efter-${h}-man`,
      caption: `Studier och arbete ${h} månader efter avslutad insats, per insatstyp`,
      rowHeading: "Insatstyp",
      note: `Insatser som avslutades i perioden. Uppföljda: de vars ${h} månader har gått; andelen räknas på dem.${h === 12 ? " Välj en period som slutade för minst ett år sedan för att alla ska vara uppföljda." : ""}`,
      columns: [
        { key: "ended", label: "Avslutade" },
        { key: "followed", label: "Uppföljda" },
        { key: "studies", label: "Studerar" },
        { key: "work", label: "Arbetar" },
        { key: "share", label: "Andel som studerar eller arbetar" },
        { key: "youths", label: "Ungdomar" },
      ],
      rows: perType((t) => {
        const row = ["ended", `followed${h}`, `after${h}.studies`, `after${h}.work`].map((m) => key(m, t));
        return [...row.map(count), share(row.slice(2), row[1]!), youthCount(key("endedYouths", t), [key("ended", t)])];
      }),
    })),
    {
      id: "sysselsattning-efter",
      caption: "Sysselsättning efter avslutad insats, alla insatstyper",
      rowHeading: "Sysselsättning",
      columns: HORIZONS.map((h) => ({ key: `after${h}`, label: `${h} månader efter` })),
      rows: [
        ...EFFECT_OUTCOMES.map((o) => ({ key: o, label: EFFECT_OUTCOME_LABELS[o], cells: HORIZONS.map((h) => count(`after${h}.${o}`)) })),
        { key: ALL, label: "Avslutade insatser", total: true, cells: HORIZONS.map(() => count("ended")) },
      ],
    },
  ];
  if (view === "unit") {
    // The KAA unit's own detail: every answer of the youths per type, and every outcome per type, exact.
    tables.push({
      id: "insatser-ungdomens-svar",
      caption: "Ungdomarnas svar om avslutade insatser, per insatstyp",
      rowHeading: "Insatstyp",
      note: "Bara för KAA-enheten: uppdelad så här blir talen för små för att visas utanför enheten.",
      columns: [{ key: "youthRated", label: "Bedömda av ungdomen" }, ...YOUTH_RATINGS.map((r) => ({ key: r, label: YOUTH_RATING_LABELS[r] }))],
      rows: perType((t) => [count(key("youthRated", t)), ...YOUTH_RATINGS.map((r) => count(key(`youth.${r}`, t)))]),
    });
    for (const h of HORIZONS) {
      tables.push({
        id: `insatser-efter-${h}`,
        caption: `Sysselsättning ${h} månader efter avslutad insats, per insatstyp`,
        rowHeading: "Insatstyp",
        note: "Bara för KAA-enheten: uppdelad så här blir talen för små för att visas utanför enheten.",
        columns: [{ key: "ended", label: "Avslutade" }, ...EFFECT_OUTCOMES.map((o) => ({ key: o, label: EFFECT_OUTCOME_LABELS[o] }))],
        rows: perType((t) => [count(key("ended", t)), ...EFFECT_OUTCOMES.map((o) => count(key(`after${h}.${o}`, t)))]),
      });
    }
  }
  const outcomeTotals = Object.fromEntries(
    HORIZONS.map((h) => [h, Object.fromEntries(EFFECT_OUTCOMES.map((o) => [o, count(`after${h}.${o}`)]))]),
  ) as EffectResult["outcomeTotals"];
  return { tables, totals: { started: count("started"), ended: count("ended"), declined: count("declined") }, outcomeTotals };
}
