import { and, count, desc, eq, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "#db/client";
import { getDb } from "#db/client";
import { auditEvents, organisations, users, youths } from "#db/schema";
import { addDays, stockholmDayStartUtc } from "~/lib/dates";
import type { Actor } from "~/modules/auth/actor.server";
import { nameMatches } from "~/modules/youth/names";
import type { AccessAction, Decision, YouthSection } from "./policy";

export type AuditAction = AccessAction | "list" | "create" | "search";

type AuditEntry = {
  actor: Actor;
  youthId: string | null;
  /** The youth's home municipality (whose register was touched); null if the youth does not exist. */
  youthMunicipalityId: number | null;
  section: YouthSection;
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

export type AuditFilter = {
  userId?: number;
  youthName?: string;
  from?: string; // ISO date, inclusive
  to?: string; // ISO date, inclusive
  page: number;
};

/**
 * The log review (loggkontroll) for a KAA samordnare: every access to the youths of the
 * samordnare's municipality, and every access made by members of the samordnare's unit.
 */
export function listAuditEvents(municipalityId: number, organisationId: number, filter: AuditFilter) {
  const db = getDb();
  const conditions: SQL[] = [
    or(eq(auditEvents.youthMunicipalityId, municipalityId), eq(auditEvents.organisationId, organisationId))!,
  ];
  if (filter.userId) conditions.push(eq(auditEvents.userId, filter.userId));
  // The dates are Swedish calendar days; the log is in UTC.
  if (filter.from) conditions.push(gte(auditEvents.at, stockholmDayStartUtc(filter.from)));
  if (filter.to) conditions.push(lt(auditEvents.at, stockholmDayStartUtc(addDays(filter.to, 1))));
  if (filter.youthName) {
    const matching = db
      .select({ id: youths.id })
      .from(youths)
      .where(and(eq(youths.homeMunicipalityId, municipalityId), nameMatches(youths.nameSearch, filter.youthName)));
    conditions.push(inArray(auditEvents.youthId, matching));
  }
  const where = and(...conditions);
  const total = db.select({ n: count() }).from(auditEvents).where(where).get()?.n ?? 0;
  const rows = db
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
    .limit(AUDIT_PAGE_SIZE)
    .offset((filter.page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { total, rows };
}

/** Users who appear in the samordnare's log, for the filter. */
export function auditUsers(municipalityId: number, organisationId: number) {
  return getDb()
    .selectDistinct({ id: users.id, displayName: users.displayName })
    .from(auditEvents)
    .innerJoin(users, eq(users.id, auditEvents.userId))
    .where(or(eq(auditEvents.youthMunicipalityId, municipalityId), eq(auditEvents.organisationId, organisationId)))
    .orderBy(users.displayName)
    .all();
}

