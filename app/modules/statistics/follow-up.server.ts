/**
 * The follow-up (uppföljning) of a municipality's KAA work: every figure for a period, the one before
 * it and the same period a year earlier. Aggregates only (ADR 0003): counts from indexed SQL, never a
 * youth, and never the access log. The KAA unit sees exact figures; whoever reads them outside the
 * unit (the styrgrupp) gets them with small numbers suppressed (ADR 0011).
 */
import { getDb, type Db, type Tx } from "#db/client";
import type { Actor } from "~/modules/auth/actor.server";
import { todayIso } from "~/lib/dates";
import { medianOf, registerFigures } from "./follow-up-register.server";
import { followUpTables, STUDY_END_REASONS, type RowSpec } from "./follow-up-tables";
import type { FigureRow, FigureSet, FigureTable, Shown } from "./follow-up-types";
import { previousPeriod, yearEarlier, type Period, type PeriodKind } from "./periods";
import { populationByYear } from "./population.server";
import { isSmall, suppress, type Suppression } from "./suppression";
import { workFigures } from "./follow-up-work.server";

/** unit: the KAA unit's own, exact view. outside: the styrgrupp's, with small numbers suppressed. */
export type FollowUpAudience = { view: "unit" | "outside"; municipalityId: number; withCaseworkers: boolean; mayEnterPopulation: boolean };

/**
 * Who may read the follow-up, and how: the KAA unit (samordnare and handläggare) exactly, with the
 * breakdown by caseworker for the samordnare only; members of the styrgrupp (who also sit in the
 * samverkansforum) suppressed. Schools, socialtjänsten, Arbetsförmedlingen and the systemförvaltare
 * get null (the route answers 404): they follow the work through the key figures in the forums' agendas.
 */
export function followUpAudience(actor: Actor): FollowUpAudience | null {
  if (actor.municipalityId === null) return null;
  if ((actor.role === "kaa_coordinator" || actor.role === "kaa_caseworker") && actor.organisationKind === "kaa_unit") {
    const coordinator = actor.role === "kaa_coordinator";
    return { view: "unit", municipalityId: actor.municipalityId, withCaseworkers: coordinator, mayEnterPopulation: coordinator };
  }
  if (actor.role === "steering_member") return { view: "outside", municipalityId: actor.municipalityId, withCaseworkers: false, mayEnterPopulation: false };
  return null;
}

export type FollowUp = {
  view: "unit" | "outside";
  periods: Pick<Period, "label" | "from" | "to">[];
  tables: FigureTable[];
  /** The population figures the shares rest on, per period (null where none is entered). */
  population: (number | null)[];
  /** The overview's figures over the last periods of the same kind (up to three years), oldest first. */
  trend: { periods: Pick<Period, "label" | "from" | "to">[]; rows: FigureRow[] } | null;
  computedAt: string;
};

/** How many periods of each kind the trend shows: three years. A free interval has no trend. */
const TREND_LENGTH: Record<PeriodKind, number> = { tertial: 9, termin: 6, halvar: 6, lasar: 3, ar: 3, intervall: 0 };

/** The last `TREND_LENGTH` periods of the period's kind, oldest first, ending with the period. */
export function trendPeriods(period: Period): Period[] {
  const periods = [period];
  while (periods.length < TREND_LENGTH[period.kind]) periods.unshift(previousPeriod(periods[0]!));
  return periods.length > 1 ? periods : [];
}

function periodFigures(db: Db | Tx, audience: FollowUpAudience, period: Period, today: string): FigureSet {
  const register = registerFigures(db, audience.municipalityId, period, today, audience.withCaseworkers);
  const work = workFigures(db, audience.municipalityId, period);
  const cells = { ...register.cells, ...work.cells };
  cells.returned = STUDY_END_REASONS.reduce((sum, r) => sum + (cells[`ended.reason:${r}`] ?? 0), 0);
  return { cells, labels: { ...register.labels, ...work.labels }, daysToContact: register.daysToContact };
}

function render(row: RowSpec, figures: FigureSet, hidden: Suppression | null): Shown {
  const value = (cell: string): Shown => {
    const kind = hidden?.get(cell);
    return kind ? { hidden: kind } : { value: figures.cells[cell] ?? 0 };
  };
  switch (row.kind) {
    case "count":
      return value(row.key);
    case "share": {
      // A share is hidden with its count or its base: a share of a small count points at the youths.
      const count = value(row.count);
      const base = row.of === "population" ? { value: figures.cells.population ?? 0 } : value(row.of);
      if ("hidden" in count) return count;
      if ("hidden" in base) return base;
      if (!("value" in count) || !("value" in base) || base.value === 0) return { none: true };
      return { share: count.value / base.value };
    }
    case "median": {
      const { median, n } = medianOf(figures.daysToContact ?? []);
      if (median === null) return { none: true };
      // With fewer than five contacts the median describes a youth or two.
      if (hidden && isSmall(n)) return { hidden: "small" };
      return { median };
    }
  }
}

