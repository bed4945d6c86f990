/**
 * Whether an enrollment's contact work followed the contact routine, as an auditor checks it
 * afterwards (the stickprov, issue 15): each step's due date, when it was done and through which
 * channel, how many days late, and whether the work began through a channel the routine's first
 * step does not name. The routine engine beside it answers "what is due next" for the worklist;
 * this answers "was it done as the routine says" for a case already worked. Pure.
 */
import type { ContactChannel } from "#db/schema/outreach-values";
import { daysBetween } from "~/lib/dates";
import { addOffset, type RecordedAttempt, type RoutineStep } from "./routine-engine";

/**
 * - done: through one of the step's channels, on or before its due date;
 * - late: done, but after its due date;
 * - missed: not done, though it fell due before the youth was reached and before `until`;
 * - not_needed: the youth was reached before the step fell due (reaching the youth ends the routine);
 * - not_due: the step falls due after `until` (the enrollment ended, or the case is judged, before it).
 */
export type StepState = "done" | "late" | "missed" | "not_needed" | "not_due";

export type StepCompliance = {
  position: number;
  label: string;
  channels: ContactChannel[];
  dueDate: string;
  doneOn: string | null;
  doneChannel: ContactChannel | null;
  /** true: done through the step's channels; false: only other channels were used while it was due; null: nothing was tried. */
  channelMatch: boolean | null;
  daysLate: number;
  state: StepState;
};

export type RoutineCompliance = {
  steps: StepCompliance[];
  reachedOn: string | null;
  attemptCount: number;
  firstAttempt: { date: string; channel: ContactChannel } | null;
  /** The first attempt was made through a channel the routine's first step does not name (e.g. a home visit before any letter). */
  begunOutsideRoutine: boolean;
};

/**
 * Each step is due `offset` after the previous one was done (the first: after the enrollment started).
 * A missed step is counted as if done on its due date, so the steps after it are judged against the
 * routine's own calendar rather than forgiven. Who was contacted (youth or guardian) is not judged
 * here: an auditor asks whether the routine's steps were taken, in time and by its channels.
 * `until` is the last day judged: the enrollment's end, or the day of the review.
 */
export function routineCompliance(steps: RoutineStep[], enrollmentStart: string, attempts: readonly RecordedAttempt[], until: string): RoutineCompliance {
  const sorted = attempts.filter((a) => a.date <= until).sort((a, b) => a.date.localeCompare(b.date));
  const reachedOn = sorted.find((a) => a.outcome === "reached")?.date ?? null;
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  // The routine runs until the youth is reached, or until the last day judged.
  const cutoff = reachedOn ?? until;
  const used = new Set<RecordedAttempt>();
  const out: StepCompliance[] = [];
  let anchor = enrollmentStart;
  let over: "not_needed" | "not_due" | null = null;
  for (const step of ordered) {
    const dueDate = addOffset(anchor, step.offsetAmount, step.offsetUnit);
    const base = { position: step.position, label: step.label, channels: step.channels, dueDate, doneOn: null, doneChannel: null, daysLate: 0 };
    if (over) {
      // Past the end of the routine's run: the due date is the routine's calendar, for the reader.
      out.push({ ...base, channelMatch: null, state: over });
      anchor = dueDate;
      continue;
    }
    const match = sorted.find((a) => !used.has(a) && a.date >= anchor && a.date <= cutoff && step.channels.includes(a.channel));
    if (match) {
      used.add(match);
      const daysLate = Math.max(0, daysBetween(dueDate, match.date));
      out.push({ ...base, doneOn: match.date, doneChannel: match.channel, channelMatch: true, daysLate, state: daysLate > 0 ? "late" : "done" });
      anchor = match.date;
      continue;
    }
    if (dueDate > cutoff) {
      // Reached before the step fell due: the routine ended there. Otherwise the step is still ahead.
      over = reachedOn ? "not_needed" : "not_due";
      out.push({ ...base, channelMatch: null, state: over });
      anchor = dueDate;
      continue;
    }
    const triedOtherwise = sorted.some((a) => !used.has(a) && a.date >= anchor && a.date <= cutoff);
    out.push({ ...base, channelMatch: triedOtherwise ? false : null, daysLate: daysBetween(dueDate, cutoff), state: "missed" });
    anchor = dueDate;
  }
  const first = sorted[0] ?? null;
  const firstStep = ordered[0];
  return {
    steps: out,
    reachedOn,
    attemptCount: sorted.length,
    firstAttempt: first ? { date: first.date, channel: first.channel } : null,
    begunOutsideRoutine: Boolean(first && firstStep && !firstStep.channels.includes(first.channel)),
  };
}
