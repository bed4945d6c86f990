import type {
  ContactChannel,
  ContactOutcome,
  ContactTarget,
  EnrollmentEndReason,
  EnrollmentStartReason,
  EnrollmentStatus,
  LastSchoolOccupation,
  Occupation,
  OffsetUnit,
  RegistrationReason,
} from "#db/schema";

export const ENROLLMENT_STATUS_LABELS: Record<EnrollmentStatus, string> = {
  not_contacted: "Ej kontaktad",
  contacted: "Kontaktad",
  in_intervention: "I insats",
  watch: "Under bevakning",
};

export const START_REASON_LABELS: Record<EnrollmentStartReason, string> = {
  notice_dropout: "Anmälan om avbrott",
  notice_absence: "Anmälan om betydande frånvaro",
  notice_not_started: "Anmälan: påbörjade inte studierna",
  notice_started: "Anmälan: påbörjade studier",
  moved_in: "Inflyttad",
  register_check: "Registerkontroll (t.ex. SCB eller skolregister)",
  self_referral: "Ungdomen eller vårdnadshavare tog kontakt",
  other: "Annat",
};

export const END_REASON_LABELS: Record<EnrollmentEndReason, string> = {
  national_programme: "Började nationellt program",
  introduction_programme: "Började introduktionsprogram",
  komvux: "Började Komvux",
  folkhogskola: "Började folkhögskola",
  work: "Fick arbete",
  moved: "Flyttade från kommunen",
  turned_20: "Fyllde 20 år",
  completed: "Fullföljd utbildning",
  died: "Avliden",
  other: "Annat",
};

export const CHANNEL_LABELS: Record<ContactChannel, string> = {
  letter: "Brev",
  phone: "Telefon",
  sms: "Sms",
  email: "E-post",
  knock_card: "Knackkort",
  home_visit: "Hembesök",
  social_media: "Sociala medier",
  office_visit: "Besök på KAA-enheten",
  via_guardian: "Via vårdnadshavare",
};

export const OUTCOME_LABELS: Record<ContactOutcome, string> = {
  reached: "Fick kontakt",
  not_reached: "Ingen kontakt",
  message_left: "Lämnade meddelande",
};

const SENT = "Skickat, inget svar ännu";
const MESSAGE_SENT: Partial<Record<ContactChannel, string>> = {
  letter: SENT,
  sms: SENT,
  email: SENT,
  social_media: SENT,
  knock_card: "Lämnat, inget svar ännu",
};

/**
 * The outcome as the attempt list shows it. "Left a message" is what a phone call does; a letter, a
 * knock card, an sms or an e-mail that was sent and not yet answered says so in its own words (they
 * are stored as "message_left" because the contact routine counts them the same).
 */
export function outcomeLabel(attempt: { outcome: ContactOutcome; channel: ContactChannel; letterTemplate?: string | null }): string {
  if (attempt.letterTemplate) return attempt.channel === "knock_card" ? "Knackkort lämnat" : "Brev skickat";
  return (attempt.outcome === "message_left" ? MESSAGE_SENT[attempt.channel] : undefined) ?? OUTCOME_LABELS[attempt.outcome];
}

export const TARGET_LABELS: Record<ContactTarget, string> = { youth: "Ungdomen", guardian: "Vårdnadshavare" };

export const OCCUPATION_LABELS: Record<Occupation, string> = {
  studies: "Studerar",
  work: "Arbetar",
  other_activity: "Annan sysselsättning",
  none: "Ingen sysselsättning",
  unknown: "Okänt",
};

export const OFFSET_UNIT_LABELS: Record<OffsetUnit, string> = { days: "dagar", weeks: "veckor", months: "månader" };
export { CONTACT_CHANNELS, OFFSET_UNITS } from "#db/schema/outreach-values";

/** Orsak till registrering (SCB block 1). */
export const REGISTRATION_REASON_LABELS: Record<RegistrationReason, string> = {
  not_started: "Har inte börjat i gymnasieskolan",
  dropout_national: "Avbrott på nationellt program",
  dropout_introduction: "Avbrott på introduktionsprogram",
  completed_without_diploma: "Gått ut utan examen eller studiebevis",
  moved_in: "Flyttat till kommunen utan studier",
  other: "Annan orsak",
  unknown: "Uppgift saknas",
};

/** Senaste skolrelaterade sysselsättning vid registrering (SCB block 1). */
export const LAST_SCHOOL_OCCUPATION_LABELS: Record<LastSchoolOccupation, string> = {
  compulsory_school: "Grundskola eller anpassad grundskola",
  national_programme: "Nationellt program",
  introduction_programme: "Introduktionsprogram",
  other_school: "Annan utbildning (t.ex. utomlands)",
  none: "Ingen skola",
  unknown: "Uppgift saknas",
};
