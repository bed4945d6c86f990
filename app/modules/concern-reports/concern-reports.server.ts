/**
 * Orosanmälan (SoL 14 kap. 1 §): staff of the KAA unit or a school report a concern about a youth
 * under 18 to socialtjänsten in the youth's home municipality. The duty needs no consent, and the
 * report opens no other part of the youth file. Every showing is logged like any other access.
 */
import { and, count, desc, eq, or } from "drizzle-orm";
import { getDb } from "#db/client";
import { concernReports, memberships, municipalities, organisations, users } from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-fields";
import { forbidden, notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import type { ConcernReportInput } from "~/modules/referrals/referral-schemas";
import { ageOn, parsePersonalNumber } from "~/modules/youth/personal-number";
import { writeAudit } from "~/modules/access/audit.server";
import { requireSection } from "~/modules/access/gate.server";
import { decideConcernReport, mayReportConcern, type Decision } from "~/modules/access/policy";

type Result = { ok: true; id: number } | { ok: false; errors: FieldErrors };
type ReportRow = typeof concernReports.$inferSelect;

export const CONCERN_PAGE_SIZE = 25;

/** Who the report is about: a youth in the KAA unit's register, or a pupil the school names. */
export type ConcernSubject =
  | { kind: "registered"; youthId: string }
  | { kind: "named"; personalNumber: string; firstName: string; lastName: string; homeMunicipalityId: number };

/** The social services of a municipality, where its reports of concern go. */
export function socialServicesOf(municipalityId: number) {
  return getDb()
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.municipalityId, municipalityId), eq(organisations.kind, "social_services")))
    .orderBy(organisations.name)
    .all();
}

function log(actor: Actor, row: ReportRow, action: "read" | "list" | "create" | "write", decision: Decision) {
  writeAudit({ actor, youthId: row.youthId, youthMunicipalityId: row.homeMunicipalityId, section: "concern_reports", action, decision });
}

export function fileConcernReport(actor: Actor, subject: ConcernSubject, input: ConcernReportInput & { recipientOrganisationId?: number | null }): Result {
  if (!mayReportConcern(actor) || actor.organisationId === null) throw forbidden();
  const today = todayIso();
  let person: { youthId: string | null; personalNumber: string; firstName: string; lastName: string; homeMunicipalityId: number; birthDate: string };
  if (subject.kind === "registered") {
    // The KAA unit reports from its own register; the name and number come from there, not a form.
    const youth = requireSection(actor, subject.youthId, "identity", "read", { registerKeeperOnly: true });
    person = { youthId: youth.id, personalNumber: youth.personalNumber, firstName: youth.firstName, lastName: youth.lastName, homeMunicipalityId: youth.homeMunicipalityId, birthDate: youth.birthDate };
  } else {
    const parsed = parsePersonalNumber(subject.personalNumber);
    if (!parsed.ok) return { ok: false, errors: { personalNumber: parsed.error } };
    // A school's report is its own: it is not joined to the KAA register, which the school may not see.
    person = { youthId: null, personalNumber: parsed.value.normalized, firstName: subject.firstName, lastName: subject.lastName, homeMunicipalityId: subject.homeMunicipalityId, birthDate: parsed.value.birthDate };
  }
  if (ageOn(person.birthDate, today) >= 18) {
    return { ok: false, errors: { form: "Ungdomen har fyllt 18 år. En orosanmälan enligt SoL 14 kap. 1 § gäller barn under 18 år; kontakta socialtjänsten direkt om en vuxen behöver stöd." } };
  }
  const recipients = socialServicesOf(person.homeMunicipalityId);
  if (recipients.length === 0) {
    return { ok: false, errors: { form: "Ungdomens hemkommun har ingen socialtjänst i portalen. Gör anmälan direkt till socialtjänsten, per telefon eller skriftligt." } };
  }
  const recipient = input.recipientOrganisationId ? recipients.find((r) => r.id === input.recipientOrganisationId) : recipients.length === 1 ? recipients[0] : undefined;
  if (!recipient) return { ok: false, errors: { recipientOrganisationId: "Välj vilken socialtjänst anmälan går till." } };
  const id = getDb().transaction((tx) => {
    const row = tx
      .insert(concernReports)
      .values({
        youthId: person.youthId,
        personalNumber: person.personalNumber,
        firstName: person.firstName,
        lastName: person.lastName,
        homeMunicipalityId: person.homeMunicipalityId,
        recipientOrganisationId: recipient.id,
        reporterMembershipId: actor.membershipId,
        reporterOrganisationId: actor.organisationId!,
        reporterPhone: input.reporterPhone ?? null,
        observed: input.observed,
        observedWhen: input.observedWhen,
      })
      .returning()
      .get();
    log(actor, row, "create", { allowed: true, basis: "concern_report", basisRef: String(row.id) });
    return row.id;
  });
  return { ok: true, id };
}

