import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { getDb } from "#db/client";
import { youths } from "#db/schema";
import { nameLikePattern, youthNameSearch } from "./names";

/** SQL condition: the column contains the query (LIKE with an explicit escape). For small tables (staff). */
export function nameMatches(column: AnyColumn, query: string): SQL {
  return sql`${column} LIKE ${nameLikePattern(query)} ESCAPE '\\'`;
}

/**
 * SQL condition on youths: in the municipality's register and, with a search, the name matches it,
 * read from the trigram index (migration 0016) or the register's name order, never by testing
 * every youth's name. With a "contains" search the municipality is tested on the youths found (the
 * unary + keeps SQLite from walking the whole register by its municipality index instead).
 */
export function youthsInRegister(municipalityId: number, nameQuery?: string): SQL {
  const search = nameQuery ? youthNameSearch(nameQuery) : null;
  if (!search) return sql`${youths.homeMunicipalityId} = ${municipalityId}`;
  if ("contains" in search) {
    return sql`(+${youths.homeMunicipalityId} = ${municipalityId} AND ${youths.id} IN (SELECT k.youth_id FROM youth_name_keys k WHERE k.key IN (SELECT rowid FROM youth_name_search WHERE name_search LIKE ${search.contains})))`;
  }
  return sql`(${youths.homeMunicipalityId} = ${municipalityId} AND ${youths.nameSort} >= ${search.lastNameFrom} AND ${youths.nameSort} < ${search.lastNameBefore})`;
}

/**
 * How many names anywhere contain the search (three characters or more), counted up to `limit` + 1
 * in the trigram index: whether reading the matches is cheaper than walking the register in order.
 */
export function nameCandidates(query: string, limit: number): number {
  const search = youthNameSearch(query);
  if (!search || !("contains" in search)) return 0;
  return (
    getDb().get<{ n: number }>(
      sql`SELECT count(*) AS n FROM (SELECT rowid FROM youth_name_search WHERE name_search LIKE ${search.contains} LIMIT ${limit + 1})`,
    )?.n ?? 0
  );
}
