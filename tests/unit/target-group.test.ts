// The target-group rule (Skollagen 29 kap. 9 §) over a fixture with every case the reconciliation
// proposes on, plus introduktionsprogram (not in the target group since 1 July 2018), a
// samordningsnummer, the summer hold of year-9 leavers and lists older than the enrollment.
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, reconcilePerson, type PersonFacts, type ReconcileContext, type SchoolPlacement } from "~/modules/reconciliation/target-group";

const TODAY = "2026-10-15";
const ctx = (today = TODAY, haveExtract = true): ReconcileContext => ({ today, settings: DEFAULT_SETTINGS, haveExtract });

const resident = { residentHere: true, movedInOn: null, movedOutOn: null, movedToCode: null, deceasedOn: null, protectedIdentity: false };

function person(overrides: Partial<PersonFacts> = {}): PersonFacts {
  return { personalNumber: "200803011234", birthDate: "2008-03-01", population: resident, register: null, placements: [], absence: null, ...overrides };
}

function placement(overrides: Partial<SchoolPlacement> = {}): SchoolPlacement {
  return {
    kind: "gymnasium",
    schoolType: "GY",
    programmeCode: "NA",
    startDate: "2026-08-17",
    endDate: null,
    outcome: null,
    schoolUnitCode: "12345678",
    listedOn: "2026-09-01",
    atSchoolHere: true,
    listId: 1,
    rowNumber: 2,
    ...overrides,
  };
}

const inRegister = (startDate = "2026-03-01", startReason: "register_check" | "notice_absence" | "notice_dropout" = "notice_dropout") => ({
  youthId: "y".repeat(16),
  openEnrollment: { id: 7, startDate, startReason },
  lastEndReason: null,
});

const kindOf = (facts: PersonFacts, c = ctx()) => reconcilePerson(facts, c).proposal?.kind ?? null;

describe("in the target group but not in the register", () => {
  it("proposes registering a resident 18-year-old who attends no gymnasium", () => {
    const out = reconcilePerson(person(), ctx());
    expect(out.proposal).toMatchObject({ kind: "register", effectiveDate: TODAY });
  });

  it("proposes nothing for one attending a national programme, an introduktionsprogram or gymnasiesärskola", () => {
    expect(kindOf(person({ placements: [placement()] }))).toBeNull();
    expect(kindOf(person({ placements: [placement({ programmeCode: "IMV" })] }))).toBeNull();
    expect(kindOf(person({ placements: [placement({ schoolType: "GYS", programmeCode: "GYSAD" })] }))).toBeNull();
  });

  it("counts an admission that starts within a month as attending, a later one, a broken-off one or an old list's as not", () => {
    expect(kindOf(person({ placements: [placement({ startDate: "2026-11-10" })] }))).toBeNull();
    expect(kindOf(person({ placements: [placement({ startDate: "2027-01-10" })] }))).toBe("register");
    expect(kindOf(person({ placements: [placement({ endDate: "2026-09-30", outcome: "avbrott" })] }))).toBe("register");
    expect(kindOf(person({ placements: [placement({ listedOn: "2025-09-01" })] }))).toBe("register");
  });

  it("proposes nothing on a placement that ended without a reported outcome (a graduation as likely as a dropout)", () => {
    expect(kindOf(person({ placements: [placement({ endDate: "2026-06-12" })] }))).toBeNull();
    // An introduktionsprogram ended without outcome is no graduation.
    expect(kindOf(person({ placements: [placement({ programmeCode: "IMV", endDate: "2026-06-12" })] }))).toBe("register");
  });

  it("does not take studiebevis from an introduktionsprogram as a completed national programme", () => {
    expect(kindOf(person({ placements: [placement({ programmeCode: "IMA", endDate: "2026-06-12", outcome: "studiebevis" })] }))).toBe("register");
  });

  it("proposes nothing for one who completed with examensbevis or studiebevis", () => {
    expect(kindOf(person({ placements: [placement({ endDate: "2026-06-12", outcome: "examen" })] }))).toBeNull();
    expect(kindOf(person({ placements: [placement({ endDate: "2026-06-12", outcome: "studiebevis" })] }))).toBeNull();
  });

  it("does not count Komvux or a grundskola placement as attending gymnasium", () => {
    expect(kindOf(person({ placements: [placement({ schoolType: "KOMVUX", programmeCode: null })] }))).toBe("register");
  });

  it("takes a samordningsnummer like a personnummer", () => {
    const out = reconcilePerson(person({ personalNumber: "200803611237", birthDate: "2008-03-01" }), ctx());
    expect(out.proposal?.kind).toBe("register");
  });

  it("proposes nothing for someone not folkbokförd here, dead, or 20", () => {
    expect(kindOf(person({ population: { ...resident, residentHere: false, movedOutOn: "2026-05-01", movedToCode: "0180" }, placements: [] }))).toBeNull();
    expect(kindOf(person({ population: { ...resident, deceasedOn: "2026-09-01" } }))).toBeNull();
    expect(kindOf(person({ birthDate: "2006-10-15" }))).toBeNull();
    expect(kindOf(person({ birthDate: "2006-10-16" }))).toBe("register");
  });
});

