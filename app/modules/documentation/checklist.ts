/**
 * The documentation checklist: the seven points Skolverket's allmänna råd ask of every youth's
 * documentation (domain.md, "What documentation must contain"), computed from what is recorded.
 * Pure: the youth page shows the result, and the same function fills `enrollment_documentation`
 * so the samordnare's list of incomplete documentation is one indexed query.
 */
import type { EvaluationOutcome, InterventionEndReason, ResponsibleParty } from "#db/schema/plan-values";

export const CHECKLIST_POINTS = [1, 2, 3, 4, 5, 6, 7] as const;
export type ChecklistPoint = (typeof CHECKLIST_POINTS)[number];

export const CHECKLIST_POINT_LABELS: Record<ChecklistPoint, string> = {
  1: "Individuell planering och målet med insatserna",
  2: "Insatser som ungdomen ansvarar för",
  3: "Insatser som kommunen ansvarar för",
  4: "Insatser som en annan aktör ansvarar för",
  5: "Start- och slutdatum för varje insats",
  6: "Orsak till att en insats avslutades",
  7: "Tider för uppföljning och utvärdering av varje insats",
};

/** A short name for lists and filters. */
export const CHECKLIST_POINT_SHORT: Record<ChecklistPoint, string> = {
  1: "Plan och mål",
  2: "Ungdomens insatser",
  3: "Kommunens insatser",
  4: "Annan aktörs insatser",
  5: "Datum",
  6: "Avslutsorsak",
  7: "Uppföljning och utvärdering",
};

export type ChecklistIntervention = {
  id: number;
  name: string;
  responsibleParty: ResponsibleParty | null;
  responsibleUnit: string | null;
  responsibleOrganisationId: number | null;
  responsibleOrganisationName: string | null;
  startDate: string | null;
  plannedEndDate: string | null;
  declinedDate: string | null;
  endDate: string | null;
  endReason: InterventionEndReason | null;
  evaluationOutcome: EvaluationOutcome | null;
  evaluationText: string | null;
  followUpDates: string[];
};

export type ChecklistInput = {
  assessment: { date: string } | null;
  plan: {
    goal: string | null;
    madeWithYouth: boolean;
    noYouthInterventionsReason: string | null;
    noMunicipalityInterventionsReason: string | null;
    noOtherActorInterventionsReason: string | null;
  } | null;
  interventions: ChecklistIntervention[];
};

export type PointState = "done" | "missing" | "not_applicable";
/** Where the point is filled in: the assessment, the plan's goal, the interventions, or one intervention. */
export type PointTarget = { kind: "assessment" } | { kind: "plan" } | { kind: "interventions" } | { kind: "intervention"; id: number };
export type ChecklistItem = { point: ChecklistPoint; state: PointState; problems: { text: string; target: PointTarget }[]; note?: string };

const PARTY_POINT: Record<ResponsibleParty, 2 | 3 | 4> = { youth: 2, municipality: 3, other_actor: 4 };
const NOT_RELEVANT_FIELD = {
  2: "noYouthInterventionsReason",
  3: "noMunicipalityInterventionsReason",
  4: "noOtherActorInterventionsReason",
} as const;

const filled = (text: string | null | undefined) => Boolean(text && text.trim());

/** Is the responsible party named fully: which unit of the municipality, which other organisation? */
function responsibleComplete(i: ChecklistIntervention) {
  if (i.responsibleParty === "municipality") return filled(i.responsibleUnit);
  if (i.responsibleParty === "other_actor") return i.responsibleOrganisationId !== null || filled(i.responsibleOrganisationName);
  return i.responsibleParty === "youth";
}

/**
 * The seven points for one enrollment. With `today` null the calendar is left out (an insats past
 * its planned end is not counted): that part is stored as `overdueFrom` and judged when read.
 */
