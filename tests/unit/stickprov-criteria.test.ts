import { describe, expect, it } from "vitest";
import { scoreCase, type CaseIntervention, type CaseRecord } from "~/modules/internal-control/criteria";
import { criterionTotals, totalText } from "~/modules/internal-control/labels";
import { DEFAULT_ROUTINE } from "~/modules/outreach/routine-engine";

const TODAY = "2026-06-30";

const insats = (overrides: Partial<CaseIntervention> = {}): CaseIntervention => ({
  id: 1,
  name: "Praktik",
  responsibleParty: "municipality",
  responsibleUnit: "KAA-enheten",
  responsibleOrganisationId: null,
  responsibleOrganisationName: null,
  startDate: "2026-02-01",
  plannedEndDate: "2026-04-30",
  declinedDate: null,
  endDate: "2026-04-30",
  endReason: "completed",
  evaluationOutcome: "met",
  evaluationText: "Praktiken gav en plats på Komvux.",
  description: null,
  followUpDates: ["2026-03-15"],
  followUps: [{ dueDate: "2026-03-15", doneDate: "2026-03-16" }],
  ...overrides,
});

/** A case documented as Skolverket's allmänna råd ask: letter, then a call that reached the youth; plan, insatser, evaluation. */
const complete = (overrides: Partial<CaseRecord> = {}): CaseRecord => ({
  enrollment: { startDate: "2026-01-05", endDate: null, endReason: null, endNote: null },
  attempts: [
    { date: "2026-01-09", channel: "letter", target: "youth", outcome: "not_reached" },
    { date: "2026-01-26", channel: "phone", target: "youth", outcome: "reached" },
  ],
  assessment: { date: "2026-01-30" },
  plan: {
    goal: "Börja på Komvux till hösten.",
    madeWithYouth: true,
    noYouthInterventionsReason: "Ungdomen har inga egna insatser just nu.",
    noMunicipalityInterventionsReason: null,
    noOtherActorInterventionsReason: "Ingen annan aktör behövs.",
  },
  interventions: [insats()],
  ...overrides,
});

const levels = (record: CaseRecord) => scoreCase(record, DEFAULT_ROUTINE, TODAY).map((s) => s.level);

describe("the stickprov criteria", () => {
  it("finds a fully documented case met on all four criteria", () => {
    expect(levels(complete())).toEqual(["met", "met", "met", "met"]);
  });

  it("counts a plan that says why no insats is relevant, and a declined offer, as documented åtgärder with nothing to evaluate", () => {
    const noneNeeded = complete({
      plan: { ...complete().plan!, noMunicipalityInterventionsReason: "Ungdomen har börjat studera." },
      interventions: [],
    });
    expect(levels(noneNeeded).slice(2)).toEqual(["met", "met"]);
    const declined = complete({
      interventions: [insats({ declinedDate: "2026-02-01", endDate: null, endReason: null, evaluationOutcome: null, evaluationText: null })],
    });
    expect(levels(declined)[3]).toBe("met");
  });

  it("scores nothing documented as not met, and a held follow-up without an evaluation as partly", () => {
    expect(levels(complete({ attempts: [], assessment: null, plan: null, interventions: [] }))).toEqual(["not_met", "not_met", "not_met", "not_met"]);
    const unevaluated = complete({ interventions: [insats({ evaluationOutcome: null, evaluationText: null })] });
    const evaluation = scoreCase(unevaluated, DEFAULT_ROUTINE, TODAY)[3]!;
    expect(evaluation).toEqual({
      criterion: "evaluation",
      level: "partly",
      reasons: [{ text: "Praktik: avslutad 2026-04-30 utan dokumenterad utvärdering.", target: { kind: "intervention", id: 1 } }],
    });
  });

  it("judges an ended enrollment up to its end: a follow-up due after the youth left is nobody's omission", () => {
    const left = complete({
      enrollment: { startDate: "2026-01-05", endDate: "2026-03-01", endReason: "moved", endNote: null },
      interventions: [
        insats({ endDate: "2026-03-01", endReason: "moved", followUpDates: ["2026-04-01"], followUps: [{ dueDate: "2026-04-01", doneDate: null }] }),
      ],
    });
    expect(levels(left)).toEqual(["met", "met", "met", "met"]);
  });

  it("writes the totals as the auditors do", () => {
    const scored = [
      complete(),
      complete({ attempts: [] }),
      complete({ attempts: [{ date: "2026-01-20", channel: "home_visit", target: "youth", outcome: "reached" }] }),
    ].map((record) => ({ scores: scoreCase(record, DEFAULT_ROUTINE, TODAY) }));
    expect(criterionTotals(scored).map(totalText)).toEqual([
      "Kontakt 1 av 3 (1 delvis, 1 inte)",
      "Kartläggning 3 av 3",
      "Åtgärder 3 av 3",
      "Uppföljning och utvärdering 3 av 3",
    ]);
  });
});
