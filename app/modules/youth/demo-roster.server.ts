/**
 * Demo and test mode only: the fake population register (tests/mocks/population-extract.ts) plays
 * the real one, which knows every youth the portal has registered. So that the demo's extract
 * overlaps the demo's register, the fake asks here who the register holds in a municipality. This
 * stands in for an outside authority, not for a user: it is not a read by anyone in the portal and
 * is refused outside demo and test mode.
 */
import { asc, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { municipalities, youths } from "#db/schema";
import { config } from "~/config.server";

export type DemoRosterPerson = { personnummer: string; fornamn: string; efternamn: string; birthDate: string; skyddadIdentitet: boolean };

export function demoPopulationRoster(municipalityCode: string): DemoRosterPerson[] {
  const { PORTAL_MODE } = config();
  if (PORTAL_MODE !== "demo" && PORTAL_MODE !== "test") throw new Error("Demoregistret finns bara i demo- och testläge.");
  return getDb()
    .select({
      personnummer: youths.personalNumber,
      fornamn: youths.firstName,
      efternamn: youths.lastName,
      birthDate: youths.birthDate,
      skyddadIdentitet: youths.protectedIdentity,
    })
    .from(youths)
    .innerJoin(municipalities, eq(municipalities.id, youths.homeMunicipalityId))
    .where(eq(municipalities.code, municipalityCode))
    .orderBy(asc(youths.personalNumber))
    .all();
}
