/**
 * The value lists of the organisation tables, in a file without drizzle so that forms in the browser
 * can import them without pulling the table definitions into the client bundle.
 */
export const ORGANISATION_KINDS = ["kaa_unit", "school", "social_services", "employment_service", "steering_group"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const SCHOOL_ORGANISER_KINDS = ["kommunal", "fristaende"] as const;
export type SchoolOrganiserKind = (typeof SCHOOL_ORGANISER_KINDS)[number];

export const ROLES = [
  "kaa_coordinator", // samordnare / enhetschef
  "kaa_caseworker", // handläggare, koordinator, uppsökare
  "school_staff",
  "social_worker",
  "employment_officer",
  "steering_member",
  "system_admin",
  // granskare: an auditor (revisor) who reads the cases of a stickprov while a grant is in force (issue 15)
  "auditor",
] as const;
export type Role = (typeof ROLES)[number];

/** Staff accounts are made by the systemförvaltare; citizens (youths, guardians) sign in with e-legitimation. */
export const USER_KINDS = ["staff", "citizen"] as const;
export type UserKind = (typeof USER_KINDS)[number];

/**
 * The roles of people who sign in to read their own file (Mina sidor): the youth themself (the data
 * subject, GDPR art. 15) and a guardian of a youth under 18. They hold no membership: the role comes from
 * the verified personnummer and the population register at each sign-in.
 */
export const CITIZEN_ROLES = ["youth", "guardian"] as const;
export type CitizenRole = (typeof CITIZEN_ROLES)[number];

/** How a session was authenticated. Step-up and the MFA rule read it. */
export const AUTH_METHODS = ["password", "password_totp", "password_recovery_code", "password_passkey", "sso", "eid"] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];
