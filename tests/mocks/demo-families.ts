/**
 * The demo's families in the fake population register: each demo citizen under their own name, Hugo
 * with skyddad identitet, and the custody DEMO_CITIZENS lists (Anna has custody of Noah, Petra of Hugo).
 * The years follow the clock, as the demo's birth dates do. In the server build (no msw import here).
 */
import { DEMO_CITIZENS, type DemoCitizen } from "../../db/demo-accounts";
import { demoCitizenPersonalNumber } from "../../app/modules/youth/demo-citizens";
import type { FakeFamilies } from "./fake-people";

export function demoFamilies(year = new Date().getFullYear()): FakeFamilies {
  const number = (citizen: DemoCitizen) => demoCitizenPersonalNumber(citizen, year);
  const citizens: readonly DemoCitizen[] = DEMO_CITIZENS;
  return {
    people: citizens.map((c) => ({ personnummer: number(c), fornamn: c.firstName, efternamn: c.lastName, skyddadIdentitet: c.protectedIdentity ?? false })),
    guardianships: citizens.flatMap((child) =>
      citizens.filter((c) => child.guardians?.includes(c.key)).map((guardian) => ({ guardian: number(guardian), child: number(child) })),
    ),
  };
}
