/**
 * A youth on a meeting's agenda, through the gate: finding the youth a case item is to name (a
 * search in the KAA unit's own register) and showing linked youths to a participant. Each page
 * opens the files of every youth it shows in one batch, so each participant's view of each section
 * is decided and logged once per page, and a meeting is no side door into a youth file.
 */
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { enrollments, interventions, interventionTypes, organisations, plans, youths, type CaseItemSection } from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { Actor } from "~/modules/auth/actor.server";
import { parseCaseSections } from "~/modules/meetings/case-item-consent";
import { ageOn, parsePersonalNumber } from "~/modules/youth/personal-number";
import { RESPONSIBLE_PARTY_LABELS } from "~/modules/documentation/labels";
import { openRegister, openYouthFile, openYouthFiles, type YouthFile } from "~/modules/access/gate.server";
import { mayUseRegister, type AccessBasis } from "~/modules/access/policy";

/* ------------------------------------------------------------------ linking */

export type FoundYouth = { ok: true; file: YouthFile<never, "identity"> } | { ok: false; field: "personalNumber" | "form"; error: string };

const NOT_IN_REGISTER = "Det finns ingen ungdom med det personnumret i registret.";

/**
 * Finds the youth a case item is to name, by personnummer in the actor's own register. Only the
 * KAA unit of the forum's municipality keeps that register; the search is logged like any other.
 * The youth's file comes back opened for the link (a write to the youth's identity: the youth is
 * named on an agenda), with the consents the coverage is judged on.
 */
export function findYouthForCaseItem(actor: Actor, forumMunicipalityId: number, personalNumber: string): FoundYouth {
  if (!mayUseRegister(actor) || actor.municipalityId !== forumMunicipalityId) {
    return {
      ok: false,
      field: "form",
      error: "Bara KAA-enhetens personal kan koppla en ärendepunkt till en ungdom i registret. Lägg till punkten avidentifierad.",
    };
  }
  const parsed = parsePersonalNumber(personalNumber);
  if (!parsed.ok) return { ok: false, field: "personalNumber", error: parsed.error };
  const register = openRegister(actor);
  const row = getDb()
    .select({ id: youths.id })
    .from(youths)
    .where(and(eq(youths.homeMunicipalityId, register.municipalityId), eq(youths.personalNumber, parsed.value.normalized)))
    .get();
  if (!row) return { ok: false, field: "personalNumber", error: NOT_IN_REGISTER };
  register.logListed([row.id], "identity", "search");
  try {
    return { ok: true, file: openYouthFile(actor, row.id, { write: ["identity"], withConsents: true }) };
  } catch (error) {
    // Refused (logged by the gate): the same answer as a personnummer not in the register.
    if (error instanceof Response && error.status === 404) return { ok: false, field: "personalNumber", error: NOT_IN_REGISTER };
    throw error;
  }
}

/* ------------------------------------------------------------------ showing linked youths */

export type CasePlanView = {
  goal: string | null;
  interventions: { type: string; responsible: string; startDate: string; plannedEndDate: string }[];
};

export type CaseItemView =
  | { kind: "linked"; basis: AccessBasis; identity: { name: string; age: number } | null; plan: CasePlanView | null; hiddenSections: CaseItemSection[] }
  | { kind: "hidden"; hiddenSections: CaseItemSection[] };

