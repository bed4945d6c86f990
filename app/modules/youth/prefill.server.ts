import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { municipalities } from "#db/schema";
import { lookupPerson } from "~/modules/integrations/population-register.server";

/**
 * Form values for registering a youth, from the population register. On any failure the user
 * gets the service's Swedish message and types the data by hand.
 */
export async function prefillFromPopulationRegister(personalNumber: string): Promise<{ values: Record<string, string | boolean>; message: string | null }> {
  const result = await lookupPerson(personalNumber);
  if (!result.ok) return { values: {}, message: result.message };
  const person = result.person;
  const municipality = getDb().select().from(municipalities).where(eq(municipalities.code, person.municipalityCode)).get();
  return {
    values: {
      firstName: person.firstName,
      lastName: person.lastName,
      streetAddress: person.streetAddress ?? "",
      postalCode: person.postalCode ?? "",
      city: person.city ?? "",
      protectedIdentity: person.protectedIdentity,
      ...(municipality ? { homeMunicipalityId: String(municipality.id) } : {}),
    },
    message: municipality ? null : "Folkbokföringskommunen finns inte i portalen. Välj hemkommun för hand.",
  };
}