describe("year-9 leavers and the summer hold", () => {
  const leaver = person({ personalNumber: "201005011230", birthDate: "2010-05-01" });

  it("leaves this year's 16-year-olds out while they are in grundskola", () => {
    expect(reconcilePerson(leaver, ctx("2026-03-01"))).toEqual({ proposal: null, heldBack: false });
  });

  it("holds them back from 1 June to 31 August, then proposes them", () => {
    expect(reconcilePerson(leaver, ctx("2026-07-01"))).toEqual({ proposal: null, heldBack: true });
    expect(reconcilePerson(leaver, ctx("2026-08-31")).heldBack).toBe(true);
    expect(reconcilePerson(leaver, ctx("2026-09-01")).proposal?.kind).toBe("register");
  });

  it("holds back a year-9 list's leaver born a year earlier, and follows the samordnare's dates", () => {
    const older = person({
      birthDate: "2009-11-01",
      placements: [placement({ kind: "year9", schoolType: "GR", programmeCode: null, startDate: null, endDate: "2026-06-10" })],
    });
    expect(reconcilePerson(older, ctx("2026-07-01")).heldBack).toBe(true);
    const longer = { ...ctx("2026-09-05"), settings: { ...DEFAULT_SETTINGS, holdUntil: "09-15" } };
    expect(reconcilePerson(leaver, longer).heldBack).toBe(true);
  });

  it("keeps out one whom a grundskola still lists (a late starter)", () => {
    const late = person({
      birthDate: "2009-03-01",
      placements: [placement({ kind: "year9", schoolType: "GR", programmeCode: null, startDate: null, endDate: null })],
    });
    expect(reconcilePerson(late, ctx()).proposal).toBeNull();
  });

  it("does not hold back older youths in the summer", () => {
    expect(reconcilePerson(person(), ctx("2026-07-01")).proposal?.kind).toBe("register");
  });
});

describe("in the register but no longer in the target group", () => {
  it("ends on a national programme or an introduktionsprogram, from the day it started", () => {
    expect(reconcilePerson(person({ register: inRegister(), placements: [placement()] }), ctx()).proposal).toMatchObject({
      kind: "end_national_programme",
      effectiveDate: "2026-08-17",
    });
    expect(kindOf(person({ register: inRegister(), placements: [placement({ programmeCode: "IMA" })] }))).toBe("end_introduction_programme");
  });

  it("never ends before the enrollment began", () => {
    const p = person({ register: inRegister("2026-09-01"), placements: [placement({ startDate: "2025-08-18", listedOn: "2026-09-20" })] });
    expect(reconcilePerson(p, ctx()).proposal?.effectiveDate).toBe("2026-09-01");
  });

  it("ignores a list older than the enrollment (a dropout notice ended that placement)", () => {
    expect(kindOf(person({ register: inRegister("2026-09-10"), placements: [placement({ listedOn: "2026-09-01" })] }))).toBeNull();
  });

  it("keeps an enrollment opened on a notice of absence while the student attends", () => {
    expect(kindOf(person({ register: inRegister("2026-09-01", "notice_absence"), placements: [placement({ listedOn: "2026-10-01" })] }))).toBeNull();
  });

  it("ends on completion", () => {
    const p = person({ register: inRegister(), placements: [placement({ endDate: "2026-06-12", outcome: "examen", listedOn: "2026-06-20" })] });
    expect(reconcilePerson(p, ctx()).proposal).toMatchObject({ kind: "end_completed", effectiveDate: "2026-06-12" });
  });

  it("ends on moving away, on death and at 20", () => {
    const moved = person({ register: inRegister(), population: { ...resident, residentHere: false, movedOutOn: "2026-09-30", movedToCode: "0180" } });
    expect(reconcilePerson(moved, ctx()).proposal).toMatchObject({ kind: "end_moved", effectiveDate: "2026-09-30" });
    const died = person({ register: inRegister(), population: { ...resident, deceasedOn: "2026-10-01" } });
    expect(reconcilePerson(died, ctx()).proposal).toMatchObject({ kind: "end_died", effectiveDate: "2026-10-01" });
    const twenty = person({ birthDate: "2006-09-20", register: inRegister("2025-01-10") });
    expect(reconcilePerson(twenty, ctx()).proposal).toMatchObject({ kind: "end_turned_20", effectiveDate: "2026-09-20" });
  });

  it("ends as moved when an extract of everyone 16–19 here lacks the youth, and not without an extract", () => {
    const missing = person({ register: inRegister(), population: null });
    expect(kindOf(missing)).toBe("end_moved");
    expect(kindOf(missing, ctx(TODAY, false))).toBeNull();
    expect(kindOf(person({ birthDate: "2010-11-01", register: inRegister(), population: null }))).toBeNull();
  });

  it("reads nothing from an extract older than the enrollment, nor from a samordningsnummer's absence", () => {
    const moved = person({
      register: inRegister("2026-10-01"),
      population: { ...resident, residentHere: false, movedOutOn: "2026-09-01", movedToCode: "0180" },
    });
    expect(kindOf(moved, { ...ctx(), extractTakenOn: "2026-09-20" })).toBeNull();
    expect(kindOf(moved, { ...ctx(), extractTakenOn: "2026-10-10" })).toBe("end_moved");
    expect(kindOf(person({ personalNumber: "200803611237", register: inRegister(), population: null }))).toBeNull();
  });

  it("never dates an ending in the future, and shows no school of a youth who moved", () => {
    const p = person({ register: inRegister(), placements: [placement({ endDate: "2026-12-20", outcome: "examen", listedOn: "2026-10-01" })] });
    expect(reconcilePerson(p, ctx()).proposal?.effectiveDate).toBe(TODAY);
    const moved = person({
      register: inRegister(),
      placements: [placement()],
      population: { ...resident, residentHere: false, movedOutOn: "2026-09-30", movedToCode: "0180" },
    });
    expect(reconcilePerson(moved, ctx()).proposal?.evidence.placements).toEqual([]);
  });

  it("proposes nothing for a registered youth still in the target group", () => {
    expect(kindOf(person({ register: inRegister() }))).toBeNull();
  });
});

