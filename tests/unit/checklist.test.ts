import { describe, expect, it } from "vitest";
import {
  computeChecklist,
  isMissing,
  missingMask,
  NOTHING_DOCUMENTED,
  overdueFrom,
  type ChecklistInput,
  type ChecklistIntervention,
  type ChecklistPoint,
} from "~/modules/documentation/checklist";

const TODAY = "2026-11-30";

let nextId = 1;
function intervention(overrides: Partial<ChecklistIntervention> = {}): ChecklistIntervention {
  return {
    id: nextId++,
    name: "Praktik",
    responsibleParty: "youth",
    responsibleUnit: null,
    responsibleOrganisationId: null,
    responsibleOrganisationName: null,
    startDate: "2026-10-01",
    plannedEndDate: "2026-12-31",
    declinedDate: null,
    endDate: null,
    endReason: null,
    evaluationOutcome: null,
    evaluationText: null,
    followUpDates: ["2026-11-01"],
    ...overrides,
  };
}

const ended = (overrides: Partial<ChecklistIntervention> = {}) =>
  intervention({ endDate: "2026-11-15", endReason: "completed", evaluationOutcome: "met", evaluationText: "Gick bra.", ...overrides });

/** A documentation that fulfils all seven points: one insats of each party, one of them ended. */
function complete(): ChecklistInput {
  return {
    assessment: { date: "2026-09-15" },
    plan: {
      goal: "Börja på Komvux.",
      madeWithYouth: true,
      noYouthInterventionsReason: null,
      noMunicipalityInterventionsReason: null,
      noOtherActorInterventionsReason: null,
    },
    interventions: [
      ended({ responsibleParty: "youth" }),
      intervention({ responsibleParty: "municipality", responsibleUnit: "KAA-enheten" }),
      intervention({ responsibleParty: "other_actor", responsibleOrganisationId: 7 }),
    ],
  };
}

function state(input: ChecklistInput, point: ChecklistPoint, today: string | null = TODAY) {
  return computeChecklist(input, today).find((i) => i.point === point)!;
}

