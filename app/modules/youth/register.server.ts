/**
 * The register list and search of the KAA unit that keeps the register. Each takes the register
 * capability (openRegister) and logs every youth it shows in one batch.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { enrollments, memberships, users, youths } from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { RegisterAccess } from "~/modules/access/gate.server";
import { registerOrder, selectRegisterPage } from "./register-selection.server";
import { REGISTER_COUNT_CAP, type RegisterQuery } from "./register-query";
import { ageOn, parsePersonalNumber } from "./personal-number";

/** One page of the actor's own municipality's register. Every youth shown is logged. */
export function listYouthRegister(register: RegisterAccess, query: RegisterQuery, countCap = REGISTER_COUNT_CAP) {
  const municipalityId = register.municipalityId;
  const db = getDb();
  const today = todayIso();
  const { total, moreThanCap, page, pageCount, ids } = selectRegisterPage(municipalityId, query, today, countCap);
  // Only the page's youths are joined with their open enrollment and caseworker.
  const openEnrollment = and(eq(enrollments.youthId, youths.id), isNull(enrollments.endDate));
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
    .where(inArray(youths.id, ids))
    .orderBy(...registerOrder(query))
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
