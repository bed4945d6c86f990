import { describe, expect, it } from "vitest";
import { REFERRAL_STATUSES } from "#db/schema/consent-values";
import { mayTakeStep, stepsFor } from "~/modules/referrals/referral-states";

describe("the referral's states", () => {
  it("follows sent → received → accepted or declined → closed, with revoke by the sender until it is finished", () => {
    const table = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, { recipient: stepsFor(s, "recipient"), sender: stepsFor(s, "sender") }]));
    expect(table).toEqual({
      sent: { recipient: ["accept", "decline"], sender: ["revoke"] },
      received: { recipient: ["accept", "decline", "feedback"], sender: ["revoke", "feedback"] },
      accepted: { recipient: ["close", "feedback"], sender: ["revoke", "feedback"] },
      declined: { recipient: [], sender: [] },
      closed: { recipient: ["feedback"], sender: ["feedback"] },
      revoked: { recipient: [], sender: [] },
    });
  });

  it("is marked received only from sent", () => {
    expect(REFERRAL_STATUSES.filter((s) => mayTakeStep(s, "receive"))).toEqual(["sent"]);
  });
});
