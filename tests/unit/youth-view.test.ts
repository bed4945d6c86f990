// What a youth sees of the plan on Mina sidor (app/modules/documentation/youth-view.ts): the staff's
// working notes never come through, declined interventions are left out, the next follow-up is the
// earliest open one of a running intervention.
import { describe, expect, it } from "vitest";
import {
  genitive,
  longDate,
  STAFF_ONLY_INTERVENTION_FIELDS,
  STAFF_ONLY_PLAN_FIELDS,
  youthPlanView,
  youthResponsibleText,
  type InterventionForView,
} from "~/modules/documentation/youth-view";

const TODAY = "2026-12-02";

const plan = {
  goal: "Börja på Komvux.",
  madeWithYouth: true,
  madeWithYouthDate: "2026-09-01",
  youthComment: "Jag vill börja snart.",
  // What the database row also has, and the view must not copy.
  noYouthInterventionsReason: "SECRET-PLAN-1",
  noMunicipalityInterventionsReason: "SECRET-PLAN-2",
  noOtherActorInterventionsReason: "SECRET-PLAN-3",
  updatedByMembershipId: 999_001,
};

function intervention(overrides: Partial<InterventionForView> & { id: number }): InterventionForView & Record<string, unknown> {
  return {
    typeName: "Praktik",
    description: "Två dagar i veckan",
    responsibleParty: "municipality",
    responsibleUnit: "Arbetsmarknadsenheten",
    responsibleOrganisation: null,
    provider: "ICA",
    startDate: "2026-11-01",
    plannedEndDate: "2027-01-31",
    declinedDate: null,
    endDate: null,
    evaluationOutcome: null,
    evaluationText: null,
    declinedNote: "SECRET-DECLINED",
    occupationAfter: "studies",
    referralId: 999_002,
    createdByMembershipId: 999_003,
    updatedByMembershipId: 999_004,
    followUps: [],
    ...overrides,
  };
}

describe("youthPlanView", () => {
  it("shows the goal and the interventions and copies none of the staff-only fields", () => {
    const view = youthPlanView(
      plan,
      [
        intervention({
          id: 1,
          typeName: "Studie- och yrkesvägledning",
          startDate: "2026-09-10",
          plannedEndDate: "2026-11-10",
          endDate: "2026-11-10",
          evaluationOutcome: "partly",
          evaluationText: "Vi kom en bit på vägen.",
          followUps: [{ dueDate: "2026-10-10", doneDate: "2026-10-10", note: "SECRET-NOTE", doneByMembershipId: 999_005 } as never],
        }),
        intervention({
          id: 2,
          followUps: [
            { dueDate: "2027-01-05", doneDate: null },
            { dueDate: "2026-12-15", doneDate: null },
          ],
        }),
        intervention({ id: 3, declinedDate: "2026-10-01" }),
        intervention({ id: 4, startDate: "2027-02-01", plannedEndDate: "2027-03-01", responsibleParty: "youth" }),
      ],
      TODAY,
    )!;
    expect(view.goal).toBe("Börja på Komvux.");
    expect(view.madeTogetherOn).toBe("2026-09-01");
    expect(view.interventions.map((i) => [i.id, i.state, i.stateLabel])).toEqual([
      [1, "ended", "Avslutad"],
      [2, "running", "Pågår"],
      [4, "planned", "Börjar snart"],
    ]);
    expect(view.interventions[0]!.evaluation).toEqual({ outcome: "Målet delvis uppnått", text: "Vi kom en bit på vägen." });
    expect(view.interventions[1]!.evaluation).toBeNull();
    expect(view.interventions[2]!.who).toBe("Du själv");
    expect(view.nextFollowUp).toBe("2026-12-15");
    const shown = JSON.stringify(view);
    expect(shown).not.toMatch(/SECRET|99900\d/);
    for (const field of [...STAFF_ONLY_PLAN_FIELDS, ...STAFF_ONLY_INTERVENTION_FIELDS]) expect(shown).not.toContain(`"${field.split(".").pop()}"`);
  });

  it("gives a guardian the same plan without what the youth said about it", () => {
    expect(youthPlanView(plan, [], TODAY)!.youthComment).toBe("Jag vill börja snart.");
    const guardian = youthPlanView(plan, [], TODAY, "guardian");
    expect(guardian!.goal).toBe(plan.goal);
    expect(JSON.stringify(guardian)).not.toContain("Jag vill börja snart.");
  });

  it("is null without a plan", () => {
    expect(youthPlanView(null, [intervention({ id: 1 })], TODAY)).toBeNull();
  });
});

describe("words for the youth", () => {
  it("names who is responsible as the youth would say it", () => {
    expect(youthResponsibleText({ responsibleParty: "youth", responsibleUnit: null, responsibleOrganisation: null })).toBe("Du själv");
    expect(youthResponsibleText({ responsibleParty: "municipality", responsibleUnit: "KAA-enheten", responsibleOrganisation: null })).toBe(
      "Kommunen (KAA-enheten)",
    );
    expect(youthResponsibleText({ responsibleParty: "other_actor", responsibleUnit: null, responsibleOrganisation: "Arbetsförmedlingen Nässjö" })).toBe(
      "Arbetsförmedlingen Nässjö",
    );
  });

  it("writes dates and names in running text", () => {
    expect(longDate("2027-01-15")).toBe("15 januari 2027");
    expect(genitive("Noah")).toBe("Noahs");
    expect(genitive("Lars")).toBe("Lars");
  });
});
