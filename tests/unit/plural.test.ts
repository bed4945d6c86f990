import { describe, expect, it } from "vitest";
import { plural, pluralForm } from "~/lib/plural";
import { countText } from "~/lib/counting";

describe("plural", () => {
  it("takes the singular for exactly one and the plural for every other number", () => {
    expect(plural(1, "rad", "rader")).toBe("1 rad");
    expect(plural(2, "rad", "rader")).toBe("2 rader");
    expect(plural(0, "remiss", "remisser")).toBe("0 remisser");
    expect(plural(21, "ungdom", "ungdomar")).toBe("21 ungdomar");
    expect(plural(1.5, "dag", "dagar")).toBe("1,5 dagar");
  });

  it("groups thousands the Swedish way", () => {
    expect(plural(10_000, "loggpost", "loggposter")).toBe("10\u00a0000 loggposter");
  });

  it("chooses between whole phrases", () => {
    expect(pluralForm(1, "den giltiga raden", "de 3 giltiga raderna")).toBe("den giltiga raden");
    expect(pluralForm(3, "den giltiga raden", "de 3 giltiga raderna")).toBe("de 3 giltiga raderna");
  });

  it("counts capped totals with the right form", () => {
    expect(countText(1, false, "remiss", "remisser")).toBe("1 remiss");
    expect(countText(7, false, "remiss", "remisser")).toBe("7 remisser");
    expect(countText(10_000, true, "remiss", "remisser")).toBe("Fler än 10\u00a0000 remisser");
  });
});
