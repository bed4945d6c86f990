/**
 * The life of a referral (remiss), after Primero's referral workflow:
 *   sent → received (the recipient opened it) → accepted (with a responsible handläggare) or
 *   declined (reason) → closed (outcome). The sender may revoke it while it is not finished.
 * Pure, so every route and test asks the same question.
 */
import type { ReferralStatus } from "#db/schema/consent-values";

export type ReferralStep = "receive" | "accept" | "decline" | "close" | "revoke" | "feedback";

const ALLOWED: Record<ReferralStep, readonly ReferralStatus[]> = {
  receive: ["sent"],
  accept: ["sent", "received"],
  decline: ["sent", "received"],
  close: ["accepted"],
  revoke: ["sent", "received", "accepted"],
  feedback: ["received", "accepted", "closed"],
};

export function mayTakeStep(status: ReferralStatus, step: ReferralStep) {
  return ALLOWED[step].includes(status);
}

/** The steps open to each side in a status: the recipient works the referral, the sender may revoke it. */
export function stepsFor(status: ReferralStatus, side: "sender" | "recipient"): ReferralStep[] {
  const steps: ReferralStep[] = side === "recipient" ? ["accept", "decline", "close", "feedback"] : ["revoke", "feedback"];
  return steps.filter((step) => mayTakeStep(status, step));
}

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  sent: "Skickad",
  received: "Mottagen",
  accepted: "Accepterad",
  declined: "Avböjd",
  closed: "Avslutad",
  revoked: "Återkallad",
};

/** The inbox tabs of a recipient. */
export const INBOX_TABS = {
  nya: ["sent", "received"],
  accepterade: ["accepted"],
  avslutade: ["declined", "closed", "revoked"],
} as const satisfies Record<string, readonly ReferralStatus[]>;
export type InboxTab = keyof typeof INBOX_TABS;
