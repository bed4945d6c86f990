/**
 * Follow-up figures over the work of a period: notices per school and kind, contact attempts and
 * reach by channel, interventions running and ended. (New registrations and ended enrollments come
 * with the register figures.)
 * Aggregate SQL only, scoped to one municipality through its period indexes; counts, never a youth.
 */
import { sql } from "drizzle-orm";
import type { Db, Tx } from "#db/client";
import { interventions, interventionTypes, notices, organisations } from "#db/schema";
import { addDays, stockholmDayStartUtc } from "~/lib/dates";
import type { FigureSet, PeriodRange } from "./follow-up-types";

type Row = { key: string | number | null; label?: string | null; n: number };

export function workFigures(db: Db | Tx, municipalityId: number, p: PeriodRange): FigureSet {
  const cells: Record<string, number> = {};
  const labels: Record<string, string> = {};
  const put = (prefix: string, rows: Row[], label?: (row: Row) => string) => {
    for (const row of rows) {
      const key = `${prefix}:${row.key ?? "none"}`;
      cells[key] = (cells[key] ?? 0) + row.n;
      if (label) labels[key] = label(row);
    }
  };
  const sum = (prefix: string) => Object.entries(cells).reduce((total, [key, n]) => (key.startsWith(`${prefix}:`) ? total + n : total), 0);

  // Notices are instants: a Swedish day begins at midnight in Stockholm.
  const received = sql`${notices.homeMunicipalityId} = ${municipalityId} AND ${notices.createdAt} >= ${stockholmDayStartUtc(p.from)} AND ${notices.createdAt} < ${stockholmDayStartUtc(addDays(p.to, 1))}`;
  put(
    "notices.school",
    db.all<Row>(
      sql`SELECT ${notices.schoolOrganisationId} AS key, ${organisations.name} AS label, count(*) AS n FROM ${notices}
          JOIN ${organisations} ON ${organisations.id} = ${notices.schoolOrganisationId} WHERE ${received} GROUP BY key`,
    ),
    (row) => row.label ?? "",
  );
  put("notices.kind", db.all<Row>(sql`SELECT ${notices.kind} AS key, count(*) AS n FROM ${notices} WHERE ${received} GROUP BY key`));
  cells.notices = sum("notices.kind");

  // Attempts per channel from the day counters kept by the attempts' own writes (migration 0023).
  const attempts = db.all<{ key: string; n: number; reached: number }>(
    sql`SELECT channel AS key, sum(attempts) AS n, sum(reached) AS reached FROM contact_attempt_days
        WHERE municipality_id = ${municipalityId} AND day BETWEEN ${p.from} AND ${p.to} GROUP BY key`,
  );
  put("attempts.channel", attempts);
  put(
    "reached.channel",
    attempts.map((a) => ({ key: a.key, n: a.reached })),
  );
  cells.attempts = sum("attempts.channel");
  cells.reached = sum("reached.channel");

  // Interventions running at some time in the period (declined ones never started): the open ones
  // and those ended since the period began, two index ranges that follow the work in progress, not
  // every intervention ever made. (Named: to SQLite an index on the start date looks as good.)
  const running = sql`${interventions.id} IN (
    SELECT i2.id FROM ${interventions} i2 INDEXED BY interventions_open_by_end
      WHERE i2.municipality_id = ${municipalityId} AND i2.end_date IS NULL AND i2.declined_date IS NULL AND i2.start_date <= ${p.to}
    UNION ALL
    SELECT i2.id FROM ${interventions} i2 WHERE i2.municipality_id = ${municipalityId} AND i2.end_date >= ${p.from} AND i2.declined_date IS NULL AND i2.start_date <= ${p.to})`;
  cells.inIntervention = db.get<{ n: number }>(sql`SELECT count(DISTINCT ${interventions.youthId}) AS n FROM ${interventions} WHERE ${running}`)?.n ?? 0;
  put(
    "intervention.type",
    db.all<Row>(
      sql`SELECT ${interventions.typeId} AS key, ${interventionTypes.name} AS label, count(DISTINCT ${interventions.youthId}) AS n FROM ${interventions}
          JOIN ${interventionTypes} ON ${interventionTypes.id} = ${interventions.typeId} WHERE ${running} GROUP BY key`,
    ),
    (row) => row.label ?? "",
  );
  put(
    "intervention.party",
    db.all<Row>(
      sql`SELECT ${interventions.responsibleParty} AS key, count(DISTINCT ${interventions.youthId}) AS n FROM ${interventions} WHERE ${running} GROUP BY key`,
    ),
  );

  put(
    "interventionEnded.outcome",
    db.all<Row>(
      sql`SELECT ${interventions.evaluationOutcome} AS key, count(*) AS n FROM ${interventions}
          WHERE ${interventions.municipalityId} = ${municipalityId} AND ${interventions.endDate} BETWEEN ${p.from} AND ${p.to} GROUP BY key`,
    ),
  );
  cells.interventionEnded = sum("interventionEnded.outcome");

  return { cells, labels };
}
