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
