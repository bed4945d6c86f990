/**
 * Working a referral: the recipient accepts, declines or closes it, the sender may revoke it, and
 * either side writes återkoppling. Each step is checked against the referral's state and the
 * actor's side, and tells the other side in the same transaction (referral-notices.server.ts).
 */
import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { referralFeedback, referrals, type ReferralStatus } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { forbidden, notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import type { ReferralAcceptInput } from "~/modules/referrals/referral-schemas";
import { mayTakeStep, type ReferralStep } from "~/modules/referrals/referral-states";
import { recipientStaff } from "~/modules/referrals/referral-people.server";
import { tellReferralDecided, tellReferralFeedback, tellReferralRevoked } from "~/modules/referrals/referral-notices.server";
import { gateReferral } from "~/modules/referrals/referrals.server";

type Result = { ok: true; id: number } | { ok: false; errors: FieldErrors };
type ReferralRow = typeof referrals.$inferSelect;

function takeStep(
  actor: Actor,
  referralId: number,
  step: ReferralStep,
  side: "sender" | "recipient",
  set: Partial<typeof referrals.$inferInsert>,
  tell: (tx: Tx, row: ReferralRow) => void,
): Result {
  const { row, decision } = gateReferral(actor, referralId, "write");
  if (!decision.allowed) throw notFound();
  const actorSide = decision.basis === "register_keeper" ? "sender" : "recipient";
  if (actorSide !== side) throw forbidden("Det steget tas av den andra parten i remissen.");
  if (!mayTakeStep(row.status, step)) return { ok: false, errors: { form: `Remissen är ${STATUS_WORDS[row.status]} och kan inte ändras så.` } };
  const changed = getDb().transaction((tx) => {
    const n = tx
      .update(referrals)
      .set(set)
      .where(and(eq(referrals.id, row.id), eq(referrals.status, row.status)))
      .run().changes;
    // The other side is told in the same transaction, so a notice never exists without its step.
    if (n > 0) tell(tx, { ...row, ...set } as ReferralRow);
    return n;
  });
  // Someone else changed the referral between the read and the write.
  if (changed === 0) return { ok: false, errors: { form: "Remissen ändrades just av någon annan. Ladda om sidan och försök igen." } };
  return { ok: true, id: row.id };
}

const STATUS_WORDS: Record<ReferralStatus, string> = {
  sent: "skickad",
  received: "mottagen",
  accepted: "accepterad",
  declined: "avböjd",
  closed: "avslutad",
  revoked: "återkallad",
};

export function acceptReferral(actor: Actor, referralId: number, input: ReferralAcceptInput): Result {
  const staff = recipientStaff(actor.organisationId ?? -1);
  if (!staff.some((s) => s.membershipId === input.responsibleMembershipId)) {
    return { ok: false, errors: { responsibleMembershipId: "Välj en handläggare i er organisation." } };
  }
  const now = new Date().toISOString();
  return takeStep(
    actor,
    referralId,
    "accept",
    "recipient",
    {
      status: "accepted",
      decidedAt: now,
      decidedByMembershipId: actor.membershipId,
      responsibleMembershipId: input.responsibleMembershipId,
      acceptedIntervention: input.acceptedIntervention,
      acceptedStartDate: input.acceptedStartDate ?? null,
      acceptedEndDate: input.acceptedEndDate ?? null,
    },
    (tx, row) => tellReferralDecided(tx, row, "accepted", actor),
  );
}

export function declineReferral(actor: Actor, referralId: number, declineReason: string): Result {
  return takeStep(
    actor,
    referralId,
    "decline",
    "recipient",
    {
      status: "declined",
      decidedAt: new Date().toISOString(),
      decidedByMembershipId: actor.membershipId,
      declineReason,
    },
    (tx, row) => tellReferralDecided(tx, row, "declined", actor),
  );
}

export function closeReferral(actor: Actor, referralId: number, outcome: string): Result {
  return takeStep(
    actor,
    referralId,
    "close",
    "recipient",
    {
      status: "closed",
      closedAt: new Date().toISOString(),
      closedByMembershipId: actor.membershipId,
      outcome,
    },
    (tx, row) => tellReferralDecided(tx, row, "closed", actor),
  );
}

export function revokeReferral(actor: Actor, referralId: number, revokeReason: string): Result {
  return takeStep(
    actor,
    referralId,
    "revoke",
    "sender",
    {
      status: "revoked",
      revokedAt: new Date().toISOString(),
      revokedByMembershipId: actor.membershipId,
      revokeReason,
    },
    (tx, row) => tellReferralRevoked(tx, row, actor),
  );
}

/** Återkoppling: either side writes, both read. */
export function addReferralFeedback(actor: Actor, referralId: number, text: string): Result {
  const { row, decision } = gateReferral(actor, referralId, "write");
  if (!decision.allowed) throw notFound();
  if (!mayTakeStep(row.status, "feedback")) return { ok: false, errors: { text: "Återkoppling ges på en mottagen, accepterad eller avslutad remiss." } };
  getDb().transaction((tx) => {
    tx.insert(referralFeedback).values({ referralId: row.id, authorMembershipId: actor.membershipId, text }).run();
    tellReferralFeedback(tx, row, decision.basis === "register_keeper" ? "sender" : "recipient", actor);
  });
  return { ok: true, id: row.id };
}
