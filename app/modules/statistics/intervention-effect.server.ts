/**
 * The effect of interventions for a period, per intervention type (issue 13, item 5; ADR 0014):
 * started, ended, declined, evaluations, and what the youths were doing 6 and 12 months after the
 * intervention ended. Aggregate SQL only, bounded by the period: the interventions that started or
 * ended in it are found through the municipality's period indexes, and each ended one looks up its
 * enrollment by key and the youth's later contacts through contact_attempts_youth. Counts come back,
 * never a youth; the access log is never read.
 */
import { sql, type SQL } from "drizzle-orm";
import { getDb, type Db, type Tx } from "#db/client";
import { contactAttempts, enrollments, interventions, interventionTypes, youthEvaluations } from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { ChartSeries } from "~/components/charts/chart-types";
import type { FollowUpAudience } from "./follow-up.server";
import type { Shown } from "./follow-up-types";
import { STUDY_END_REASONS } from "./follow-up-tables";
import { buildEffect, EFFECT_OUTCOME_LABELS, EFFECT_OUTCOMES, HORIZONS, type EffectCounts, type EffectResult } from "./intervention-effect-tables";
import { shortPeriodLabel, trendPeriods } from "./intervention-effect-periods";
import type { Period } from "./periods";

type PeriodRange = Pick<Period, "from" | "to">;

/** Occupations that say something: "okänt" recorded at a contact is no information. */
const inList = (values: readonly string[]) =>
  sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
const KNOWN = inList(["studies", "work", "other_activity", "none"]);
const STUDIES = inList(STUDY_END_REASONS);

/** What the youth was doing at the horizon `h` (an SQL date), for one ended intervention `i` with its enrollment `e`. */
function outcomeAt(horizon: SQL, today: string) {
  // The enrollment's end says something when it falls between the intervention's end and the horizon:
  // the occupation recorded at closing, else what the end reason tells.
  const enrollmentSays = sql`CASE WHEN e.end_date BETWEEN i.end_date AND ${horizon} THEN
      CASE WHEN e.end_occupation IN ${KNOWN} THEN e.end_occupation
           WHEN e.end_reason IN ${STUDIES} THEN 'studies'
           WHEN e.end_reason IN ('work', 'moved', 'turned_20') THEN e.end_reason END END`;
  const laterContacts = sql`FROM ${contactAttempts} ca WHERE ca.youth_id = i.youth_id AND ca.date BETWEEN i.end_date AND ${horizon} AND ca.occupation IN ${KNOWN}`;
  const lastContactDate = sql`(SELECT max(ca.date) ${laterContacts})`;
  const lastContactSays = sql`(SELECT ca.occupation ${laterContacts} ORDER BY ca.date DESC, ca.id DESC LIMIT 1)`;
  // The latest piece of information wins; on the same day the enrollment's end does.
  return sql`CASE WHEN ${horizon} > ${today} THEN 'pending' ELSE coalesce(
      CASE WHEN ${enrollmentSays} IS NOT NULL AND e.end_date >= coalesce(${lastContactDate}, '') THEN ${enrollmentSays} END,
      ${lastContactSays},
      'unknown') END`;
}

