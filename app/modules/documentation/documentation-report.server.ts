/**
 * The samordnare's view of documentation quality: open enrollments (with contact established)
 * whose documentation misses one of the seven points, filterable by caseworker and by point, and
 * the share of the unit's enrollments that are complete. One indexed query on the stored summary.
 */
import { and, asc, desc, eq, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "#db/client";
import { enrollmentDocumentation, enrollments, memberships, users, youths } from "#db/schema";
import { cappedCount } from "~/lib/capped-count.server";
import { pageCountOf, pageWithin } from "~/lib/counting";
import { todayIso } from "~/lib/dates";
import type { RegisterAccess } from "~/modules/access/gate.server";
import { CHECKLIST_POINTS, isMissing, NOTHING_DOCUMENTED, pointBit, type ChecklistPoint } from "~/modules/documentation/checklist";

export const DOCUMENTATION_PAGE_SIZE = 50;

export type DocumentationFilter = { caseworker: "all" | "unassigned" | number; point?: ChecklistPoint; page: number; newestFirst?: boolean };

export function readDocumentationReport(register: RegisterAccess, filter: DocumentationFilter, today = todayIso()) {
  const municipalityId = register.municipalityId;
  const db = getDb();
  // An enrollment never documented has no stored row: all seven points are missing.
  const missing = sql<number>`coalesce(${enrollmentDocumentation.missing}, ${NOTHING_DOCUMENTED})`;
  const overdue = and(sql`${enrollmentDocumentation.overdueFrom} IS NOT NULL`, lt(enrollmentDocumentation.overdueFrom, today));
  const pointMissing = (point: ChecklistPoint): SQL =>
    point === 5 ? or(sql`(${missing} & ${pointBit(5)}) != 0`, overdue)! : sql`(${missing} & ${pointBit(point)}) != 0`;
  const incomplete = or(sql`${missing} != 0`, overdue)!;

  // A youth not yet reached cannot have an assessment or a plan: the list starts at contact.
  // The status as a literal, so that the partial indexes of contacted open enrollments apply (a bound
  // parameter cannot prove a partial index's WHERE). One caseworker's list reads the caseworker's
  // index and tests the municipality per row (the unary +), as the worklist does.
  const scope = and(
    filter.caseworker === "all" ? eq(enrollments.municipalityId, municipalityId) : sql`+${enrollments.municipalityId} = ${municipalityId}`,
    isNull(enrollments.endDate),
    sql`${enrollments.status} != 'not_contacted'`,
    filter.caseworker === "all"
      ? undefined
      : filter.caseworker === "unassigned"
        ? isNull(enrollments.caseworkerMembershipId)
        : eq(enrollments.caseworkerMembershipId, filter.caseworker),
  );
  // Counted up to the cap: past it the share of a whole unit is left to the follow-up, not counted here.
  const counted = (condition: SQL | undefined) =>
    cappedCount(
      db
        .select({ one: sql`1` })
        .from(enrollments)
        .leftJoin(enrollmentDocumentation, eq(enrollmentDocumentation.enrollmentId, enrollments.id))
        .where(condition),
    );
  const inScope = counted(scope);
  const incompleteCount = inScope.moreThanCap ? null : counted(and(scope, incomplete));
  const where = and(scope, filter.point ? pointMissing(filter.point) : incomplete);
  const found = !filter.point && incompleteCount ? incompleteCount : counted(where);
  const pageCount = pageCountOf(found.total, DOCUMENTATION_PAGE_SIZE);
  const page = pageWithin(filter.page, pageCount);
  const rows = db
    .select({
      enrollmentId: enrollments.id,
      youthId: youths.id,
      firstName: youths.firstName,
      lastName: youths.lastName,
      status: enrollments.status,
      startDate: enrollments.startDate,
      caseworkerName: users.displayName,
      missing,
      overdueFrom: enrollmentDocumentation.overdueFrom,
    })
    .from(enrollments)
    .innerJoin(youths, eq(youths.id, enrollments.youthId))
    .leftJoin(enrollmentDocumentation, eq(enrollmentDocumentation.enrollmentId, enrollments.id))
    .leftJoin(memberships, eq(memberships.id, enrollments.caseworkerMembershipId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(where)
    .orderBy(...(filter.newestFirst ? [desc(enrollments.startDate), desc(enrollments.id)] : [asc(enrollments.startDate), asc(enrollments.id)]))
    .limit(DOCUMENTATION_PAGE_SIZE)
    .offset((page - 1) * DOCUMENTATION_PAGE_SIZE)
    .all();
  // Every youth named on the page is an access to the register's plan section, and is logged.
  register.logListed(
    rows.map((r) => r.youthId),
    "plan",
  );
  return {
    /** Open contacted enrollments, and how many are complete: null past the count's cap. */
    share: incompleteCount ? { inScope: inScope.total, complete: inScope.total - incompleteCount.total } : null,
    total: found.total,
    moreThanCap: found.moreThanCap,
    page,
    pageCount,
    rows: rows.map((r) => ({
      enrollmentId: r.enrollmentId,
      youthId: r.youthId,
      name: `${r.lastName}, ${r.firstName}`,
      status: r.status,
      startDate: r.startDate,
      caseworkerName: r.caseworkerName,
      missingPoints: CHECKLIST_POINTS.filter((p) => isMissing({ missing: r.missing, overdueFrom: r.overdueFrom }, p, today)),
    })),
  };
}
