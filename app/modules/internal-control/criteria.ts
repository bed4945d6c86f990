/**
 * The four criteria of the stickprov, scored as the auditors scored Nässjö's ten cases (Bilaga 1):
 * each met, partly met or not met, with the reasons and where in the record each reason lies.
 * Built on the documentation checklist (the seven points of Skolverket's allmänna råd) and on the
 * routine's compliance; the reasons are the portal's own sentences, never the record's free text,
 * so that the anonymised report cannot name the youth. Pure: the same record gives the same score.
 */
import type { EnrollmentEndReason } from "#db/schema/outreach-values";
import { computeChecklist, type ChecklistInput, type ChecklistIntervention, type ChecklistItem, type PointTarget } from "~/modules/documentation/checklist";
import { CHANNEL_LABELS } from "~/modules/outreach/labels";
import { routineCompliance } from "~/modules/outreach/routine-compliance";
import type { RecordedAttempt, RoutineStep } from "~/modules/outreach/routine-engine";
import type { Criterion, Level } from "./labels";
import { plural } from "~/lib/plural";

/** Where a reason lies in the record: the checklist's places, the contacts, or the enrollment itself. */
export type CaseTarget = PointTarget | { kind: "contacts" } | { kind: "enrollment" };
export type Finding = { text: string; target: CaseTarget | null };
export type CriterionScore = { criterion: Criterion; level: Level; reasons: Finding[] };

export type CaseIntervention = ChecklistIntervention & { description: string | null; followUps: { dueDate: string; doneDate: string | null }[] };

/** One sampled enrollment as the criteria read it. */
export type CaseRecord = Omit<ChecklistInput, "interventions"> & {
  enrollment: { startDate: string; endDate: string | null; endReason: EnrollmentEndReason | null; endNote: string | null };
  attempts: RecordedAttempt[];
  interventions: CaseIntervention[];
};

