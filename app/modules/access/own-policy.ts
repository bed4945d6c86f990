/**
 * Mina sidor's rule, pure like decide(): what a youth may do with their own file, and what a guardian may
 * see of their child's. The gate (own-file.server.ts) asks it; the youth's relation to the file comes from
 * the session, decided at sign-in from the verified personnummer and the population register.
 */
import { todayIso } from "~/lib/dates";
import { ageOn } from "~/modules/youth/personal-number";
import type { AccessAction, Decision, YouthSection } from "./policy";

export type OwnRelation = "self" | "guardian";

/** What the rule needs to know of the youth; null when no such youth exists. */
export type PolicyOwnYouth = {
  birthDate: string;
  protectedIdentity: boolean;
  /** A caseworker recorded that the youth (16 or 17) is mature enough to decide alone: guardians' access ends. */
  decidesAlone: boolean;
} | null;

/**
 * What a guardian sees: who the youth is, that KAA works with them, their plan and their consents. Not
 * the kartläggning, contacts, referrals, reports of concern or the youth's own words (those are the
 * youth's to share), and never a protected address.
 */
export const GUARDIAN_SECTIONS = ["identity", "enrollment", "plan", "consents"] as const satisfies readonly YouthSection[];

/** What the youth may write: their own evaluation of the plan, and their consents (withdraw, accept). */
export const SUBJECT_WRITABLE_SECTIONS = ["plan", "consents"] as const satisfies readonly YouthSection[];

export function decideOwn(relation: OwnRelation, youth: PolicyOwnYouth, section: YouthSection, action: AccessAction, today: string = todayIso()): Decision {
  if (!youth) return { allowed: false, reason: "not_found" };
  if (relation === "self") {
    if (action === "write" && !(SUBJECT_WRITABLE_SECTIONS as readonly YouthSection[]).includes(section)) return { allowed: false, reason: "role" };
    return { allowed: true, basis: "data_subject" };
  }
  // Vårdnadshavare: only while the youth is under 18 and has not been found to decide alone. Never for a
  // youth with skyddad identitet, where the threat may be a parent.
  if (youth.protectedIdentity) return { allowed: false, reason: "protected_identity" };
  if (ageOn(youth.birthDate, today) >= 18 || youth.decidesAlone) return { allowed: false, reason: "guardian_ended" };
  if (action !== "read" || !(GUARDIAN_SECTIONS as readonly YouthSection[]).includes(section)) return { allowed: false, reason: "role" };
  return { allowed: true, basis: "guardian" };
}
