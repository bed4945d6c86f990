/**
 * Case items on the agendas of samverkan meetings: the only code that links a youth to a meeting,
 * re-checks those links against the youth's consents, and shows a linked youth to a participant.
 * Each participant's view of each section is decided by decide() and logged (checkSection), so a
 * meeting is no side door into a youth file.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { getDb, type Db, type Tx } from "#db/client";
import {
  agendaItems,
  enrollments,
  interventions,
  interventionTypes,
  meetingParticipants,
  meetings,
  memberships,
  organisations,
  plans,
  youths,
  type CaseItemSection,
} from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { Actor } from "~/modules/auth/actor.server";
import { caseItemCoverage, parseCaseSections, type CaseItemCoverage } from "~/modules/meetings/case-item-consent";
import { CASE_SECTION_SHORT } from "~/modules/meetings/labels";
import { consentsRechecked } from "~/modules/meetings/permissions";
import { kaaUnitOf } from "~/modules/organizations/memberships.server";
import { ageOn, parsePersonalNumber } from "~/modules/youth/personal-number";
import { RESPONSIBLE_PARTY_LABELS } from "~/modules/documentation/labels";
import { writeAudit } from "~/modules/access/audit.server";
import { checkSection, policyConsentsOf, type PolicyYouthRow } from "~/modules/access/gate.server";
import { decide, mayUseRegister, type AccessBasis } from "~/modules/access/policy";

/* ------------------------------------------------------------------ who takes part */

export type ParticipatingOrganisations = { organisationIds: number[]; unaffiliatedGuests: string[] };

/** The organisations of everyone invited to the meeting and not removed, members and guests alike. */
export function participatingOrganisations(meetingId: number, db: Db | Tx = getDb()): ParticipatingOrganisations {
  const rows = db
    .select({ membershipOrganisationId: memberships.organisationId, guestOrganisationId: meetingParticipants.guestOrganisationId, guestName: meetingParticipants.guestName, membershipId: meetingParticipants.membershipId })
    .from(meetingParticipants)
    .leftJoin(memberships, eq(memberships.id, meetingParticipants.membershipId))
    .where(and(eq(meetingParticipants.meetingId, meetingId), isNull(meetingParticipants.removedAt)))
    .all();
  const organisationIds = new Set<number>();
  const unaffiliatedGuests: string[] = [];
  for (const row of rows) {
    const organisationId = row.membershipId !== null ? row.membershipOrganisationId : row.guestOrganisationId;
    if (organisationId !== null) organisationIds.add(organisationId);
    else unaffiliatedGuests.push(row.guestName ?? "Okänd gäst");
  }
  return { organisationIds: [...organisationIds].sort((a, b) => a - b), unaffiliatedGuests };
}

/** Does a consent in force cover every participating organisation for every section? */
export function coverageFor(youth: { id: string; homeMunicipalityId: number }, meetingId: number, sections: readonly CaseItemSection[], today = todayIso(), db: Db | Tx = getDb()): CaseItemCoverage {
  const participants = participatingOrganisations(meetingId, db);
  return caseItemCoverage({
    sections,
    participatingOrganisationIds: participants.organisationIds,
    unaffiliatedGuests: participants.unaffiliatedGuests,
    homeKaaOrganisationId: kaaUnitOf(youth.homeMunicipalityId)?.id ?? null,
    consents: policyConsentsOf(youth.id),
    today,
  });
}

/** "Socialtjänsten Nässjö (namn och ålder, planering); gästen Eva Ek (organisation utanför portalen)". */
export function describeMissingCoverage(coverage: Extract<CaseItemCoverage, { covered: false }>): string[] {
  const names = new Map(
    coverage.missing.length === 0
      ? []
      : getDb()
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, coverage.missing.map((m) => m.organisationId)))
          .all()
          .map((o) => [o.id, o.name] as const),
  );
  return [
    ...coverage.missing.map((m) => `${names.get(m.organisationId) ?? "Okänd organisation"} (${m.sections.map((s) => CASE_SECTION_SHORT[s]).join(", ")})`),
    ...coverage.unaffiliatedGuests.map((name) => `gästen ${name} (organisation utanför portalen)`),
  ];
}

/* ------------------------------------------------------------------ linking */

export type FoundYouth = { ok: true; youth: PolicyYouthRow } | { ok: false; field: "personalNumber" | "form"; error: string };

/**
 * Finds the youth a case item is to name, by personnummer in the actor's own register. Only the
 * KAA unit of the forum's municipality keeps that register; the search is logged like any other.
 */
export function findYouthForCaseItem(actor: Actor, forumMunicipalityId: number, personalNumber: string): FoundYouth {
  if (!mayUseRegister(actor) || actor.municipalityId !== forumMunicipalityId) {
    return { ok: false, field: "form", error: "Bara KAA-enhetens personal kan koppla en ärendepunkt till en ungdom i registret. Lägg till punkten avidentifierad." };
  }
  const parsed = parsePersonalNumber(personalNumber);
  if (!parsed.ok) return { ok: false, field: "personalNumber", error: parsed.error };
  const row = getDb()
    .select()
    .from(youths)
    .where(and(eq(youths.homeMunicipalityId, forumMunicipalityId), eq(youths.personalNumber, parsed.value.normalized)))
    .get();
  if (!row) return { ok: false, field: "personalNumber", error: "Det finns ingen ungdom med det personnumret i registret." };
  const withConsents: PolicyYouthRow = { ...row, consents: policyConsentsOf(row.id) };
  const decision = decide(actor, withConsents, "identity", "read");
  writeAudit({ actor, youthId: row.id, youthMunicipalityId: row.homeMunicipalityId, section: "identity", action: "search", decision });
  if (!decision.allowed) return { ok: false, field: "personalNumber", error: "Det finns ingen ungdom med det personnumret i registret." };
  return { ok: true, youth: withConsents };
}

