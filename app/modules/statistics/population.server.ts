/** The municipality's population aged 16–19 per year, entered by the samordnare. Not youth data. */
import { and, eq, inArray } from "drizzle-orm";
import { getDb, type Db, type Tx } from "#db/client";
import { populationFigures } from "#db/schema";
import type { Actor } from "~/modules/auth/actor.server";
import type { PopulationInput } from "./population-schema";

export function populationByYear(municipalityId: number, years: number[], db: Db | Tx = getDb()): Map<number, number> {
  const rows = db
    .select({ year: populationFigures.year, n: populationFigures.aged16To19 })
    .from(populationFigures)
    .where(and(eq(populationFigures.municipalityId, municipalityId), inArray(populationFigures.year, years)))
    .all();
  return new Map(rows.map((r) => [r.year, r.n]));
}

/** Enters or corrects the figure of a year for the samordnare's own municipality. */
export function setPopulation(actor: Actor, input: PopulationInput) {
  if (actor.role !== "kaa_coordinator" || actor.municipalityId === null)
    throw new Response("Du har inte behörighet att ändra befolkningstalet.", { status: 403 });
  const values = { municipalityId: actor.municipalityId, year: input.year, aged16To19: input.aged16To19, updatedByMembershipId: actor.membershipId };
  getDb()
    .insert(populationFigures)
    .values(values)
    .onConflictDoUpdate({
      target: [populationFigures.municipalityId, populationFigures.year],
      set: { aged16To19: input.aged16To19, updatedByMembershipId: actor.membershipId, updatedAt: new Date().toISOString() },
    })
    .run();
}
