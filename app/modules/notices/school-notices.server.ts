/**
 * The school's side of its notices: open one, correct or withdraw it until the home municipality has
 * received it, mark a notice to a municipality without a KAA unit in the portal as sent by hand, and
 * the duplicate check before filing. Every read and write goes through the access kernel's notice
 * decisions (decideNotices, logNoticeWrite): a notice of another school is the same 404 as none.
 */
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { memberships, municipalities, noticeRevisions, notices, users, type NoticeStatus } from "#db/schema";
import { OPEN_NOTICE_STATUSES, SCHOOL_EDITABLE_STATUSES } from "#db/schema/notices-values";
import type { FieldErrors } from "~/lib/form-fields";
import { notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { decideNotices, logNoticeWrite } from "~/modules/access/records.server";
import type { NoticeInput } from "~/modules/notices/notice-schema";
import { readNotice } from "~/modules/notices/notices.server";
import { noticeColumns } from "./notice-columns";
import { municipalitiesWithKaaUnit } from "~/modules/organizations/municipalities.server";
import { parsePersonalNumber } from "~/modules/youth/personal-number";

type Notice = typeof notices.$inferSelect;
export type ChangeResult = { ok: true; status: NoticeStatus } | { ok: false; errors: FieldErrors };

const isEditable = (status: NoticeStatus) => (SCHOOL_EDITABLE_STATUSES as readonly NoticeStatus[]).includes(status);

const NOT_EDITABLE: Partial<Record<NoticeStatus, string>> = {
  received: "Hemkommunen har redan tagit emot anmälan. Den kan inte ändras eller återkallas; kontakta hemkommunen.",
  handled: "Hemkommunen har redan tagit emot anmälan. Den kan inte ändras eller återkallas; kontakta hemkommunen.",
  withdrawn: "Anmälan är återkallad.",
  sent_manually: "Anmälan är skickad manuellt till hemkommunen. Kontakta kommunen om något behöver rättas.",
};

/** The school's own notice, opened (and logged) by the kernel; 404 for anyone else's. */
export function readSchoolNotice(actor: Actor, noticeId: number) {
  const data = readNotice(actor, noticeId);
  if (data.asRegisterKeeper) throw notFound();
  const db = getDb();
  const { notice } = data;
  const home = db.select({ code: municipalities.code }).from(municipalities).where(eq(municipalities.id, notice.homeMunicipalityId)).get()!;
  const byName = (membershipId: number | null) =>
    membershipId === null
      ? null
      : (db
          .select({ name: users.displayName })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(eq(memberships.id, membershipId))
          .get()?.name ?? null);
  const history = db
    .select({ id: noticeRevisions.id, action: noticeRevisions.action, at: noticeRevisions.at, byName: users.displayName })
    .from(noticeRevisions)
    .innerJoin(memberships, eq(memberships.id, noticeRevisions.byMembershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(noticeRevisions.noticeId, notice.id))
    .orderBy(desc(noticeRevisions.at), desc(noticeRevisions.id))
    .all();
  return {
    ...data,
    municipalityCode: home.code,
    editable: isEditable(notice.status),
    notEditableReason: NOT_EDITABLE[notice.status] ?? null,
    manuallySentByName: byName(notice.manuallySentByMembershipId),
    withdrawnByName: byName(notice.withdrawnByMembershipId),
    history,
  };
}

/** The notice for a change by its school: the write is decided by the kernel; a refusal is logged and 404. */
function openForChange(actor: Actor, noticeId: number) {
  const { notice, asRegisterKeeper } = readNotice(actor, noticeId);
  const decision = decideNotices(actor, [notice], "write", "write", "none").get(notice.id)!;
  if (asRegisterKeeper || !decision.allowed || decision.basis !== "notice_sender") {
    decideNotices(actor, [notice], "write", "write", "all");
    throw notFound();
  }
  return { notice, decision };
}

/** What a correction can change, as it was: kept in notice_revisions. */
function snapshot(n: Notice) {
  const { kind, personalNumber, firstName, lastName, homeMunicipalityId, programme, eventDate, reason, contactName, contactPhone, contactEmail, status } = n;
  return JSON.stringify({
    kind,
    personalNumber,
    firstName,
    lastName,
    homeMunicipalityId,
    programme,
    eventDate,
    reason,
    contactName,
    contactPhone,
    contactEmail,
    status,
  });
}

/** Thrown inside a transaction when the notice's state changed under us (received meanwhile): rolls back. */
class StateChanged extends Error {}

function changeInTransaction(actor: Actor, noticeId: number, write: (tx: Tx, notice: Notice, whereState: SQL) => NoticeStatus): ChangeResult {
  const { notice, decision } = openForChange(actor, noticeId);
  if (!isEditable(notice.status)) return { ok: false, errors: { form: NOT_EDITABLE[notice.status] ?? "Anmälan kan inte ändras." } };
  try {
    const status = getDb().transaction((tx) => {
      const next = write(tx, notice, and(eq(notices.id, notice.id), eq(notices.status, notice.status))!);
      logNoticeWrite(actor, notice, notice.youthId, decision, tx);
      return next;
    });
    return { ok: true, status };
  } catch (error) {
    if (error instanceof StateChanged) return { ok: false, errors: { form: NOT_EDITABLE.received! } };
    throw error;
  }
}

/**
 * Corrects a notice not yet received, keeping its earlier values. A corrected home municipality is
 * routed again: to its KAA unit if it has one in the portal, else to be sent by hand.
 */
export function correctNotice(actor: Actor, noticeId: number, input: NoticeInput): ChangeResult {
  const parsed = parsePersonalNumber(input.personalNumber);
  if (!parsed.ok) return { ok: false, errors: { personalNumber: parsed.error } };
  const reachable = municipalitiesWithKaaUnit([input.homeMunicipalityId]).has(input.homeMunicipalityId);
  return changeInTransaction(actor, noticeId, (tx, notice, whereState) => {
    const status: NoticeStatus = reachable ? "sent" : "to_send_manually";
    const changed = tx
      .update(notices)
      .set({ ...noticeColumns(input, parsed.value.normalized), status })
      .where(whereState)
      .run().changes;
    if (changed !== 1) throw new StateChanged();
    tx.insert(noticeRevisions)
      .values({ noticeId: notice.id, action: "corrected", previous: snapshot(notice), byMembershipId: actor.membershipId })
      .run();
    return status;
  });
}

/** Withdraws a notice not yet received. It stays, marked återkallad, with who and when. */
export function withdrawNotice(actor: Actor, noticeId: number): ChangeResult {
  return changeInTransaction(actor, noticeId, (tx, notice, whereState) => {
    const changed = tx
      .update(notices)
      .set({ status: "withdrawn", withdrawnAt: new Date().toISOString(), withdrawnByMembershipId: actor.membershipId })
      .where(whereState)
      .run().changes;
    if (changed !== 1) throw new StateChanged();
    tx.insert(noticeRevisions)
      .values({ noticeId: notice.id, action: "withdrawn", previous: snapshot(notice), byMembershipId: actor.membershipId })
      .run();
    return "withdrawn";
  });
}

/** The school has sent the printed notice by post or e-mail: recorded with when and by whom. */
export function markNoticeSentManually(actor: Actor, noticeId: number): ChangeResult {
  const { notice, decision } = openForChange(actor, noticeId);
  if (notice.status === "sent_manually") return { ok: true, status: "sent_manually" };
  if (notice.status !== "to_send_manually") return { ok: false, errors: { form: "Anmälan skickas genom portalen och ska inte skickas manuellt." } };
  getDb().transaction((tx) => {
    tx.update(notices)
      .set({ status: "sent_manually", manuallySentAt: new Date().toISOString(), manuallySentByMembershipId: actor.membershipId })
      .where(and(eq(notices.id, notice.id), eq(notices.status, "to_send_manually")))
      .run();
    logNoticeWrite(actor, notice, notice.youthId, decision, tx);
  });
  return { ok: true, status: "sent_manually" };
}

/**
 * An open notice from this school of the same kind, about the same person, to the same home
 * municipality: likely what is about to be filed again. Read along notices_school_person.
 */
export function findOpenDuplicate(actor: Actor, input: NoticeInput) {
  const parsed = parsePersonalNumber(input.personalNumber);
  if (!parsed.ok || actor.organisationId === null) return null;
  const row =
    getDb()
      .select()
      .from(notices)
      .where(
        and(
          eq(notices.schoolOrganisationId, actor.organisationId),
          eq(notices.personalNumber, parsed.value.normalized),
          eq(notices.homeMunicipalityId, input.homeMunicipalityId),
          eq(notices.kind, input.kind),
          inArray(notices.status, [...OPEN_NOTICE_STATUSES]),
        ),
      )
      .orderBy(desc(notices.createdAt))
      .get() ?? null;
  if (!row) return null;
  // Shown to the school as a link: logged like a list row.
  if (!decideNotices(actor, [row], "read", "list", "allowed").get(row.id)!.allowed) return null;
  return { id: row.id, createdAt: row.createdAt, status: row.status };
}