const keyOf = (p: Pick<Period, "from" | "to">) => `${p.from}/${p.to}`;

export function computeFollowUp(audience: FollowUpAudience, period: Period, options: { today?: string; now?: Date; db?: Db | Tx } = {}): FollowUp {
  const db = options.db ?? getDb();
  const today = options.today ?? todayIso(options.now);
  const periods = [period, previousPeriod(period), yearEarlier(period)];
  const trend = trendPeriods(period);
  // One read transaction: every period sees the same register. A period that is both in the table
  // and in the trend (for a läsår, the period before is also the year earlier) is computed once.
  const sets = db.transaction(
    (tx) => {
      const computed = new Map<string, FigureSet>();
      for (const p of [...periods, ...trend]) if (!computed.has(keyOf(p))) computed.set(keyOf(p), periodFigures(tx, audience, p, today));
      return computed;
    },
    { behavior: "deferred" },
  );
  const years = [...new Set([...periods, ...trend].map((p) => Number(p.to.slice(0, 4))))];
  const population = populationByYear(audience.municipalityId, years, db);
  for (const p of [...periods, ...trend]) {
    const n = population.get(Number(p.to.slice(0, 4)));
    if (n !== undefined) sets.get(keyOf(p))!.cells.population = n;
  }
  const withPopulation = [...periods, ...trend].some((p) => population.has(Number(p.to.slice(0, 4))));
  const layout = { withCaseworkers: audience.withCaseworkers, withPopulation };
  // Each period is protected on its own figures alone, so a cell is hidden the same way whichever
  // page, period or trend shows it: no two views of one period can be set against each other.
  const hidden = new Map<string, Suppression | null>();
  const hiddenIn = (p: Period) => {
    if (!hidden.has(keyOf(p))) hidden.set(keyOf(p), audience.view === "unit" ? null : suppressionOf(sets.get(keyOf(p))!, layout));
    return hidden.get(keyOf(p))!;
  };

  const shown = periods.map((p) => sets.get(keyOf(p))!);
  const keys = shown.flatMap((set) => Object.keys(set.cells));
  const labels = Object.assign({}, ...shown.map((set) => set.labels)) as Record<string, string>;
  const specs = followUpTables(keys, labels, layout);
  const overview = specs.find((spec) => spec.id === "oversikt")!;
  const bare = (p: Period) => ({ label: p.label, from: p.from, to: p.to });
  return {
    view: audience.view,
    periods: periods.map(bare),
    population: periods.map((p) => population.get(Number(p.to.slice(0, 4))) ?? null),
    computedAt: (options.now ?? new Date()).toISOString(),
    tables: specs.map((spec) => ({
      id: spec.id,
      caption: spec.caption,
      note: spec.note,
      rows: spec.rows.map((row) =>
        rowOf(
          row,
          periods.map((p) => render(row, sets.get(keyOf(p))!, hiddenIn(p))),
        ),
      ),
    })),
    trend:
      trend.length === 0
        ? null
        : {
            periods: trend.map(bare),
            rows: overview.rows.map((row) =>
              rowOf(
                row,
                trend.map((p) => render(row, sets.get(keyOf(p))!, hiddenIn(p))),
              ),
            ),
          },
  };
}

function rowOf(row: RowSpec, cells: Shown[]): FigureRow {
  return { key: row.key, label: row.label, total: row.total, indent: row.indent, cells };
}

/** The suppression of one period, over the tables its own figures make. */
function suppressionOf(set: FigureSet, layout: { withCaseworkers: boolean; withPopulation: boolean }): Suppression {
  const specs = followUpTables(Object.keys(set.cells), set.labels, layout);
  // Every cell a table shows takes part, zeros too (a zero can be hidden to protect a neighbour); a
  // share's count and base take part too: a share of a small count is hidden with it.
  const values: Record<string, number> = {};
  const cellsOf = (row: RowSpec) => (row.kind === "count" ? [row.key] : row.kind === "share" ? [row.count, row.of].filter((c) => c !== "population") : []);
  for (const spec of specs) for (const row of spec.rows) for (const c of cellsOf(row)) values[c] = set.cells[c] ?? 0;
  return suppress(
    values,
    specs.flatMap((t) => t.sums),
  );
}
