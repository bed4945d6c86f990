// SS 12000 → school-list rows and absence sums, the term, and the fake school system's bodies
// checked against the standard (including proof that the validator can fail).
import { describe, expect, it } from "vitest";
import { currentTerm, mapPerson, organisationsPage, personsPage, schoolUnitEntries, sumAbsence } from "~/modules/integrations/ss12000-mapping";
import { aggregatedAttendance, civicNo, organisations, persons, UNIT } from "../mocks/ss12000/data";
import { expectValidResponse, SpecViolation } from "../mocks/ss12000/validate";

const TODAY = new Date("2026-12-01T10:00:00Z");
const units = new Map(schoolUnitEntries(organisationsPage.parse({ data: organisations() }).data));
const people = personsPage.parse({ data: persons() }).data;
const byId = (n: number) => people.find((p) => p.id.endsWith(n.toString(16).padStart(12, "0")))!;

describe("mapping SS 12000 persons", () => {
  it("knows the school units with a skolenhetskod only", () => {
    expect(units.get(UNIT.kvarnback.id)).toBe("68234501");
    expect(units.has(UNIT.nocode.id)).toBe(false);
    expect(units.size).toBe(4);
  });

  it("maps a GY enrolment on an introduktionsprogram, and a GYS one without a programme", () => {
    expect(mapPerson(byId(3), units, TODAY)).toMatchObject({
      kind: "rows",
      rows: [{ personalNumber: civicNo("2009-06-30", 234), schoolUnitCode: "68234502", schoolType: "GY", programmeCode: "IMYRK", outcome: null }],
    });
    expect(mapPerson(byId(4), units, TODAY)).toMatchObject({ kind: "rows", rows: [{ schoolType: "GYS", programmeCode: null }] });
  });

  it("keeps an ended enrolment's end date and marks a samordningsnummer", () => {
    expect(mapPerson(byId(5), units, TODAY)).toMatchObject({ rows: [{ endDate: "2026-03-13" }] });
    expect(mapPerson(byId(7), units, TODAY)).toMatchObject({ rows: [{ isCoordinationNumber: true, personalNumber: civicNo("2009-09-05", 789, true) }] });
  });

  it("skips people without a usable number, and has no row for a cancelled or a grundskola enrolment", () => {
    expect(mapPerson(byId(8), units, TODAY)).toEqual({ kind: "no_number" });
    expect(mapPerson(byId(9), units, TODAY)).toEqual({ kind: "no_number" });
    expect(mapPerson(byId(6), units, TODAY)).toEqual({ kind: "not_gymnasium" });
    expect(mapPerson(byId(10), units, TODAY)).toEqual({ kind: "not_gymnasium" });
  });

  it("counts an enrolment at a unit without a code, and attributes absence to the latest enrolment's unit", () => {
    const mapped = mapPerson(byId(11), units, TODAY);
    expect(mapped).toMatchObject({ kind: "rows", unknownUnits: 1, student: { schoolUnitCode: "68234501" } });
  });
});

describe("absence", () => {
  it("adds up a student's activities and counts records it cannot attribute", () => {
    const students = new Map([[byId(2).id, { personalNumber: "200811024569", schoolUnitCode: "68234501" }]]);
    const period = { start: "2026-07-01", end: "2026-12-01" };
    const { absences, skipped } = sumAbsence(aggregatedAttendance(period.start, period.end), students, period);
    expect(absences).toEqual([
      {
        personalNumber: "200811024569",
        schoolUnitCode: "68234501",
        periodStart: "2026-07-01",
        periodEnd: "2026-12-01",
        invalidAbsenceMinutes: 3600,
        offeredMinutes: 12000,
      },
    ]);
    expect(skipped).toBeGreaterThan(0);
  });

  it("reads the current term in Swedish time", () => {
    expect(currentTerm(TODAY)).toEqual({ start: "2026-07-01", end: "2026-12-01" });
    expect(currentTerm(new Date("2026-03-10T12:00:00Z"))).toEqual({ start: "2026-01-01", end: "2026-03-10" });
    // 23:30 UTC on 30 June is already 1 July in Sweden.
    expect(currentTerm(new Date("2026-06-30T23:30:00Z"))).toEqual({ start: "2026-07-01", end: "2026-07-01" });
  });
});

describe("the fake school system follows the standard", () => {
  it("sends bodies that are valid SS 12000 responses", async () => {
    await expectValidResponse("/organisations", "get", 200, { data: organisations(), pageToken: null });
    await expectValidResponse("/persons", "get", 200, { data: persons(24), pageToken: "abc" });
    await expectValidResponse("/aggregatedAttendance", "get", 200, { data: aggregatedAttendance("2026-07-01", "2026-12-01") });
    await expectValidResponse("/persons", "get", 500, { code: "internal_error", message: "Internt fel." });
  });

  it("rejects a body that breaks the standard, naming the field", async () => {
    const [first] = persons();
    const broken = { data: [{ ...first, familyName: undefined, enrolments: [{ ...first!.enrolments[0], schoolType: "GYMNASIUM" }] }] };
    await expect(expectValidResponse("/persons", "get", 200, broken)).rejects.toThrow(SpecViolation);
    await expect(expectValidResponse("/persons", "get", 200, broken)).rejects.toThrow(/familyName|schoolType/);
    await expect(expectValidResponse("/aggregatedAttendance", "get", 200, { data: [{ student: { id: "inte-ett-uuid" } }] })).rejects.toThrow(SpecViolation);
    await expect(expectValidResponse("/organisations", "get", 503, { message: "saknar kod" })).rejects.toThrow(/code/);
  });
});
