/**
 * Referrals (remisser) from the KAA unit to socialtjänsten, Arbetsförmedlingen or another
 * organisation. A referral rests on a consent that names the recipient and every shared section;
 * the recipient sees it, and the youth's consented sections, only while that consent is in force.
 * Every showing is logged with the referral or consent it relied on.
 */
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { memberships, organisations, referralFeedback, referrals, referralSections, youths } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { PARTNER_KINDS } from "~/modules/organizations/partners.server";
import type { ReferralInput } from "~/modules/referrals/referral-schemas";
import { namesOf, recipientStaff } from "~/modules/referrals/referral-people.server";
import { tellReferralSent } from "~/modules/referrals/referral-notices.server";
import { coveringConsentFor } from "~/modules/consent/consents.server";
import { CONSENT_SECTION_SHORT } from "~/modules/consent/labels";
import type { OpenedFile, YouthFile } from "~/modules/access/gate.server";
import { decideReferrals, referralConsent } from "~/modules/access/records.server";
import { isReferralRecipient } from "~/modules/access/policy";
import { displayPersonalNumber } from "~/modules/youth/personal-number";

type Result = { ok: true; id: number } | { ok: false; errors: FieldErrors };
type ReferralRow = typeof referrals.$inferSelect;

/* ------------------------------------------------------------------ sending */

export function sendReferral(file: YouthFile<never, "referrals">, input: ReferralInput): Result {
  const { actor } = file;
  const db = getDb();
  const recipient = db.select().from(organisations).where(eq(organisations.id, input.recipientOrganisationId)).get();
  if (!recipient || !PARTNER_KINDS.includes(recipient.kind)) return { ok: false, errors: { recipientOrganisationId: "Välj mottagare ur listan." } };
  const sections = [...new Set(input.sections)];
  // The referral shares exactly what one consent in force allows this recipient to read.
  const consent = coveringConsentFor(file, recipient.id, sections);
  if (!consent) {
    return {
      ok: false,
      errors: {
        sections: `Det finns inget gällande samtycke som omfattar ${recipient.name} och alla valda delar (${sections.map((s) => CONSENT_SECTION_SHORT[s]).join(", ")}). Registrera samtycket först, eller dela färre delar.`,
      },
    };
  }
  const id = db.transaction((tx) => {
    const row = tx
      .insert(referrals)
      .values({
        youthId: file.id,
        municipalityId: file.municipalityId,
        consentId: consent.id,
        senderOrganisationId: actor.organisationId!,
        senderMembershipId: actor.membershipId,
        recipientOrganisationId: recipient.id,
        question: input.question,
        requestedIntervention: input.requestedIntervention,
      })
      .returning()
      .get();
    tx.insert(referralSections)
      .values(sections.map((section) => ({ referralId: row.id, section })))
      .run();
    tellReferralSent(tx, row, actor);
    return row.id;
  });
  return { ok: true, id };
}

/* ------------------------------------------------------------------ the referral as each side sees it */

/**
 * The referral row with the kernel's decision on it (logged whether allowed or not); a referral that
 * does not exist is a 404 without a log row.
 */
export function gateReferral(actor: Actor, referralId: number, action: "read" | "write") {
  const row = Number.isSafeInteger(referralId) ? getDb().select().from(referrals).where(eq(referrals.id, referralId)).get() : undefined;
  if (!row) throw notFound();
  const decision = decideReferrals(actor, [row], action, action, "all").get(row.id)!;
  return { row, decision };
}

export type ReferralView = ReturnType<typeof referralDetails>;

function referralDetails(row: ReferralRow) {
  const db = getDb();
  const orgs = new Map(
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, [row.senderOrganisationId, row.recipientOrganisationId]))
      .all()
      .map((o) => [o.id, o.name]),
  );
  const feedback = db.select().from(referralFeedback).where(eq(referralFeedback.referralId, row.id)).orderBy(referralFeedback.createdAt).all();
  const people = namesOf([
    row.senderMembershipId,
    row.responsibleMembershipId,
    row.decidedByMembershipId,
    row.revokedByMembershipId,
    ...feedback.map((f) => f.authorMembershipId),
  ]);
  return {
    id: row.id,
    youthId: row.youthId,
    status: row.status,
    consentId: row.consentId,
    question: row.question,
    requestedIntervention: row.requestedIntervention,
    sections: db
      .select()
      .from(referralSections)
      .where(eq(referralSections.referralId, row.id))
      .all()
      .map((s) => s.section),
    senderName: orgs.get(row.senderOrganisationId) ?? "",
    senderPerson: people.get(row.senderMembershipId) ?? "",
    recipientOrganisationId: row.recipientOrganisationId,
    recipientName: orgs.get(row.recipientOrganisationId) ?? "",
    sentAt: row.sentAt,
    receivedAt: row.receivedAt,
    decidedAt: row.decidedAt,
    decidedBy: row.decidedByMembershipId ? (people.get(row.decidedByMembershipId) ?? null) : null,
    responsible: row.responsibleMembershipId ? (people.get(row.responsibleMembershipId) ?? null) : null,
    acceptedIntervention: row.acceptedIntervention,
    acceptedStartDate: row.acceptedStartDate,
    acceptedEndDate: row.acceptedEndDate,
    declineReason: row.declineReason,
    closedAt: row.closedAt,
    outcome: row.outcome,
    revokedAt: row.revokedAt,
    revokeReason: row.revokeReason,
    feedback: feedback.map((f) => ({ id: f.id, text: f.text, at: f.createdAt, author: people.get(f.authorMembershipId) ?? "" })),
  };
}

