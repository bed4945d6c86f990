// The reconciliation's sources written straight into the tables (the extract client and the list
// readers have tests of their own): an extract, school lists and register youths by personnummer.
import { getDb } from "#db/client";
import { enrollments, populationSnapshotPeople, populationSnapshots, youths, type EnrollmentEndReason, type EnrollmentStartReason } from "#db/schema";
import {
  appendSchoolListRows,
  beginSchoolList,
  completeSchoolList,
  type AbsenceInput,
  type SchoolListRowInput,
} from "~/modules/reconciliation/school-list-store.server";
import { makePersonalNumber } from "~/modules/youth/personal-number";

export type ExtractPerson = Partial<typeof populationSnapshotPeople.$inferInsert> & { personalNumber: string; birthDate: string };

export function extract(municipalityId: number, people: ExtractPerson[], takenOn = "2026-10-14"): number {
  const db = getDb();
  return db.transaction((tx) => {
    const id = tx.insert(populationSnapshots).values({ municipalityId, takenOn, status: "complete", personCount: people.length }).returning().get().id;
    for (let i = 0; i < people.length; i += 400) {
      tx.insert(populationSnapshotPeople)
        .values(
          people.slice(i, i + 400).map((p) => ({
            snapshotId: id,
            isCoordinationNumber: Number(p.personalNumber.slice(6, 8)) > 60,
            firstName: "Förnamn",
            lastName: `Efternamn${p.personalNumber.slice(8)}`,
            streetAddress: p.protectedIdentity ? null : "Storgatan 1",
            postalCode: p.protectedIdentity ? null : "571 31",
            city: p.protectedIdentity ? null : "Nässjö",
            protectedIdentity: false,
            residentHere: true,
            ...p,
          })),
        )
        .run();
    }
    return id;
  });
}

export function schoolList(
  organisationId: number,
  rows: Omit<SchoolListRowInput, "rowNumber" | "isCoordinationNumber">[],
  options: { kind?: "gymnasium" | "year9"; absences?: AbsenceInput[] } = {},
) {
  const listId = beginSchoolList({ organisationId, kind: options.kind ?? "gymnasium", source: "csv", fileName: "lista.csv" });
  appendSchoolListRows(
    listId,
    rows.map((r, i) => ({ ...r, rowNumber: i + 2, isCoordinationNumber: Number(r.personalNumber.slice(6, 8)) > 60 })),
    options.absences ?? [],
  );
  completeSchoolList(listId);
  return listId;
}

export const row = (personalNumber: string, overrides: Partial<SchoolListRowInput> = {}) => ({
  personalNumber,
  schoolUnitCode: "12345678",
  schoolType: "GY",
  programmeCode: "NA",
  startDate: "2026-08-17",
  endDate: null,
  outcome: null,
  ...overrides,
});

let serial = 100;
/** A valid personnummer for the birth date, unique within the test file. */
export const pnFor = (birthDate: string) => makePersonalNumber(birthDate, 100 + (++serial % 899));

let youthSerial = 0;
/** A register youth by personnummer, with an open or ended enrollment. */
export function registered(
  municipalityId: number,
  personalNumber: string,
  birthDate: string,
  enrollment: { startDate: string; startReason?: EnrollmentStartReason; endReason?: EnrollmentEndReason },
) {
  const id = `rc${String(++youthSerial).padStart(14, "0")}`;
  const db = getDb();
  db.insert(youths)
    .values({
      id,
      homeMunicipalityId: municipalityId,
      personalNumber,
      isCoordinationNumber: false,
      birthDate,
      firstName: "Reg",
      lastName: "Istrerad",
      nameSearch: "reg istrerad",
      nameSort: "istrerad reg",
    })
    .run();
  const e = db
    .insert(enrollments)
    .values({
      youthId: id,
      municipalityId,
      startDate: enrollment.startDate,
      startReason: enrollment.startReason ?? "notice_dropout",
      registrationReason: "dropout_national",
      lastSchoolOccupation: "national_programme",
      ...(enrollment.endReason ? { endDate: enrollment.startDate, endReason: enrollment.endReason } : {}),
    })
    .returning()
    .get();
  return { youthId: id, enrollmentId: e.id };
}
