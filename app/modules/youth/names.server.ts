import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { nameLikePattern } from "./names";

/** SQL condition: the name-search column contains the query (LIKE with an explicit escape). */
export function nameMatches(column: AnyColumn, query: string): SQL {
  return sql`${column} LIKE ${nameLikePattern(query)} ESCAPE '\\'`;
}
