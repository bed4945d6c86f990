/**
 * The demo's SS 12000 connection: Nässjö kommun's school system, read for Kvarnbäcksgymnasiet. Its
 * addresses are under .demo.invalid, where the fake school system (tests/mocks/ss12000) answers.
 */
import type { Db } from "./client";
import { schoolSystemConnections } from "./schema";
import { DEMO_SS12000_BASE_URL, DEMO_SS12000_CLIENT_ID, DEMO_SS12000_CLIENT_SECRET, DEMO_SS12000_TOKEN_URL } from "../tests/mocks/ss12000/handlers";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export function seedSchoolSystems(tx: Tx, options: { schoolOrganisationId: number }) {
  tx.insert(schoolSystemConnections)
    .values({
      organisationId: options.schoolOrganisationId,
      name: "Nässjö kommuns skolsystem",
      baseUrl: DEMO_SS12000_BASE_URL,
      tokenUrl: DEMO_SS12000_TOKEN_URL,
      clientId: DEMO_SS12000_CLIENT_ID,
      clientSecret: DEMO_SS12000_CLIENT_SECRET,
    })
    .run();
}
