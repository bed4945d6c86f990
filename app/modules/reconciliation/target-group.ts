/**
 * The target-group rule (Skollagen 29 kap. 9 §) and what the reconciliation proposes for one person,
 * as pure functions over the facts gathered for that person: the population extract, the schools'
 * lists and the register. No database here, so the rule is tested case by case
 * (tests/unit/target-group.test.ts) and by property (applying the proposals and reconciling again
 * proposes nothing).
 *
 * In the target group: folkbokförd in the municipality, compulsory school finished, under 20, and
 * neither attending nor having completed gymnasieskola or gymnasiesärskola. Since 1 July 2018 a
 * youth on an introduktionsprogram is not in the target group, so any current GY/GYS placement
 * counts as attending.
 */
import type { EnrollmentEndReason, EnrollmentStartReason } from "#db/schema/outreach-values";
import { addDays, addYears } from "~/lib/dates";
import type { ProposalKind, SchoolListKind, SchoolOutcome } from "#db/schema/reconciliation-values";

export type SchoolPlacement = {
  kind: SchoolListKind;
  schoolType: string;
  programmeCode: string | null;
  startDate: string | null;
  endDate: string | null;
  outcome: SchoolOutcome | null;
  schoolUnitCode: string;
  /** The day the list was complete: a placement is evidence only if the list is newer than the enrollment. */
  listedOn: string;
  /** The list's school sits in this municipality. */
  atSchoolHere: boolean;
  /** The list and row it came from (shown as evidence for a non-resident; never hashed). */
  listId: number;
  rowNumber: number;
};

export type PopulationFacts = {
  residentHere: boolean;
  movedInOn: string | null;
  movedOutOn: string | null;
  movedToCode: string | null;
  deceasedOn: string | null;
  protectedIdentity: boolean;
};

export type AbsenceFacts = { invalidMinutes: number; offeredMinutes: number; periodStart: string; periodEnd: string; schoolUnitCode: string };

export type PersonFacts = {
  personalNumber: string;
  birthDate: string;
  /** Null when the person is not in the extract. */
  population: PopulationFacts | null;
  /** Null when the person is not in the municipality's register. */
  register: {
    youthId: string;
    openEnrollment: { id: number; startDate: string; startReason: EnrollmentStartReason } | null;
    /** Why the latest enrollment ended, when none is open. */
    lastEndReason: EnrollmentEndReason | null;
  } | null;
  placements: SchoolPlacement[];
  absence: AbsenceFacts | null;
};

export type ReconcileSettings = { holdFrom: string; holdUntil: string; absenceThresholdPercent: number };
export const DEFAULT_SETTINGS: ReconcileSettings = { holdFrom: "06-01", holdUntil: "09-01", absenceThresholdPercent: 15 };

export type ReconcileContext = {
  today: string;
  settings: ReconcileSettings;
  /** True when an extract was read. */
  haveExtract: boolean;
  /** The extract's date: an extract older than an enrollment says nothing about it. */
  extractTakenOn?: string | null;
};

export type Proposal = {
  kind: ProposalKind;
  /** The start (register, absence) or end date the proposal would write. */
  effectiveDate: string;
  /** What the samordnare reviews; hashed without list ids, so re-uploading the same list changes nothing. */
  evidence: Evidence;
};

export type Evidence = {
  birthDate: string;
  population: PopulationFacts | null;
  register: "none" | "ended" | "open";
  placements: Omit<SchoolPlacement, "listId" | "rowNumber" | "listedOn" | "atSchoolHere">[];
  absencePercent?: number;
  /** Where a non-resident's row is, for the school to act on. */
  listRows?: { listId: number; rowNumber: number }[];
};

export type Outcome = { proposal: Proposal | null; heldBack: boolean };

const GYMNASIUM_TYPES = new Set(["GY", "GYS"]);

/** The day the person turns 20, when the municipality's responsibility ends. */
export function twentiethBirthday(birthDate: string): string {
  return addYears(birthDate, 20);
}

function isGymnasium(p: SchoolPlacement) {
  return p.kind === "gymnasium" && GYMNASIUM_TYPES.has(p.schoolType);
}

/**
 * Completed a national programme: examensbevis or studiebevis from GY/GYS (an introduktionsprogram
 * gives neither). Read from every list ever received, since next year's list no longer shows a graduate.
 */
export function completedPlacement(facts: PersonFacts): SchoolPlacement | null {
  return facts.placements.find((p) => isGymnasium(p) && !isIntroductionProgramme(p) && (p.outcome === "examen" || p.outcome === "studiebevis")) ?? null;
}

/**
 * A current GY/GYS placement: not ended before today, not broken off, begun or beginning within a month
 * (one admitted for next term does not attend now), on a list from the last year (an old list proves
 * nothing about today).
 */
