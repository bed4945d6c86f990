/**
 * School notices (Skollagen 15 kap. 15 §). A school files them and follows their status; the KAA
 * unit of the youth's home municipality receives them. Every showing of a notice is logged.
 */
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "#db/client";
import { municipalities, notices, organisations, youths, type InboxStatus } from "#db/schema";
import { INBOX_STATUSES } from "#db/schema/notices-values";
import { cappedCount } from "~/lib/capped-count.server";
import { COUNT_CAP, pageCountOf, pageWithin, type CappedCount } from "~/lib/counting";
import { forbidden, notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import type { NoticeInput } from "~/modules/notices/notice-schema";
import { noticeColumns } from "./notice-columns";
import { displayPersonalNumber, parsePersonalNumber } from "~/modules/youth/personal-number";
import type { OpenedFile, RegisterAccess } from "~/modules/access/gate.server";
import { mayFileNotices } from "~/modules/access/policy";
import { decideNotices, logMissingNotice, logNoticesFiled } from "~/modules/access/records.server";
import { municipalitiesWithKaaUnit } from "~/modules/organizations/municipalities.server";

export const NOTICE_PAGE_SIZE = 25;

/** The notices `where` finds, counted only up to the cap. */
function countNotices(where: SQL | undefined, countCap: number) {
  return cappedCount(
    getDb()
      .select({ one: sql`1` })
      .from(notices)
      .where(where),
    countCap,
  );
}

/* ------------------------------------------------------------------ the school */

/**
 * Files one or many notices in one transaction: all are stored, or none. A notice to a municipality
 * whose KAA unit is not in the portal reaches no one: it is stored as "att skicka manuellt", for the
 * school to print and send, never as sent.
 */
export function fileNotices(actor: Actor, inputs: NoticeInput[]): number[] {
  if (!mayFileNotices(actor) || actor.organisationId === null) throw forbidden();
  const schoolId = actor.organisationId;
  const db = getDb();
  const reachable = municipalitiesWithKaaUnit(inputs.map((input) => input.homeMunicipalityId));
  return db.transaction((tx) =>
    inputs.map((input) => {
      const parsed = parsePersonalNumber(input.personalNumber);
      if (!parsed.ok) throw new Error("Ogiltigt personnummer i en validerad anmälan");
      const row = tx
        .insert(notices)
        .values({
          schoolOrganisationId: schoolId,
          submittedByMembershipId: actor.membershipId,
          ...noticeColumns(input, parsed.value.normalized),
          status: reachable.has(input.homeMunicipalityId) ? "sent" : "to_send_manually",
        })
        .returning()
        .get();
      logNoticesFiled(actor, [row], tx);
      return row.id;
    }),
  );
}

/** The school's own notices with their status; nothing of the youth file. Counting stops at `countCap`. */
export function listSchoolNotices(actor: Actor, pageAsked: number, countCap = COUNT_CAP) {
  if (!mayFileNotices(actor) || actor.organisationId === null) throw forbidden();
  const db = getDb();
  const where = eq(notices.schoolOrganisationId, actor.organisationId);
  const { total, moreThanCap } = countNotices(where, countCap);
  const pageCount = pageCountOf(total, NOTICE_PAGE_SIZE);
  const page = pageWithin(pageAsked, pageCount);
  const rows = db
    .select({ notice: notices, municipalityName: municipalities.name })
    .from(notices)
    .innerJoin(municipalities, eq(municipalities.id, notices.homeMunicipalityId))
    .where(where)
    .orderBy(desc(notices.createdAt), desc(notices.id))
    .limit(NOTICE_PAGE_SIZE)
    .offset((page - 1) * NOTICE_PAGE_SIZE)
    .all();
  decideNotices(
    actor,
    rows.map((r) => r.notice),
    "read",
    "list",
    "allowed",
  );
  return {
    total,
    moreThanCap,
    page,
    pageCount,
    rows: rows.map(({ notice: n, municipalityName }) => ({
      id: n.id,
      kind: n.kind,
      name: `${n.lastName}, ${n.firstName}`,
      personalNumber: displayPersonalNumber(n.personalNumber),
      eventDate: n.eventDate,
      municipalityName,
      status: n.status,
      createdAt: n.createdAt,
      receivedAt: n.receivedAt,
    })),
  };
}

/* ------------------------------------------------------------------ the KAA inbox */

/**
 * Notices to the actor's KAA unit, oldest first (the longest wait on top). Each status tab is counted
 * on its own along notices_inbox (municipality, status, …) and stops at `countCap`: a GROUP BY would
 * read every notice the municipality ever received.
 */
export function listInbox(register: RegisterAccess, status: InboxStatus, pageAsked: number, countCap = COUNT_CAP) {
  const db = getDb();
  const inStatus = (s: InboxStatus) => and(eq(notices.homeMunicipalityId, register.municipalityId), eq(notices.status, s));
  const counts = Object.fromEntries(INBOX_STATUSES.map((s) => [s, countNotices(inStatus(s), countCap)])) as Record<InboxStatus, CappedCount>;
  const { total, moreThanCap } = counts[status];
  const pageCount = pageCountOf(total, NOTICE_PAGE_SIZE);
  const page = pageWithin(pageAsked, pageCount);
  const where = inStatus(status);
  const rows = db
    .select({ notice: notices, schoolName: organisations.name, schoolOrganiserKind: organisations.schoolOrganiserKind })
    .from(notices)
    .innerJoin(organisations, eq(organisations.id, notices.schoolOrganisationId))
    .where(where)
    .orderBy(status === "sent" ? asc(notices.createdAt) : desc(notices.createdAt), asc(notices.id))
    .limit(NOTICE_PAGE_SIZE)
    .offset((page - 1) * NOTICE_PAGE_SIZE)
    .all();
  decideNotices(
    register.actor,
    rows.map((r) => r.notice),
    "read",
    "list",
    "allowed",
  );
  return {
    total,
    moreThanCap,
    counts,
    page,
    pageCount,
    rows: rows.map(({ notice: n, schoolName, schoolOrganiserKind }) => ({
      id: n.id,
      kind: n.kind,
      name: `${n.lastName}, ${n.firstName}`,
      schoolName,
      schoolOrganiserKind,
      eventDate: n.eventDate,
      createdAt: n.createdAt,
      youthId: n.youthId,
    })),
  };
}

export function readNotice(actor: Actor, noticeId: number) {
  const db = getDb();
  const row = Number.isInteger(noticeId) ? (db.select().from(notices).where(eq(notices.id, noticeId)).get() ?? null) : null;
  if (!row) {
    logMissingNotice(actor);
    throw notFound();
  }
  const decision = decideNotices(actor, [row], "read", "read", "all").get(row.id)!;
  if (!decision.allowed) throw notFound();
  const school = db.select().from(organisations).where(eq(organisations.id, row.schoolOrganisationId)).get()!;
  const municipality = db.select().from(municipalities).where(eq(municipalities.id, row.homeMunicipalityId)).get()!;
  // For the KAA unit: is the person already in the register?
  const existingYouth =
    decision.basis === "register_keeper"
      ? (db
          .select({ id: youths.id })
          .from(youths)
          .where(and(eq(youths.homeMunicipalityId, row.homeMunicipalityId), eq(youths.personalNumber, row.personalNumber)))
          .get() ?? null)
      : null;
  return {
    notice: { ...row, personalNumberFormatted: displayPersonalNumber(row.personalNumber) },
    schoolName: school.name,
    schoolOrganiserKind: school.schoolOrganiserKind,
    schoolOrganiserName: school.schoolOrganiserName,
    municipalityName: municipality.name,
    existingYouthId: existingYouth?.id ?? null,
    asRegisterKeeper: decision.basis === "register_keeper",
  };
}

/** Notices about a youth, for the youth page. */
export function noticesOfYouth(file: OpenedFile<"notices">) {
  const db = getDb();
  return (
    db
      .select({
        id: notices.id,
        kind: notices.kind,
        eventDate: notices.eventDate,
        programme: notices.programme,
        reason: notices.reason,
        status: notices.status,
        createdAt: notices.createdAt,
        schoolName: organisations.name,
        contactName: notices.contactName,
        contactPhone: notices.contactPhone,
        contactEmail: notices.contactEmail,
      })
      .from(notices)
      .innerJoin(organisations, eq(organisations.id, notices.schoolOrganisationId))
      // Read by the youth's index; the register is tested per row (the unary + keeps SQLite from
      // walking the municipality's notices instead, which an index on (municipality, date) would invite).
      .where(and(sql`+${notices.homeMunicipalityId} = ${file.municipalityId}`, eq(notices.youthId, file.id)))
      .orderBy(desc(notices.createdAt))
      .all()
  );
}
