/**
 * Sekretess in one pure function. Given who acts, on which youth, which section of the youth
 * file and whether to read or write, decide() says whether it is allowed and on what legal
 * basis. It reads nothing and writes nothing: the youth-file reader calls it and logs the answer.
 */
import type { OrganisationKind, Role } from "#db/schema";

export const YOUTH_SECTIONS = [
  // Name, personnummer, home municipality, contact details and guardians.
  "identity",
  // The address of a youth with skyddad identitet.
  "protected_address",
  // Enrollment periods (inskrivningar), status, caseworker and watch.
  "enrollment",
  // Contact attempts and the contact routine (uppsökande verksamhet).
  "contacts",
  // School notices about the youth.
  "notices",
] as const;
export type YouthSection = (typeof YOUTH_SECTIONS)[number];

export type AccessAction = "read" | "write";

export type PolicyActor = {
  role: Role;
  organisationKind: OrganisationKind | null;
  municipalityId: number | null;
};

/** What the policy needs to know of a youth; null when no such youth exists. */
export type PolicyYouth = { homeMunicipalityId: number; protectedIdentity: boolean } | null;

/** The legal ground an allowed access rests on; later: consent, referral, report of concern. */
export type AccessBasis = "register_keeper" | "notice_sender";

export type DenialReason = "not_found" | "role" | "other_municipality" | "protected_identity";

export type Decision =
  | { allowed: true; basis: AccessBasis }
  | { allowed: false; reason: DenialReason };

const KAA_ROLES: readonly Role[] = ["kaa_coordinator", "kaa_caseworker"];

export function decide(actor: PolicyActor, youth: PolicyYouth, section: YouthSection, action: AccessAction): Decision {
  if (!youth) return { allowed: false, reason: "not_found" };

  // The KAA unit of the home municipality keeps the register (Skollagen 29 kap. 9 §).
  const isRegisterKeeper =
    KAA_ROLES.includes(actor.role) &&
    actor.organisationKind === "kaa_unit" &&
    actor.municipalityId !== null &&
    actor.municipalityId === youth.homeMunicipalityId;

  if (!isRegisterKeeper) {
    const sameMunicipalityKaa = KAA_ROLES.includes(actor.role) && actor.organisationKind === "kaa_unit";
    return { allowed: false, reason: sameMunicipalityKaa ? "other_municipality" : "role" };
  }

  if (section === "protected_address" && youth.protectedIdentity && action === "read") {
    // Skyddad identitet: only the samordnare may see the address, and only when needed.
    return actor.role === "kaa_coordinator"
      ? { allowed: true, basis: "register_keeper" }
      : { allowed: false, reason: "protected_identity" };
  }
  return { allowed: true, basis: "register_keeper" };
}

/** May the actor open the register list at all (it is scoped to the actor's municipality)? */
export function mayUseRegister(actor: PolicyActor): boolean {
  return KAA_ROLES.includes(actor.role) && actor.organisationKind === "kaa_unit" && actor.municipalityId !== null;
}

/** What the policy needs to know of a school notice. */
export type PolicyNotice = { schoolOrganisationId: number; homeMunicipalityId: number } | null;

/**
 * A notice is seen by the school that sent it (its own record of what it sent) and by the KAA unit
 * of the youth's home municipality, whichever municipality the school is in. No one else.
 */
export function decideNotice(actor: PolicyActor & { organisationId: number | null }, notice: PolicyNotice, action: AccessAction): Decision {
  if (!notice) return { allowed: false, reason: "not_found" };
  if (actor.role === "school_staff" && actor.organisationKind === "school" && actor.organisationId === notice.schoolOrganisationId) {
    // The school may read what it sent, never change it after sending.
    return action === "read" ? { allowed: true, basis: "notice_sender" } : { allowed: false, reason: "role" };
  }
  return decide(actor, { homeMunicipalityId: notice.homeMunicipalityId, protectedIdentity: false }, "notices", action);
}

/** Schools file notices; nobody else does. */
export function mayFileNotices(actor: PolicyActor & { organisationId: number | null }): boolean {
  return actor.role === "school_staff" && actor.organisationKind === "school" && actor.organisationId !== null;
}
