// The sekretess rule for case items: a youth may be named on an agenda only if a consent in force
// covers every participating organisation (other than the youth's home KAA unit) for every section.
import { describe, expect, it } from "vitest";
import type { PolicyConsent } from "~/modules/access/policy";
import { makePersonalNumber } from "~/modules/youth/personal-number";
import { caseItemCoverage, looksIdentifying, parseCaseSections, storeCaseSections, type CaseItemCoverageInput } from "~/modules/meetings/case-item-consent";

const KAA = 10;
const SOCIAL = 20;
const EMPLOYMENT = 30;
const SCHOOL = 40;
const TODAY = "2026-11-30";

const consent = (id: number, recipients: number[], sections: PolicyConsent["sections"], overrides: Partial<PolicyConsent> = {}): PolicyConsent => ({
  id,
  recipientOrganisationIds: recipients,
  sections,
  validFrom: "2026-01-01",
  validUntil: "2027-06-30",
  withdrawnDate: null,
  ...overrides,
});

const input = (overrides: Partial<CaseItemCoverageInput>): CaseItemCoverageInput => ({
  sections: ["identity", "plan"],
  participatingOrganisationIds: [KAA, SOCIAL, EMPLOYMENT],
  unaffiliatedGuests: [],
  homeKaaOrganisationId: KAA,
  consents: [],
  today: TODAY,
  ...overrides,
});

describe("the consent check for case items", () => {
  it("allows the link when one consent names every other organisation for every section", () => {
    const result = caseItemCoverage(input({ consents: [consent(1, [SOCIAL, EMPLOYMENT], ["identity", "plan"])] }));
    expect(result).toEqual({ covered: true, consentIds: [1] });
  });

  it("allows the link when different consents cover different organisations", () => {
    const result = caseItemCoverage(
      input({ consents: [consent(1, [SOCIAL], ["identity", "plan"]), consent(2, [EMPLOYMENT], ["identity", "plan", "contacts"])] }),
    );
    expect(result).toEqual({ covered: true, consentIds: [1, 2] });
  });

  it("needs no consent for the youth's home KAA unit: a meeting of the KAA unit alone is covered", () => {
    expect(caseItemCoverage(input({ participatingOrganisationIds: [KAA] }))).toEqual({ covered: true, consentIds: [] });
  });

  it("refuses when one participating organisation is not named, and says which", () => {
    const result = caseItemCoverage(input({ consents: [consent(1, [SOCIAL], ["identity", "plan"])] }));
    expect(result).toEqual({ covered: false, missing: [{ organisationId: EMPLOYMENT, sections: ["identity", "plan"] }], unaffiliatedGuests: [] });
  });

  it("refuses when a consent names the organisation but not every section the item shows", () => {
    const result = caseItemCoverage(input({ consents: [consent(1, [SOCIAL, EMPLOYMENT], ["identity"])] }));
    expect(result).toEqual({
      covered: false,
      missing: [
        { organisationId: SOCIAL, sections: ["plan"] },
        { organisationId: EMPLOYMENT, sections: ["plan"] },
      ],
      unaffiliatedGuests: [],
    });
  });

  it("allows an item showing only the sections the consent names", () => {
    expect(caseItemCoverage(input({ sections: ["identity"], consents: [consent(1, [SOCIAL, EMPLOYMENT], ["identity"])] })).covered).toBe(true);
  });

  it.each([
    ["withdrawn", { withdrawnDate: "2026-11-29" }],
    ["withdrawn with a future date (a withdrawal takes effect at once)", { withdrawnDate: "2026-12-31" }],
    ["expired", { validUntil: "2026-11-29" }],
    ["not yet in force", { validFrom: "2026-12-01" }],
  ])("does not count a consent that is %s", (_label, overrides) => {
    const result = caseItemCoverage(input({ consents: [consent(1, [SOCIAL, EMPLOYMENT], ["identity", "plan"], overrides)] }));
    expect(result.covered).toBe(false);
  });

  it("counts a consent on its first and last day", () => {
    expect(caseItemCoverage(input({ consents: [consent(1, [SOCIAL, EMPLOYMENT], ["identity", "plan"], { validFrom: TODAY })] })).covered).toBe(true);
    expect(caseItemCoverage(input({ consents: [consent(1, [SOCIAL, EMPLOYMENT], ["identity", "plan"], { validUntil: TODAY })] })).covered).toBe(true);
  });

  it("covers a guest from an organisation in the portal like any participant", () => {
    const result = caseItemCoverage(
      input({ participatingOrganisationIds: [KAA, SOCIAL, EMPLOYMENT, SCHOOL], consents: [consent(1, [SOCIAL, EMPLOYMENT], ["identity", "plan"])] }),
    );
    expect(result).toEqual({ covered: false, missing: [{ organisationId: SCHOOL, sections: ["identity", "plan"] }], unaffiliatedGuests: [] });
  });

  it("refuses whenever a guest from outside the portal takes part: no consent can name them", () => {
    const result = caseItemCoverage(input({ unaffiliatedGuests: ["Eva Ek"], consents: [consent(1, [SOCIAL, EMPLOYMENT], ["identity", "plan"])] }));
    expect(result).toEqual({ covered: false, missing: [], unaffiliatedGuests: ["Eva Ek"] });
  });

  it("treats the KAA unit of another municipality as any other organisation", () => {
    const result = caseItemCoverage(input({ homeKaaOrganisationId: 99, participatingOrganisationIds: [KAA] }));
    expect(result.covered).toBe(false);
  });

  it("counts each participating organisation once", () => {
    const result = caseItemCoverage(input({ participatingOrganisationIds: [SOCIAL, SOCIAL, KAA] }));
    expect(result).toEqual({ covered: false, missing: [{ organisationId: SOCIAL, sections: ["identity", "plan"] }], unaffiliatedGuests: [] });
  });
});

describe("case item helpers", () => {
  it("stores sections in one order and reads back only known ones", () => {
    expect(storeCaseSections(["plan", "identity"])).toBe("identity,plan");
    expect(parseCaseSections("identity,plan,contacts")).toEqual(["identity", "plan"]);
    expect(parseCaseSections(null)).toEqual([]);
  });

  const pnr = makePersonalNumber("2008-03-15", 123);
  it.each([
    [`ärende om ${pnr}`, true],
    [`ärende om ${pnr.slice(0, 8)}-${pnr.slice(8)}`, true],
    [`ärende om ${pnr.slice(2, 8)}-${pnr.slice(8)}`, true],
    [`ärende om ${pnr.slice(2, 8)}${pnr.slice(8)}`, true],
    ["Samordnad planering inför hösten", false],
    ["Nästa möte 2026-12-14 kl. 13", false],
    ["Ring 0380518000 eller 070-123 45 67", false],
    [`nästan ett nummer: ${pnr.slice(0, 11)}${(Number(pnr[11]) + 1) % 10}`, false],
  ])("flags identifiers in free text: %s → %s", (text, expected) => {
    expect(looksIdentifying(text)).toBe(expected);
  });
});
