/**
 * What the youth (and a guardian) sees of the plan on Mina sidor: the plan as the caseworker documented
 * it, with the parts that are the staff's working notes left out. Pure, so the list can be tested and read
 * in one place (docs/decisions/0029-mina-sidor-plan.md).
 *
 * Shown: the goal, when the plan was made together, the youth's own comment; each intervention's type,
 * what it is, who is responsible, who runs it, its dates and state, and for an ended one the caseworker's
 * evaluation; the next planned follow-up.
 * Left out (STAFF_ONLY_*): the notes of follow-ups and who did them, the reasons a party has no
 * interventions (the checklist's points 2–4), the checklist, the revision history, the SCB fields, the
 * note on a declined intervention, the referral link and who changed what. Declined interventions are
 * left out of the plan as on the printed plan: they are not part of what will be done.
 */
import type { EvaluationOutcome, ResponsibleParty } from "#db/schema/plan-values";
import { EVALUATION_OUTCOME_LABELS, RESPONSIBLE_PARTY_LABELS } from "./labels";

/** Plan columns the youth's view never copies. */
export const STAFF_ONLY_PLAN_FIELDS = [
  "noYouthInterventionsReason",
  "noMunicipalityInterventionsReason",
  "noOtherActorInterventionsReason",
  "updatedByMembershipId",
] as const;

/** Intervention columns (and follow-up columns) the youth's view never copies. */
export const STAFF_ONLY_INTERVENTION_FIELDS = [
  "declinedNote",
  "occupationAfter",
  "referralId",
  "createdByMembershipId",
  "updatedByMembershipId",
  "followUps.note",
  "followUps.doneByMembershipId",
] as const;

export type PlanForView = {
  goal: string;
  madeWithYouth: boolean;
  madeWithYouthDate: string | null;
  youthComment: string | null;
};

export type InterventionForView = {
  id: number;
  typeName: string;
  description: string | null;
  responsibleParty: ResponsibleParty;
  responsibleUnit: string | null;
  responsibleOrganisation: string | null;
  provider: string | null;
  startDate: string;
  plannedEndDate: string;
  declinedDate: string | null;
  endDate: string | null;
  evaluationOutcome: EvaluationOutcome | null;
  evaluationText: string | null;
  followUps: { dueDate: string; doneDate: string | null }[];
};

export type YouthIntervention = {
  id: number;
  type: string;
  what: string | null;
  who: string;
  provider: string | null;
  startDate: string;
  /** The end date, or the planned end while it runs. */
  endDate: string;
  state: "planned" | "running" | "ended";
  stateLabel: string;
  /** The caseworker's evaluation of an ended intervention, in words. */
  evaluation: { outcome: string | null; text: string | null } | null;
  nextFollowUp: string | null;
};

export type YouthPlanView = {
  goal: string;
  madeTogetherOn: string | null;
  youthComment: string | null;
  interventions: YouthIntervention[];
  nextFollowUp: string | null;
} | null;

/** Who is responsible, as the youth reads it: "Du själv", "Kommunen (Vuxenutbildningen)", "Arbetsförmedlingen Nässjö". */
export function youthResponsibleText(i: Pick<InterventionForView, "responsibleParty" | "responsibleUnit" | "responsibleOrganisation">): string {
  if (i.responsibleParty === "youth") return "Du själv";
  if (i.responsibleParty === "municipality") return i.responsibleUnit ? `Kommunen (${i.responsibleUnit})` : "Kommunen";
  return i.responsibleOrganisation ?? RESPONSIBLE_PARTY_LABELS.other_actor;
}

function stateOf(i: InterventionForView, today: string): Pick<YouthIntervention, "state" | "stateLabel"> {
  if (i.endDate) return { state: "ended", stateLabel: "Avslutad" };
  if (i.startDate > today) return { state: "planned", stateLabel: "Börjar snart" };
  return { state: "running", stateLabel: "Pågår" };
}

export function youthIntervention(i: InterventionForView, today: string): YouthIntervention {
  const state = stateOf(i, today);
  return {
    id: i.id,
    type: i.typeName,
    what: i.description,
    who: youthResponsibleText(i),
    provider: i.provider,
    startDate: i.startDate,
    endDate: i.endDate ?? i.plannedEndDate,
    ...state,
    evaluation:
      state.state === "ended" ? { outcome: i.evaluationOutcome ? EVALUATION_OUTCOME_LABELS[i.evaluationOutcome] : null, text: i.evaluationText } : null,
    nextFollowUp:
      state.state === "ended" ? null : (i.followUps.filter((f) => !f.doneDate).sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0]?.dueDate ?? null),
  };
}

/**
 * The plan as the youth sees it; null when no plan is documented yet. A guardian sees the same plan without
 * what the youth said about it: the youth's own words are theirs to share (ADR 0029).
 */
export function youthPlanView(
  plan: PlanForView | null,
  interventions: readonly InterventionForView[],
  today: string,
  relation: "self" | "guardian" = "self",
): YouthPlanView {
  if (!plan) return null;
  const shown = interventions.filter((i) => !i.declinedDate).map((i) => youthIntervention(i, today));
  const next = shown.flatMap((i) => (i.nextFollowUp ? [i.nextFollowUp] : [])).sort()[0] ?? null;
  return {
    goal: plan.goal,
    madeTogetherOn: plan.madeWithYouth ? plan.madeWithYouthDate : null,
    youthComment: relation === "self" ? plan.youthComment : null,
    interventions: shown,
    nextFollowUp: next,
  };
}

const LONG_DATE = new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2027-01-15" → "15 januari 2027": how a date reads in a sentence on Mina sidor. */
export function longDate(iso: string): string {
  return LONG_DATE.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** Swedish genitive of a first name: "Noahs", "Hugos", but "Lars" and "Max" stay as they are. */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}
