import { describe, expect, it } from "vitest";
import { outcomeLabel } from "~/modules/outreach/labels";

describe("the outcome of a contact attempt as the log shows it", () => {
  it("calls a sent letter sent, not a message left", () => {
    expect(outcomeLabel({ channel: "letter", outcome: "message_left" })).toBe("Skickat, inget svar ännu");
    expect(outcomeLabel({ channel: "knock_card", outcome: "message_left" })).toBe("Lämnat, inget svar ännu");
    expect(outcomeLabel({ channel: "phone", outcome: "message_left" })).toBe("Lämnade meddelande");
    expect(outcomeLabel({ channel: "letter", outcome: "reached" })).toBe("Fick kontakt");
  });

  it("names a letter printed from the portal's templates, and a knock card, by what was left", () => {
    expect(outcomeLabel({ channel: "letter", outcome: "message_left", letterTemplate: "first_letter" })).toBe("Brev skickat");
    expect(outcomeLabel({ channel: "knock_card", outcome: "message_left", letterTemplate: "knock_card" })).toBe("Knackkort lämnat");
  });
});
