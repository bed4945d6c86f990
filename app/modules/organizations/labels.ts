import type { OrganisationKind, Role, SchoolOrganiserKind } from "#db/schema";

/** Swedish names shown in the interface. */
export const ROLE_LABELS: Record<Role, string> = {
  kaa_coordinator: "KAA-samordnare",
  kaa_caseworker: "KAA-handläggare",
  school_staff: "Skolpersonal",
  social_worker: "Socialsekreterare",
  employment_officer: "Handläggare, Arbetsförmedlingen",
  steering_member: "Ledamot i styrgrupp",
  system_admin: "Systemförvaltare",
  auditor: "Granskare",
};

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  kaa_unit: "KAA-enhet",
  school: "Skola",
  social_services: "Socialtjänst",
  employment_service: "Arbetsförmedlingen",
  steering_group: "Styrgrupp",
};

export const SCHOOL_ORGANISER_LABELS: Record<SchoolOrganiserKind, string> = {
  kommunal: "Kommunal huvudman",
  fristaende: "Fristående huvudman",
};

/** Which roles a membership in an organisation of each kind may carry. */
export const ROLES_BY_KIND: Record<OrganisationKind, Role[]> = {
  // The granskare sits in the KAA unit it audits (so its municipality is known); it reads only what a grant opens.
  kaa_unit: ["kaa_coordinator", "kaa_caseworker", "auditor"],
  school: ["school_staff"],
  social_services: ["social_worker"],
  employment_service: ["employment_officer"],
  steering_group: ["steering_member"],
};
