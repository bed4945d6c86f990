// Property: whatever the extract, the schools' lists and the register say, accepting every proposal
// and reconciling again yields no proposals — the register then agrees with the sources.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROPOSAL_KINDS } from "#db/schema/reconciliation-values";
import { openRegister } from "~/modules/access/gate.server";
import { decideProposals } from "~/modules/reconciliation/apply.server";
import { reconcile } from "~/modules/reconciliation/reconcile.server";
import { makePersonalNumber } from "~/modules/youth/personal-number";
import { createActor, createMunicipality, createOrganisation } from "../factories/world";
import { extract, registered, row, schoolList, type ExtractPerson } from "../factories/reconciliation";

const TODAY = "2026-10-15";
let serial = 0;

const personArb = fc.record({
  birthYear: fc.integer({ min: 2005, max: 2011 }),
  birthDay: fc.integer({ min: 1, max: 300 }),
  coordination: fc.boolean(),
  population: fc.constantFrom("resident", "movedIn", "movedOut", "movedAbroad", "died", "absent", "protected"),
  register: fc.constantFrom("none", "open", "openAbsence", "endedWork", "endedProgramme", "endedMoved"),
  enrollmentStart: fc.constantFrom("2025-09-01", "2026-03-01", "2026-09-20"),
  placement: fc.constantFrom("none", "national", "im", "gys", "examen", "avbrott", "admitted", "year9Left", "komvux"),
  atSchoolHere: fc.boolean(),
  listedOn: fc.constantFrom("before", "after"),
  absence: fc.constantFrom(0, 5, 40),
});

describe("reconciliation", () => {
  it("proposes nothing after every proposal is accepted", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(personArb, { minLength: 1, maxLength: 10 }), async (people) => {
        const municipality = createMunicipality();
        const kaa = createOrganisation("kaa_unit", municipality.id);
        const here = createOrganisation("school", municipality.id);
        const elsewhere = createOrganisation("school", createMunicipality().id);
        const coordinator = await createActor("kaa_coordinator", kaa);
        const extractPeople: ExtractPerson[] = [];
        const rowsHere: ReturnType<typeof row>[] = [];
        const rowsElsewhere: ReturnType<typeof row>[] = [];
        const absences: {
          personalNumber: string;
          schoolUnitCode: string;
          periodStart: string;
          periodEnd: string;
          invalidAbsenceMinutes: number;
          offeredMinutes: number;
        }[] = [];
        const lateRegistrations: (() => void)[] = [];
        people.forEach((p) => {
          const birthDate = new Date(Date.UTC(p.birthYear, 0, p.birthDay)).toISOString().slice(0, 10);
          // Unique across runs, so that one run's lists say nothing of another run's people.
          const pn = makePersonalNumber(birthDate, 100 + (serial++ % 899), p.coordination);
          const pop: Partial<ExtractPerson> | null = {
            resident: {},
            movedIn: { movedInOn: "2026-08-01" },
            movedOut: { residentHere: false, movedOutOn: "2026-09-01", movedToCode: "0180" },
            movedAbroad: { residentHere: false, movedOutOn: "2026-09-01", movedToCode: null },
            died: { deceasedOn: "2026-10-01" },
            absent: null,
            protected: { protectedIdentity: true },
          }[p.population];
          if (pop) extractPeople.push({ personalNumber: pn, birthDate, ...pop });
          const start = p.enrollmentStart;
          const reg = {
            none: null,
            open: { startDate: start },
            openAbsence: { startDate: start, startReason: "notice_absence" as const },
            endedWork: { startDate: start, endReason: "work" as const },
            endedProgramme: { startDate: start, endReason: "national_programme" as const },
            endedMoved: { startDate: start, endReason: "moved" as const },
          }[p.register];
          if (reg) registered(municipality.id, pn, birthDate, reg);
          const placement = {
            none: null,
            national: {},
            im: { programmeCode: "IMV" },
            gys: { schoolType: "GYS", programmeCode: "GYSAD" },
            examen: { endDate: "2026-06-12", outcome: "examen" as const },
            avbrott: { endDate: "2026-10-01", outcome: "avbrott" as const },
            admitted: { startDate: "2027-01-11" },
            year9Left: null,
            komvux: { schoolType: "KOMVUX", programmeCode: null },
          }[p.placement];
          const target = p.atSchoolHere ? rowsHere : rowsElsewhere;
          if (placement) target.push(row(pn, placement));
          if (p.placement === "year9Left")
            lateRegistrations.push(() =>
              schoolList(here.id, [row(pn, { schoolType: "GR", programmeCode: null, startDate: null, endDate: "2026-06-10" })], { kind: "year9" }),
            );
          if (p.absence > 0 && placement)
            absences.push({
              personalNumber: pn,
              schoolUnitCode: "12345678",
              periodStart: "2026-08-17",
              periodEnd: "2026-10-09",
              invalidAbsenceMinutes: p.absence * 100,
              offeredMinutes: 10000,
            });
        });
        extract(municipality.id, extractPeople);
        // "before": lists older than the enrollments (the enrollment came after what the list shows).
        const listed = people[0]!.listedOn;
        if (listed === "before") lateRegistrations.forEach((f) => f());
        if (rowsHere.length > 0)
          schoolList(here.id, rowsHere, { absences: absences.filter((a) => rowsHere.some((r) => r.personalNumber === a.personalNumber)) });
        if (rowsElsewhere.length > 0)
          schoolList(elsewhere.id, rowsElsewhere, { absences: absences.filter((a) => rowsElsewhere.some((r) => r.personalNumber === a.personalNumber)) });
        if (listed === "after") lateRegistrations.forEach((f) => f());

        const register = openRegister(coordinator);
        reconcile(register, { today: TODAY });
        for (const kind of PROPOSAL_KINDS) {
          const result = decideProposals(register, { allOfKind: kind, upToRun: Number.MAX_SAFE_INTEGER }, "accept", TODAY);
          if (!result.ok) expect(result.error).toBe("Välj minst ett förslag som fortfarande är öppet.");
        }
        const again = reconcile(register, { today: TODAY });
        expect(again).toMatchObject({ newProposals: 0, openProposals: 0 });
      }),
      { numRuns: 40 },
    );
  });
});
