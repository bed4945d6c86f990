/**
 * Follow-up figures over the register in a period: the target group and its breakdowns, youths not
 * reached, contact within four weeks, the days to first contact, documentation. Aggregate SQL only,
 * scoped to one municipality and read through the enrollment indexes; counts come back, never a youth.
 * "In the target group during the period" is an enrollment that had started by the period's last day
 * and had not ended before its first: an enrollment that spans two periods counts in both.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "#db/client";
import { assessments, contactAttempts, enrollments, memberships, notices, organisations, plans, users, youths } from "#db/schema";
import { addDays } from "~/lib/dates";
import { CONTACT_WINDOW_DAYS } from "./key-figures.server";
import type { FigureSet, PeriodRange } from "./follow-up-types";

export const AGE_BUCKETS = [16, 17, 18, 19, 20] as const;

type Row = { key: string | number | null; label?: string | null; n: number };

/** Enrollments of the municipality in the target group at some time during the period. */
function activeIn(municipalityId: number, p: PeriodRange): SQL {
  return sql`${enrollments.municipalityId} = ${municipalityId} AND ${enrollments.startDate} <= ${p.to} AND (${enrollments.endDate} IS NULL OR ${enrollments.endDate} >= ${p.from})`;
}

/** A reached contact attempt of the enrollment on or before `last`. */
function reachedBy(last: SQL | string): SQL {
  return sql`EXISTS (SELECT 1 FROM ${contactAttempts} WHERE ${contactAttempts.enrollmentId} = ${enrollments.id} AND ${contactAttempts.outcome} = 'reached' AND ${contactAttempts.date} <= ${last})`;
}

function count(db: Db | Tx, where: SQL): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${enrollments} WHERE ${where}`)?.n ?? 0;
}

export function registerFigures(db: Db | Tx, municipalityId: number, p: PeriodRange, today: string, withCaseworkers: boolean): FigureSet {
  const cells: Record<string, number> = {};
  const labels: Record<string, string> = {};
  const active = activeIn(municipalityId, p);
  const put = (prefix: string, rows: Row[], label?: (row: Row) => string) => {
    for (const row of rows) {
      const key = `${prefix}:${row.key ?? "none"}`;
      cells[key] = (cells[key] ?? 0) + row.n;
      if (label) labels[key] = label(row);
    }
  };

  cells.target = count(db, active);
  // Age on the period's last day, 16 or younger and 20 (turned 20 during the period) gathered.
  const age = sql`(CAST(substr(${p.to}, 1, 4) AS INTEGER) - CAST(substr(${youths.birthDate}, 1, 4) AS INTEGER) - (substr(${p.to}, 6, 5) < substr(${youths.birthDate}, 6, 5)))`;
  put(
    "target.age",
    db.all<Row>(
      sql`SELECT min(max(${age}, 16), 20) AS key, count(*) AS n FROM ${enrollments} JOIN ${youths} ON ${youths.id} = ${enrollments.youthId} WHERE ${active} GROUP BY key`,
    ),
  );
  // The school that sent the notice the enrollment began with.
  put(
    "target.school",
    db.all<Row>(
      sql`SELECT ${notices.schoolOrganisationId} AS key, ${organisations.name} AS label, count(*) AS n FROM ${enrollments}
          LEFT JOIN ${notices} ON ${notices.id} = ${enrollments.sourceNoticeId} LEFT JOIN ${organisations} ON ${organisations.id} = ${notices.schoolOrganisationId}
          WHERE ${active} GROUP BY key`,
    ),
    (row) => row.label ?? "Ingen skolanmälan",
  );
  if (withCaseworkers) {
    put(
      "target.caseworker",
      db.all<Row>(
        sql`SELECT ${enrollments.caseworkerMembershipId} AS key, ${users.displayName} AS label, count(*) AS n FROM ${enrollments}
            LEFT JOIN ${memberships} ON ${memberships.id} = ${enrollments.caseworkerMembershipId} LEFT JOIN ${users} ON ${users.id} = ${memberships.userId}
            WHERE ${active} GROUP BY key`,
      ),
      (row) => row.label ?? "Ingen handläggare",
    );
  }

  cells.notContacted = count(db, sql`${active} AND NOT ${reachedBy(p.to)}`);
  cells["documented.assessment"] = count(
    db,
    sql`${active} AND EXISTS (SELECT 1 FROM ${assessments} WHERE ${assessments.enrollmentId} = ${enrollments.id} AND ${assessments.date} <= ${p.to})`,
  );
  cells["documented.plan"] = count(db, sql`${active} AND EXISTS (SELECT 1 FROM ${plans} WHERE ${plans.enrollmentId} = ${enrollments.id})`);

  // Contact within four weeks: enrollments that began in the period and whose four weeks are over.
  const startedIn = sql`${enrollments.municipalityId} = ${municipalityId} AND ${enrollments.startDate} BETWEEN ${p.from} AND ${p.to}`;
  const judged = sql`${startedIn} AND ${enrollments.startDate} <= ${addDays(today, -CONTACT_WINDOW_DAYS)}`;
  cells["contact.judged"] = count(db, judged);
  cells["contact.inTime"] = count(db, sql`${judged} AND ${reachedBy(sql`date(${enrollments.startDate}, '+${sql.raw(String(CONTACT_WINDOW_DAYS))} days')`)}`);

  // Days from registration to the first reached contact, as counts per number of days (the median is
  // read from these counts; no single enrollment leaves the query).
  const histogram = db.all<{ days: number; n: number }>(
    sql`SELECT days, count(*) AS n FROM (
          SELECT CAST(julianday(min(${contactAttempts.date})) - julianday(${enrollments.startDate}) AS INTEGER) AS days
          FROM ${enrollments} JOIN ${contactAttempts} ON ${contactAttempts.enrollmentId} = ${enrollments.id} AND ${contactAttempts.outcome} = 'reached'
          WHERE ${startedIn} GROUP BY ${enrollments.id}
        ) GROUP BY days ORDER BY days`,
  );
  return { cells, labels, daysToContact: histogram };
}

/** The median of counts per value: the middle value, or the mean of the two middle ones. */
export function medianOf(histogram: readonly { days: number; n: number }[]): { median: number | null; n: number } {
  const n = histogram.reduce((sum, h) => sum + h.n, 0);
  if (n === 0) return { median: null, n };
  const at = (index: number) => {
    let seen = 0;
    for (const h of histogram) {
      seen += h.n;
      if (index < seen) return h.days;
    }
    return histogram[histogram.length - 1]!.days;
  };
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return { median, n };
}
