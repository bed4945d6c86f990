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

/**
 * Enrollments of the municipality in the target group at some time during the period: the open ones
 * that had started by its end, and those ended since its start. Two index ranges (the open enrollments
 * and the recent endings), so the cost follows the register's current size, not its whole history.
 */
function activeIn(municipalityId: number, p: PeriodRange): SQL {
  return sql`${enrollments.id} IN (
    SELECT e2.id FROM ${enrollments} e2 WHERE e2.municipality_id = ${municipalityId} AND e2.end_date IS NULL AND e2.start_date <= ${p.to}
    UNION ALL
    SELECT e2.id FROM ${enrollments} e2 WHERE e2.municipality_id = ${municipalityId} AND e2.end_date >= ${p.from} AND e2.start_date <= ${p.to})`;
}

/** A reached contact attempt of the enrollment on or before `last`. */
function reachedBy(last: SQL | string): SQL {
  return sql`EXISTS (SELECT 1 FROM ${contactAttempts} WHERE ${contactAttempts.enrollmentId} = ${enrollments.id} AND ${contactAttempts.outcome} = 'reached' AND ${contactAttempts.date} <= ${last})`;
}

function count(db: Db | Tx, where: SQL): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${enrollments} WHERE ${where}`)?.n ?? 0;
}

type Group = {
  age: number;
  school: number | null;
  schoolName: string | null;
  caseworker: number | null;
  caseworkerName: string | null;
  n: number;
  notContacted: number;
  assessed: number;
  planned: number;
};

export function registerFigures(db: Db | Tx, municipalityId: number, p: PeriodRange, today: string, withCaseworkers: boolean): FigureSet {
  const cells: Record<string, number> = { target: 0, notContacted: 0, "documented.assessment": 0, "documented.plan": 0 };
  const labels: Record<string, string> = {};
  const add = (key: string, n: number, label?: string) => {
    cells[key] = (cells[key] ?? 0) + n;
    if (label !== undefined) labels[key] = label;
  };

  // The target group in one pass, counted per age × school × caseworker and summed up here: age on the
  // period's last day (16 or younger and 20 gathered), the school whose notice began the enrollment,
  // and the caseworker (for the samordnare's view only; otherwise not read at all).
  const age = sql`(CAST(substr(${p.to}, 1, 4) AS INTEGER) - CAST(substr(${youths.birthDate}, 1, 4) AS INTEGER) - (substr(${p.to}, 6, 5) < substr(${youths.birthDate}, 6, 5)))`;
  const caseworker = withCaseworkers ? sql`${enrollments.caseworkerMembershipId}` : sql`NULL`;
  const caseworkerName = withCaseworkers ? sql`${users.displayName}` : sql`NULL`;
  const caseworkerJoin = withCaseworkers
    ? sql`LEFT JOIN ${memberships} ON ${memberships.id} = ${enrollments.caseworkerMembershipId} LEFT JOIN ${users} ON ${users.id} = ${memberships.userId}`
    : sql``;
  const groups = db.all<Group>(
    sql`SELECT min(max(${age}, 16), 20) AS age, ${notices.schoolOrganisationId} AS school, ${organisations.name} AS schoolName,
          ${caseworker} AS caseworker, ${caseworkerName} AS caseworkerName, count(*) AS n,
          sum(NOT ${reachedBy(p.to)}) AS notContacted,
          sum(EXISTS (SELECT 1 FROM ${assessments} WHERE ${assessments.enrollmentId} = ${enrollments.id} AND ${assessments.date} <= ${p.to})) AS assessed,
          sum(EXISTS (SELECT 1 FROM ${plans} WHERE ${plans.enrollmentId} = ${enrollments.id})) AS planned
        FROM ${enrollments} JOIN ${youths} ON ${youths.id} = ${enrollments.youthId}
          LEFT JOIN ${notices} ON ${notices.id} = ${enrollments.sourceNoticeId} LEFT JOIN ${organisations} ON ${organisations.id} = ${notices.schoolOrganisationId}
          ${caseworkerJoin}
        WHERE ${activeIn(municipalityId, p)}
        GROUP BY 1, 2, 4`,
  );
  for (const g of groups) {
    add("target", g.n);
    add("notContacted", g.notContacted);
    add("documented.assessment", g.assessed);
    add("documented.plan", g.planned);
    add(`target.age:${g.age}`, g.n);
    add(`target.school:${g.school ?? "none"}`, g.n, g.schoolName ?? "Ingen skolanmälan");
    if (withCaseworkers) add(`target.caseworker:${g.caseworker ?? "none"}`, g.n, g.caseworkerName ?? "Ingen handläggare");
  }

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
