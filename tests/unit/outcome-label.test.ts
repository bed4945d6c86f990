import { describe, expect, it } from "vitest";
import { outcomeLabel } from "~/modules/outreach/labels";

describe("the outcome of a contact attempt as the log shows it", () => {
  it("calls a sent letter sent, not a message left", () => {
    expect(outcomeLabel("letter", "message_left")).toBe("Skickat, inget svar ännu");
    expect(outcomeLabel("knock_card", "message_left")).toBe("Lämnat, inget svar ännu");
    expect(outcomeLabel("phone", "message_left")).toBe("Lämnade meddelande");
    expect(outcomeLabel("letter", "reached")).toBe("Fick kontakt");
  });
});
