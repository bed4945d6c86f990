/**
 * Receiving a school notice in the KAA unit's inbox: the youth is linked or registered, an
 * enrollment opened, and the notice marked received, in one transaction.
 */
import { and, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { notices } from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-fields";
import { notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { decideNotices, logNoticeWrite } from "~/modules/access/records.server";
import type { StoredNoticeKind } from "~/modules/notices/notice-schema";
import { assertCaseworker, assignCaseworkerIfNone, insertEnrollment } from "~/modules/outreach/enrollments.server";
import { registrationFromNotice } from "~/modules/outreach/scb-registration";
import type { YouthCreateInput } from "~/modules/youth/youth-schema";
import { createYouth } from "~/modules/youth/youth-file.server";
import { tellSchoolReceived } from "./notice-received.server";
import { readNotice } from "./notices.server";

const START_REASON_BY_KIND: Record<StoredNoticeKind, "notice_dropout" | "notice_absence" | "notice_not_started" | "notice_started" | "moved_in"> = {
  dropout: "notice_dropout",
  absence: "notice_absence",
  not_started: "notice_not_started",
  started: "notice_started",
  moved: "moved_in",
};

export type ReceiveResult = { ok: true; youthId: string | null } | { ok: false; errors: FieldErrors };

/**
 * Receiving a notice links it to the youth already in the register (same personnummer) or registers
 * the youth, and opens an enrollment with the notice as its start reason, unless one is open. A notice
 * that a youth has *started* studies opens no enrollment. All in one transaction. The caseworker who
 * receives it is the enrollment's caseworker unless they chose another (or none).
 */
export function receiveNotice(actor: Actor, noticeId: number, identity: YouthCreateInput | null, caseworkerMembershipId: number | null = null): ReceiveResult {
  const { notice, existingYouthId, asRegisterKeeper } = readNotice(actor, noticeId);
  // A refusal is logged now; an allowed write is logged inside the transaction below, with the youth it links.
  const writeDecision = asRegisterKeeper ? decideNotices(actor, [notice], "write", "write", "none").get(notice.id)! : null;
  if (!writeDecision?.allowed) {
    decideNotices(actor, [notice], "write", "write", "all");
    throw notFound();
  }
  if (notice.status === "withdrawn") return { ok: false, errors: { form: "Skolan har återkallat anmälan." } };
  if (notice.status !== "sent") return { ok: false, errors: { form: "Anmälan är redan mottagen." } };
  const notCaseworker = assertCaseworker(actor, caseworkerMembershipId);
  if (notCaseworker) return { ok: false, errors: notCaseworker };
  const db = getDb();
  const now = new Date().toISOString();
  const today = todayIso();
  const opensEnrollment = notice.kind !== "started";
  // The notice is the source: its kind and programme say the SCB reason and last school occupation, where they can.
  const enrollmentFrom = {
    startReason: START_REASON_BY_KIND[notice.kind],
    sourceNoticeId: notice.id,
    caseworkerMembershipId,
    ...registrationFromNotice(notice),
  };
  const markReceived = (tx: Parameters<Parameters<typeof db.transaction>[0]>[0], youthId: string | null) => {
    const { changes } = tx
      .update(notices)
      .set({ status: "received", youthId, receivedAt: now, receivedByMembershipId: actor.membershipId })
      .where(and(eq(notices.id, notice.id), eq(notices.status, "sent")))
      .run();
    // Received by someone else between the read above and this write (two clicks at once): undo, say so.
    if (changes === 0) throw new Response("Anmälan är redan mottagen.", { status: 409 });
    logNoticeWrite(actor, notice, youthId, writeDecision, tx);
    tellSchoolReceived(tx, notice, actor.organisationName ?? "hemkommunen", actor.membershipId);
  };
  if (existingYouthId) {
    const file = openYouthFile(actor, existingYouthId, { write: ["enrollment"] });
    db.transaction((tx) => {
      markReceived(tx, file.id);
      if (!opensEnrollment) return;
      const opened = insertEnrollment(tx, file, { startDate: today, ...enrollmentFrom }, { unlessOpen: true });
      // An enrollment already open keeps its caseworker; one without gets the one chosen here.
      if (opened === null && caseworkerMembershipId !== null) assignCaseworkerIfNone(tx, file, caseworkerMembershipId);
    });
    return { ok: true, youthId: file.id };
  }
  if (!opensEnrollment) {
    db.transaction((tx) => markReceived(tx, null));
    return { ok: true, youthId: null };
  }
  if (!identity) return { ok: false, errors: { form: "Fyll i ungdomens uppgifter för att registrera ungdomen." } };
  if (identity.personalNumber.replace(/\D/g, "").slice(-10) !== notice.personalNumber.slice(-10) || identity.homeMunicipalityId !== notice.homeMunicipalityId) {
    return { ok: false, errors: { form: "Personnummer och hemkommun ska vara desamma som i anmälan." } };
  }
  const result = createYouth(actor, identity, (tx, created) => {
    markReceived(tx, created.id);
    insertEnrollment(tx, created, { startDate: today, ...enrollmentFrom });
  });
  if (!result.ok) return { ok: false, errors: result.errors };
  return { ok: true, youthId: result.id };
}

export function markNoticeHandled(actor: Actor, noticeId: number) {
  const { notice, asRegisterKeeper } = readNotice(actor, noticeId);
  const decision = asRegisterKeeper ? decideNotices(actor, [notice], "write", "write", "all").get(notice.id)! : null;
  if (!decision?.allowed) throw notFound();
  if (notice.status === "handled") return;
  getDb().update(notices).set({ status: "handled", handledAt: new Date().toISOString() }).where(eq(notices.id, notice.id)).run();
}
