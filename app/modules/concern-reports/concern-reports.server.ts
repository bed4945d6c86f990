/**
 * Orosanmälan (SoL 14 kap. 1 §): staff of the KAA unit or a school report a concern about a youth
 * under 18 to socialtjänsten in the youth's home municipality. The duty needs no consent, and the
 * report opens no other part of the youth file. Every showing is logged like any other access.
 */
import { and, desc, eq, or, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { concernReports, memberships, municipalities, organisations, users } from "#db/schema";
import { cappedCount } from "~/lib/capped-count.server";
import { COUNT_CAP, pageCountOf, pageWithin } from "~/lib/counting";
import { todayIso } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-fields";
import { forbidden, notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import type { ConcernReportInput } from "~/modules/concern-reports/concern-report-schemas";
import { displayPersonalNumber, ageOn, parsePersonalNumber } from "~/modules/youth/personal-number";
import type { YouthFile } from "~/modules/access/gate.server";
import type { OwnFile } from "~/modules/access/own-file.server";
import { decideConcernReports, logConcernReportFiled } from "~/modules/access/records.server";
import { mayReportConcern } from "~/modules/access/policy";
import { concernStatusHistory, markConcernReceived } from "./concern-status.server";
import { nextConcernStatuses } from "./concern-status";

type Result = { ok: true; id: number } | { ok: false; errors: FieldErrors };
type ReportRow = typeof concernReports.$inferSelect;

export const CONCERN_PAGE_SIZE = 25;

/** A pupil the reporter names (a school's report is its own: not joined to the KAA register). */
export type NamedPupil = { personalNumber: string; firstName: string; lastName: string; homeMunicipalityId: number };

type Person = { youthId: string | null; personalNumber: string; firstName: string; lastName: string; homeMunicipalityId: number; birthDate: string };
type ReportInput = ConcernReportInput & { recipientOrganisationId?: number | null };

/** The social services of a municipality, where its reports of concern go. */
export function socialServicesOf(municipalityId: number) {
  return getDb()
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.municipalityId, municipalityId), eq(organisations.kind, "social_services")))
    .orderBy(organisations.name)
    .all();
}

/**
 * A report about a youth in the KAA unit's register. The name and number come from the register
 * (the file, opened registerKeeperOnly for identity by the route), not from a form.
 */
export function fileConcernReport(file: YouthFile<"identity">, input: ReportInput): Result {
  const { youth } = file;
  return fileReport(
    file.actor,
    {
      youthId: youth.id,
      personalNumber: youth.personalNumber,
      firstName: youth.firstName,
      lastName: youth.lastName,
      homeMunicipalityId: youth.homeMunicipalityId,
      birthDate: youth.birthDate,
    },
    input,
  );
}

/** A report about a pupil the reporter names (a school, or a youth outside the KAA register). */
export function fileNamedConcernReport(actor: Actor, pupil: NamedPupil, input: ReportInput): Result {
  const parsed = parsePersonalNumber(pupil.personalNumber);
  if (!parsed.ok) return { ok: false, errors: { personalNumber: parsed.error } };
  // A school's report is its own: it is not joined to the KAA register, which the school may not see.
  return fileReport(
    actor,
    {
      youthId: null,
      personalNumber: parsed.value.normalized,
      firstName: pupil.firstName,
      lastName: pupil.lastName,
      homeMunicipalityId: pupil.homeMunicipalityId,
      birthDate: parsed.value.birthDate,
    },
    input,
  );
}

function fileReport(actor: Actor, person: Person, input: ReportInput): Result {
  if (!mayReportConcern(actor) || actor.organisationId === null) throw forbidden();
  const today = todayIso();
  if (ageOn(person.birthDate, today) >= 18) {
    return {
      ok: false,
      errors: {
        form: "Ungdomen har fyllt 18 år. En orosanmälan enligt SoL 14 kap. 1 § gäller barn under 18 år; kontakta socialtjänsten direkt om en vuxen behöver stöd.",
      },
    };
  }
  const recipients = socialServicesOf(person.homeMunicipalityId);
  if (recipients.length === 0) {
    return {
      ok: false,
      errors: { form: "Ungdomens hemkommun har ingen socialtjänst i portalen. Gör anmälan direkt till socialtjänsten, per telefon eller skriftligt." },
    };
  }
  const recipient = input.recipientOrganisationId
    ? recipients.find((r) => r.id === input.recipientOrganisationId)
    : recipients.length === 1
      ? recipients[0]
      : undefined;
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
    logConcernReportFiled(actor, row, tx);
    return row.id;
  });
  return { ok: true, id };
}

