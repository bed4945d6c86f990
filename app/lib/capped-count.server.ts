/**
 * Counting with a cap: `SELECT count(*) FROM (SELECT 1 … WHERE … LIMIT cap + 1)`. SQLite stops reading
 * the index after cap + 1 rows, so a count costs at most the cap whatever the size of the table.
 */
import { count, type Subquery } from "drizzle-orm";
import { getDb } from "#db/client";
import { COUNT_CAP, type CappedCount } from "~/lib/counting";

/** A select of `sql\`1\`` with its `where` already applied (any Drizzle select that can be limited and aliased). */
export type CountableSelect = { limit(limit: number): { as(alias: string): Subquery } };

/** The rows `select` finds, counted up to `cap`: `{ total: min(found, cap), moreThanCap: found > cap }`. */
export function cappedCount(select: CountableSelect, cap = COUNT_CAP): CappedCount {
  const found =
    getDb()
      .select({ n: count() })
      .from(select.limit(cap + 1).as("capped"))
      .get()?.n ?? 0;
  return { total: Math.min(found, cap), moreThanCap: found > cap };
}
