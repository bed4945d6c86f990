import { and, desc, eq, exists, gte, inArray, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "#db/client";
import { getDb } from "#db/client";
import { auditEvents, organisations, users, youths, type CitizenRole, type Role } from "#db/schema";
import { cappedCount } from "~/lib/capped-count.server";
import { addDays, stockholmDayStartUtc } from "~/lib/dates";
import { youthsInRegister } from "~/modules/youth/names.server";
import type { AccessAction, Decision, YouthSection } from "./policy";

/** `export`: the youth went out in a file to an outside authority (the SCB half-year file; basisRef: the export's id). */
export type AuditAction = AccessAction | "list" | "create" | "search" | "lookup" | "export";

/**
 * Who accessed: a member of staff (an Actor) in a membership, or a youth or guardian on Mina sidor, who
 * has no membership or organisation and whose role is "youth" or "guardian".
 */
export type AuditPrincipal = { userId: number; membershipId: number | null; organisationId: number | null; role: Role | CitizenRole };

export type AuditEntry = {
  actor: AuditPrincipal;
  youthId: string | null;
  /** The youth's home municipality (whose register was touched); null if the youth does not exist. */
  youthMunicipalityId: number | null;
  /** A section of a youth file, or a school list shown row by row (its rows name students, not youths). */
  section: YouthSection | "school_lists";
  action: AuditAction;
  decision: Decision;
};

/** Writes one access-log row. Pass the transaction when the access is part of a write. */
export function writeAudit(entries: AuditEntry | AuditEntry[], db: Pick<Db, "insert"> = getDb()) {
  const list = Array.isArray(entries) ? entries : [entries];
  // In slices: one INSERT for thousands of rows (a whole unit's worklist) overflows the query
  // builder's stack and SQLite's limit on bound parameters.
  for (let i = 0; i < list.length; i += AUDIT_INSERT_SLICE) insertAuditRows(list.slice(i, i + AUDIT_INSERT_SLICE), db);
}

const AUDIT_INSERT_SLICE = 500;

/** All of one request's log rows in one transaction: one durable commit per page view, not one per section. */
export function commitAudit(entries: AuditEntry[]) {
  if (entries.length === 0) return;
  getDb().transaction((tx) => writeAudit(entries, tx));
}

function insertAuditRows(list: AuditEntry[], db: Pick<Db, "insert">) {
  db.insert(auditEvents)
    .values(
      list.map(({ actor, youthId, youthMunicipalityId, section, action, decision }) => ({
        userId: actor.userId,
        membershipId: actor.membershipId,
        organisationId: actor.organisationId,
        role: actor.role,
        youthId,
        youthMunicipalityId,
        section,
        action,
        outcome: decision.allowed ? ("allowed" as const) : ("denied" as const),
        basis: decision.allowed ? decision.basis : null,
        basisRef: decision.allowed ? (decision.basisRef ?? null) : decision.reason,
      })),
    )
    .run();
}

export const AUDIT_PAGE_SIZE = 50;

export const AUDIT_BASIS_FILTERS = [
  "register_keeper",
  "consent",
  "referral",
  "concern_report",
  "notice_sender",
  "review",
  "data_subject",
  "guardian",
  "denied",
] as const;
export type AuditBasisFilter = (typeof AUDIT_BASIS_FILTERS)[number];

export type AuditFilter = {
  userId?: number;
  youthName?: string;
  from?: string; // ISO date, inclusive
  to?: string; // ISO date, inclusive
  /** The ground of the access, or "denied" for refused attempts. */
  basis?: AuditBasisFilter;
  /** Only accesses made by other organisations than the samordnare's own unit. */
  otherOrganisations?: boolean;
  page: number;
};

/**
 * Counting stops here: past it the page says "fler än 1 000" and asks for a filter, so the review
 * stays fast on a log of millions (counting is a walk of the log's index; 20 pages is what anyone reads).
 */
export const AUDIT_COUNT_CAP = 1000;

/**
 * The log review (loggkontroll) for a KAA samordnare: every access to the youths of the
 * samordnare's municipality, and every access made by members of the samordnare's unit.
 */
function auditScope(municipalityId: number, organisationId: number) {
  return or(eq(auditEvents.youthMunicipalityId, municipalityId), eq(auditEvents.organisationId, organisationId))!;
}

/** A name in the filter may match at most this many youths; past it the page asks for more of the name. */
export const AUDIT_YOUTH_MATCH_LIMIT = 20;

/**
 * How a filter is read. A youth or a user narrows the log to rows that have their own index
 * (youth_id, at) and (user_id, at): those drive the read, and the scope is tested on each row
 * found (the unary + keeps SQLite from walking the scope's index instead, which would read the
 * whole municipality's log to find one youth's rows). Otherwise the scope's two indexes drive it.
 */
type AuditQuery = { driver: SQL | undefined; extra: SQL | undefined; tooManyYouths: boolean; otherOrganisationsOnly: boolean };

function auditQuery(municipalityId: number, organisationId: number, filter: Omit<AuditFilter, "page">): AuditQuery {
  const extra: SQL[] = [];
  // A literal, not a bound parameter: only then can SQLite use the partial indexes of refusals.
  if (filter.basis === "denied") extra.push(sql`${auditEvents.outcome} = 'denied'`);
  else if (filter.basis) extra.push(eq(auditEvents.basis, filter.basis));
  // Any ground but the register keeper's is rare beside the unit's own work: the literal lets SQLite
  // read the partial index of those (audit_shared_youth_municipality) instead of the whole register's log.
  if (filter.otherOrganisations || (filter.basis && filter.basis !== "register_keeper" && filter.basis !== "denied")) {
    extra.push(sql`${auditEvents.basis} IS NOT 'register_keeper'`);
  }
  // Other organisations: accesses to the register by anyone outside the KAA unit (null: the log of a deleted organisation),
  // and by a granskare: its membership sits in the unit, but it is the outsider the samordnare most needs to see.
  if (filter.otherOrganisations) {
    extra.push(or(ne(auditEvents.organisationId, organisationId), isNull(auditEvents.organisationId), eq(auditEvents.basis, "review"))!);
  }
  // The dates are Swedish calendar days; the log is in UTC.
  if (filter.from) extra.push(gte(auditEvents.at, stockholmDayStartUtc(filter.from)));
  if (filter.to) extra.push(lt(auditEvents.at, stockholmDayStartUtc(addDays(filter.to, 1))));
  const drivers: SQL[] = [];
  let tooManyYouths = false;
  if (filter.youthName) {
    const named = getDb()
      .select({ id: youths.id })
      .from(youths)
      .where(youthsInRegister(municipalityId, filter.youthName))
      .limit(AUDIT_YOUTH_MATCH_LIMIT + 1)
      .all()
      .map((row) => row.id);
    tooManyYouths = named.length > AUDIT_YOUTH_MATCH_LIMIT;
    drivers.push(named.length && !tooManyYouths ? inArray(auditEvents.youthId, named) : sql`0`);
  }
  if (filter.userId) drivers.push(eq(auditEvents.userId, filter.userId));
  return {
    driver: drivers.length ? and(...drivers) : undefined,
    extra: extra.length ? and(...extra) : undefined,
    tooManyYouths,
    otherOrganisationsOnly: Boolean(filter.otherOrganisations),
  };
}

/** The scope as a test on rows found by another index (see AuditQuery). */
function scopeTestedPerRow(municipalityId: number, organisationId: number) {
  return sql`(+${auditEvents.youthMunicipalityId} = ${municipalityId} OR +${auditEvents.organisationId} = ${organisationId})`;
}

function auditWhere(municipalityId: number, organisationId: number, query: AuditQuery) {
  if (query.driver) return and(query.driver, scopeTestedPerRow(municipalityId, organisationId), query.extra);
  // Other organisations' accesses are all in the register's half of the scope: the unit's own half is empty.
  if (query.otherOrganisationsOnly) return and(eq(auditEvents.youthMunicipalityId, municipalityId), query.extra);
  return and(auditScope(municipalityId, organisationId), query.extra);
}

function auditRows(municipalityId: number, where: SQL | undefined) {
  return (
    getDb()
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        userName: users.displayName,
        organisationName: organisations.name,
        role: auditEvents.role,
        youthId: auditEvents.youthId,
        youthFirstName: youths.firstName,
        youthLastName: youths.lastName,
        section: auditEvents.section,
        action: auditEvents.action,
        outcome: auditEvents.outcome,
        basis: auditEvents.basis,
        basisRef: auditEvents.basisRef,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.userId))
      .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
      // Names only of the municipality's own youths: a denied attempt at another register shows none.
      .leftJoin(youths, and(eq(youths.id, auditEvents.youthId), eq(youths.homeMunicipalityId, municipalityId)))
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
  );
}