/** The report if the actor may read it, its decision logged either way; a missing report is a 404 without a log row. */
function gateReport(actor: Actor, reportId: number): ReportRow {
  const row = Number.isSafeInteger(reportId) ? getDb().select().from(concernReports).where(eq(concernReports.id, reportId)).get() : undefined;
  if (!row) throw notFound();
  if (!decideConcernReports(actor, [row], "read", "read").get(row.id)?.allowed) throw notFound();
  return row;
}

/** One report. Socialtjänsten opening it marks it received. */
export function readConcernReport(actor: Actor, reportId: number) {
  const db = getDb();
  const row = gateReport(actor, reportId);
  const isRecipient = actor.organisationId === row.recipientOrganisationId;
  if (isRecipient && !row.receivedAt) markConcernReceived(actor, row);
  const names = db
    .select({ org: organisations.id, orgName: organisations.name })
    .from(organisations)
    .where(or(eq(organisations.id, row.reporterOrganisationId), eq(organisations.id, row.recipientOrganisationId)))
    .all();
  const reporter = db
    .select({ name: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.id, row.reporterMembershipId))
    .get();
  return {
    isRecipient,
    report: {
      id: row.id,
      name: `${row.firstName} ${row.lastName}`,
      personalNumber: displayPersonalNumber(row.personalNumber),
      homeMunicipality: db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, row.homeMunicipalityId)).get()?.name ?? "",
      observed: row.observed,
      observedWhen: row.observedWhen,
      reporterName: reporter?.name ?? "",
      reporterOrganisation: names.find((n) => n.org === row.reporterOrganisationId)?.orgName ?? "",
      reporterPhone: row.reporterPhone,
      recipientName: names.find((n) => n.org === row.recipientOrganisationId)?.orgName ?? "",
      createdAt: row.createdAt,
      receivedAt: row.receivedAt,
      handlingStatus: row.handlingStatus,
    },
    statuses: concernStatusHistory(row.id, isRecipient),
    nextStatuses: isRecipient ? nextConcernStatuses(row.handlingStatus) : [],
  };
}

/** Socialtjänsten's received reports, or the reports the actor's organisation has sent. Counting stops at `countCap`. */
export function listConcernReports(actor: Actor, pageAsked: number, countCap = COUNT_CAP) {
  if (actor.organisationId === null) throw forbidden();
  const received = actor.organisationKind === "social_services";
  if (!received && !mayReportConcern(actor)) throw forbidden();
  const db = getDb();
  const where = received ? eq(concernReports.recipientOrganisationId, actor.organisationId) : eq(concernReports.reporterOrganisationId, actor.organisationId);
  const { total, moreThanCap } = cappedCount(
    db
      .select({ one: sql`1` })
      .from(concernReports)
      .where(where),
    countCap,
  );
  const pageCount = pageCountOf(total, CONCERN_PAGE_SIZE);
  const page = pageWithin(pageAsked, pageCount);
  const rows = db
    .select()
    .from(concernReports)
    .where(where)
    .orderBy(desc(concernReports.createdAt), desc(concernReports.id))
    .limit(CONCERN_PAGE_SIZE)
    .offset((page - 1) * CONCERN_PAGE_SIZE)
    .all();
  // Every report on the page is decided and logged, in one transaction.
  decideConcernReports(actor, rows, "read", "list");
  return {
    received,
    total,
    moreThanCap,
    page,
    pageCount,
    rows: rows.map((r) => ({
      id: r.id,
      name: `${r.lastName}, ${r.firstName}`,
      createdAt: r.createdAt,
      observedWhen: r.observedWhen,
      receivedAt: r.receivedAt,
      handlingStatus: r.handlingStatus,
    })),
  };
}

/** The KAA unit's own reports about one youth, for the youth page. */
export function concernReportsOfYouth(file: YouthFile<"concern_reports">) {
  return getDb()
    .select({ id: concernReports.id, createdAt: concernReports.createdAt, observedWhen: concernReports.observedWhen, receivedAt: concernReports.receivedAt })
    .from(concernReports)
    .where(and(eq(concernReports.youthId, file.id), eq(concernReports.reporterOrganisationId, file.actor.organisationId ?? -1)))
    .orderBy(desc(concernReports.createdAt))
    .all();
}

/**
 * The reports about the youth as their registerutdrag shows them: that a report was made, when, and to
 * which socialtjänst. Not who reported or what was written: the reporter's identity may be secret toward
 * the family (OSL 26 kap. 5 §), and socialtjänsten, which holds the report, answers for what it says.
 */
export function concernReportsAboutSubject(file: OwnFile<"concern_reports">) {
  if (file.relation !== "self") throw notFound();
  return getDb()
    .select({ id: concernReports.id, createdAt: concernReports.createdAt, recipientName: organisations.name })
    .from(concernReports)
    .innerJoin(organisations, eq(organisations.id, concernReports.recipientOrganisationId))
    .where(eq(concernReports.youthId, file.id))
    .orderBy(desc(concernReports.createdAt))
    .all();
}
