/**
 * The one gate in front of a youth file: load the youth with what the policy needs (the consents),
 * ask decide(), log the answer, and turn "denied" and "missing" into the same 404.
 */
import { eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { consentRecipients, consents, consentSections, youths } from "#db/schema";
import { notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { writeAudit } from "./audit.server";
import { decide, type AccessAction, type Decision, type PolicyConsent, type YouthSection } from "./policy";

export type YouthRow = typeof youths.$inferSelect;
export type PolicyYouthRow = YouthRow & { consents: PolicyConsent[] };

/** Youth ids are 16 characters of base64url; anything else cannot be a youth and is not looked up. */
export const YOUTH_ID = /^[A-Za-z0-9_-]{16}$/;

/** Every consent of the youth, withdrawn and expired included: decide() judges them on today's date. */
export function policyConsentsOf(youthId: string): PolicyConsent[] {
  const db = getDb();
  const rows = db
    .select({ id: consents.id, validFrom: consents.validFrom, validUntil: consents.validUntil, withdrawnDate: consents.withdrawnDate })
    .from(consents)
    .where(eq(consents.youthId, youthId))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const recipients = db.select().from(consentRecipients).where(inArray(consentRecipients.consentId, ids)).all();
  const sections = db.select().from(consentSections).where(inArray(consentSections.consentId, ids)).all();
  return rows.map((r) => ({
    ...r,
    recipientOrganisationIds: recipients.filter((x) => x.consentId === r.id).map((x) => x.organisationId),
    sections: sections.filter((x) => x.consentId === r.id).map((x) => x.section),
  }));
}

export function loadPolicyYouth(youthId: string): PolicyYouthRow | null {
  if (!YOUTH_ID.test(youthId)) return null;
  const row = getDb().select().from(youths).where(eq(youths.id, youthId)).get();
  return row ? { ...row, consents: policyConsentsOf(youthId) } : null;
}

/**
 * `registerKeeperOnly`: the reader is the KAA unit's own (the youth page, the documentation, the
 * referrals it sent), so an access that would rest on consent is refused there; consent-based
 * reads go through the shared view and meeting case items only.
 */
export type GateOptions = { registerKeeperOnly?: boolean };

/** Decides and logs one access to one section; returns the youth and the decision. */
export function checkSection(
  actor: Actor,
  youthId: string,
  section: YouthSection,
  action: AccessAction,
  options: GateOptions = {},
): { row: PolicyYouthRow | null; decision: Decision } {
  const row = loadPolicyYouth(youthId);
  const asked = decide(actor, row, section, action);
  const decision: Decision = options.registerKeeperOnly && asked.allowed && asked.basis !== "register_keeper" ? { allowed: false, reason: "role" } : asked;
  writeAudit({ actor, youthId, youthMunicipalityId: row?.homeMunicipalityId ?? null, section, action, decision });
  return { row, decision };
}

/** Like checkSection, but a denied or missing youth is a 404. Malformed ids are a 404 without a log row. */
export function requireSection(actor: Actor, youthId: string, section: YouthSection, action: AccessAction, options: GateOptions = {}): PolicyYouthRow {
  if (!YOUTH_ID.test(youthId)) throw notFound();
  const { row, decision } = checkSection(actor, youthId, section, action, options);
  if (!row || !decision.allowed) throw notFound();
  return row;
}
