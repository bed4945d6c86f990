import { DEMO_CITIZENS, demoCitizenBirthDate, type DemoCitizen, type DemoCitizenKey } from "#db/demo-accounts";
import { makePersonalNumber } from "./personal-number";

/** A demo citizen's personnummer (twelve digits, valid check digit). Demo and test data only. */
export function demoCitizenPersonalNumber(citizen: DemoCitizen, year = new Date().getFullYear()): string {
  return makePersonalNumber(demoCitizenBirthDate(citizen, year), citizen.serial);
}

export function demoCitizen(key: DemoCitizenKey): DemoCitizen {
  return DEMO_CITIZENS.find((c) => c.key === key)!;
}
