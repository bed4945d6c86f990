/**
 * Demo data for the SCB page, kept apart from everything else: two Nässjö youths whose whole enrollment lies in a
 * half-year long before the rest of the demo (five half-years back), so that half-year holds only them and the
 * browser test of the SCB export owns it. Their last names sort last (Ö), so lists and tests that pick the first
 * youth by name never take them. One of them lacks orsak till registrering and senaste skolrelaterade sysselsättning.
 */
import type { Tx } from "./client";
import { contactAttempts, enrollments, youthRevisions, youths } from "./schema";
import { addDays } from "../app/lib/dates";
import { previousPeriod, scbHalfYearOf, type Period } from "../app/modules/statistics/periods";
import { makePersonalNumber } from "../app/modules/youth/personal-number";
import { identityColumns } from "../app/modules/youth/youth-row";

/** The half-year of the SCB demo: five before the one `today` falls in. */
export function scbDemoHalfYear(today: string): Period {
  let period = scbHalfYearOf(today);
  for (let i = 0; i < 5; i++) period = previousPeriod(period);
  return period;
}

export const SCB_DEMO_YOUTHS = [
  { firstName: "Ylva", lastName: "Östberg", birthDaysBeforePeriod: 17 * 365, serial: 412, complete: true },
  { firstName: "Tove", lastName: "Öhrström", birthDaysBeforePeriod: 18 * 365, serial: 422, complete: false },
] as const;

export function seedScbExportDemo(tx: Tx, options: { municipalityId: number; membershipId: number; today: string }) {
  const period = scbDemoHalfYear(options.today);
  for (const [n, y] of SCB_DEMO_YOUTHS.entries()) {
    const birthDate = addDays(period.from, -y.birthDaysBeforePeriod);
    const id = `scbdemo${String(n).padStart(9, "0")}`;
    const createdAt = `${addDays(period.from, 10)}T09:00:00.000Z`;
    tx.insert(youths)
      .values({
        id,
        homeMunicipalityId: options.municipalityId,
        personalNumber: makePersonalNumber(birthDate, y.serial),
        isCoordinationNumber: false,
        birthDate,
        ...identityColumns({ firstName: y.firstName, lastName: y.lastName, city: "Nässjö", protectedIdentity: false } as Parameters<typeof identityColumns>[0]),
        createdAt,
        updatedAt: createdAt,
        createdByMembershipId: options.membershipId,
      })
      .run();
    tx.insert(youthRevisions).values({ youthId: id, at: createdAt, membershipId: options.membershipId, changedFields: "Registrerad" }).run();
    const enrollmentId = tx
      .insert(enrollments)
      .values({
        youthId: id,
        municipalityId: options.municipalityId,
        startDate: addDays(period.from, 10 + n),
        startReason: "notice_dropout",
        registrationReason: y.complete ? "dropout_national" : "unknown",
        lastSchoolOccupation: y.complete ? "national_programme" : "unknown",
        status: "contacted",
        endDate: addDays(period.from, 120 + n),
        endReason: "moved",
        endOccupation: "unknown",
        endedByMembershipId: options.membershipId,
        createdByMembershipId: options.membershipId,
      })
      .returning({ id: enrollments.id })
      .get().id;
    tx.insert(contactAttempts)
      .values({
        enrollmentId,
        youthId: id,
        channel: "phone",
        date: addDays(period.from, 20 + n),
        outcome: "reached",
        occupation: "none",
        recordedByMembershipId: options.membershipId,
      })
      .run();
  }
}