export function computeChecklist(input: ChecklistInput, today: string | null): ChecklistItem[] {
  const { assessment, plan, interventions } = input;
  // A declined offer documents that the insats was offered (points 2–4), but never ran (5–7).
  const carriedOut = interventions.filter((i) => !i.declinedDate);
  const ended = carriedOut.filter((i) => i.endDate);

  const point1: ChecklistItem = { point: 1, state: "done", problems: [] };
  if (!assessment) point1.problems.push({ text: "Kartläggning saknas.", target: { kind: "assessment" } });
  if (!plan || !filled(plan.goal)) point1.problems.push({ text: "Målet med insatserna saknas.", target: { kind: "plan" } });
  else if (!plan.madeWithYouth)
    point1.problems.push({ text: "Det är inte dokumenterat att planen gjorts tillsammans med ungdomen.", target: { kind: "plan" } });

  const partyPoints = ([2, 3, 4] as const).map((point): ChecklistItem => {
    const item: ChecklistItem = { point, state: "done", problems: [] };
    const ofParty = interventions.filter((i) => i.responsibleParty && PARTY_POINT[i.responsibleParty] === point);
    for (const i of ofParty) {
      if (!responsibleComplete(i)) {
        const what = point === 3 ? "vilken enhet i kommunen" : "vilken aktör";
        item.problems.push({ text: `${i.name}: det saknas ${what} som ansvarar.`, target: { kind: "intervention", id: i.id } });
      }
    }
    // An insats without any responsible party fails all three: nobody can tell whose it is.
    for (const i of interventions.filter((x) => !x.responsibleParty)) {
      item.problems.push({ text: `${i.name}: ansvarig saknas.`, target: { kind: "intervention", id: i.id } });
    }
    const reason = plan?.[NOT_RELEVANT_FIELD[point]] ?? null;
    if (ofParty.length === 0) {
      if (filled(reason)) {
        item.state = "not_applicable";
        item.note = `Inte aktuellt: ${reason}`;
      } else {
        item.problems.push({ text: "Ingen insats är dokumenterad, och inte heller varför ingen är aktuell.", target: { kind: "interventions" } });
      }
    }
    return item;
  });

  // Points 5–7 are about insatser; with none, they hold only if 2–4 each say why none is relevant,
  // or if every insats offered was declined (insatser are voluntary: that is a documented outcome).
  const noneNeeded = partyPoints.every((p) => p.state === "not_applicable");
  const allDeclined = interventions.length > 0 && carriedOut.length === 0;
  const point5: ChecklistItem = { point: 5, state: "done", problems: [] };
  const point6: ChecklistItem = { point: 6, state: "done", problems: [] };
  const point7: ChecklistItem = { point: 7, state: "done", problems: [] };
  if (carriedOut.length === 0) {
    for (const item of [point5, point6, point7]) {
      if (noneNeeded || allDeclined) {
        item.state = "not_applicable";
        item.note = allDeclined ? "Ungdomen tackade nej till alla insatser som erbjöds." : "Inga insatser är aktuella.";
      } else {
        item.problems.push({ text: "Inga insatser är dokumenterade.", target: { kind: "interventions" } });
      }
    }
  } else {
    for (const i of carriedOut) {
      const target = { kind: "intervention", id: i.id } as const;
      if (!i.startDate) point5.problems.push({ text: `${i.name}: startdatum saknas.`, target });
      if (!i.plannedEndDate && !i.endDate) point5.problems.push({ text: `${i.name}: planerat slutdatum saknas.`, target });
      if (today && !i.endDate && i.plannedEndDate && i.plannedEndDate < today) {
        point5.problems.push({ text: `${i.name}: planerat slut ${i.plannedEndDate} har passerats utan att insatsen avslutats.`, target });
      }
      // A running insats needs a time for follow-up; an ended one its evaluation (below), which is the follow-up's end.
      if (!i.endDate && i.followUpDates.length === 0) point7.problems.push({ text: `${i.name}: inget datum för uppföljning.`, target });
    }
    if (ended.length === 0) {
      point6.state = "not_applicable";
      point6.note = "Ingen insats har avslutats ännu.";
    }
    for (const i of ended) {
      const target = { kind: "intervention", id: i.id } as const;
      if (!i.endReason) point6.problems.push({ text: `${i.name}: avslutad utan orsak.`, target });
      if (!i.evaluationOutcome || !filled(i.evaluationText)) point7.problems.push({ text: `${i.name}: avslutad utan utvärdering.`, target });
    }
  }

  const items = [point1, ...partyPoints, point5, point6, point7];
  for (const item of items) if (item.problems.length > 0) item.state = "missing";
  return items;
}

/** Bit n-1 set = point n missing, the calendar left out. */
export function missingMask(items: ChecklistItem[]): number {
  return items.reduce((mask, item) => (item.state === "missing" ? mask | pointBit(item.point) : mask), 0);
}

export function pointBit(point: ChecklistPoint) {
  return 1 << (point - 1);
}

/** All seven points missing: an enrollment with nothing documented yet. */
export const NOTHING_DOCUMENTED = 0b1111111;

/** The earliest planned end of an insats still running: from the day after, point 5 is missing. */
export function overdueFrom(input: ChecklistInput): string | null {
  const dates = input.interventions
    .filter((i) => !i.declinedDate && !i.endDate && i.plannedEndDate)
    .map((i) => i.plannedEndDate!)
    .sort();
  return dates[0] ?? null;
}

/** What the stored summary says on `today`: is each point missing? */
export function isMissing(stored: { missing: number; overdueFrom: string | null }, point: ChecklistPoint, today: string) {
  if (stored.missing & pointBit(point)) return true;
  return point === 5 && stored.overdueFrom !== null && stored.overdueFrom < today;
}
