/**
 * Records about a youth that travel to another organisation on their own ground: referrals (on the
 * consent they rest on) and reports of concern (on the duty to report). The domain modules load the
 * rows; the kernel decides each with the pure policy, logs the decisions of one request in one
 * transaction, and returns them.
 */
import type { ReferralStatus } from "#db/schema";
import type { Actor } from "~/modules/auth/actor.server";
import { commitAudit, writeAudit, type AuditAction, type AuditEntry } from "./audit.server";
import { consentsOfYouths } from "./consents-loader.server";
import { decide, decideConcernReport, decideNotice, decideReferral, mayUseRegister, type Decision, type PolicyConcernReport } from "./policy";

export type ReferralRecord = {
  id: number;
  youthId: string;
  municipalityId: number;
  recipientOrganisationId: number;
  status: ReferralStatus;
  consentId: number;
};

/**
 * Decides the actor's access to each referral (decideReferral, on the consent each rests on). With
 * `log: "all"` every decision is logged (a single referral opened or worked); with "allowed" only
 * those shown (a list). One transaction for the request's rows.
 */
export function decideReferrals(
  actor: Actor,
  rows: readonly ReferralRecord[],
  action: "read" | "write",
  logAs: AuditAction,
  log: "all" | "allowed",
): Map<number, Decision> {
  const consents = consentsOfYouths([...new Set(rows.map((r) => r.youthId))]);
  const out = new Map<number, Decision>();
  const entries: AuditEntry[] = [];
  for (const row of rows) {
    const consent = consents.get(row.youthId)?.find((c) => c.id === row.consentId);
    const decision = consent
      ? decideReferral(
          actor,
          { id: row.id, recipientOrganisationId: row.recipientOrganisationId, homeMunicipalityId: row.municipalityId, status: row.status, consent },
          action,
        )
      : ({ allowed: false, reason: "not_found" } as const);
    out.set(row.id, decision);
    if (log === "all" || decision.allowed)
      entries.push({ actor, youthId: row.youthId, youthMunicipalityId: row.municipalityId, section: "referrals", action: logAs, decision });
  }
  commitAudit(entries);
  return out;
}

/** The consent a referral rests on, as the policy sees it (for showing its date to the recipient). */
export function referralConsent(row: ReferralRecord) {
  return (
    consentsOfYouths([row.youthId])
      .get(row.youthId)
      ?.find((c) => c.id === row.consentId) ?? null
  );
}

export type ConcernReportRecord = {
  id: number;
  youthId: string | null;
  homeMunicipalityId: number;
  recipientOrganisationId: number;
  reporterOrganisationId: number;
};

/** Decides and logs each report of concern shown or opened (decideConcernReport), in one transaction. */
export function decideConcernReports(actor: Actor, rows: readonly ConcernReportRecord[], action: "read" | "write", logAs: AuditAction): Map<number, Decision> {
  const out = new Map<number, Decision>();
  const entries: AuditEntry[] = [];
  for (const row of rows) {
    const policyReport: PolicyConcernReport = {
      id: row.id,
      recipientOrganisationId: row.recipientOrganisationId,
      reporterOrganisationId: row.reporterOrganisationId,
    };
    const decision = decideConcernReport(actor, policyReport, action);
    out.set(row.id, decision);
    entries.push({ actor, youthId: row.youthId, youthMunicipalityId: row.homeMunicipalityId, section: "concern_reports", action: logAs, decision });
  }
  commitAudit(entries);
  return out;
}

/** Logs a report of concern filed, inside the transaction that stores it. The duty to report is its ground. */
export function logConcernReportFiled(actor: Actor, report: ConcernReportRecord, tx: Parameters<typeof writeAudit>[1]) {
  writeAudit(
    [
      {
        actor,
        youthId: report.youthId,
        youthMunicipalityId: report.homeMunicipalityId,
        section: "concern_reports",
        action: "create",
        decision: { allowed: true, basis: "concern_report", basisRef: String(report.id) },
      },
    ],
    tx,
  );
}

/**
 * The consents of youths for a re-check that no viewer makes (the system unlinking meeting case items
 * after a withdrawal or an expiry): what the policy needs, to judge coverage; nothing is shown.
 */
export function consentsForRecheck(youthIds: readonly string[]) {
  return consentsOfYouths(youthIds);
}

/* ------------------------------------------------------------------ school notices */

export type NoticeRecord = { id: number; youthId: string | null; homeMunicipalityId: number; schoolOrganisationId: number };

/**
 * Decides the actor's access to each notice (decideNotice: the school that sent it, or the KAA unit
 * of the youth's home municipality) and logs the decisions of the request in one transaction: every
 * one for a notice opened or worked, only those shown for a list.
 */
export function decideNotices(
  actor: Actor,
  rows: readonly NoticeRecord[],
  action: "read" | "write",
  logAs: AuditAction,
  log: "all" | "allowed" | "none",
): Map<number, Decision> {
  const out = new Map<number, Decision>();
  const entries: AuditEntry[] = [];
  for (const row of rows) {
    const decision = decideNotice(actor, row, action);
    out.set(row.id, decision);
    if (log === "all" || (log === "allowed" && decision.allowed))
      entries.push({ actor, youthId: row.youthId, youthMunicipalityId: row.homeMunicipalityId, section: "notices", action: logAs, decision });
  }
  commitAudit(entries);
  return out;
}