export type AuditRow = ReturnType<ReturnType<typeof auditRows>["all"]>[number];

/**
 * One page of the log review. The scope is two indexed sets (accesses to the register's youths, and
 * the unit's own accesses); each is read newest first along its (…, at) index only as far as the
 * page needs, and the two are merged, so page 1 costs the same with a thousand rows or millions.
 */
export function listAuditEvents(municipalityId: number, organisationId: number, filter: AuditFilter) {
  const db = getDb();
  const query = auditQuery(municipalityId, organisationId, filter);
  const where = auditWhere(municipalityId, organisationId, query);
  const counted = cappedCount(
    db
      .select({ one: sql`1` })
      .from(auditEvents)
      .where(where),
    AUDIT_COUNT_CAP,
  );
  const offset = (filter.page - 1) * AUDIT_PAGE_SIZE;
  const newestFirst = sql`ORDER BY ${auditEvents.at} DESC, ${auditEvents.id} DESC`;
  const branch = (scope: SQL) =>
    sql`SELECT * FROM (SELECT ${auditEvents.id} AS id, ${auditEvents.at} AS at FROM ${auditEvents} WHERE ${scope} AND ${query.extra ?? sql`1`} ${newestFirst} LIMIT ${offset + AUDIT_PAGE_SIZE})`;
  const pageIds = (
    query.driver || query.otherOrganisationsOnly
      ? db.all<{ id: number }>(sql`SELECT ${auditEvents.id} AS id FROM ${auditEvents} WHERE ${where} ${newestFirst} LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${offset}`)
      : db.all<{ id: number }>(
          sql`SELECT id FROM (${branch(eq(auditEvents.youthMunicipalityId, municipalityId))} UNION ${branch(eq(auditEvents.organisationId, organisationId))}) ORDER BY at DESC, id DESC LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${offset}`,
        )
  ).map((r) => r.id);
  const rows = pageIds.length ? auditRows(municipalityId, inArray(auditEvents.id, pageIds)).all() : [];
  return { ...counted, tooManyYouths: query.tooManyYouths, rows };
}

