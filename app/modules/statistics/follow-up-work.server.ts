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
import { schoolNoticeReceived } from "~/modules/notices/notice-counting.server";

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
  // Only schools' notices that reached the KAA unit: not one withdrawn, nor another KAA unit's move notice.
  const received = sql`${notices.homeMunicipalityId} = ${municipalityId} AND ${notices.createdAt} >= ${stockholmDayStartUtc(p.from)} AND ${notices.createdAt} < ${stockholmDayStartUtc(addDays(p.to, 1))} AND ${schoolNoticeReceived()}`;
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

  // Youths in an intervention running at some time in the period (declined ones never started), in
  // all, by type and by responsible party. The running interventions are the open ones and those
  // ended since the period began: two ranges of covering indexes, read once. (Named: to SQLite an
  // index on the start date looks as good, and it would walk every intervention ever started.)
  const running = db.all<{ dim: "all" | "type" | "party"; key: string | number | null; n: number }>(
    sql`WITH running AS MATERIALIZED (
          SELECT youth_id, type_id, responsible_party FROM ${interventions} INDEXED BY interventions_running
            WHERE municipality_id = ${municipalityId} AND end_date IS NULL AND declined_date IS NULL AND start_date <= ${p.to}
          UNION ALL
          SELECT youth_id, type_id, responsible_party FROM ${interventions} INDEXED BY interventions_municipality_end
            WHERE municipality_id = ${municipalityId} AND end_date >= ${p.from} AND declined_date IS NULL AND start_date <= ${p.to})
        SELECT 'all' AS dim, NULL AS key, count(DISTINCT youth_id) AS n FROM running
        UNION ALL SELECT 'type', type_id, count(DISTINCT youth_id) FROM running GROUP BY type_id
        UNION ALL SELECT 'party', responsible_party, count(DISTINCT youth_id) FROM running GROUP BY responsible_party`,
  );
  cells.inIntervention = running.find((r) => r.dim === "all")?.n ?? 0;
  const types = running.filter((r) => r.dim === "type");
  const typeNames = new Map(
    types.length === 0
      ? []
      : db
          .all<{ id: number; name: string }>(
            sql`SELECT id, name FROM ${interventionTypes} WHERE id IN (${sql.join(
              types.map((r) => sql`${r.key}`),
              sql`, `,
            )})`,
          )
          .map((t) => [t.id, t.name] as const),
  );
  put("intervention.type", types, (row) => typeNames.get(Number(row.key)) ?? "");
  put(
    "intervention.party",
    running.filter((r) => r.dim === "party"),
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
