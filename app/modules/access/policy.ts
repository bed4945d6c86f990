/**
 * Sekretess in one pure function. Given who acts, on which youth, which section of the youth
 * file and whether to read or write, decide() says whether it is allowed and on what legal
 * basis. It reads nothing and writes nothing: the youth-file reader calls it and logs the answer.
 */
import type { ConsentSection, OrganisationKind, ReferralStatus, Role } from "#db/schema";
import { todayIso } from "~/lib/dates";

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
  // Kartläggning (issue 4).
  "assessment",
  // Individual plan, interventions and their follow-ups and evaluations (issue 4).
  "plan",
  // Referrals (remisser) to other organisations and their feedback (issue 5).
  "referrals",
  // The consent records themselves: kept by the KAA unit, never opened to others (issue 5).
  "consents",
  // Reports of concern (orosanmälan, SoL 14 kap. 1 §): seen by their reporter and the social services
  // they were sent to, on the report's own ground; they open nothing else.
  "concern_reports",
] as const;
export type YouthSection = (typeof YOUTH_SECTIONS)[number];

export type AccessAction = "read" | "write";

/** Sections a consent can open to another organisation; the others stay with the KAA unit. */
export const CONSENTABLE_SECTIONS: readonly YouthSection[] = [
  "identity",
  "contacts",
  "assessment",
  "plan",
  "notices",
  "referrals",
] satisfies readonly ConsentSection[];

export type PolicyActor = {
  role: Role;
  organisationKind: OrganisationKind | null;
  municipalityId: number | null;
  organisationId?: number | null;
};

/** A consent as the policy sees it: who may read which sections, from when until when. */
export type PolicyConsent = {
  id: number;
  recipientOrganisationIds: readonly number[];
  sections: readonly ConsentSection[];
  validFrom: string;
  validUntil: string;
  // Set once withdrawn; a withdrawal takes effect at once, whatever date it names.
  withdrawnDate: string | null;
};

/**
 * A granskare's grant as the policy sees it: the actor holds it, and its stickprov contains the youth
 * (the gate loads only such grants). In force from validFrom to validUntil inclusive unless revoked.
 */
export type PolicyReviewGrant = { sampleId: number; validFrom: string; validUntil: string; revoked: boolean };

/**
 * What the policy needs to know of a youth; null when no such youth exists. `consents` are the
 * youth's consents (all of them, or at least those naming the actor's organisation); `reviewGrants`
 * the acting granskare's grants for stickprov that contain the youth (loaded for granskare only).
 */
export type PolicyYouth = {
  homeMunicipalityId: number;
  protectedIdentity: boolean;
  consents?: readonly PolicyConsent[];
  reviewGrants?: readonly PolicyReviewGrant[];
} | null;

/** The legal ground an allowed access rests on. */
/** data_subject: the youth reads their own file (GDPR art. 15); guardian: a vårdnadshavare of a youth under 18. */
export type AccessBasis =
  "register_keeper" | "notice_sender" | "consent" | "referral" | "concern_report" | "school_list_owner" | "review" | "data_subject" | "guardian";

/**
 * not_own_file: a citizen asked for a file that is not theirs; guardian_ended: the youth is 18 or has been
 * found mature enough to decide alone; reauthentication_required: a step-up action with a sign-in older than
 * 15 minutes.
 */
export type DenialReason =
  | "not_found"
  | "role"
  | "other_municipality"
  | "protected_identity"
  | "no_consent"
  | "referral_revoked"
  | "no_review_grant"
  | "not_own_file"
  | "guardian_ended"
  | "reauthentication_required";

export type Decision = { allowed: true; basis: AccessBasis; basisRef?: string } | { allowed: false; reason: DenialReason };

/** Is the consent in force on `today` (ISO date)? Withdrawn consents never are. */
export function consentInForce(consent: Pick<PolicyConsent, "withdrawnDate" | "validFrom" | "validUntil">, today: string): boolean {
  return consent.withdrawnDate === null && consent.validFrom <= today && today <= consent.validUntil;
}

/** The first consent in force that opens `section` to `organisationId`, if any. */
export function coveringConsent(consents: readonly PolicyConsent[], organisationId: number, section: YouthSection, today: string): PolicyConsent | null {
  for (const consent of consents) {
    if (!consentInForce(consent, today)) continue;
    if (!consent.recipientOrganisationIds.includes(organisationId)) continue;
    if (!(consent.sections as readonly string[]).includes(section)) continue;
    return consent;
  }
  return null;
}