/** Every row of the filter, newest first, for the export of a log review (streamed, not held in memory). */
export function* exportAuditEvents(municipalityId: number, organisationId: number, filter: Omit<AuditFilter, "page">) {
  const where = auditWhere(municipalityId, organisationId, auditQuery(municipalityId, organisationId, filter));
  const slice = 2000;
  // Keyset pages (after the last row's time and id), so a long log costs the same per row throughout.
  let after: { at: string; id: number } | null = null;
  for (;;) {
    const keyset: SQL | undefined = after ? or(lt(auditEvents.at, after.at), and(eq(auditEvents.at, after.at), lt(auditEvents.id, after.id))) : undefined;
    const rows: AuditRow[] = auditRows(municipalityId, and(where, keyset)).limit(slice).all();
    yield* rows;
    if (rows.length < slice) return;
    const last: AuditRow = rows[rows.length - 1]!;
    after = { at: last.at, id: last.id };
  }
}

/** Users who appear in the samordnare's log, for the filter: per user one look along its own index. */
export function auditUsers(municipalityId: number, organisationId: number) {
  const db = getDb();
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(
      exists(
        db
          .select({ one: sql`1` })
          .from(auditEvents)
          .where(and(eq(auditEvents.userId, users.id), auditScope(municipalityId, organisationId))),
      ),
    )
    .orderBy(users.displayName)
    .all();
}
