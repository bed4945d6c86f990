/**
 * The part of the register an SCB half-year file is made from, as plain data: every youth in the register some day
 * of the period, with the enrollments that touch the period, the contacts of the period and the enrollments'
 * åtgärder. world.server.ts reads it through the register capability; blocks.ts and checks.ts are pure over it,
 * so the golden test can hand-write one.
 */
import type { ContactOutcome, ContactTarget, EnrollmentEndReason, LastSchoolOccupation, Occupation, RegistrationReason } from "#db/schema/outreach-values";
import type { ScbInterventionType } from "#db/schema/plan-values";

export type ScbContact = { id: number; date: string; outcome: ContactOutcome; target: ContactTarget; occupation: Occupation | null };

export type ScbIntervention = {
  id: number;
  /**
   * The åtgärd's number in SCB's blocks 3 and 4: its place among all of the youth's åtgärder in the municipality, in
   * the order they were entered. It never changes, so a block-4 row of a later half-year names the same åtgärd as the
   * block-3 row of the half-year it began in.
   */
  number: number;
  typeId: number;
  typeName: string;
  /** The SCB kind of the catalogue type; null until the samordnare maps the type. */
  scbType: ScbInterventionType | null;
  startDate: string;
  declinedDate: string | null;
  endDate: string | null;
  occupationAfter: Occupation | null;
};

export type ScbEnrollment = {
  id: number;
  startDate: string;
  endDate: string | null;
  endReason: EnrollmentEndReason | null;
  registrationReason: RegistrationReason;
  lastSchoolOccupation: LastSchoolOccupation;
  /** Only the contacts dated in the period. */
  contacts: ScbContact[];
  /** All of the enrollment's åtgärder (their numbering needs the earlier ones too). */
  interventions: ScbIntervention[];
};

export type ScbYouth = {
  id: string;
  /** For the list of failures on the page; never written to the file. */
  name: string;
  /** Twelve digits, as stored. */
  personalNumber: string;
  isCoordinationNumber: boolean;
  enrollments: ScbEnrollment[];
};

export type ScbWorld = { municipalityCode: string; period: { from: string; to: string }; youths: ScbYouth[] };
