import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { municipalities, organisations } from "#db/schema";

/** All municipalities (all 290 and any added by hand), by name, with their län for grouping. */
export function listMunicipalities() {
  return getDb()
    .select({
      id: municipalities.id,
      name: municipalities.name,
      code: municipalities.code,
      countyCode: municipalities.countyCode,
      countyName: municipalities.countyName,
    })
    .from(municipalities)
    .orderBy(asc(municipalities.name))
    .all();
}

/**
 * Which of the municipalities have a KAA unit in the portal, the one organisation notices are routed
 * to (organisations_one_kaa_unit). Derived, never stored: adding the unit makes the municipality reachable.
 */
export function municipalitiesWithKaaUnit(ids: readonly number[]): Set<number> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = getDb()
    .select({ id: organisations.municipalityId })
    .from(organisations)
    .where(and(eq(organisations.kind, "kaa_unit"), inArray(organisations.municipalityId, unique)))
    .all();
  return new Set(rows.map((r) => r.id));
}

export function municipalityName(id: number): string | null {
  return getDb().select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, id)).get()?.name ?? null;
}