const KAA_ROLES: readonly Role[] = ["kaa_coordinator", "kaa_caseworker"];

/**
 * What a granskare may read of a sampled youth: what the auditors score (contact, kartläggning,
 * åtgärder, uppföljning) and who it is about. Never the protected address, consents, referrals,
 * reports of concern or school notices, and never a write.
 */
export const REVIEW_SECTIONS = ["identity", "enrollment", "contacts", "assessment", "plan"] as const satisfies readonly YouthSection[];

/** Is the grant in force on `today` (ISO date)? A revoked grant never is, whatever its dates. */
export function reviewGrantInForce(grant: Pick<PolicyReviewGrant, "revoked" | "validFrom" | "validUntil">, today: string): boolean {
  return !grant.revoked && grant.validFrom <= today && today <= grant.validUntil;
}

/**
 * The granskare (auditor): a read of the review sections of a youth of its own municipality, while
 * it holds a grant in force for a stickprov that contains the youth. Nothing else, on no other ground.
 */
function decideReview(actor: PolicyActor, youth: NonNullable<PolicyYouth>, section: YouthSection, action: AccessAction, today: string): Decision {
  if (action !== "read" || !(REVIEW_SECTIONS as readonly YouthSection[]).includes(section)) return { allowed: false, reason: "role" };
  // The auditor sees no more than the register keeper it audits: a youth who moved away is out of reach for both.
  if (actor.organisationKind !== "kaa_unit" || actor.municipalityId === null || actor.municipalityId !== youth.homeMunicipalityId) {
    return { allowed: false, reason: "no_review_grant" };
  }
  const grant = (youth.reviewGrants ?? []).find((g) => reviewGrantInForce(g, today));
  return grant ? { allowed: true, basis: "review", basisRef: String(grant.sampleId) } : { allowed: false, reason: "no_review_grant" };
}

/**
 * `today` is the Stockholm date the decision is made on; consents are judged on it, so a withdrawal
 * or an expiry takes effect on the very next request.
 */
export function decide(actor: PolicyActor, youth: PolicyYouth, section: YouthSection, action: AccessAction, today: string = todayIso()): Decision {
  if (!youth) return { allowed: false, reason: "not_found" };
  if (actor.role === "auditor") return decideReview(actor, youth, section, action, today);

  // The KAA unit of the home municipality keeps the register (Skollagen 29 kap. 9 §).
  const isRegisterKeeper =
    KAA_ROLES.includes(actor.role) &&
    actor.organisationKind === "kaa_unit" &&
    actor.municipalityId !== null &&
    actor.municipalityId === youth.homeMunicipalityId;

  if (!isRegisterKeeper) {
    // Samtycke (OSL 12 kap. 2 §): another organisation named in a consent in force may read exactly
    // the sections it names. Nobody outside the KAA unit ever writes the youth file.
    if (actor.role !== "system_admin" && actor.organisationId != null && action === "read" && CONSENTABLE_SECTIONS.includes(section)) {
      const consent = coveringConsent(youth.consents ?? [], actor.organisationId, section, today);
      if (consent) return { allowed: true, basis: "consent", basisRef: String(consent.id) };
    }
    const otherMunicipalityKaa = KAA_ROLES.includes(actor.role) && actor.organisationKind === "kaa_unit";
    if (otherMunicipalityKaa) return { allowed: false, reason: "other_municipality" };
    const consentRecipientKind = actor.organisationKind === "social_services" || actor.organisationKind === "employment_service";
    return { allowed: false, reason: consentRecipientKind ? "no_consent" : "role" };
  }

  if (section === "protected_address" && youth.protectedIdentity && action === "read") {
    // Skyddad identitet: only the samordnare may see the address, and only when needed.
    return actor.role === "kaa_coordinator" ? { allowed: true, basis: "register_keeper" } : { allowed: false, reason: "protected_identity" };
  }
  return { allowed: true, basis: "register_keeper" };
}

/** May the actor open the register list at all (it is scoped to the actor's municipality)? */
export function mayUseRegister(actor: PolicyActor): boolean {
  return KAA_ROLES.includes(actor.role) && actor.organisationKind === "kaa_unit" && actor.municipalityId !== null;
}

/**
 * The target-group reconciliation (population extracts, proposals to register and end) is the
 * samordnare's: it reads everyone in the municipality's extract and changes the register in bulk.
 */
