/**
 * Keeping case items within sekretess: a case item names a youth only while a consent in force
 * covers every organisation taking part in the meeting for every section the item shows. This file
 * judges that coverage, and re-checks linked items of meetings not yet held when consents or
 * participants change (or a meeting is read before it is held); an item no longer covered loses its
 * link. Showing a linked youth is case-item-access.server.ts, through the gate.
 */
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { getDb, type Db, type Tx } from "#db/client";
import { agendaItems, meetingParticipants, meetings, memberships, organisations, youths, type CaseItemSection } from "#db/schema";
import { todayIso } from "~/lib/dates";
import { caseItemCoverage, parseCaseSections, type CaseItemCoverage } from "~/modules/meetings/case-item-consent";
import { CASE_SECTION_SHORT } from "~/modules/meetings/labels";
import { consentsRechecked } from "~/modules/meetings/permissions";
import { kaaUnitOf } from "~/modules/organizations/memberships.server";
import type { OpenedFile } from "~/modules/access/gate.server";
import type { PolicyConsent } from "~/modules/access/policy";
// Interim: the re-check runs for no viewer (the system, after a consent changed), so it cannot open a
// youth file. It reads the consents through the kernel's own loader until the kernel exports a
// function for exactly this (asked for: policyConsentsForRecheck(youthIds)). Used in this file only.
import { consentsForRecheck as policyConsentsForRecheck } from "~/modules/access/records.server";

/* ------------------------------------------------------------------ who takes part */

export type ParticipatingOrganisations = { organisationIds: number[]; unaffiliatedGuests: string[] };

/** The organisations of everyone invited to the meeting and not removed, members and guests alike. */
export function participatingOrganisations(meetingId: number, db: Db | Tx = getDb()): ParticipatingOrganisations {
  const rows = db
    .select({
      membershipOrganisationId: memberships.organisationId,
      guestOrganisationId: meetingParticipants.guestOrganisationId,
      guestName: meetingParticipants.guestName,
      membershipId: meetingParticipants.membershipId,
    })
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

/**
 * Does a consent in force cover every participating organisation for every section? The consents
 * are those the gate loaded (`file.consents`, opened with `withConsents`) or the re-check's own.
 */
export function coverageFor(
  youth: { homeMunicipalityId: number },
  consents: readonly PolicyConsent[],
  meetingId: number,
  sections: readonly CaseItemSection[],
  today = todayIso(),
  db: Db | Tx = getDb(),
): CaseItemCoverage {
  const participants = participatingOrganisations(meetingId, db);
  return caseItemCoverage({
    sections,
    participatingOrganisationIds: participants.organisationIds,
    unaffiliatedGuests: participants.unaffiliatedGuests,
    homeKaaOrganisationId: kaaUnitOf(youth.homeMunicipalityId)?.id ?? null,
    consents,
    today,
  });
}

/**
 * The same for an item already linked, judged for no viewer (the chair accepting a proposal, the
 * re-checks below): only the answer leaves here, never the consents or the youth.
 */
export function linkedItemCoverage(
  item: { youthId: string; homeMunicipalityId: number },
  meetingId: number,
  sections: readonly CaseItemSection[],
  today = todayIso(),
  db: Db | Tx = getDb(),
) {
  const consents = policyConsentsForRecheck([item.youthId]).get(item.youthId) ?? [];
  return coverageFor(item, consents, meetingId, sections, today, db);
}

/** "Socialtjänsten Nässjö (namn och ålder, planering); gästen Eva Ek (organisation utanför portalen)". */
export function describeMissingCoverage(coverage: Extract<CaseItemCoverage, { covered: false }>): string[] {
  const names = new Map(
    coverage.missing.length === 0
      ? []
      : getDb()
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(
            inArray(
              organisations.id,
              coverage.missing.map((m) => m.organisationId),
            ),
          )
          .all()
          .map((o) => [o.id, o.name] as const),
  );
  return [
    ...coverage.missing.map((m) => `${names.get(m.organisationId) ?? "Okänd organisation"} (${m.sections.map((s) => CASE_SECTION_SHORT[s]).join(", ")})`),
    ...coverage.unaffiliatedGuests.map((name) => `gästen ${name} (organisation utanför portalen)`),
  ];
}

/* ------------------------------------------------------------------ re-checking links */

type LinkedItem = { id: number; meetingId: number; youthId: string; caseSections: string | null; homeMunicipalityId: number };

function unlinkUncovered(items: LinkedItem[], now: Date, db: Db): { itemId: number; meetingId: number }[] {
  const today = todayIso(now);
  const removed: { itemId: number; meetingId: number }[] = [];
  // One load of consents for every youth on the items, not one per item.
  const consentsById = policyConsentsForRecheck([...new Set(items.map((i) => i.youthId))]);
  for (const item of items) {
    const coverage = coverageFor(item, consentsById.get(item.youthId) ?? [], item.meetingId, parseCaseSections(item.caseSections), today, db);
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
    .select({
      id: agendaItems.id,
      meetingId: agendaItems.meetingId,
      youthId: agendaItems.youthId,
      caseSections: agendaItems.caseSections,
      homeMunicipalityId: youths.homeMunicipalityId,
      status: meetings.status,
    })
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
 * covered. Called (through unlinkUncoveredCaseItems, which also tells the chairs) by whoever just
 * changed the youth's consents, holding the file opened to write them.
 */
export function unlinkCaseItemsOfYouth(file: OpenedFile<never, "consents">, now = new Date()) {
  const db = getDb();
  return db.transaction(() => unlinkUncovered(linkedItems(and(eq(agendaItems.youthId, file.id)), db), now, db));
}
