/**
 * The contact routine engine: from the municipality's routine and what has been recorded, the next
 * step due for an enrollment. Pure: the same input always gives the same answer, so it is tested
 * over dates without a database.
 */
import type { ContactChannel, ContactOutcome, ContactTarget, OffsetUnit } from "#db/schema";
import { addDays, addMonths } from "~/lib/dates";

export type RoutineStep = { position: number; label: string; channels: ContactChannel[]; offsetAmount: number; offsetUnit: OffsetUnit };
export type RecordedAttempt = { date: string; channel: ContactChannel; target: ContactTarget; outcome: ContactOutcome };

export type RoutineState =
  | { state: "reached"; reachedOn: string }
  | { state: "due"; step: RoutineStep; index: number; dueDate: string; overdue: boolean; missingTargets: ContactTarget[] }
  | { state: "completed_without_contact"; lastStepDone: string };

export function addOffset(date: string, amount: number, unit: OffsetUnit) {
  if (unit === "months") return addMonths(date, amount);
  return addDays(date, unit === "weeks" ? amount * 7 : amount);
}

/**
 * Each step is due `offset` after the previous step was done (the first: after the enrollment
 * started). A step is done by an attempt through one of its channels made on or after the previous
 * step; for a youth under 18 with a registered guardian, it needs an attempt to the youth and one to
 * the guardian. Reaching the youth ends the routine.
 */
export function nextRoutineStep(input: {
  steps: RoutineStep[];
  enrollmentStart: string;
  attempts: RecordedAttempt[];
  today: string;
  guardianIsTarget: boolean;
}): RoutineState {
  const attempts = [...input.attempts].sort((a, b) => a.date.localeCompare(b.date));
  const reached = attempts.find((a) => a.outcome === "reached");
  if (reached) return { state: "reached", reachedOn: reached.date };

  const steps = [...input.steps].sort((a, b) => a.position - b.position);
  const targets: ContactTarget[] = input.guardianIsTarget ? ["youth", "guardian"] : ["youth"];
  let anchor = input.enrollmentStart;
  let used = new Set<RecordedAttempt>();
  for (const [index, step] of steps.entries()) {
    const dueDate = addOffset(anchor, step.offsetAmount, step.offsetUnit);
    const doneOn: string[] = [];
    const missingTargets: ContactTarget[] = [];
    for (const target of targets) {
      const match = attempts.find(
        (a) => !used.has(a) && a.date >= anchor && step.channels.includes(a.channel) && (a.target === target || a.channel === "via_guardian"),
      );
      if (match) {
        used = new Set([...used, match]);
        doneOn.push(match.date);
      } else {
        missingTargets.push(target);
      }
    }
    if (missingTargets.length > 0) {
      return { state: "due", step, index, dueDate, overdue: input.today > dueDate, missingTargets };
    }
    anchor = doneOn.sort().at(-1)!;
  }
  return { state: "completed_without_contact", lastStepDone: anchor };
}

/** The routine of domain.md, used until the samordnare writes the municipality's own. */
export const DEFAULT_ROUTINE: RoutineStep[] = [
  { position: 1, label: "Brev till folkbokföringsadressen", channels: ["letter"], offsetAmount: 1, offsetUnit: "weeks" },
  { position: 2, label: "Telefon, sms eller nytt brev som aviserar hembesök", channels: ["phone", "sms", "letter"], offsetAmount: 1, offsetUnit: "months" },
  { position: 3, label: "Knackkort och hembesök (alltid två personal)", channels: ["knock_card", "home_visit"], offsetAmount: 1, offsetUnit: "months" },
  { position: 4, label: "Uppföljning per telefon, sms eller brev", channels: ["phone", "sms", "letter"], offsetAmount: 1, offsetUnit: "months" },
];
