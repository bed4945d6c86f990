/**
 * Socialtjänsten keeps a report of concern's handling status, and the professional reporter is told
 * each step, as SoL 14 kap. 1 a § requires: "received" when socialtjänsten first opens the report,
 * then each later status. The reporter's notice names the report's number and the status, never the
 * child; the link leads to the report, which checks access again.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { concernReports, concernReportStatuses, memberships, users, type ConcernHandlingStatus } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { forbidden, notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { decideConcernReports } from "~/modules/access/records.server";
import { notify, notifyOrganisation } from "~/modules/notifications/notifications.server";
import { isMembershipActive } from "~/modules/organizations/memberships.server";
import { CONCERN_STATUS_LABELS, nextConcernStatuses, type ConcernStatusInput } from "./concern-status";

type ReportRow = typeof concernReports.$inferSelect;
type Result = { ok: true } | { ok: false; errors: FieldErrors };

export const concernTopic = (reportId: number) => `concern:${reportId}`;

/** The reporter is told: the one who filed the report, or once that membership has ended, those who may report for its organisation. */
function tellReporter(tx: Tx, row: ReportRow, status: ConcernHandlingStatus, recipientName: string, causedBy: number) {
  const message = {
    kind: status === "received" ? ("concern_report_received" as const) : ("concern_report_status" as const),
    title: `Orosanmälan ${row.id}: ${CONCERN_STATUS_LABELS[status]}`,
    body:
      status === "received"
        ? `${recipientName} har tagit emot anmälan.`
        : `${recipientName} har ändrat handläggningsstatus till ”${CONCERN_STATUS_LABELS[status]}”.`,
    link: `/orosanmalningar/${row.id}`,
    topic: concernTopic(row.id),
  };
  if (isMembershipActive(tx, row.reporterMembershipId)) notify(tx, [{ ...message, membershipId: row.reporterMembershipId }], { causedBy });
  else notifyOrganisation(tx, row.reporterOrganisationId, message, { roles: ["kaa_coordinator", "kaa_caseworker", "school_staff"], causedBy });
}

/**
 * Moves the report from `from` to `to` in the caller's transaction: the current status, the history
 * row and the reporter's notice together. False when someone else moved it first.
 */
function recordStatus(tx: Tx, actor: Actor, row: ReportRow, from: ConcernHandlingStatus | null, to: ConcernHandlingStatus, note: string | null) {
  const changed = tx
    .update(concernReports)
    .set({ handlingStatus: to })
    .where(and(eq(concernReports.id, row.id), from === null ? isNull(concernReports.handlingStatus) : eq(concernReports.handlingStatus, from)))
    .run().changes;
  if (changed === 0) return false;
  tx.insert(concernReportStatuses).values({ reportId: row.id, status: to, note, byMembershipId: actor.membershipId }).run();
  tellReporter(tx, row, to, actor.organisationName ?? "Socialtjänsten", actor.membershipId);
  return true;
}

/** Socialtjänsten opened the report for the first time: it is received, and the reporter is told. */
export function markConcernReceived(actor: Actor, row: ReportRow) {
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    const first = tx
      .update(concernReports)
      .set({ receivedAt: now, receivedByMembershipId: actor.membershipId })
      .where(and(eq(concernReports.id, row.id), isNull(concernReports.receivedAt)))
      .run().changes;
    if (first > 0) recordStatus(tx, actor, row, null, "received", null);
  });
  row.receivedAt = now;
  row.handlingStatus ??= "received";
}

/** Socialtjänsten gives the report its next handling status; anything else is a 4xx with a Swedish message. */
export function setConcernStatus(actor: Actor, reportId: number, input: ConcernStatusInput): Result {
  const db = getDb();
  const row = Number.isSafeInteger(reportId) ? db.select().from(concernReports).where(eq(concernReports.id, reportId)).get() : undefined;
  if (!row) throw notFound();
  if (!decideConcernReports(actor, [row], "write", "write").get(row.id)?.allowed) {
    // The reporter may read the report but not handle it; anyone else gets the same 404 as for none.
    if (actor.organisationId === row.reporterOrganisationId) throw forbidden("Bara socialtjänsten som tagit emot anmälan sätter dess status.");
    throw notFound();
  }
  const allowed = nextConcernStatuses(row.handlingStatus);
  if (!allowed.includes(input.status)) {
    const current = row.handlingStatus ? `”${CONCERN_STATUS_LABELS[row.handlingStatus]}”` : "ingen status";
    const next = allowed.map((s) => `”${CONCERN_STATUS_LABELS[s]}”`).join(" eller ");
    return {
      ok: false,
      errors: { status: next ? `Anmälan har ${current}. Nästa status kan bara vara ${next}.` : `Anmälan har ${current}, som är ett slutligt besked.` },
    };
  }
  const done = db.transaction((tx) => recordStatus(tx, actor, row, row.handlingStatus, input.status, input.note ?? null));
  if (!done) return { ok: false, errors: { form: "Anmälan ändrades just av någon annan. Ladda om sidan och försök igen." } };
  return { ok: true };
}

/** The report's statuses, oldest first: socialtjänsten sees who and its notes, the reporter only what and when. */
export function concernStatusHistory(reportId: number, forRecipient: boolean) {
  const rows = getDb()
    .select({
      id: concernReportStatuses.id,
      status: concernReportStatuses.status,
      at: concernReportStatuses.at,
      note: concernReportStatuses.note,
      by: users.displayName,
    })
    .from(concernReportStatuses)
    .innerJoin(memberships, eq(memberships.id, concernReportStatuses.byMembershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(concernReportStatuses.reportId, reportId))
    .orderBy(asc(concernReportStatuses.at), asc(concernReportStatuses.id))
    .all();
  return rows.map((r) => (forRecipient ? r : { id: r.id, status: r.status, at: r.at, note: null, by: null }));
}
