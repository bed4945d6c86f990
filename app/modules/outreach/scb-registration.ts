/**
 * The SCB variables of an enrollment's start (block 1: orsak till registrering, senaste skolrelaterade
 * sysselsättning) as far as a recorded fact says them: the kind and programme of the notice the
 * enrollment was opened on, a move into the municipality, the school lists the reconciliation read.
 * Where no source says anything the answer is "unknown" ("Uppgift saknas"), which the SCB checks list
 * for a person to fill in: a guess here would be reported to SCB as a fact. Pure, so the inbox, the
 * reconciliation, the registration form and the tests derive the same way.
 */
import {
  type EnrollmentEndReason,
  LAST_SCHOOL_OCCUPATIONS,
  REGISTRATION_REASONS,
  type EnrollmentStartReason,
  type LastSchoolOccupation,
  type Occupation,
  type RegistrationReason,
} from "#db/schema/outreach-values";
import type { InterventionEndReason } from "#db/schema/plan-values";

export { LAST_SCHOOL_OCCUPATIONS, REGISTRATION_REASONS };
export type { EnrollmentEndReason, LastSchoolOccupation, RegistrationReason };

export type ScbRegistration = { registrationReason: RegistrationReason; lastSchoolOccupation: LastSchoolOccupation };
export const UNKNOWN_REGISTRATION: ScbRegistration = { registrationReason: "unknown", lastSchoolOccupation: "unknown" };

/** The national programmes' codes in Gy11 (gymnasieskolan); a code with an orientation (NANAT) starts with one. */
const NATIONAL_PROGRAMME_CODES = new Set(["BA", "BF", "EE", "EK", "ES", "FT", "HA", "HT", "HU", "IN", "NA", "NB", "RL", "SA", "TE", "VF", "VO"]);
/** Words of five letters a school may write instead of a code; they start like a code (IN, SA) but say nothing. */
const NOT_CODES = new Set(["INGEN", "INGET", "SAKNA"]);
/** The introduktionsprogram by name: programinriktat val, yrkesintroduktion, individuellt alternativ, språkintroduktion, preparand. */
const INTRODUCTION_NAMES = /introduktion|programinriktat|individuellt alternativ|preparand/i;

/**
 * What kind of gymnasium programme a notice or a school list names, by code (IMA, IMYRK, NA, EKEKO)
 * or by name ("Ekonomiprogrammet", "Språkintroduktion"); null when the text says neither.
 */
export function programmeKind(programme: string | null | undefined): "national" | "introduction" | null {
  const text = (programme ?? "").trim();
  if (!text) return null;
  const code = text.toUpperCase();
  if (/^IM[A-ZÅÄÖ]{0,6}$/.test(code) || INTRODUCTION_NAMES.test(text)) return "introduction";
  // A programme code (NA) or a code with its orientation (NANAT): two letters or five, never a word a school types
  // when it has no code ("Saknas", "Ingen"), which would otherwise read as SA or IN.
  if (/^[A-ZÅÄÖ]{2}(?:[A-ZÅÄÖ]{3})?$/.test(code) && NATIONAL_PROGRAMME_CODES.has(code.slice(0, 2)) && !NOT_CODES.has(code)) return "national";
  // "Ekonomiprogrammet", and the gymnasiesärskola's "Programmet för hantverk och produktion".
  if (/programmet$|^programmet för /i.test(text)) return "national";
  return null;
}

function occupationOfProgramme(programme: string | null | undefined): LastSchoolOccupation {
  const kind = programmeKind(programme);
  return kind === "national" ? "national_programme" : kind === "introduction" ? "introduction_programme" : "unknown";
}

/**
 * From the notice an enrollment is opened on. A dropout says which programme was left; a youth who did
 * not start after admission was admitted to a programme, not in it, so what they last did is not said;
 * absence is reported of a youth who still attends (no SCB reason says that); a move says only the move.
 */
export function registrationFromNotice(notice: {
  kind: "dropout" | "absence" | "started" | "not_started" | "moved";
  programme: string | null;
}): ScbRegistration {
  const kind = programmeKind(notice.programme);
  switch (notice.kind) {
    case "dropout":
      return {
        registrationReason: kind === "national" ? "dropout_national" : kind === "introduction" ? "dropout_introduction" : "unknown",
        lastSchoolOccupation: occupationOfProgramme(notice.programme),
      };
    case "not_started":
      return { registrationReason: "not_started", lastSchoolOccupation: "unknown" };
    case "absence":
      return { registrationReason: "unknown", lastSchoolOccupation: occupationOfProgramme(notice.programme) };
    case "moved":
      return { registrationReason: "moved_in", lastSchoolOccupation: "unknown" };
    case "started":
      return UNKNOWN_REGISTRATION;
  }
}