/** Logs a change to a notice (received, linked to a youth) inside the transaction that makes it, with the youth it now names. */
export function logNoticeWrite(actor: Actor, notice: NoticeRecord, youthId: string | null, decision: Decision, tx: Parameters<typeof writeAudit>[1]) {
  writeAudit([{ actor, youthId, youthMunicipalityId: notice.homeMunicipalityId, section: "notices", action: "write", decision }], tx);
}

/** A notice opened that does not exist: the attempt is logged, and the caller answers 404. */
export function logMissingNotice(actor: Actor) {
  commitAudit([{ actor, youthId: null, youthMunicipalityId: null, section: "notices", action: "read", decision: { allowed: false, reason: "not_found" } }]);
}

/** Logs notices filed by their school, inside the transaction that stores them. */
export function logNoticesFiled(actor: Actor, rows: readonly NoticeRecord[], tx: Parameters<typeof writeAudit>[1]) {
  writeAudit(
    rows.map((row) => ({
      actor,
      youthId: row.youthId,
      youthMunicipalityId: row.homeMunicipalityId,
      section: "notices" as const,
      action: "create" as const,
      decision: { allowed: true, basis: "notice_sender" } as const,
    })),
    tx,
  );
}

/* ------------------------------------------------------------------ the population register */

export type LookupDecision = { allowed: true; mayShowAddress: boolean } | { allowed: false; reason: Extract<Decision, { allowed: false }>["reason"] };

/**
 * A look-up in the population register is an access to a person's identity, made only by the KAA
 * unit of the person's home municipality (folkbokföringskommun), and logged like any other. A
 * protected address (skyddad identitet) is shown to the samordnare only, and that showing is logged
 * too. `homeMunicipalityId` is the person's folkbokföringskommun in the portal, or null when it is
 * outside the portal: then no KAA unit in the portal keeps the person's register, and it is refused.
 */
export function decidePopulationLookup(
  actor: Actor,
  person: { homeMunicipalityId: number | null; protectedIdentity: boolean; youthId: string | null },
): LookupDecision {
  const homeMunicipalityId = person.homeMunicipalityId;
  const subject = homeMunicipalityId === null ? null : { homeMunicipalityId, protectedIdentity: person.protectedIdentity };
  const identity = subject ? decide(actor, subject, "identity", "read") : ({ allowed: false, reason: "other_municipality" } as const);
  const entries: AuditEntry[] = [
    { actor, youthId: person.youthId, youthMunicipalityId: homeMunicipalityId, section: "identity", action: "lookup", decision: identity },
  ];
  let mayShowAddress = !person.protectedIdentity;
  if (identity.allowed && person.protectedIdentity && subject) {
    const address = decide(actor, subject, "protected_address", "read");
    mayShowAddress = address.allowed;
    if (address.allowed)
      entries.push({
        actor,
        youthId: person.youthId,
        youthMunicipalityId: homeMunicipalityId,
        section: "protected_address",
        action: "lookup",
        decision: address,
      });
  }
  commitAudit(entries);
  return identity.allowed ? { allowed: true, mayShowAddress } : { allowed: false, reason: identity.reason };
}

/** May the actor look up in the population register at all (before asking it)? Refusals are logged. */
export function mayLookUpPopulationRegister(actor: Actor): boolean {
  if (mayUseRegister(actor)) return true;
  commitAudit([{ actor, youthId: null, youthMunicipalityId: null, section: "identity", action: "lookup", decision: { allowed: false, reason: "role" } }]);
  return false;
}

/* ------------------------------------------------------------------ school lists */

/**
 * A school list shown row by row (personnummer of students) to the organisation it belongs to. The
 * rows are not youths of a register (no youth id), so one row per page shown is logged, naming the
 * list in basisRef: enough for a log review to find who read which list when.
 */
export function logSchoolListShown(actor: Actor, listId: number) {
  commitAudit([
    {
      actor,
      youthId: null,
      youthMunicipalityId: null,
      section: "school_lists",
      action: "read",
      decision: { allowed: true, basis: "school_list_owner", basisRef: String(listId) },
    },
  ]);
}

/** A school list opened that does not exist or is another organisation's: logged, and the caller answers 404. */
export function logSchoolListRefused(actor: Actor) {
  commitAudit([
    { actor, youthId: null, youthMunicipalityId: null, section: "school_lists", action: "read", decision: { allowed: false, reason: "not_found" } },
  ]);
}

/**
 * Logs that the register keeper told the KAA unit of a youth's new home municipality that the youth
 * moved there (the youth's identity leaves this register: logged against the youth it was about).
 */
export function logMoveNoticeSent(actor: Actor, youth: { id: string; municipalityId: number }, tx: Parameters<typeof writeAudit>[1]) {
  writeAudit(
    [
      {
        actor,
        youthId: youth.id,
        youthMunicipalityId: youth.municipalityId,
        section: "notices",
        action: "create",
        decision: { allowed: true, basis: "register_keeper" },
      },
    ],
    tx,
  );
}
