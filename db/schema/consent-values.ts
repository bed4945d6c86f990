/** The value lists of the consent and referral tables, without drizzle, so that browser code can import them. */

/** The parts of a youth file a consent can open to another organisation. */
export const CONSENT_SECTIONS = ["identity", "contacts", "assessment", "plan", "notices", "referrals"] as const;
export type ConsentSection = (typeof CONSENT_SECTIONS)[number];
export const CONSENT_GIVERS = ["youth", "guardian", "both"] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];
export const CONSENT_METHODS = ["written", "oral", "digital"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const REFERRAL_STATUSES = ["sent", "received", "accepted", "declined", "closed", "revoked"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * Socialtjänsten's handling of a report of concern, told to a professional reporter (SoL 14 kap.
 * 1 a §): received, the preliminary assessment (förhandsbedömning), and whether an investigation is
 * opened or not.
 */
export const CONCERN_HANDLING_STATUSES = ["received", "preliminary_assessment", "investigation_opened", "investigation_not_opened"] as const;
export type ConcernHandlingStatus = (typeof CONCERN_HANDLING_STATUSES)[number];
