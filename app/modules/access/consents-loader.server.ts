/**
 * The consents of youths as the policy needs them. Part of the kernel: only the gate and the record
 * decisions read them, so a consent can open nothing that the gate did not decide.
 */
import { eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { consentRecipients, consents, consentSections } from "#db/schema";
import type { PolicyConsent } from "./policy";

/** Every consent of the given youths, withdrawn and expired included: decide() judges them on today's date. */
export function consentsOfYouths(youthIds: readonly string[]): Map<string, PolicyConsent[]> {
  const out = new Map<string, PolicyConsent[]>(youthIds.map((id) => [id, []]));
  if (youthIds.length === 0) return out;
  const db = getDb();
  const rows = db
    .select({
      id: consents.id,
      youthId: consents.youthId,
      validFrom: consents.validFrom,
      validUntil: consents.validUntil,
      withdrawnDate: consents.withdrawnDate,
    })
    .from(consents)
    .where(youthIds.length === 1 ? eq(consents.youthId, youthIds[0]!) : inArray(consents.youthId, [...youthIds]))
    .all();
  if (rows.length === 0) return out;
  const ids = rows.map((r) => r.id);
  const recipients = db.select().from(consentRecipients).where(inArray(consentRecipients.consentId, ids)).all();
  const sections = db.select().from(consentSections).where(inArray(consentSections.consentId, ids)).all();
  for (const { youthId, ...consent } of rows) {
    out.get(youthId)!.push({
      ...consent,
      recipientOrganisationIds: recipients.filter((x) => x.consentId === consent.id).map((x) => x.organisationId),
      sections: sections.filter((x) => x.consentId === consent.id).map((x) => x.section),
    });
  }
  return out;
}