/** Logs that the actor put the youth on a meeting's agenda (inside the caller's transaction). */
export function logCaseItemLink(actor: Actor, youth: PolicyYouthRow, tx: Tx) {
  writeAudit({ actor, youthId: youth.id, youthMunicipalityId: youth.homeMunicipalityId, section: "identity", action: "create", decision: decide(actor, youth, "identity", "write") }, tx);
}

/* ------------------------------------------------------------------ re-checking links */

type LinkedItem = { id: number; meetingId: number; youthId: string; caseSections: string | null; homeMunicipalityId: number };

function unlinkUncovered(items: LinkedItem[], now: Date, db: Db): { itemId: number; meetingId: number }[] {
  const today = todayIso(now);
  const removed: { itemId: number; meetingId: number }[] = [];
  for (const item of items) {
    const coverage = coverageFor({ id: item.youthId, homeMunicipalityId: item.homeMunicipalityId }, item.meetingId, parseCaseSections(item.caseSections), today, db);
    if (coverage.covered) continue;
    const reason =
      coverage.missing.length > 0
        ? `Kopplingen till ungdomen togs bort ${today}: inget samtycke i kraft omfattar längre alla organisationer som deltar i mötet.`
        : `Kopplingen till ungdomen togs bort ${today}: en gäst från en organisation utanför portalen deltar i mötet.`;
    db.update(agendaItems)
      .set({ youthId: null, caseSections: null, anonymisedAt: now.toISOString(), anonymisedReason: reason })
      .where(and(eq(agendaItems.id, item.id), isNotNull(agendaItems.youthId)))
      .run();
    removed.push({ itemId: item.id, meetingId: item.meetingId });
  }
  return removed;
}

function linkedItems(where: ReturnType<typeof and>, db: Db): LinkedItem[] {
  return db
    .select({ id: agendaItems.id, meetingId: agendaItems.meetingId, youthId: agendaItems.youthId, caseSections: agendaItems.caseSections, homeMunicipalityId: youths.homeMunicipalityId, status: meetings.status })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(youths, eq(youths.id, agendaItems.youthId))
    .where(where)
    .all()
    .filter((row) => consentsRechecked(row.status))
    .map((row) => ({ ...row, youthId: row.youthId! }));
}

/**
 * Re-checks the linked case items of one meeting that is not yet held; an item whose youth's consents
 * no longer cover every participating organisation loses its link and shows only its anonymised
 * text. Returns the items unlinked.
 */
export function reconcileMeetingCaseItems(meetingId: number, now = new Date()) {
  const db = getDb();
  return db.transaction(() => unlinkUncovered(linkedItems(and(eq(agendaItems.meetingId, meetingId), isNotNull(agendaItems.youthId)), db), now, db));
}

/**
 * Re-checks every case item naming the youth on a meeting not yet held, and unlinks those no longer
 * covered. The consent module calls it (through unlinkUncoveredCaseItems in the meetings module,
 * which also tells the chairs) right after a consent is withdrawn or changed.
 */
export function unlinkCaseItemsOfYouth(youthId: string, now = new Date()) {
  const db = getDb();
  return db.transaction(() => unlinkUncovered(linkedItems(and(eq(agendaItems.youthId, youthId)), db), now, db));
}

/* ------------------------------------------------------------------ showing a linked youth */


export type CasePlanView = {
  goal: string | null;
  interventions: { type: string; responsible: string; startDate: string; plannedEndDate: string }[];
};

export type CaseItemView =
  | { kind: "linked"; basis: AccessBasis; identity: { name: string; age: number } | null; plan: CasePlanView | null; hiddenSections: CaseItemSection[] }
  | { kind: "hidden"; hiddenSections: CaseItemSection[] };

function planOf(youthId: string): CasePlanView {
  const db = getDb();
  // The plan of the open enrollment, or else of the latest one.
  const plan = db
    .select({ id: plans.id, goal: plans.goal, enrollmentId: plans.enrollmentId })
    .from(plans)
    .innerJoin(enrollments, eq(enrollments.id, plans.enrollmentId))
    .where(eq(plans.youthId, youthId))
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
      return { type: r.type, responsible: who ? `${RESPONSIBLE_PARTY_LABELS[r.responsibleParty]} (${who})` : RESPONSIBLE_PARTY_LABELS[r.responsibleParty], startDate: r.startDate, plannedEndDate: r.plannedEndDate };
    }),
  };
}

/**
 * What the viewer may see of a linked case item: each section the item shows is decided for this
 * viewer and logged. A section denied is left out and listed; if all are denied the item is hidden.
 */
export function viewCaseItem(actor: Actor, item: { youthId: string; caseSections: string | null }, today = todayIso()): CaseItemView {
  const sections = parseCaseSections(item.caseSections);
  let identity: { name: string; age: number } | null = null;
  let plan: CasePlanView | null = null;
  const hiddenSections: CaseItemSection[] = [];
  let basis: AccessBasis = "register_keeper";
  for (const section of sections) {
    const { row, decision } = checkSection(actor, item.youthId, section, "read");
    if (!row || !decision.allowed) {
      hiddenSections.push(section);
      continue;
    }
    basis = decision.basis;
    if (section === "identity") identity = { name: `${row.firstName} ${row.lastName}`, age: ageOn(row.birthDate, today) };
    else plan = planOf(row.id);
  }
  if (identity === null && plan === null) return { kind: "hidden", hiddenSections };
  return { kind: "linked", basis, identity, plan, hiddenSections };
}
