/** The value lists of the consent and referral tables, without drizzle, so that browser code can import them. */

/** The parts of a youth file a consent can open to another organisation. */
export const CONSENT_SECTIONS = ["identity", "contacts", "assessment", "plan", "notices", "referrals"] as const;
export type ConsentSection = (typeof CONSENT_SECTIONS)[number];
export const CONSENT_GIVERS = ["youth", "guardian", "both"] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];
/**
 * How a consent was given or withdrawn. "digital_by_youth": the youth withdrew it on Mina sidor, signed in
 * with e-legitimation; staff never choose it (STAFF_CONSENT_METHODS), only the youth's own action records it.
 */
export const CONSENT_METHODS = ["written", "oral", "digital", "digital_by_youth"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
/** What staff may record: "digitalt av ungdomen" is only ever written by the youth's own withdrawal. */
export const STAFF_CONSENT_METHODS = ["written", "oral", "digital"] as const satisfies readonly ConsentMethod[];
/**
 * A consent the caseworker prepared for the youth to accept on Mina sidor: pending until the youth answers
 * (accepted: a consent is recorded; declined), or the caseworker takes it back (cancelled).
 */
export const CONSENT_REQUEST_STATES = ["pending", "accepted", "declined", "cancelled"] as const;
export type ConsentRequestState = (typeof CONSENT_REQUEST_STATES)[number];
export const REFERRAL_STATUSES = ["sent", "received", "accepted", "declined", "closed", "revoked"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * Socialtjänsten's handling of a report of concern, told to a professional reporter (SoL 14 kap.
 * 1 a §): received, the preliminary assessment (förhandsbedömning), and whether an investigation is
 * opened or not.
 */
export const CONCERN_HANDLING_STATUSES = ["received", "preliminary_assessment", "investigation_opened", "investigation_not_opened"] as const;
export type ConcernHandlingStatus = (typeof CONCERN_HANDLING_STATUSES)[number];
