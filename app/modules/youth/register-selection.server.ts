/**
 * Which youths one page of the register shows, and how many match, read so that the cost follows
 * what is shown, not the size of the register:
 *
 * - without a filter on the open enrollment, the youths are walked in the page's order along the
 *   register's own index (name, date of birth or registration) and counting stops at the cap;
 * - with one (status, caseworker, overdue), the open enrollments that match are found by the
 *   enrollment indexes first. If there are few (ENROLLMENT_DRIVEN_MAX), just those youths are
 *   sorted; if there are many, they are dense enough that walking the register in order meets a
 *   page of them soon. Either way no query reads the whole register to find a rare status.
 */
import { and, asc, desc, eq, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteSelect } from "drizzle-orm/sqlite-core";
import { getDb } from "#db/client";
import { enrollments, youths } from "#db/schema";
import { cappedCount } from "~/lib/capped-count.server";
import { pageCountOf, pageWithin } from "~/lib/counting";
import { addDays } from "~/lib/dates";
import { youthNameSearch } from "./names";
import { nameCandidates, nameMatches, youthsInRegister } from "./names.server";
import { REGISTER_PAGE_SIZE, type RegisterQuery } from "./register-query";

/** Up to this many matching enrollments, their youths are sorted; past it the register is walked in order. */
export const ENROLLMENT_DRIVEN_MAX = 2000;

/**
 * A name search counts its matches this far. Up to it, the matches come from the trigram index and
 * are sorted; past it the page says "fler än 500" (more of the name narrows it) and the register
 * is walked in order, testing each name, since that many matches are met soon.
 */
export const NAME_SEARCH_COUNT_CAP = 500;

/** Past this many names in the whole trigram index (all registers), the matches are not read but met. */
export const NAME_CANDIDATE_LIMIT = 2000;

/**
 * Conditions on the open enrollment that the query's filters ask for (none: no enrollment filter), as
 * disjoint alternatives: "overdue" is two (not contacted in four weeks; a watch date that has come),
 * each read from its own index rather than one walk of every open enrollment testing both.
 */
function enrollmentAlternatives(query: RegisterQuery, today: string): SQL[] | undefined {
  if (!query.status || query.status === "none") {
    if (!query.caseworker && !query.overdue) return undefined;
  }
  const common = and(
    isNull(enrollments.endDate),
    query.status && query.status !== "none" ? eq(enrollments.status, query.status) : undefined,
    query.caseworker === "unassigned"
      ? isNull(enrollments.caseworkerMembershipId)
      : query.caseworker
        ? eq(enrollments.caseworkerMembershipId, query.caseworker)
        : undefined,
  )!;
  if (!query.overdue) return [common];
  // Literal statuses, so that the watch half can use its partial index.
  return [
    and(common, sql`${enrollments.status} = 'not_contacted'`, lte(enrollments.startDate, addDays(today, -28)))!,
    and(common, sql`${enrollments.status} = 'watch'`, lte(enrollments.watchUntil, today))!,
  ];
}

export function registerOrder(query: RegisterQuery) {
  return query.sort === "nyast"
    ? [desc(youths.createdAt), desc(youths.id)]
    : query.sort === "alder"
      ? [asc(youths.birthDate), asc(youths.id)]
      : [asc(youths.nameSort), asc(youths.id)];
}