export function effectCounts(db: Db | Tx, municipalityId: number, p: PeriodRange, today: string): EffectCounts {
  // Started (start date in the period and not in the future), declined (planned start in the period),
  // ended (end date in the period): two index ranges, one per date.
  const activity = sql`WITH x AS (
      SELECT i.type_id, i.youth_id, (i.declined_date IS NULL) AS started, (i.declined_date IS NOT NULL) AS declined, 0 AS ended
        FROM ${interventions} i WHERE i.municipality_id = ${municipalityId} AND i.start_date BETWEEN ${p.from} AND ${p.to}
          AND (i.declined_date IS NOT NULL OR i.start_date <= ${today})
      UNION ALL
      SELECT i.type_id, i.youth_id, 0, 0, 1
        FROM ${interventions} i WHERE i.municipality_id = ${municipalityId} AND i.end_date BETWEEN ${p.from} AND ${p.to})
    SELECT x.type_id AS typeId, sum(started) AS started, sum(declined) AS declined, sum(ended) AS ended,
      count(DISTINCT x.youth_id) AS youths, count(DISTINCT CASE WHEN ended = 1 THEN x.youth_id END) AS endedYouths
      FROM x GROUP BY x.type_id
    UNION ALL
    SELECT NULL, sum(started), sum(declined), sum(ended), count(DISTINCT x.youth_id), count(DISTINCT CASE WHEN ended = 1 THEN x.youth_id END) FROM x`;
  const activityRows = db.all<EffectCounts["activity"][number]>(activity).filter((row) => row.typeId !== null || row.youths > 0);

  const outcomes = db.all<EffectCounts["outcomes"][number]>(
    sql`SELECT typeId, evaluation, at6, at12, count(*) AS n FROM (
          SELECT i.type_id AS typeId, coalesce(i.evaluation_outcome, 'none') AS evaluation,
            ${outcomeAt(sql`i.h6`, today)} AS at6, ${outcomeAt(sql`i.h12`, today)} AS at12
          FROM (SELECT type_id, youth_id, enrollment_id, end_date, evaluation_outcome,
                  date(end_date, '+6 months', 'floor') AS h6, date(end_date, '+12 months', 'floor') AS h12
                FROM ${interventions} WHERE municipality_id = ${municipalityId} AND end_date BETWEEN ${p.from} AND ${p.to}) i
          JOIN ${enrollments} e ON e.id = i.enrollment_id)
        GROUP BY typeId, evaluation, at6, at12`,
  );

  // The youth's latest answer about each intervention that ended in the period (a youth may answer again).
  const youthRatings = db.all<NonNullable<EffectCounts["youthRatings"]>[number]>(
    sql`SELECT i.type_id AS typeId, ye.rating AS rating, count(*) AS n
          FROM ${interventions} i
          JOIN ${youthEvaluations} ye ON ye.id = (SELECT max(y2.id) FROM ${youthEvaluations} y2 WHERE y2.intervention_id = i.id)
         WHERE i.municipality_id = ${municipalityId} AND i.end_date BETWEEN ${p.from} AND ${p.to}
         GROUP BY i.type_id, ye.rating`,
  );

  const typeIds = [...new Set(activityRows.flatMap((row) => (row.typeId === null ? [] : [row.typeId])))];
  const types =
    typeIds.length === 0
      ? []
      : db.all<{ id: number; name: string }>(
          sql`SELECT ${interventionTypes.id} AS id, ${interventionTypes.name} AS name FROM ${interventionTypes}
              WHERE ${interventionTypes.id} IN (${sql.join(typeIds, sql`, `)}) ORDER BY ${interventionTypes.position}, ${interventionTypes.name}`,
        );
  return { types, activity: activityRows, outcomes, youthRatings };
}

export type InterventionEffect = EffectResult & {
  view: "unit" | "outside";
  period: Pick<Period, "label" | "from" | "to">;
  /** Started and ended interventions per period, the chosen one last, suppressed as each period's tables are. */
  trend: ChartSeries[];
  /** The outcome at 6 and 12 months over all types, for the bar chart. */
  outcomeSeries: ChartSeries[];
  computedAt: string;
};

const point = (label: string, shown: Shown) =>
  "hidden" in shown
    ? { label, value: null, hidden: true, hiddenText: shown.hidden === "secondary" ? "dold" : undefined }
    : { label, value: "value" in shown ? shown.value : null };

export function computeInterventionEffect(
  audience: FollowUpAudience,
  period: Period,
  options: { today?: string; now?: Date; db?: Db | Tx } = {},
): InterventionEffect {
  const db = options.db ?? getDb();
  const today = options.today ?? todayIso(options.now);
  const periods = trendPeriods(period);
  // One read transaction, so the trend and the tables see the same register. Each period of the trend
  // is computed and suppressed whole, exactly as its own page would show it: a total shown in the trend
  // is never one that period's tables hide.
  const results = db.transaction((tx) => periods.map((p) => buildEffect(effectCounts(tx, audience.municipalityId, p, today), audience.view)), {
    behavior: "deferred",
  });
  const current = results[results.length - 1]!;
  const labels = periods.map(shortPeriodLabel);
  const trend: ChartSeries[] = (["started", "ended"] as const).map((m) => ({
    key: m,
    label: m === "started" ? "Påbörjade insatser" : "Avslutade insatser",
    points: results.map((r, i) => point(labels[i]!, r.totals[m])),
  }));
  const outcomeSeries: ChartSeries[] = HORIZONS.map((h) => ({
    key: `after${h}`,
    label: `${h} månader efter avslut`,
    points: EFFECT_OUTCOMES.map((o) => point(EFFECT_OUTCOME_LABELS[o], current.outcomeTotals[h][o])),
  }));
  return {
    ...current,
    view: audience.view,
    period: { label: period.label, from: period.from, to: period.to },
    trend,
    outcomeSeries,
    computedAt: (options.now ?? new Date()).toISOString(),
  };
}
