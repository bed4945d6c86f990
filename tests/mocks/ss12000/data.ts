/**
 * The fake school system's data: one kommunal huvudman (Nässjö kommun) with three gymnasium
 * school units and a grundskola, and students covering every case the client must handle:
 * national programmes (GY), introduktionsprogram (IM…), gymnasiesärskola (GYS), an ended
 * enrolment, an enrolment cancelled in advance, a samordningsnummer, a person without civicNo, a
 * tillfälligt personnummer (letters), a year-9 pupil (GR) and an enrolment at a school unit without
 * a skolenhetskod. Deterministic: the same data on every call, and tests read their expectations here.
 */

/** A version-4-shaped uuid from a number, so ids are stable and valid `format: uuid`. */
export const uuid = (n: number, prefix = "0000") => `${prefix}0000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

function luhn(nine: string) {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A valid twelve-digit number; `coordination` adds 60 to the day (samordningsnummer). */
export function civicNo(birthDate: string, serial: number, coordination = false) {
  const [y, m, d] = birthDate.split("-") as [string, string, string];
  const day = String(Number(d) + (coordination ? 60 : 0)).padStart(2, "0");
  const nine = `${y.slice(2)}${m}${day}${String(serial).padStart(3, "0")}`;
  return `${y}${m}${day}${String(serial).padStart(3, "0")}${luhn(nine)}`;
}

const META = { created: "2024-06-01T08:00:00Z", modified: "2026-08-01T08:00:00Z" };
export const ORGANISER_ID = uuid(1, "a000");
export const UNIT = {
  kvarnback: { id: uuid(2, "a000"), code: "68234501", name: "Kvarnbäcksgymnasiet", types: ["GY"] },
  naturbruk: { id: uuid(3, "a000"), code: "68234502", name: "Nässjö Naturbruksgymnasium", types: ["GY"] },
  anpassad: { id: uuid(4, "a000"), code: "68234503", name: "Kvarnbäcksgymnasiet, anpassad gymnasieskola", types: ["GYS"] },
  grund: { id: uuid(5, "a000"), code: "68234504", name: "Brinkaskolan", types: ["GR"] },
  // A unit the system has not given a skolenhetskod: its enrolments cannot be placed.
  nocode: { id: uuid(6, "a000"), code: null, name: "Vuxenutbildningens gymnasieenhet", types: ["GY"] },
} as const;

export function organisations() {
  return [
    { id: ORGANISER_ID, meta: META, displayName: "Nässjö kommun", organisationType: "Huvudman", organisationNumber: "212000-0563", municipalityCode: "0682" },
    ...Object.values(UNIT).map((u) => ({
      id: u.id,
      meta: META,
      displayName: u.name,
      organisationType: "Skolenhet",
      ...(u.code ? { schoolUnitCode: u.code } : {}),
      schoolTypes: [...u.types],
      municipalityCode: "0682",
      parentOrganisation: { id: ORGANISER_ID },
    })),
  ];
}

type Enrolment = {
  enroledAt: { id: string };
  schoolType: string;
  startDate: string;
  endDate?: string;
  cancelled?: boolean;
  educationCode?: string;
  schoolYear?: number;
};
export type FakePerson = { id: string; givenName: string; familyName: string; civicNo?: { value: string }; enrolments: Enrolment[] };

const gy = (unit: { id: string }, educationCode: string, startDate: string, extra: Partial<Enrolment> = {}): Enrolment => ({
  enroledAt: { id: unit.id },
  schoolType: "GY",
  startDate,
  educationCode,
  ...extra,
});

/** The special cases, then `regular` ordinary students on national programmes. */
export function persons(regular = 2): FakePerson[] {
  const p = (n: number, givenName: string, familyName: string, number: string | null, enrolments: Enrolment[]): FakePerson => ({
    id: uuid(n, "b000"),
    givenName,
    familyName,
    ...(number ? { civicNo: { value: number } } : {}),
    enrolments,
  });
  const list = [
    p(1, "Alma", "Lindqvist", civicNo("2009-03-14", 123), [gy(UNIT.kvarnback, "NANAT", "2025-08-18")]),
    p(2, "Hugo", "Berglund", civicNo("2008-11-02", 456), [gy(UNIT.kvarnback, "TEDAT", "2024-08-19")]),
    p(3, "Selma", "Öberg", civicNo("2009-06-30", 234), [gy(UNIT.naturbruk, "IMYRK", "2025-08-18")]),
    p(4, "Noah", "Ek", civicNo("2008-01-21", 567), [{ enroledAt: { id: UNIT.anpassad.id }, schoolType: "GYS", startDate: "2024-08-19" }]),
    // Ended in March: an avbrott for the KAA unit to look at (SS 12000 does not say why).
    p(5, "Wilma", "Sandberg", civicNo("2008-05-09", 345), [gy(UNIT.kvarnback, "EKEKO", "2024-08-19", { endDate: "2026-03-13" })]),
    // Cancelled before it started: no enrolment at all.
    p(6, "Leo", "Holm", civicNo("2010-02-17", 678), [gy(UNIT.naturbruk, "NBDJU", "2026-08-17", { cancelled: true })]),
    p(7, "Amir", "Haddad", civicNo("2009-09-05", 789, true), [gy(UNIT.kvarnback, "IMSPR", "2025-10-01")]),
    p(8, "Sara", "Ali", null, [gy(UNIT.kvarnback, "IMSPR", "2026-01-12")]),
    p(9, "Ivan", "Petrov", "20090101TF01", [gy(UNIT.naturbruk, "IMA", "2026-02-02")]),
    p(10, "Ella", "Nyström", civicNo("2011-04-22", 901), [{ enroledAt: { id: UNIT.grund.id }, schoolType: "GR", startDate: "2017-08-21", schoolYear: 9 }]),
    p(11, "Elias", "Strand", civicNo("2008-08-08", 112), [gy(UNIT.nocode, "SASAM", "2024-08-19"), gy(UNIT.kvarnback, "SASAM", "2025-01-07")]),
  ];
  const programmes = ["NANAT", "SAMED", "ESBIL", "BABYG", "ELELT", "VOVAR"];
  for (let i = 0; i < regular; i++) {
    const birth = `${2008 + (i % 3)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    list.push(
      p(100 + i, "Elev", `Nummer ${i + 1}`, civicNo(birth, 200 + (i % 700)), [
        gy(i % 2 ? UNIT.naturbruk : UNIT.kvarnback, programmes[i % programmes.length]!, "2025-08-18"),
      ]),
    );
  }
  return list;
}

/**
 * Aggregated attendance of the period: two activities per student with a GY/GYS enrolment (the
 * `schoolType` filter); Hugo (2) has a large share of unexcused absence. Sara (8, no civicNo) is
 * included too: the client cannot attribute hers.
 */
export function aggregatedAttendance(startDate: string, endDate: string, regular = 2) {
  const records = [];
  for (const person of persons(regular)) {
    if (!person.enrolments.some((e) => (e.schoolType === "GY" || e.schoolType === "GYS") && !e.cancelled)) continue;
    const n = Number.parseInt(person.id.slice(-6), 16);
    for (const activity of [1, 2]) {
      const invalid = n === 2 ? 1800 : (n * 37 + activity * 11) % 120;
      records.push({
        activity: { id: uuid(n * 10 + activity, "c000") },
        student: { id: person.id },
        startDate,
        endDate,
        attendanceSum: 6000 - invalid,
        validAbsenceSum: 0,
        invalidAbsenceSum: invalid,
        offeredSum: 6000,
      });
    }
  }
  return records;
}
