/**
 * The demo's SCB variables: realistic values for what a caseworker would have recorded, and a few
 * enrollments deliberately left "Uppgift saknas" so the SCB checks have youths to list. Drawn from a
 * faker of their own, so adding them left the rest of the demo (names, dates) as it was.
 */
import type { EnrollmentStartReason, InterventionEndReason, Occupation } from "./schema";
import { occupationAfterEnd, type ScbRegistration } from "../app/modules/outreach/scb-registration";
import { swedishFaker } from "../tests/factories/youth";

const faker = swedishFaker(1515);
let enrollmentCount = 0;

/** Orsak till registrering and senaste skolrelaterade sysselsättning for a seeded enrollment. */
export function demoRegistration(startReason: EnrollmentStartReason): ScbRegistration {
  const n = enrollmentCount++;
  // Every 25th enrollment lacks both values, and another in 25 lacks the occupation: the SCB page's list.
  if (n % 25 === 7) return { registrationReason: "unknown", lastSchoolOccupation: "unknown" };
  const chosen = ((): ScbRegistration => {
    switch (startReason) {
      case "notice_dropout":
        return faker.datatype.boolean({ probability: 0.8 })
          ? { registrationReason: "dropout_national", lastSchoolOccupation: "national_programme" }
          : { registrationReason: "dropout_introduction", lastSchoolOccupation: "introduction_programme" };
      case "notice_not_started":
        return { registrationReason: "not_started", lastSchoolOccupation: "compulsory_school" };
      case "moved_in":
        return {
          registrationReason: "moved_in",
          lastSchoolOccupation: faker.helpers.arrayElement(["compulsory_school", "national_programme", "none"] as const),
        };
      case "notice_absence":
        return { registrationReason: "other", lastSchoolOccupation: "national_programme" };
      default:
        return faker.helpers.arrayElement([
          { registrationReason: "not_started", lastSchoolOccupation: "compulsory_school" },
          { registrationReason: "completed_without_diploma", lastSchoolOccupation: "national_programme" },
          { registrationReason: "other", lastSchoolOccupation: "other_school" },
        ] as const);
    }
  })();
  return n % 25 === 19 ? { ...chosen, lastSchoolOccupation: "unknown" } : chosen;
}

/** Sysselsättning efter insatsen for a seeded insats that ended: what its end reason says, else what a caseworker saw. */
export function demoOccupationAfter(endReason: InterventionEndReason): Occupation {
  const said = occupationAfterEnd(endReason);
  if (said !== "unknown") return said;
  return endReason === "youth_discontinued"
    ? faker.helpers.weightedArrayElement<Occupation>([
        { weight: 5, value: "none" },
        { weight: 3, value: "unknown" },
        { weight: 2, value: "other_activity" },
      ])
    : faker.helpers.weightedArrayElement<Occupation>([
        { weight: 8, value: "studies" },
        { weight: 5, value: "work" },
        { weight: 4, value: "other_activity" },
        { weight: 2, value: "none" },
        { weight: 1, value: "unknown" },
      ]);
}