function planOf(file: YouthFile<"plan">): CasePlanView {
  const db = getDb();
  // The plan of the open enrollment, or else of the latest one.
  const plan = db
    .select({ id: plans.id, goal: plans.goal, enrollmentId: plans.enrollmentId })
    .from(plans)
    .innerJoin(enrollments, eq(enrollments.id, plans.enrollmentId))
    .where(eq(plans.youthId, file.id))
    .orderBy(desc(isNull(enrollments.endDate)), desc(enrollments.startDate))
    .get();
  if (!plan) return { goal: null, interventions: [] };
  const rows = db
    .select({
      type: interventionTypes.name,
      responsibleParty: interventions.responsibleParty,
      responsibleUnit: interventions.responsibleUnit,
      organisationName: organisations.name,
      responsibleOrganisationName: interventions.responsibleOrganisationName,
      startDate: interventions.startDate,
      plannedEndDate: interventions.plannedEndDate,
    })
    .from(interventions)
    .innerJoin(interventionTypes, eq(interventionTypes.id, interventions.typeId))
    .leftJoin(organisations, eq(organisations.id, interventions.responsibleOrganisationId))
    .where(and(eq(interventions.enrollmentId, plan.enrollmentId), isNull(interventions.endDate), isNull(interventions.declinedDate)))
    .orderBy(asc(interventions.startDate))
    .all();
  return {
    goal: plan.goal,
    interventions: rows.map((r) => {
      const who = r.responsibleUnit ?? r.organisationName ?? r.responsibleOrganisationName;
      return {
        type: r.type,
        responsible: who ? `${RESPONSIBLE_PARTY_LABELS[r.responsibleParty]} (${who})` : RESPONSIBLE_PARTY_LABELS[r.responsibleParty],
        startDate: r.startDate,
        plannedEndDate: r.plannedEndDate,
      };
    }),
  };
}

type CaseFile = YouthFile<CaseItemSection>;

/**
 * Opens, for one page, the files of every youth its linked case items name: each youth once, for
 * the sections its items on the page show, and no more. Youths are grouped by those sections (at
 * most three groups), one gate call and one log transaction per group.
 */
function openCaseFiles(actor: Actor, items: readonly { youthId: string; caseSections: string | null }[]): Map<string, CaseFile> {
  const sectionsOf = new Map<string, Set<CaseItemSection>>();
  for (const item of items) {
    const set = sectionsOf.get(item.youthId) ?? new Set<CaseItemSection>();
    for (const section of parseCaseSections(item.caseSections)) set.add(section);
    sectionsOf.set(item.youthId, set);
  }
  const groups = new Map<string, { sections: CaseItemSection[]; youthIds: string[] }>();
  for (const [youthId, set] of sectionsOf) {
    const sections = (["identity", "plan"] as const).filter((s) => set.has(s));
    if (sections.length === 0) continue;
    const key = sections.join(",");
    const group = groups.get(key) ?? { sections, youthIds: [] };
    group.youthIds.push(youthId);
    groups.set(key, group);
  }
  const files = new Map<string, CaseFile>();
  for (const { sections, youthIds } of groups.values()) {
    for (const [youthId, file] of openYouthFiles<CaseItemSection>(actor, youthIds, { read: sections })) files.set(youthId, file);
  }
  return files;
}

/** What the viewer may see of one linked item, from the files opened for the page. */
function viewOf(files: Map<string, CaseFile>, item: { youthId: string; caseSections: string | null }, today: string): CaseItemView {
  const file = files.get(item.youthId);
  let identity: { name: string; age: number } | null = null;
  let plan: CasePlanView | null = null;
  const hiddenSections: CaseItemSection[] = [];
  let basis: AccessBasis = "register_keeper";
  for (const section of parseCaseSections(item.caseSections)) {
    const decision = file?.decision(section);
    if (!file || !decision?.allowed) {
      hiddenSections.push(section);
      continue;
    }
    basis = decision.basis;
    if (section === "identity") identity = { name: `${file.youth.firstName} ${file.youth.lastName}`, age: ageOn(file.youth.birthDate, today) };
    else plan = planOf(file);
  }
  if (identity === null && plan === null) return { kind: "hidden", hiddenSections };
  return { kind: "linked", basis, identity, plan, hiddenSections };
}

/**
 * What the viewer may see of each linked case item on a page, keyed by agenda item id: each section
 * an item shows is decided for this viewer and logged (once per youth and page). A section denied
 * is left out and listed; if all are denied the item is hidden.
 */
export function viewCaseItems(
  actor: Actor,
  items: readonly { id: number; youthId: string; caseSections: string | null }[],
  today = todayIso(),
): Map<number, CaseItemView> {
  if (items.length === 0) return new Map();
  const files = openCaseFiles(actor, items);
  return new Map(items.map((item) => [item.id, viewOf(files, item, today)]));
}