const filled = (text: string | null | undefined) => Boolean(text && text.trim());
const PARTY_WORDS = { 2: "ungdomen", 3: "kommunen", 4: "annan aktör" } as const;
const listed = (words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(", ")} och ${words.at(-1)}` : (words[0] ?? ""));

/**
 * Scores one case. `today` is the day of the review; an ended enrollment is judged up to its end
 * (a follow-up due after the youth left the register is nobody's omission).
 */
export function scoreCase(record: CaseRecord, routine: RoutineStep[], today: string): CriterionScore[] {
  const until = record.enrollment.endDate && record.enrollment.endDate < today ? record.enrollment.endDate : today;
  const checklist = computeChecklist(record, until);
  return [
    contactScore(record, routine, until),
    assessmentScore(record, checklist),
    interventionsScore(record, checklist),
    evaluationScore(record, checklist, until),
  ];
}

const point = (checklist: ChecklistItem[], n: number) => checklist.find((item) => item.point === n)!;
const noneRelevant = (checklist: ChecklistItem[]) => [2, 3, 4].every((n) => point(checklist, n).state === "not_applicable");

function contactScore(record: CaseRecord, routine: RoutineStep[], until: string): CriterionScore {
  const c = routineCompliance(routine, record.enrollment.startDate, record.attempts, until);
  const target = { kind: "contacts" } as const;
  const score = (level: Level, reasons: string[]): CriterionScore => ({ criterion: "contact", level, reasons: reasons.map((text) => ({ text, target })) });
  const fellDue = c.steps.filter((s) => s.state !== "not_due" && s.state !== "not_needed");
  if (c.attemptCount === 0) {
    if (fellDue.length === 0) return score("met", ["Inget steg i kontaktrutinen hade förfallit när inskrivningen bedömdes."]);
    return score("not_met", [
      `Kontakt med ungdomen är inte dokumenterad: inget kontaktförsök är registrerat, fast rutinens första steg skulle ha gjorts senast ${fellDue[0]!.dueDate}.`,
    ]);
  }
  const reasons: string[] = [];
  const first = c.firstAttempt!;
  const firstStep = [...routine].sort((a, b) => a.position - b.position)[0];
  if (c.begunOutsideRoutine && firstStep) {
    reasons.push(
      `Kontakten påbörjades ${first.date} med ${CHANNEL_LABELS[first.channel].toLowerCase()}, vilket inte är rutinens första steg (${firstStep.label}).`,
    );
  }
  for (const step of c.steps) {
    if (step.state === "late") {
      reasons.push(
        `Steg ${step.position} (${step.label}) gjordes ${step.doneOn}, ${plural(step.daysLate, "dag", "dagar")} senare än rutinen anger (${step.dueDate}).`,
      );
    } else if (step.state === "missed") {
      const otherwise = step.channelMatch === false ? " Kontakt söktes i stället på annat sätt." : "";
      reasons.push(`Steg ${step.position} (${step.label}) gjordes inte; enligt rutinen senast ${step.dueDate}.${otherwise}`);
    }
  }
  if (reasons.length > 0) return score("partly", reasons);
  const done = c.steps.filter((s) => s.state === "done").length;
  return score("met", [
    c.reachedOn
      ? `Kontakt togs enligt rutinen: ${done} steg i tid, och ungdomen nåddes ${c.reachedOn}.`
      : `Rutinens steg är gjorda i tid (${done} av ${c.steps.length}); ungdomen har inte nåtts ännu.`,
  ]);
}

function assessmentScore(record: CaseRecord, checklist: ChecklistItem[]): CriterionScore {
  const reasons: Finding[] = [...point(checklist, 1).problems];
  // The timeline: each insats carried out has a time for follow-up, or was ended and evaluated.
  for (const i of record.interventions.filter((x) => !x.declinedDate)) {
    const evaluated = Boolean(i.endDate && i.evaluationOutcome && filled(i.evaluationText));
    if (i.followUpDates.length === 0 && !evaluated)
      reasons.push({ text: `${i.name}: ingen tidplan för uppföljning.`, target: { kind: "intervention", id: i.id } });
  }
  const parties = [2, 3, 4] as const;
  const shown = parties.filter((n) => point(checklist, n).state === "done").map((n) => PARTY_WORDS[n]);
  const unclear = parties.filter((n) => point(checklist, n).state === "missing").map((n) => PARTY_WORDS[n]);
  if (unclear.length > 0) reasons.push({ text: `Det framgår inte vad ${listed(unclear)} ansvarar för.`, target: { kind: "interventions" } });
  if (reasons.length === 0)
    return { criterion: "assessment", level: "met", reasons: [{ text: "Kartläggning, mål och tidplan är dokumenterade.", target: { kind: "assessment" } }] };
  const something = record.assessment !== null || filled(record.plan?.goal) || shown.length > 0;
  if (shown.length > 0) reasons.push({ text: `Det framgår vad ${listed(shown)} ansvarar för.`, target: { kind: "interventions" } });
  return { criterion: "assessment", level: something ? "partly" : "not_met", reasons };
}

function interventionsScore(record: CaseRecord, checklist: ChecklistItem[]): CriterionScore {
  const score = (level: Level, reasons: Finding[]): CriterionScore => ({ criterion: "interventions", level, reasons });
  if (record.interventions.length === 0) {
    if (noneRelevant(checklist)) return score("met", [{ text: "Det är dokumenterat varför inga åtgärder är aktuella.", target: { kind: "plan" } }]);
    return score("not_met", [{ text: "Inga åtgärder är dokumenterade.", target: { kind: "interventions" } }]);
  }
  const reasons: Finding[] = [];
  if (!filled(record.plan?.goal)) {
    reasons.push({ text: "Det går inte att bedöma om åtgärderna följer målet: målet med insatserna är inte dokumenterat.", target: { kind: "plan" } });
  }
  // Whose each insats is, its dates and its end reason: the checklist's points 2–6, per insats.
  for (const n of [2, 3, 4, 5, 6]) reasons.push(...point(checklist, n).problems.filter((p) => p.target.kind === "intervention"));
  const { endDate: enrollmentEnd, endReason, endNote } = record.enrollment;
  const enrollmentUnexplained = !endReason || (endReason === "other" && !filled(endNote));
  for (const i of record.interventions.filter((x) => !x.declinedDate)) {
    const target = { kind: "intervention", id: i.id } as const;
    if (!i.endDate && i.followUpDates.length === 0) reasons.push({ text: `${i.name}: inga datum för uppföljning.`, target });
    if (i.endReason === "other" && !filled(i.description) && !filled(i.evaluationText)) {
      reasons.push({ text: `${i.name}: avslutad med ”annan orsak” utan beskrivning av vad som hände.`, target });
    }
    if (enrollmentEnd && !i.endDate) reasons.push({ text: `${i.name}: står som pågående fast inskrivningen avslutades ${enrollmentEnd}.`, target });
    if (enrollmentEnd && enrollmentUnexplained && i.endDate && (i.endReason === "enrollment_ended" || !i.endReason) && i.endDate >= enrollmentEnd) {
      reasons.push({
        text: `${i.name}: avslutades när ungdomen avregistrerades ${enrollmentEnd}, innan åtgärden var genomförd, och det framgår inte varför.`,
        target: { kind: "enrollment" },
      });
    }
  }
  if (reasons.length === 0)
    return score("met", [{ text: "Åtgärderna är dokumenterade med ansvarig, datum och avslutsorsak.", target: { kind: "interventions" } }]);
  return score("partly", reasons);
}

function evaluationScore(record: CaseRecord, checklist: ChecklistItem[], until: string): CriterionScore {
  const score = (level: Level, reasons: Finding[]): CriterionScore => ({ criterion: "evaluation", level, reasons });
  const carriedOut = record.interventions.filter((i) => !i.declinedDate);
  if (carriedOut.length === 0) {
    if (record.interventions.length > 0)
      return score("met", [{ text: "Ungdomen tackade nej till de åtgärder som erbjöds; inget att följa upp.", target: { kind: "interventions" } }]);
    if (noneRelevant(checklist)) return score("met", [{ text: "Inga åtgärder är aktuella; inget att följa upp.", target: { kind: "plan" } }]);
    return score("not_met", [{ text: "Inga åtgärder är dokumenterade, och därmed ingen uppföljning eller utvärdering.", target: { kind: "interventions" } }]);
  }
  const reasons: Finding[] = [];
  let held = 0;
  for (const i of carriedOut) {
    const target = { kind: "intervention", id: i.id } as const;
    held += i.followUps.filter((f) => f.doneDate).length;
    if (i.endDate) {
      if (i.evaluationOutcome && filled(i.evaluationText)) held++;
      else reasons.push({ text: `${i.name}: avslutad ${i.endDate} utan dokumenterad utvärdering.`, target });
    }
    const lastDay = i.endDate && i.endDate < until ? i.endDate : until;
    for (const f of i.followUps.filter((x) => !x.doneDate && x.dueDate <= lastDay)) {
      reasons.push({ text: `${i.name}: uppföljningen ${f.dueDate} är inte gjord.`, target });
    }
    if (!i.endDate && i.followUps.length === 0) reasons.push({ text: `${i.name}: ingen uppföljning är planerad.`, target });
  }
  if (reasons.length === 0) {
    const text = held > 0 ? `Uppföljning och utvärdering är dokumenterade (${held} tillfällen).` : "Ingen uppföljning eller utvärdering har förfallit ännu.";
    return score("met", [{ text, target: { kind: "interventions" } }]);
  }
  return score(held > 0 ? "partly" : "not_met", reasons);
}
