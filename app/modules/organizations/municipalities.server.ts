import { asc, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { municipalities } from "#db/schema";

export function listMunicipalities() {
  return getDb()
    .select({ id: municipalities.id, name: municipalities.name, code: municipalities.code })
    .from(municipalities)
    .orderBy(asc(municipalities.name))
    .all();
}

export function municipalityName(id: number): string | null {
  return getDb().select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, id)).get()?.name ?? null;
}
