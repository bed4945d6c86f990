/** The value lists of the outreach tables, without drizzle, so that browser code can import them. */
export const ENROLLMENT_START_REASONS = [
  "notice_dropout",
  "notice_absence",
  "notice_not_started",
  "notice_started",
  "moved_in",
  "register_check",
  "self_referral",
  "other",
] as const;
export const ENROLLMENT_STATUSES = ["not_contacted", "contacted", "in_intervention", "watch"] as const;
export const ENROLLMENT_END_REASONS = [
  "national_programme",
  "introduction_programme",
  "komvux",
  "folkhogskola",
  "work",
  "moved",
  "turned_20",
  "completed",
  // Learnt from the population register; the enrollment ends without any letter.
  "died",
  "other",
] as const;
export const OCCUPATIONS = ["studies", "work", "other_activity", "none", "unknown"] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export type EnrollmentEndReason = (typeof ENROLLMENT_END_REASONS)[number];
export type EnrollmentStartReason = (typeof ENROLLMENT_START_REASONS)[number];
export const CONTACT_CHANNELS = ["letter", "phone", "sms", "email", "knock_card", "home_visit", "social_media", "office_visit", "via_guardian"] as const;
export const CONTACT_OUTCOMES = ["reached", "not_reached", "message_left"] as const;
export const CONTACT_TARGETS = ["youth", "guardian"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
export type ContactTarget = (typeof CONTACT_TARGETS)[number];
export type Occupation = (typeof OCCUPATIONS)[number];
export const OFFSET_UNITS = ["days", "weeks", "months"] as const;
export type OffsetUnit = (typeof OFFSET_UNITS)[number];

/**
 * Orsak till registrering (SCB block 1, mandatory since 1 July 2017): why the youth belongs to the target group,
 * which is not the same as how we learnt of the youth (`ENROLLMENT_START_REASONS`). "unknown" is what older
 * records got when the variable was added: it is listed for a person to fill in, never guessed.
 */
export const REGISTRATION_REASONS = [
  "not_started",
  "dropout_national",
  "dropout_introduction",
  "completed_without_diploma",
  "moved_in",
  "other",
  "unknown",
] as const;
export type RegistrationReason = (typeof REGISTRATION_REASONS)[number];
/** Senaste skolrelaterade sysselsättning vid registrering (SCB block 1). */
export const LAST_SCHOOL_OCCUPATIONS = ["compulsory_school", "national_programme", "introduction_programme", "other_school", "none", "unknown"] as const;
export type LastSchoolOccupation = (typeof LAST_SCHOOL_OCCUPATIONS)[number];