/**
 * One referral. The sender (the KAA unit) sees it all; the recipient sees it while the consent is in
 * force, and only that it is no longer available once it is withdrawn or has expired. Opening a
 * newly sent referral marks it received.
 */
export function readReferral(actor: Actor, referralId: number) {
  const { row, decision } = gateReferral(actor, referralId, "read");
  const side = decision.allowed && decision.basis === "register_keeper" ? ("sender" as const) : ("recipient" as const);
  if (!decision.allowed) {
    if (!isReferralRecipient(actor, row)) throw notFound();
    // The recipient keeps the bare fact of its own referral, when it was revoked, and the återkoppling
    // it wrote itself (its own record); nothing about the youth, nor the sender's reason (ADR 0023).
    return {
      side,
      available: false as const,
      id: row.id,
      status: row.status,
      sentAt: row.sentAt,
      revokedAt: row.status === "revoked" ? row.revokedAt : null,
      ownFeedback: feedbackWrittenBy(row.id, row.recipientOrganisationId),
    };
  }
  if (side === "recipient" && row.status === "sent") {
    getDb()
      .update(referrals)
      .set({ status: "received", receivedAt: new Date().toISOString(), receivedByMembershipId: actor.membershipId })
      .where(and(eq(referrals.id, row.id), eq(referrals.status, "sent")))
      .run();
    row.status = "received";
    row.receivedAt = new Date().toISOString();
  }
  const youth = getDb()
    .select({ firstName: youths.firstName, lastName: youths.lastName, personalNumber: youths.personalNumber, birthDate: youths.birthDate })
    .from(youths)
    .where(eq(youths.id, row.youthId))
    .get()!;
  const consent = referralConsent(row)!;
  return {
    side,
    available: true as const,
    referral: referralDetails(row),
    youth: { name: `${youth.firstName} ${youth.lastName}`, personalNumber: displayPersonalNumber(youth.personalNumber) },
    consent: { id: consent.id, validUntil: consent.validUntil },
    staff: side === "recipient" ? recipientStaff(row.recipientOrganisationId) : [],
  };
}

/** The återkoppling on a referral written by members of one organisation, oldest first. */
function feedbackWrittenBy(referralId: number, organisationId: number) {
  const rows = getDb()
    .select({ id: referralFeedback.id, text: referralFeedback.text, at: referralFeedback.createdAt, authorMembershipId: referralFeedback.authorMembershipId })
    .from(referralFeedback)
    .innerJoin(memberships, eq(memberships.id, referralFeedback.authorMembershipId))
    .where(and(eq(referralFeedback.referralId, referralId), eq(memberships.organisationId, organisationId)))
    .orderBy(referralFeedback.createdAt, referralFeedback.id)
    .all();
  const people = namesOf(rows.map((r) => r.authorMembershipId));
  return rows.map(({ authorMembershipId, ...f }) => ({ ...f, author: people.get(authorMembershipId) ?? "" }));
}

/* ------------------------------------------------------------------ lists */

/** The referrals of one youth, with the recipients' återkoppling: the sending KAA unit's view (opened registerKeeperOnly). */
export function referralsOfYouth(file: OpenedFile<"referrals">) {
  const rows = getDb().select().from(referrals).where(eq(referrals.youthId, file.id)).orderBy(desc(referrals.sentAt), desc(referrals.id)).all();
  return rows.map(referralDetails);
}

/** New referrals waiting for the recipient organisation (for its start page): a count, identifying no one. */
export function newReferralCount(actor: Actor) {
  if (actor.organisationId === null) return 0;
  return (
    getDb()
      .select({ n: count() })
      .from(referrals)
      .where(and(eq(referrals.recipientOrganisationId, actor.organisationId), eq(referrals.status, "sent")))
      .get()?.n ?? 0
  );
}
