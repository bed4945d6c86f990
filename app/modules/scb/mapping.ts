/**
 * What an SCB version of the KAA report looks like: the layout of the data file and our value → SCB code for every
 * variable. One file per version in ./versions; the export names the version it used. Changing what the portal
 * sends when SCB revises its Datafilsbeskrivning means adding one version file and pointing CURRENT_VERSION at it.
 * Pure: no database, so the page can show the version.
 */
import type { EnrollmentEndReason, LastSchoolOccupation, Occupation, RegistrationReason } from "#db/schema/outreach-values";
import type { ScbInterventionType } from "#db/schema/plan-values";
import { SCB_2026_1 } from "./versions/2026-1";

export const SCB_BLOCKS = [1, 2, 3, 4, 5] as const;
export type ScbBlock = (typeof SCB_BLOCKS)[number];

export const SCB_BLOCK_NAMES: Record<ScbBlock, string> = {
  1: "Obligatoriska uppgifter",
  2: "Kontakt med individen",
  3: "Åtgärd påbörjas",
  4: "Åtgärd avslutats",
  5: "Aktivitetsansvaret har upphört",
};

/** The columns a block row can have; each version orders (and may leave out) them per block. */
export const SCB_COLUMNS = [
  "block",
  "municipalityCode",
  "personalNumber",
  "registrationDate",
  "registrationReason",
  "lastSchoolOccupation",
  "contactDate",
  "contactOccupation",
  "interventionNumber",
  "interventionDate",
  "interventionType",
  "declined",
  "interventionEndDate",
  "occupationAfter",
  "endDate",
  "endReason",
] as const;
export type ScbColumn = (typeof SCB_COLUMNS)[number];

/** A code SCB knows, or null: our value has no code in this version (the checks refuse it). */
type Codes<T extends string> = Record<T, string | null>;

export type ScbMapping = {
  /** The half-year the version was written for, as SCB names its instructions (e.g. "2026-1"). */
  id: string;
  /** True only once a person holding SCB's current Datafilsbeskrivning has checked every line in a reviewed commit. */
  verified: boolean;
  /** Where the layout and the codes come from, and when they were read. */
  source: string;
  /** The choices SCB's material available here does not settle, in words the samordnare can read. */
  decisions: readonly { question: string; answer: string }[];
  /** Which contact attempts are a "kontakt med individen" (block 2). */
  contact: { outcomes: readonly ("reached" | "not_reached" | "message_left")[]; targets: readonly ("youth" | "guardian")[] };
  /** The date block 3 gives a declined åtgärd: the day it was declined, or its planned start. */
  declinedDate: "declined_date" | "start_date";
  codes: {
    block: Record<ScbBlock, string>;
    registrationReason: Codes<RegistrationReason>;
    lastSchoolOccupation: Codes<LastSchoolOccupation>;
    contactOccupation: Codes<Occupation>;
    /** A contact attempt saved without an occupation (older records): sent as this code. */
    contactOccupationMissing: string | null;
    interventionType: Codes<ScbInterventionType>;
    declined: { yes: string; no: string };
    occupationAfter: Codes<Occupation>;
    endReason: Codes<EnrollmentEndReason>;
  };
  /** The columns of each block's rows, in order. */
  columns: Record<ScbBlock, readonly ScbColumn[]>;
  /** What SCB calls each column (the XLSX's header row, to compare with SCB's Excel template). */
  columnNames: Record<ScbColumn, string>;
  delimiter: string;
  lineEnding: "\r\n" | "\n";
  /** Written with Node's own encoders: both are native to Buffer. */
  encoding: "latin1" | "utf8";
  header: boolean;
  dateFormat: "YYYYMMDD" | "YYYY-MM-DD";
  /** A samordningsnummer is written the same way (its day is the birth day + 60). */
  personalNumberFormat: "YYYYMMDDNNNN" | "YYMMDDNNNN" | "YYYYMMDD-NNNN";
};

/** Every version the portal knows, oldest first. */
export const SCB_VERSIONS: readonly ScbMapping[] = [SCB_2026_1];

/** The version new exports are written by. */
export const CURRENT_VERSION: ScbMapping = SCB_2026_1;

/** The version a stored export names (its XLSX is rebuilt from the stored file by the same layout). */
export function scbVersion(id: string): ScbMapping | null {
  return SCB_VERSIONS.find((v) => v.id === id) ?? null;
}

/** "2026-1 (ej verifierad mot SCB:s Datafilsbeskrivning)". */
export function versionLabel(mapping: Pick<ScbMapping, "id" | "verified">): string {
  return mapping.verified ? `${mapping.id} (verifierad mot SCB:s Datafilsbeskrivning)` : `${mapping.id} (ej verifierad mot SCB:s Datafilsbeskrivning)`;
}