export function currentPlacement(facts: PersonFacts, today: string): SchoolPlacement | null {
  const soon = addDays(today, 31);
  const listedSince = addYears(today, -1);
  return (
    facts.placements.find(
      (p) =>
        isGymnasium(p) &&
        p.outcome === null &&
        (p.endDate === null || p.endDate >= today) &&
        (p.startDate === null || p.startDate <= soon) &&
        p.listedOn >= listedSince,
    ) ?? null
  );
}

/**
 * A national-programme placement that ended without a reported outcome (SS 12000 reports none; a CSV
 * row may leave it empty): it may be a graduation as well as a dropout, so it is not proposed either way.
 */
function endedWithoutOutcome(facts: PersonFacts, today: string): boolean {
  return facts.placements.some((p) => isGymnasium(p) && !isIntroductionProgramme(p) && p.outcome === null && p.endDate !== null && p.endDate < today);
}

/** A samordningsnummer (day + 60): the person is not folkbokförd, so an extract of folkbokförda never shows them. */
function isCoordinationNumber(personalNumber: string) {
  return Number(personalNumber.slice(6, 8)) > 60;
}

export function isIntroductionProgramme(p: SchoolPlacement) {
  return p.schoolType === "GY" && (p.programmeCode ?? "").toUpperCase().startsWith("IM");
}

/**
 * Compulsory school is over: those born 17 or more years before this year are; this year's
 * 16-year-olds (the year-9 leavers) from `holdFrom`, as is anyone a grundskola's year-9 list shows
 * as having left. `heldBack`: finished this summer, and the hold (default 1 June – 31 August, when
 * the gymnasium lists do not yet show who started) is on.
 */
export function compulsorySchool(facts: PersonFacts, ctx: ReconcileContext): { done: boolean; heldBack: boolean } {
  const year = Number(ctx.today.slice(0, 4));
  const md = ctx.today.slice(5);
  const born = Number(facts.birthDate.slice(0, 4));
  const inHold = md >= ctx.settings.holdFrom && md < ctx.settings.holdUntil;
  const leftYear9 = facts.placements.find((p) => p.kind === "year9" && p.endDate !== null && p.endDate <= ctx.today);
  const leftThisYear = leftYear9 !== undefined && leftYear9.endDate!.startsWith(String(year));
  // Still on a grundskola's list without an end (a late starter, anpassad grundskola's year 10): not done.
  if (!leftYear9 && facts.placements.some((p) => p.kind === "year9" && (p.endDate === null || p.endDate > ctx.today))) return { done: false, heldBack: false };
  if (born <= year - 17) return { done: true, heldBack: inHold && leftThisYear };
  if (born === year - 16 && md >= ctx.settings.holdFrom) return { done: true, heldBack: inHold };
  if (leftYear9) return { done: true, heldBack: inHold && leftThisYear };
  return { done: false, heldBack: false };
}