describe("back in the target group, and the caseworker's own closings", () => {
  it("proposes registering again one whose programme ended in avbrott", () => {
    const p = person({
      register: { youthId: "y".repeat(16), openEnrollment: null, lastEndReason: "national_programme" },
      placements: [placement({ endDate: "2026-10-01", outcome: "avbrott" })],
    });
    expect(kindOf(p)).toBe("register");
  });

  it("does not propose again one the unit ended as completed, whom next year's lists no longer show", () => {
    expect(kindOf(person({ register: { youthId: "y".repeat(16), openEnrollment: null, lastEndReason: "completed" } }))).toBeNull();
  });

  it("leaves alone one the unit closed while still in the target group (work, Komvux)", () => {
    expect(kindOf(person({ register: { youthId: "y".repeat(16), openEnrollment: null, lastEndReason: "work" } }))).toBeNull();
    expect(kindOf(person({ register: { youthId: "y".repeat(16), openEnrollment: null, lastEndReason: "komvux" } }))).toBeNull();
  });
});

describe("absence and students folkbokförda elsewhere", () => {
  const absence = { invalidMinutes: 1800, offeredMinutes: 9000, periodStart: "2026-08-17", periodEnd: "2026-10-09", schoolUnitCode: "12345678" };

  it("proposes a notice of absence at the threshold, and not below it", () => {
    expect(reconcilePerson(person({ placements: [placement()], absence }), ctx()).proposal).toMatchObject({
      kind: "absence",
      evidence: { absencePercent: 20 },
    });
    expect(kindOf(person({ placements: [placement()], absence: { ...absence, invalidMinutes: 1300 } }))).toBeNull();
    expect(kindOf(person({ placements: [placement()], absence, register: inRegister("2026-09-01", "notice_absence") }))).toBeNull();
  });

  it("lists a student at a school here who is folkbokförd elsewhere, by list row only", () => {
    const out = reconcilePerson(person({ population: null, placements: [placement({ outcome: "avbrott", endDate: "2026-10-01", rowNumber: 14 })] }), ctx());
    expect(out.proposal).toMatchObject({ kind: "not_resident", evidence: { listRows: [{ listId: 1, rowNumber: 14 }] } });
    expect(kindOf(person({ population: null, placements: [placement({ atSchoolHere: false })] }))).toBeNull();
  });
});

describe("attending with significant absence", () => {
  it("keeps the enrollment of a student who attends but is reported absent", () => {
    const absence = { invalidMinutes: 3000, offeredMinutes: 9000, periodStart: "2026-08-17", periodEnd: "2026-10-09", schoolUnitCode: "12345678" };
    expect(kindOf(person({ register: inRegister(), placements: [placement({ programmeCode: "IMV" })], absence }))).toBeNull();
  });
});