/** The ids of the page's youths (in order), the capped count of all that match, and the page. */
export function selectRegisterPage(municipalityId: number, query: RegisterQuery, today: string, countCap: number) {
  const db = getDb();
  const order = registerOrder(query);
  const alternatives = enrollmentAlternatives(query, today);
  const onEnrollment = alternatives ? or(...alternatives) : undefined;
  // "No open enrollment" (status none, alone or with other filters that then match nothing).
  const withoutEnrollment = query.status === "none";
  const openEnrollment = and(eq(enrollments.youthId, youths.id), isNull(enrollments.endDate));

  let counted: ReturnType<typeof cappedCount>;
  let enrollmentDriven = false;
  let manyNames = false;
  if (query.q && isContainsSearch(query.q)) {
    // A common fragment ("sjö") is met by walking the register; a rarer one is read from the index.
    manyNames = nameCandidates(query.q, NAME_CANDIDATE_LIMIT) > NAME_CANDIDATE_LIMIT;
    counted = cappedCount(
      walked(
        db
          .select({ one: sql`1` })
          .from(youths)
          .$dynamic(),
      ),
      Math.min(countCap, NAME_SEARCH_COUNT_CAP),
    );
    manyNames ||= counted.moreThanCap;
  } else if (onEnrollment && !withoutEnrollment) {
    // Counted on the enrollment indexes alone: an enrollment's municipality is its youth's register
    // (the home municipality cannot change; a move ends the enrollment), so no youth is read to count.
    const parts = alternatives!.map((alternative) =>
      cappedCount(
        query.q
          ? db
              .select({ one: sql`1` })
              .from(enrollments)
              .innerJoin(youths, eq(youths.id, enrollments.youthId))
              .where(and(eq(enrollments.municipalityId, municipalityId), alternative, perRow(municipalityId, query.q)))
          : db
              .select({ one: sql`1` })
              .from(enrollments)
              .where(and(eq(enrollments.municipalityId, municipalityId), alternative)),
        countCap,
      ),
    );
    const sum = parts.reduce((n, part) => n + part.total, 0);
    counted = { total: Math.min(sum, countCap), moreThanCap: sum > countCap || parts.some((part) => part.moreThanCap) };
    enrollmentDriven = !counted.moreThanCap && counted.total <= ENROLLMENT_DRIVEN_MAX;
  } else if (withoutEnrollment && !onEnrollment && !query.q) {
    // Youths without an open enrollment: the register's two counters (migration 0020), not a probe of every youth.
    const sizes = db.get<{ youths: number; open: number } | undefined>(
      sql`SELECT youths, open_enrollments AS open FROM register_sizes WHERE municipality_id = ${municipalityId}`,
    );
    const found = Math.max(0, (sizes?.youths ?? 0) - (sizes?.open ?? 0));
    counted = { total: Math.min(found, countCap), moreThanCap: found > countCap };
  } else {
    counted = cappedCount(
      walked(
        db
          .select({ one: sql`1` })
          .from(youths)
          .$dynamic(),
      ),
      countCap,
    );
  }
  const pageCount = pageCountOf(counted.total, REGISTER_PAGE_SIZE);
  const page = pageWithin(query.page, pageCount);
  const offset = (page - 1) * REGISTER_PAGE_SIZE;

  const ids = enrollmentDriven
    ? db
        .select({ id: youths.id })
        .from(youths)
        .where(
          and(
            perRow(municipalityId, query.q),
            or(
              ...alternatives!.map((alternative) =>
                inArray(
                  youths.id,
                  db
                    .select({ youthId: enrollments.youthId })
                    .from(enrollments)
                    .where(and(eq(enrollments.municipalityId, municipalityId), alternative)),
                ),
              ),
            ),
          ),
        )
        .orderBy(...order)
        .limit(REGISTER_PAGE_SIZE)
        .offset(offset)
        .all()
    : walked(db.select({ id: youths.id }).from(youths).$dynamic())
        .orderBy(...order)
        .limit(REGISTER_PAGE_SIZE)
        .offset(offset)
        .all();
  return { ...counted, page, pageCount, ids: ids.map((row) => row.id) };

  /**
   * The register walked along its own index, the open enrollment joined only when a filter asks. A
   * name search with many matches tests each name on the way instead of reading the matches first.
   */
  function walked<T extends SQLiteSelect>(select: T) {
    const enrollmentFilter = withoutEnrollment ? and(isNull(enrollments.id), onEnrollment ? sql`0` : undefined) : onEnrollment;
    const inRegister = manyNames
      ? and(eq(youths.homeMunicipalityId, municipalityId), nameMatches(youths.nameSearch, query.q!))
      : youthsInRegister(municipalityId, query.q);
    return (enrollmentFilter ? select.leftJoin(enrollments, openEnrollment) : select).where(and(inRegister, enrollmentFilter));
  }
}

/**
 * The register tested on each youth found by another index: without a name search the unary +
 * keeps SQLite from walking the register's municipality index instead.
 */
function perRow(municipalityId: number, q: string | undefined): SQL {
  return q ? youthsInRegister(municipalityId, q) : sql`+${youths.homeMunicipalityId} = ${municipalityId}`;
}

function isContainsSearch(q: string) {
  const search = youthNameSearch(q);
  return search !== null && "contains" in search;
}