export function mayReconcile(actor: PolicyActor): boolean {
  return mayUseRegister(actor) && actor.role === "kaa_coordinator";
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
    // The school reads what it sent and may correct or withdraw it; whether the notice's state still
    // allows that (not yet received) is the notices module's rule, not access.
    return { allowed: true, basis: "notice_sender" };
  }
  return decide(actor, { homeMunicipalityId: notice.homeMunicipalityId, protectedIdentity: false }, "notices", action);
}

/** Schools file notices; nobody else does. */
export function mayFileNotices(actor: PolicyActor & { organisationId: number | null }): boolean {
  return actor.role === "school_staff" && actor.organisationKind === "school" && actor.organisationId !== null;
}

/**
 * School lists (issue 14): a school uploads its own; the KAA samordnare uploads on behalf of a school
 * of the municipality or for the municipality's own grundskolor. Caseworkers do not: the lists feed
 * the reconciliation the samordnare runs. The rows are seen only by the organisation a list belongs to.
 */
export function mayUploadSchoolLists(actor: PolicyActor): boolean {
  if (actor.organisationId == null) return false;
  return (actor.role === "school_staff" && actor.organisationKind === "school") || (actor.role === "kaa_coordinator" && actor.organisationKind === "kaa_unit");
}

/* ------------------------------------------------------------------ referrals and reports of concern */

/** What the policy needs to know of a referral; null when there is no such referral. */
export type PolicyReferral = { id: number; recipientOrganisationId: number; homeMunicipalityId: number; status: ReferralStatus; consent: PolicyConsent } | null;

/**
 * A referral is seen and worked by the KAA unit that keeps the youth's register (it sent it) and by
 * the organisation it was sent to, as long as the consent it rests on is in force for that
 * organisation. Withdrawn or expired, the recipient keeps only the bare fact that a referral existed.
 */
export function decideReferral(actor: PolicyActor, referral: PolicyReferral, action: AccessAction, today: string = todayIso()): Decision {
  if (!referral) return { allowed: false, reason: "not_found" };
  const asRegisterKeeper = decide(actor, { homeMunicipalityId: referral.homeMunicipalityId, protectedIdentity: false }, "referrals", action, today);
  if (asRegisterKeeper.allowed && asRegisterKeeper.basis === "register_keeper") return asRegisterKeeper;
  if (actor.role === "system_admin" || actor.organisationId == null || actor.organisationId !== referral.recipientOrganisationId) {
    return { allowed: false, reason: asRegisterKeeper.allowed ? "role" : asRegisterKeeper.reason };
  }
  // Revoked by the sender, the referral no longer carries anything to the recipient.
  if (referral.status === "revoked") return { allowed: false, reason: "referral_revoked" };
  const consent = referral.consent;
  if (!consentInForce(consent, today) || !consent.recipientOrganisationIds.includes(referral.recipientOrganisationId)) {
    return { allowed: false, reason: "no_consent" };
  }
  return { allowed: true, basis: "referral", basisRef: String(referral.id) };
}

/** Is the actor the recipient of the referral, whatever the state of its consent? (Shows the bare inbox row.) */
export function isReferralRecipient(actor: PolicyActor, referral: { recipientOrganisationId: number }) {
  return actor.role !== "system_admin" && actor.organisationId != null && actor.organisationId === referral.recipientOrganisationId;
}

/** KAA staff and school staff may file a report of concern (SoL 14 kap. 1 §); it needs no consent. */
export function mayReportConcern(actor: PolicyActor) {
  return (KAA_ROLES.includes(actor.role) && actor.organisationKind === "kaa_unit") || (actor.role === "school_staff" && actor.organisationKind === "school");
}

export type PolicyConcernReport = { id: number; recipientOrganisationId: number; reporterOrganisationId: number } | null;

/** A report of concern is seen by the social services it was sent to and by the organisation that sent it. */
export function decideConcernReport(actor: PolicyActor, report: PolicyConcernReport, action: AccessAction): Decision {
  if (!report) return { allowed: false, reason: "not_found" };
  if (actor.role === "system_admin" || actor.organisationId == null) return { allowed: false, reason: "role" };
  if (actor.organisationId === report.recipientOrganisationId && actor.organisationKind === "social_services") {
    return { allowed: true, basis: "concern_report", basisRef: String(report.id) };
  }
  // The reporter may read what it sent, never change it: whoever may report for that organisation (not a
  // granskare, whose membership sits in the KAA unit that sent it).
  if (actor.organisationId === report.reporterOrganisationId && action === "read" && mayReportConcern(actor))
    return { allowed: true, basis: "concern_report", basisRef: String(report.id) };
  return { allowed: false, reason: "role" };
}
