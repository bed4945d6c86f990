/**
 * The register list and search of the KAA unit that keeps the register. Each takes the register
 * capability (openRegister) and logs every youth it shows in one batch.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { SQLiteSelect } from "drizzle-orm/sqlite-core";
import { getDb } from "#db/client";
import { enrollments, memberships, users, youths } from "#db/schema";
import { cappedCount } from "~/lib/capped-count.server";
import { pageCountOf, pageWithin } from "~/lib/counting";
import { addDays, todayIso } from "~/lib/dates";
import type { RegisterAccess } from "~/modules/access/gate.server";
import { youthsInRegister } from "./names.server";
import { REGISTER_COUNT_CAP, REGISTER_PAGE_SIZE, type RegisterQuery } from "./register-query";
import { ageOn, parsePersonalNumber } from "./personal-number";

/** One page of the actor's own municipality's register. Every youth shown is logged. */
export function listYouthRegister(register: RegisterAccess, query: RegisterQuery, countCap = REGISTER_COUNT_CAP) {
  const municipalityId = register.municipalityId;
  const db = getDb();
  const today = todayIso();
  const where = and(
    youthsInRegister(municipalityId, query.q),
    query.status === "none" ? isNull(enrollments.id) : query.status ? eq(enrollments.status, query.status) : undefined,
    query.caseworker === "unassigned"
      ? and(isNotNull(enrollments.id), isNull(enrollments.caseworkerMembershipId))
      : query.caseworker
        ? eq(enrollments.caseworkerMembershipId, query.caseworker)
        : undefined,
    query.overdue
      ? or(
          and(eq(enrollments.status, "not_contacted"), lte(enrollments.startDate, addDays(today, -28))),
          and(eq(enrollments.status, "watch"), lte(enrollments.watchUntil, today)),
        )
      : undefined,
  );
  // The open enrollment (at most one per youth) carries status and caseworker.
  const openEnrollment = and(eq(enrollments.youthId, youths.id), isNull(enrollments.endDate));
  const order =
    query.sort === "nyast"
      ? [desc(youths.createdAt), desc(youths.id)]
      : query.sort === "alder"
        ? [asc(youths.birthDate), asc(youths.id)]
        : [asc(youths.nameSort), asc(youths.id)];
  // The enrollment is joined only when a filter asks about it; either way counting stops past the cap.
  const enrollmentFiltered = Boolean(query.status || query.caseworker || query.overdue);
  const filtered = <T extends SQLiteSelect>(query: T) => (enrollmentFiltered ? query.leftJoin(enrollments, openEnrollment) : query).where(where);
  const counted = filtered(
    db
      .select({ one: sql`1` })
      .from(youths)
      .$dynamic(),
  );
  const { total, moreThanCap } = cappedCount(counted, countCap);
  const pageCount = pageCountOf(total, REGISTER_PAGE_SIZE);
  const page = pageWithin(query.page, pageCount);
  // The page's youths are found first on the name/date index alone, and only those 25 are joined
  // with their enrollment and caseworker: deep pages skip ids, not joined rows.
  const pageIds = filtered(db.select({ id: youths.id }).from(youths).$dynamic())
    .orderBy(...order)
    .limit(REGISTER_PAGE_SIZE)
    .offset((page - 1) * REGISTER_PAGE_SIZE);
  const rows = db
    .select({
      id: youths.id,
      firstName: youths.firstName,
      lastName: youths.lastName,
      birthDate: youths.birthDate,
      homeMunicipalityId: youths.homeMunicipalityId,
      protectedIdentity: youths.protectedIdentity,
      createdAt: youths.createdAt,
      status: enrollments.status,
      startDate: enrollments.startDate,
      caseworkerName: users.displayName,
    })
    .from(youths)
    .leftJoin(enrollments, openEnrollment)
    .leftJoin(memberships, eq(memberships.id, enrollments.caseworkerMembershipId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(inArray(youths.id, pageIds))
    .orderBy(...order)
    .all();
  register.logListed(
    rows.map((row) => row.id),
    "identity",
  );
  return {
    total,
    moreThanCap,
    page,
    pageCount,
    rows: rows.map((row) => ({
      id: row.id,
      name: `${row.lastName}, ${row.firstName}`,
      birthDate: row.birthDate,
      age: ageOn(row.birthDate, today),
      protectedIdentity: row.protectedIdentity,
      createdAt: row.createdAt,
      status: row.status,
      startDate: row.startDate,
      caseworkerName: row.caseworkerName,
    })),
  };
}

/** Exact look-up by personnummer in the actor's register; the number never enters a URL. */
export function findYouthByPersonalNumber(register: RegisterAccess, input: string): { id: string } | { error: string } | null {
  const parsed = parsePersonalNumber(input);
  if (!parsed.ok) return { error: parsed.error };
  const row = getDb()
    .select({ id: youths.id })
    .from(youths)
    .where(and(eq(youths.homeMunicipalityId, register.municipalityId), eq(youths.personalNumber, parsed.value.normalized)))
    .get();
  if (!row) return null;
  register.logListed([row.id], "identity", "search");
  return { id: row.id };
}

/**
 * How many youths the actor's register holds: an aggregate, identifying no one. Kept by triggers on
 * youths (migration 0016), so the start page never counts a register of hundreds of thousands.
 */
export function registerSize(register: RegisterAccess): number {
  return getDb().get<{ n: number } | undefined>(sql`SELECT youths AS n FROM register_sizes WHERE municipality_id = ${register.municipalityId}`)?.n ?? 0;
}
