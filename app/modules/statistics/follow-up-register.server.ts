/**
 * Follow-up figures over the register in a period: the target group and its breakdowns, youths not
 * reached, contact within four weeks, the days to first contact, documentation, new registrations
 * and ended enrollments. Read from `follow_up_enrollments` (migration 0023): one narrow row per
 * enrollment, kept by triggers, clustered by (municipality, end date). "In the target group during
 * the period" is an enrollment that had started by the period's last day and had not ended before
 * its first: one range of that table (the enrollments still open or ended since the period began).
 * An enrollment that spans two periods counts in both. Counts come back, never a youth.
 */
import { sql } from "drizzle-orm";
import type { Db, Tx } from "#db/client";
import { memberships, users } from "#db/schema";
import { addDays } from "~/lib/dates";
import { CONTACT_WINDOW_DAYS } from "./key-figures.server";
import type { FigureSet, PeriodRange } from "./follow-up-types";

const facts = sql.identifier("follow_up_enrollments");

type Group = { age: number; school: number | null; caseworker: number | null; n: number; notContacted: number; assessed: number; planned: number };
type Row = { key: string | null; n: number };

export function registerFigures(db: Db | Tx, municipalityId: number, p: PeriodRange, today: string, withCaseworkers: boolean): FigureSet {
  const cells: Record<string, number> = { target: 0, notContacted: 0, "documented.assessment": 0, "documented.plan": 0 };
  const labels: Record<string, string> = {};
  const add = (key: string, n: number) => (cells[key] = (cells[key] ?? 0) + n);

  // The target group in one pass, counted per age × school (× caseworker for the samordnare) and
  // summed up here. Age on the period's last day, 16 or younger and 20 gathered.
  const age = sql`(CAST(substr(${p.to}, 1, 4) AS INTEGER) - CAST(substr(birth_date, 1, 4) AS INTEGER) - (substr(${p.to}, 6, 5) < substr(birth_date, 6, 5)))`;
  const groups = db.all<Group>(
    sql`SELECT min(max(${age}, 16), 20) AS age, school_id AS school, ${withCaseworkers ? sql`caseworker_membership_id` : sql`NULL`} AS caseworker,
          count(*) AS n,
          sum(first_reached_on IS NULL OR first_reached_on > ${p.to}) AS notContacted,
          sum(coalesce(first_assessed_on <= ${p.to}, 0)) AS assessed,
          sum(has_plan) AS planned
        FROM ${facts} WHERE municipality_id = ${municipalityId} AND end_key >= ${p.from} AND start_date <= ${p.to}
        GROUP BY 1, 2, 3`,
  );
  for (const g of groups) {
    add("target", g.n);
    add("notContacted", g.notContacted);
    add("documented.assessment", g.assessed);
    add("documented.plan", g.planned);
    add(`target.age:${g.age}`, g.n);
    add(`target.school:${g.school ?? "none"}`, g.n);
    if (withCaseworkers) add(`target.caseworker:${g.caseworker ?? "none"}`, g.n);
  }
  Object.assign(labels, schoolLabels(db, groups), withCaseworkers ? caseworkerLabels(db, groups) : {});

  // Enrollments that began in the period, by reason, and how many of those whose four weeks are
  // over were reached within them.
  const startedIn = sql`municipality_id = ${municipalityId} AND start_date BETWEEN ${p.from} AND ${p.to}`;
  const judgedBy = addDays(today, -CONTACT_WINDOW_DAYS);
  const started = db.all<Row & { judged: number; inTime: number }>(
    sql`SELECT start_reason AS key, count(*) AS n, sum(start_date <= ${judgedBy}) AS judged,
          sum(start_date <= ${judgedBy} AND first_reached_on <= date(start_date, ${`+${CONTACT_WINDOW_DAYS} days`})) AS inTime
        FROM ${facts} WHERE ${startedIn} GROUP BY key`,
  );
  cells["contact.judged"] = 0;
  cells["contact.inTime"] = 0;
  for (const row of started) {
    add(`new.reason:${row.key}`, row.n);
    add("contact.judged", row.judged);
    add("contact.inTime", row.inTime);
  }
  cells.new = started.reduce((sum, row) => sum + row.n, 0);

  // Days from registration to the first reached contact, as counts per number of days (the median is
  // read from these counts; no single enrollment leaves the query).
  const histogram = db.all<{ days: number; n: number }>(
    sql`SELECT CAST(julianday(first_reached_on) - julianday(start_date) AS INTEGER) AS days, count(*) AS n
        FROM ${facts} WHERE ${startedIn} AND first_reached_on IS NOT NULL GROUP BY days ORDER BY days`,
  );

  const ended = db.all<Row>(
    sql`SELECT coalesce(end_reason, 'other') AS key, count(*) AS n FROM ${facts}
        WHERE municipality_id = ${municipalityId} AND end_key BETWEEN ${p.from} AND ${p.to} GROUP BY key`,
  );
  for (const row of ended) add(`ended.reason:${row.key}`, row.n);
  cells.ended = ended.reduce((sum, row) => sum + row.n, 0);
  return { cells, labels, daysToContact: histogram };
}

/** The names of the schools and caseworkers in the breakdowns: a lookup per distinct key, never per youth. */
function schoolLabels(db: Db | Tx, groups: Group[]): Record<string, string> {
  const ids = [...new Set(groups.map((g) => g.school).filter((id): id is number => id !== null))];
  const labels: Record<string, string> = {};
  if (groups.some((g) => g.school === null)) labels["target.school:none"] = "Ingen skolanmälan";
  if (ids.length === 0) return labels;
  const rows = db.all<{ id: number; name: string }>(sql`SELECT id, name FROM organisations WHERE id IN (${sql.join(ids, sql`, `)})`);
  for (const row of rows) labels[`target.school:${row.id}`] = row.name;
  return labels;
}

function caseworkerLabels(db: Db | Tx, groups: Group[]): Record<string, string> {
  const ids = [...new Set(groups.map((g) => g.caseworker).filter((id): id is number => id !== null))];
  const labels: Record<string, string> = {};
  if (groups.some((g) => g.caseworker === null)) labels["target.caseworker:none"] = "Ingen handläggare";
  if (ids.length === 0) return labels;
  const rows = db.all<{ id: number; name: string }>(
    sql`SELECT ${memberships.id} AS id, ${users.displayName} AS name FROM ${memberships} JOIN ${users} ON ${users.id} = ${memberships.userId}
        WHERE ${memberships.id} IN (${sql.join(ids, sql`, `)})`,
  );
  for (const row of rows) labels[`target.caseworker:${row.id}`] = row.name;
  return labels;
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