const policyReport = (row: ReportRow | undefined) => (row ? { id: row.id, recipientOrganisationId: row.recipientOrganisationId, reporterOrganisationId: row.reporterOrganisationId } : null);

/** One report. Socialtjänsten opening it marks it received. */
export function readConcernReport(actor: Actor, reportId: number) {
  const db = getDb();
  const row = db.select().from(concernReports).where(eq(concernReports.id, reportId)).get();
  const decision = decideConcernReport(actor, policyReport(row), "read");
  if (row) log(actor, row, "read", decision);
  if (!row || !decision.allowed) throw notFound();
  const isRecipient = actor.organisationId === row.recipientOrganisationId;
  if (isRecipient && !row.receivedAt) {
    db.update(concernReports).set({ receivedAt: new Date().toISOString(), receivedByMembershipId: actor.membershipId }).where(eq(concernReports.id, row.id)).run();
    row.receivedAt = new Date().toISOString();
  }
  const names = db
    .select({ org: organisations.id, orgName: organisations.name })
    .from(organisations)
    .where(or(eq(organisations.id, row.reporterOrganisationId), eq(organisations.id, row.recipientOrganisationId)))
    .all();
  const reporter = db.select({ name: users.displayName }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.id, row.reporterMembershipId)).get();
  return {
    isRecipient,
    report: {
      id: row.id,
      name: `${row.firstName} ${row.lastName}`,
      personalNumber: `${row.personalNumber.slice(0, 8)}-${row.personalNumber.slice(8)}`,
      homeMunicipality: db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, row.homeMunicipalityId)).get()?.name ?? "",
      observed: row.observed,
      observedWhen: row.observedWhen,
      reporterName: reporter?.name ?? "",
      reporterOrganisation: names.find((n) => n.org === row.reporterOrganisationId)?.orgName ?? "",
      reporterPhone: row.reporterPhone,
      recipientName: names.find((n) => n.org === row.recipientOrganisationId)?.orgName ?? "",
      createdAt: row.createdAt,
      receivedAt: row.receivedAt,
    },
  };
}

/** Socialtjänsten's received reports, or the reports the actor's organisation has sent. */
export function listConcernReports(actor: Actor, page: number) {
  if (actor.organisationId === null) throw forbidden();
  const received = actor.organisationKind === "social_services";
  if (!received && !mayReportConcern(actor)) throw forbidden();
  const db = getDb();
  const where = received ? eq(concernReports.recipientOrganisationId, actor.organisationId) : eq(concernReports.reporterOrganisationId, actor.organisationId);
  const total = db.select({ n: count() }).from(concernReports).where(where).get()?.n ?? 0;
  const rows = db
    .select()
    .from(concernReports)
    .where(where)
    .orderBy(desc(concernReports.createdAt), desc(concernReports.id))
    .limit(CONCERN_PAGE_SIZE)
    .offset((page - 1) * CONCERN_PAGE_SIZE)
    .all();
  writeAudit(
    rows.map((row) => ({ actor, youthId: row.youthId, youthMunicipalityId: row.homeMunicipalityId, section: "concern_reports" as const, action: "list" as const, decision: decideConcernReport(actor, policyReport(row), "read") })),
  );
  return {
    received,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / CONCERN_PAGE_SIZE)),
    rows: rows.map((r) => ({ id: r.id, name: `${r.lastName}, ${r.firstName}`, createdAt: r.createdAt, observedWhen: r.observedWhen, receivedAt: r.receivedAt })),
  };
}

/** The KAA unit's own reports about one youth, for the youth page. */
export function concernReportsOfYouth(actor: Actor, youthId: string) {
  requireSection(actor, youthId, "concern_reports", "read");
  return getDb()
    .select({ id: concernReports.id, createdAt: concernReports.createdAt, observedWhen: concernReports.observedWhen, receivedAt: concernReports.receivedAt })
    .from(concernReports)
    .where(and(eq(concernReports.youthId, youthId), eq(concernReports.reporterOrganisationId, actor.organisationId ?? -1)))
    .orderBy(desc(concernReports.createdAt))
    .all();
}