describe("the documentation checklist", () => {
  it("is complete when all seven points are documented", () => {
    const items = computeChecklist(complete(), TODAY);
    expect(items.map((i) => [i.point, i.state])).toEqual([
      [1, "done"],
      [2, "done"],
      [3, "done"],
      [4, "done"],
      [5, "done"],
      [6, "done"],
      [7, "done"],
    ]);
    expect(missingMask(items)).toBe(0);
  });

  it("misses all seven points when nothing is documented", () => {
    const items = computeChecklist({ assessment: null, plan: null, interventions: [] }, TODAY);
    expect(items.every((i) => i.state === "missing")).toBe(true);
    expect(missingMask(items)).toBe(NOTHING_DOCUMENTED);
  });

  describe("point 1: plan and goal", () => {
    it("is missing without an assessment", () => {
      const item = state({ ...complete(), assessment: null }, 1);
      expect(item.state).toBe("missing");
      expect(item.problems.map((p) => p.text)).toEqual(["Kartläggning saknas."]);
      expect(item.problems[0]!.target).toEqual({ kind: "assessment" });
    });

    it("is missing without a goal, or with only blanks", () => {
      expect(state({ ...complete(), plan: null }, 1).problems.map((p) => p.text)).toEqual(["Målet med insatserna saknas."]);
      expect(state({ ...complete(), plan: { ...complete().plan!, goal: "   " } }, 1).state).toBe("missing");
    });

    it("is missing when the plan was not made together with the youth", () => {
      const item = state({ ...complete(), plan: { ...complete().plan!, madeWithYouth: false } }, 1);
      expect(item.state).toBe("missing");
      expect(item.problems[0]!.text).toMatch(/tillsammans med ungdomen/);
    });
  });

  describe("points 2–4: interventions of each responsible party", () => {
    it("each needs an intervention of its party", () => {
      const onlyYouth = { ...complete(), interventions: [ended({ responsibleParty: "youth" })] };
      expect(state(onlyYouth, 2).state).toBe("done");
      expect(state(onlyYouth, 3).state).toBe("missing");
      expect(state(onlyYouth, 4).state).toBe("missing");
    });

    it("is not applicable when the plan says why no such intervention is needed", () => {
      const input = { ...complete(), plan: { ...complete().plan!, noOtherActorInterventionsReason: "Inget behov just nu." } };
      input.interventions = input.interventions.filter((i) => i.responsibleParty !== "other_actor");
      const item = state(input, 4);
      expect(item.state).toBe("not_applicable");
      expect(item.note).toContain("Inget behov just nu.");
      expect(missingMask(computeChecklist(input, TODAY)) & 0b1000).toBe(0);
    });

    it("counts a declined offer as documented for its party", () => {
      const input = {
        ...complete(),
        interventions: [
          ...complete().interventions.filter((i) => i.responsibleParty !== "youth"),
          intervention({ declinedDate: "2026-10-05", followUpDates: [] }),
        ],
      };
      expect(state(input, 2).state).toBe("done");
    });

    it("misses point 3 when the municipality's unit is not named", () => {
      const bad = intervention({ responsibleParty: "municipality", responsibleUnit: null });
      const input = { ...complete(), interventions: [...complete().interventions.filter((i) => i.responsibleParty !== "municipality"), bad] };
      const item = state(input, 3);
      expect(item.state).toBe("missing");
      expect(item.problems).toEqual([{ text: "Praktik: det saknas vilken enhet i kommunen som ansvarar.", target: { kind: "intervention", id: bad.id } }]);
    });

    it("misses point 4 when the other actor is not named, and accepts an organisation named by hand", () => {
      const unnamed = intervention({ responsibleParty: "other_actor", responsibleOrganisationId: null, responsibleOrganisationName: null });
      const input = { ...complete(), interventions: [...complete().interventions.filter((i) => i.responsibleParty !== "other_actor"), unnamed] };
      expect(state(input, 4).state).toBe("missing");
      unnamed.responsibleOrganisationName = "BUP Höglandet";
      expect(state(input, 4).state).toBe("done");
    });

    it("misses points 2, 3 and 4 when an intervention has no responsible party at all", () => {
      const input = { ...complete(), interventions: [...complete().interventions, intervention({ responsibleParty: null })] };
      for (const point of [2, 3, 4] as const) {
        expect(state(input, point).state).toBe("missing");
        expect(state(input, point).problems.map((p) => p.text)).toContain("Praktik: ansvarig saknas.");
      }
    });
  });

  describe("point 5: start and end dates", () => {
    it("is missing when no intervention is documented and none is explained away", () => {
      expect(state({ ...complete(), interventions: [] }, 5).state).toBe("missing");
    });

    it("is not applicable, like 6 and 7, when the plan explains why no intervention of any party is needed", () => {
      const plan = { ...complete().plan!, noYouthInterventionsReason: "a", noMunicipalityInterventionsReason: "b", noOtherActorInterventionsReason: "c" };
      const items = computeChecklist({ ...complete(), plan, interventions: [] }, TODAY);
      expect(items.filter((i) => i.point >= 5).map((i) => i.state)).toEqual(["not_applicable", "not_applicable", "not_applicable"]);
      expect(missingMask(items)).toBe(0);
    });

    it("is missing for an intervention past its planned end without an end date, but only with the calendar", () => {
      const late = intervention({ responsibleParty: "other_actor", responsibleOrganisationId: 7, plannedEndDate: "2026-11-29" });
      const input = { ...complete(), interventions: [...complete().interventions.filter((i) => i.responsibleParty !== "other_actor"), late] };
      expect(state(input, 5).state).toBe("missing");
      expect(state(input, 5).problems[0]!.text).toBe("Praktik: planerat slut 2026-11-29 har passerats utan att insatsen avslutats.");
      // On its last planned day it is not yet late.
      expect(state(input, 5, "2026-11-29").state).toBe("done");
      // The stored summary leaves the calendar out and keeps the date instead.
      expect(state(input, 5, null).state).toBe("done");
      expect(overdueFrom(input)).toBe("2026-11-29");
      const stored = { missing: missingMask(computeChecklist(input, null)), overdueFrom: overdueFrom(input) };
      expect(isMissing(stored, 5, "2026-11-29")).toBe(false);
      expect(isMissing(stored, 5, "2026-11-30")).toBe(true);
      expect(isMissing(stored, 4, "2026-11-30")).toBe(false);
    });

    it("ignores declined interventions", () => {
      const input = {
        ...complete(),
        interventions: [...complete().interventions, intervention({ declinedDate: "2026-10-02", plannedEndDate: "2026-10-10", followUpDates: [] })],
      };
      expect(state(input, 5).state).toBe("done");
      expect(state(input, 7).state).toBe("done");
      expect(overdueFrom(input)).toBe("2026-12-31");
    });
  });

  it("counts points 5–7 as not applicable when the youth declined every insats offered", () => {
    const declined = (party: "youth" | "municipality" | "other_actor") =>
      intervention({ responsibleParty: party, responsibleUnit: "KAA-enheten", responsibleOrganisationId: 7, declinedDate: "2026-10-02", followUpDates: [] });
    const items = computeChecklist({ ...complete(), interventions: [declined("youth"), declined("municipality"), declined("other_actor")] }, TODAY);
    expect(items.map((i) => i.state)).toEqual(["done", "done", "done", "done", "not_applicable", "not_applicable", "not_applicable"]);
    expect(items[4]!.note).toBe("Ungdomen tackade nej till alla insatser som erbjöds.");
  });

  describe("point 6: end reason", () => {
    it("is not applicable while no intervention has ended", () => {
      const input = {
        ...complete(),
        interventions: complete().interventions.map((i) => ({ ...i, endDate: null, endReason: null, evaluationOutcome: null, evaluationText: null })),
      };
      expect(state(input, 6).state).toBe("not_applicable");
    });

    it("is missing for an intervention ended without a reason", () => {
      const input = { ...complete(), interventions: [...complete().interventions, ended({ endReason: null })] };
      expect(state(input, 6).state).toBe("missing");
      expect(state(input, 6).problems[0]!.text).toBe("Praktik: avslutad utan orsak.");
    });
  });

  describe("point 7: follow-up and evaluation", () => {
    it("asks an ended insats for its evaluation, not for a follow-up date", () => {
      const input = { ...complete(), interventions: [...complete().interventions, ended({ followUpDates: [] })] };
      expect(state(input, 7).state).toBe("done");
    });

    it("is missing for a running intervention with no follow-up date", () => {
      const bare = intervention({ followUpDates: [] });
      const input = { ...complete(), interventions: [...complete().interventions, bare] };
      expect(state(input, 7).problems).toEqual([{ text: "Praktik: inget datum för uppföljning.", target: { kind: "intervention", id: bare.id } }]);
    });

    it("is missing for an intervention ended without evaluation, whether outcome or text is lacking", () => {
      for (const lack of [{ evaluationOutcome: null }, { evaluationText: "" }] as const) {
        const input = { ...complete(), interventions: [...complete().interventions, ended(lack)] };
        expect(state(input, 7).state).toBe("missing");
        expect(state(input, 7).problems[0]!.text).toBe("Praktik: avslutad utan utvärdering.");
      }
    });
  });

  it("sets bit n-1 of the mask for each missing point n", () => {
    const input = { ...complete(), assessment: null, interventions: [...complete().interventions, ended({ endReason: null, evaluationOutcome: null })] };
    expect(missingMask(computeChecklist(input, TODAY))).toBe(0b1 | 0b100000 | 0b1000000);
  });
});