function evidenceOf(facts: PersonFacts, extra: Partial<Evidence> = {}): Evidence {
  return {
    birthDate: facts.birthDate,
    population: facts.population,
    register: facts.register === null ? "none" : facts.register.openEnrollment ? "open" : "ended",
    placements: facts.placements.map(({ kind, schoolType, programmeCode, startDate, endDate, outcome, schoolUnitCode }) => ({
      kind,
      schoolType,
      programmeCode,
      startDate,
      endDate,
      outcome,
      schoolUnitCode,
    })),
    ...extra,
  };
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

function absencePercent(a: AbsenceFacts | null): number | null {
  if (!a || a.offeredMinutes <= 0) return null;
  return Math.round((1000 * a.invalidMinutes) / a.offeredMinutes) / 10;
}

function significantAbsence(facts: PersonFacts, ctx: ReconcileContext) {
  const percent = absencePercent(facts.absence);
  return percent !== null && percent >= ctx.settings.absenceThresholdPercent;
}

/** Why an open enrollment should end, if the facts say the youth has left the target group. */
function endOf(facts: PersonFacts, open: NonNullable<NonNullable<PersonFacts["register"]>["openEnrollment"]>, ctx: ReconcileContext): Proposal | null {
  // An ending is never dated after today nor before the enrollment began. A move or a death shows no
  // school placements in its evidence (where a former resident studies now is not this unit's business).
  const end = (kind: ProposalKind, date: string, evidence = evidenceOf(facts)): Proposal => ({
    kind,
    effectiveDate: later(earlier(date, ctx.today), open.startDate),
    evidence,
  });
  const twenty = twentiethBirthday(facts.birthDate);
  if (twenty <= ctx.today) return end("end_turned_20", twenty);
  // The extract speaks of the enrollment only if it was taken after the enrollment began.
  const extractCounts = ctx.haveExtract && (ctx.extractTakenOn == null || ctx.extractTakenOn >= open.startDate);
  const pop = extractCounts ? facts.population : null;
  const withoutPlacements = evidenceOf({ ...facts, placements: [] });
  if (pop?.deceasedOn) return end("end_died", pop.deceasedOn, withoutPlacements);
  if (pop && !pop.residentHere) return end("end_moved", pop.movedOutOn ?? ctx.today, withoutPlacements);
  // Not in an extract of everyone 16–19 folkbokförd here: no longer folkbokförd here (a samordningsnummer
  // is never folkbokförd, so its absence says nothing).
  if (extractCounts && !facts.population && addYears(facts.birthDate, 16) <= ctx.today && !isCoordinationNumber(facts.personalNumber))
    return end("end_moved", ctx.today, withoutPlacements);
  // Placements only count when the school reported them after the enrollment began: a list from before
  // a dropout notice still shows the placement the notice ended.
  const fresh = { ...facts, placements: facts.placements.filter((p) => p.listedOn >= open.startDate) };
  const completed = completedPlacement(fresh);
  if (completed) return end("end_completed", completed.endDate ?? ctx.today);
  // An enrollment opened on a notice of absence is about a student who still attends, and a student
  // whose school reports significant unexcused absence is followed as if notified: attending ends nothing.
  if (open.startReason === "notice_absence" || significantAbsence(facts, ctx)) return null;
  const current = currentPlacement(fresh, ctx.today);
  if (current && (current.startDate === null || current.startDate <= ctx.today)) {
    return end(isIntroductionProgramme(current) ? "end_introduction_programme" : "end_national_programme", current.startDate ?? ctx.today);
  }
  return null;
}

/**
 * A youth with no open enrollment is registered (again) only if not in the register at all, or if the
 * last enrollment ended because the youth left the target group (began a programme, moved, …) and is
 * now back in it. One whose enrollment the unit closed while still in the target group (work, Komvux,
 * folkhögskola, other) is in the register already: re-proposing would undo the caseworker's decision.
 * Nor is one ended as completed: next year's lists no longer show the graduate, which proves nothing.
 */
const LEFT_TARGET_GROUP: ReadonlySet<EnrollmentEndReason | null> = new Set([
  "national_programme",
  "introduction_programme",
  "moved",
  "turned_20",
  // In the register without any enrollment (none was ever opened).
  null,
]);
function needsRegistering(register: PersonFacts["register"]) {
  return register === null || LEFT_TARGET_GROUP.has(register.lastEndReason);
}

/** What to propose for one person, if anything; `heldBack` counts a year-9 leaver waiting for the hold to end. */
export function reconcilePerson(facts: PersonFacts, ctx: ReconcileContext): Outcome {
  const open = facts.register?.openEnrollment ?? null;
  if (open) return { proposal: endOf(facts, open, ctx), heldBack: false };

  const pop = facts.population;
  const resident = pop !== null && pop.residentHere && pop.deceasedOn === null;
  const under20 = twentiethBirthday(facts.birthDate) > ctx.today;
  if (resident && under20) {
    const school = compulsorySchool(facts, ctx);
    const outOfSchool = !currentPlacement(facts, ctx.today) && !completedPlacement(facts) && !endedWithoutOutcome(facts, ctx.today);
    if (school.done && outOfSchool && needsRegistering(facts.register)) {
      if (school.heldBack) return { proposal: null, heldBack: true };
      return { proposal: { kind: "register", effectiveDate: ctx.today, evidence: evidenceOf(facts) }, heldBack: false };
    }
    const percent = absencePercent(facts.absence);
    if (percent !== null && percent >= ctx.settings.absenceThresholdPercent && currentPlacement(facts, ctx.today) && needsRegistering(facts.register)) {
      return { proposal: { kind: "absence", effectiveDate: ctx.today, evidence: evidenceOf(facts, { absencePercent: percent }) }, heldBack: false };
    }
    return { proposal: null, heldBack: false };
  }

  // Enrolled at a school here but folkbokförd elsewhere: the school notifies the home municipality.
  const here = facts.placements.filter((p) => p.atSchoolHere && isGymnasium(p) && (p.outcome === null || p.outcome === "avbrott"));
  if (!resident && facts.register === null && here.length > 0 && under20 && pop?.deceasedOn == null && !isCoordinationNumber(facts.personalNumber)) {
    return {
      proposal: {
        kind: "not_resident",
        effectiveDate: ctx.today,
        evidence: evidenceOf({ ...facts, placements: here }, { listRows: here.map((p) => ({ listId: p.listId, rowNumber: p.rowNumber })) }),
      },
      heldBack: false,
    };
  }
  return { proposal: null, heldBack: false };
}