/** From how the youth came to the register, when no notice is at hand: only a move or a not-started notice says a reason. */
export function registrationFromStartReason(startReason: EnrollmentStartReason): ScbRegistration {
  if (startReason === "moved_in") return { registrationReason: "moved_in", lastSchoolOccupation: "unknown" };
  if (startReason === "notice_not_started") return { registrationReason: "not_started", lastSchoolOccupation: "unknown" };
  return UNKNOWN_REGISTRATION;
}

type ListedPlacement = { kind: string; schoolType: string; programmeCode: string | null; endDate: string | null; outcome: string | null };

/**
 * A GY or GYS placement is on a national programme unless its code is an introduktionsprogram's (IM…), as the
 * target-group rule reads it; without a code the list does not say which.
 */
function placementOccupation(p: ListedPlacement): LastSchoolOccupation {
  if (!p.programmeCode?.trim()) return "unknown";
  return programmeKind(p.programmeCode) === "introduction" ? "introduction_programme" : "national_programme";
}

/**
 * From the school lists and the population extract the reconciliation proposed a registration on. The
 * latest broken-off gymnasium placement is a dropout from its programme; a year-9 leaver whom no
 * gymnasium list shows has not started; one who moved here with no placement moved in. An absence
 * proposal is about a youth still attending: only the current programme is known.
 */
export function registrationFromLists(
  kind: "register" | "absence",
  evidence: { placements: readonly ListedPlacement[]; population: { movedInOn: string | null } | null },
): ScbRegistration {
  const gymnasium = evidence.placements.filter((p) => p.kind === "gymnasium" && (p.schoolType === "GY" || p.schoolType === "GYS"));
  if (kind === "absence") {
    const current = gymnasium.find((p) => p.outcome === null);
    return { registrationReason: "unknown", lastSchoolOccupation: current ? placementOccupation(current) : "unknown" };
  }
  const dropout = gymnasium.filter((p) => p.outcome === "avbrott").sort((a, b) => (b.endDate ?? "").localeCompare(a.endDate ?? ""))[0];
  if (dropout) {
    const occupation = placementOccupation(dropout);
    return { registrationReason: occupation === "introduction_programme" ? "dropout_introduction" : "dropout_national", lastSchoolOccupation: occupation };
  }
  const leftYear9 = evidence.placements.some((p) => p.kind === "year9" && p.endDate !== null);
  if (leftYear9 && gymnasium.length === 0) return { registrationReason: "not_started", lastSchoolOccupation: "compulsory_school" };
  if (evidence.population?.movedInOn && gymnasium.length === 0) return { registrationReason: "moved_in", lastSchoolOccupation: "unknown" };
  return UNKNOWN_REGISTRATION;
}

/**
 * Sysselsättning efter åtgärden when an insats ends on a recorded fact rather than by a caseworker's
 * form (the end at 20, the reconciliation): the end reason says studies or work, or nothing. The
 * migration that added the column filled ended rows by the same rule.
 */
export function occupationAfterEnd(endReason: InterventionEndReason): Occupation {
  return endReason === "started_studies" ? "studies" : endReason === "got_work" ? "work" : "unknown";
}

type NoticeFacts = { kind: "dropout" | "absence" | "started" | "not_started" | "moved"; programme: string | null; eventDate: string };

/**
 * What the form that opens an enrollment by hand pre-selects: what the youth's newest notice (`notices`
 * newest first) since the last enrollment ended says. A value no source gives is left for the caseworker
 * to choose, "Uppgift saknas" included, never pre-selected. `notice` tells where the suggestion came from.
 */
export function suggestedRegistration<N extends NoticeFacts>(
  notices: readonly N[],
  lastEnd: string | null,
): { suggestion: Partial<ScbRegistration>; notice: N | null } {
  const notice = notices.find((n) => n.kind !== "started" && (lastEnd === null || n.eventDate >= lastEnd)) ?? null;
  const derived = notice ? registrationFromNotice(notice) : UNKNOWN_REGISTRATION;
  const suggestion: Partial<ScbRegistration> = {
    ...(derived.registrationReason !== "unknown" ? { registrationReason: derived.registrationReason } : {}),
    ...(derived.lastSchoolOccupation !== "unknown" ? { lastSchoolOccupation: derived.lastSchoolOccupation } : {}),
  };
  return { suggestion, notice: Object.keys(suggestion).length > 0 ? notice : null };
}
