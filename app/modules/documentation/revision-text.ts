/**
 * The revision history in words: "Ändrade insatsen Praktik: Planerat slut 2026-12-01 → 2027-01-15".
 * Pure, so the history reads the same wherever it is shown.
 */
import type { DocumentationEntity } from "#db/schema/plan-values";
import { OCCUPATION_LABELS } from "~/modules/outreach/labels";
import { EVALUATION_OUTCOME_LABELS, INTERVENTION_END_REASON_LABELS, RESPONSIBLE_PARTY_LABELS, STUDIEBEVIS_LABELS } from "./labels";

const FIELD_LABELS: Record<string, string> = {
  date: "Datum",
  occupation: "Sysselsättning",
  occupationNote: "Sysselsättning, beskrivning",
  completedGrades: "Avslutade årskurser",
  studiebevis: "Studiebevis",
  imHistory: "Tidigare IM",
  prerequisites: "Förutsättningar",
  needs: "Behov av stöd",
  youthWishes: "Ungdomens önskemål och mål",
  youthTookPart: "Ungdomen deltog",
  guardianTookPart: "Vårdnadshavare deltog",
  otherParticipants: "Andra som deltog",
  goal: "Mål",
  madeWithYouth: "Gjord tillsammans med ungdomen",
  madeWithYouthDate: "Datum då planen gjordes med ungdomen",
  youthComment: "Ungdomens kommentar",
  noYouthInterventionsReason: "Ingen insats för ungdomen, eftersom",
  noMunicipalityInterventionsReason: "Ingen insats för kommunen, eftersom",
  noOtherActorInterventionsReason: "Ingen insats för annan aktör, eftersom",
  typeId: "Typ",
  description: "Beskrivning",
  responsibleParty: "Ansvarig",
  responsibleUnit: "Ansvarig enhet",
  responsibleOrganisationId: "Ansvarig organisation",
  responsibleOrganisationName: "Ansvarig organisation",
  provider: "Anordnare",
  startDate: "Start",
  plannedEndDate: "Planerat slut",
  followUpDate: "Uppföljning",
  declinedDate: "Avböjd",
  declinedNote: "Kommentar till avböjandet",
  endDate: "Slutdatum",
  endReason: "Orsak till avslut",
  evaluationOutcome: "Utvärdering",
  evaluationText: "Utvärdering, text",
  occupationAfter: "Sysselsättning efter insatsen",
  dueDate: "Uppföljningsdatum",
  doneDate: "Uppföljning gjord",
  note: "Vad uppföljningen visade",
  interventionId: "Insats",
  referralId: "Remiss",
};

const ENUM_LABELS: Record<string, Record<string, string>> = {
  occupation: OCCUPATION_LABELS,
  occupationAfter: OCCUPATION_LABELS,
  studiebevis: STUDIEBEVIS_LABELS,
  responsibleParty: RESPONSIBLE_PARTY_LABELS,
  endReason: INTERVENTION_END_REASON_LABELS,
  evaluationOutcome: EVALUATION_OUTCOME_LABELS,
};

export type RevisionLookups = {
  typeNames: Map<number, string>;
  organisationNames: Map<number, string>;
  /** Intervention id → its type name, to say which insats a change was about. */
  interventionNames: Map<number, string>;
  /** Follow-up id → the intervention it belongs to. */
  followUpInterventions: Map<number, number>;
};

function valueText(field: string, value: unknown, lookups: RevisionLookups): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? "ja" : "nej";
  if (field === "typeId") return lookups.typeNames.get(Number(value)) ?? String(value);
  if (field === "responsibleOrganisationId") return lookups.organisationNames.get(Number(value)) ?? String(value);
  if (field === "interventionId") return lookups.interventionNames.get(Number(value)) ?? String(value);
  return ENUM_LABELS[field]?.[String(value)] ?? String(value);
}

const ACTION_TEXT: Record<string, string> = {
  created: "Lade till",
  updated: "Ändrade",
  ended: "Avslutade",
  declined: "Registrerade att ungdomen tackade nej till",
  done: "Genomförde",
};

export function describeRevision(
  revision: { entity: DocumentationEntity; entityId: number; action: string; changes: Record<string, [unknown, unknown]> },
  lookups: RevisionLookups,
) {
  const interventionId =
    revision.entity === "intervention" ? revision.entityId : revision.entity === "follow_up" ? lookups.followUpInterventions.get(revision.entityId) : undefined;
  const interventionName = interventionId ? (lookups.interventionNames.get(interventionId) ?? "insats") : "";
  const what = {
    assessment: "kartläggningen",
    plan: "planen",
    intervention: `insatsen ${interventionName}`,
    follow_up: `en uppföljning av ${interventionName}`,
  }[revision.entity];
  return {
    summary: `${ACTION_TEXT[revision.action] ?? revision.action} ${what}`,
    changes: Object.entries(revision.changes)
      .filter(([field]) => !(revision.entity === "follow_up" && field === "interventionId"))
      .map(([field, [before, after]]) => ({
        field: FIELD_LABELS[field] ?? field,
        before: valueText(field, before, lookups),
        after: valueText(field, after, lookups),
      })),
  };
}
