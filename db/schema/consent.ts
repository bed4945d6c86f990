import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { memberships, municipalities, organisations, users } from "./organizations";
import { youths } from "./youth";
import { CONCERN_HANDLING_STATUSES, CONSENT_GIVERS, CONSENT_METHODS, CONSENT_REQUEST_STATES, CONSENT_SECTIONS, REFERRAL_STATUSES } from "./consent-values";

export * from "./consent-values";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * Samtycke, referrals (remisser) and reports of concern (orosanmälan), issue 5. Consents are never
 * deleted: a withdrawal is recorded on the consent, and the history stays on the youth page.
 */

export const consents = sqliteTable(
  "consents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    youthId: text("youth_id")
      .notNull()
      .references(() => youths.id),
    // The youth's home municipality (the register the consent belongs to).
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    givenBy: text("given_by", { enum: CONSENT_GIVERS }).notNull(),
    guardianName: text("guardian_name"),
    // For youths under 18: the assessment of the youth's age and maturity.
    maturityNote: text("maturity_note"),
    method: text("method", { enum: CONSENT_METHODS }).notNull(),
    // Written consent: reference to the scanned document in the records system (diarienummer).
    documentRef: text("document_ref"),
    purpose: text("purpose").notNull(),
    validFrom: text("valid_from").notNull(),
    validUntil: text("valid_until").notNull(),
    recordedByMembershipId: integer("recorded_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    recordedAt: text("recorded_at").notNull().default(now),
    withdrawnDate: text("withdrawn_date"),
    withdrawalMethod: text("withdrawal_method", { enum: CONSENT_METHODS }),
    withdrawalNote: text("withdrawal_note"),
    withdrawnByMembershipId: integer("withdrawn_by_membership_id").references(() => memberships.id),
    withdrawnAt: text("withdrawn_at"),
    // The youth withdrew it on Mina sidor (then withdrawn_by_membership_id is null).
    withdrawnByUserId: integer("withdrawn_by_user_id").references(() => users.id),
    // The youth gave it on Mina sidor by accepting a consent request (recorded_by: the caseworker who prepared it).
    givenByUserId: integer("given_by_user_id").references(() => users.id),
    consentRequestId: integer("consent_request_id").references(() => consentRequests.id),
  },
  (t) => [index("consents_youth").on(t.youthId, t.validUntil)],
);

/**
 * A consent the caseworker prepared (recipients, sections, purpose, validity) for the youth to accept or
 * decline on Mina sidor. Accepting records the consent in the same transaction (consents.consent_request_id);
 * the terms never change once prepared, and the answer is written once (triggers in the migration).
 */
export const consentRequests = sqliteTable(
  "consent_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    youthId: text("youth_id")
      .notNull()
      .references(() => youths.id),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    purpose: text("purpose").notNull(),
    validFrom: text("valid_from").notNull(),
    validUntil: text("valid_until").notNull(),
    // For a youth under 18: the caseworker's assessment that the youth can decide this alone.
    maturityNote: text("maturity_note"),
    preparedByMembershipId: integer("prepared_by_membership_id")
      .notNull()
      .references(() => memberships.id),
    createdAt: text("created_at").notNull().default(now),
    state: text("state", { enum: CONSENT_REQUEST_STATES }).notNull().default("pending"),
    answeredAt: text("answered_at"),
    answeredByUserId: integer("answered_by_user_id").references(() => users.id),
    cancelledByMembershipId: integer("cancelled_by_membership_id").references(() => memberships.id),
  },
  (t) => [index("consent_requests_youth").on(t.youthId, t.createdAt)],
);

export const consentRequestRecipients = sqliteTable(
  "consent_request_recipients",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => consentRequests.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.organisationId] })],
);

export const consentRequestSections = sqliteTable(
  "consent_request_sections",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => consentRequests.id),
    section: text("section", { enum: CONSENT_SECTIONS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.section] })],
);

export const consentRecipients = sqliteTable(
  "consent_recipients",
  {
    consentId: integer("consent_id")
      .notNull()
      .references(() => consents.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.consentId, t.organisationId] }), index("consent_recipients_organisation").on(t.organisationId, t.consentId)],
);

export const consentSections = sqliteTable(
  "consent_sections",
  {
    consentId: integer("consent_id")
      .notNull()
      .references(() => consents.id),
    section: text("section", { enum: CONSENT_SECTIONS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.consentId, t.section] })],
);

/** A remiss from the KAA unit to another organisation, resting on a consent that covers it. */
export const referrals = sqliteTable(
  "referrals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    youthId: text("youth_id")
      .notNull()
      .references(() => youths.id),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    consentId: integer("consent_id")
      .notNull()
      .references(() => consents.id),
    senderOrganisationId: integer("sender_organisation_id")
      .notNull()
      .references(() => organisations.id),
    senderMembershipId: integer("sender_membership_id")
      .notNull()
      .references(() => memberships.id),
    recipientOrganisationId: integer("recipient_organisation_id")
      .notNull()
      .references(() => organisations.id),
    question: text("question").notNull(),
    requestedIntervention: text("requested_intervention").notNull(),
    status: text("status", { enum: REFERRAL_STATUSES }).notNull().default("sent"),
    sentAt: text("sent_at").notNull().default(now),
    receivedAt: text("received_at"),
    receivedByMembershipId: integer("received_by_membership_id").references(() => memberships.id),
    decidedAt: text("decided_at"),
    decidedByMembershipId: integer("decided_by_membership_id").references(() => memberships.id),
    // The recipient's responsible handläggare once accepted.
    responsibleMembershipId: integer("responsible_membership_id").references(() => memberships.id),
    declineReason: text("decline_reason"),
    closedAt: text("closed_at"),
    outcome: text("outcome"),
    revokedAt: text("revoked_at"),
    revokeReason: text("revoke_reason"),
    revokedByMembershipId: integer("revoked_by_membership_id").references(() => memberships.id),
    // What the recipient takes on when accepting: it can go into the youth's plan as another actor's insats.
    acceptedIntervention: text("accepted_intervention"),
    acceptedStartDate: text("accepted_start_date"),
    acceptedEndDate: text("accepted_end_date"),
    closedByMembershipId: integer("closed_by_membership_id").references(() => memberships.id),
  },
  (t) => [
    index("referrals_recipient").on(t.recipientOrganisationId, t.status, t.sentAt),
    index("referrals_youth").on(t.youthId, t.sentAt),
    // The KAA unit's list of the referrals it has sent.
    index("referrals_municipality").on(t.municipalityId, t.sentAt),
    index("referrals_municipality_status").on(t.municipalityId, t.status, t.sentAt),
    index("referrals_consent").on(t.consentId),
  ],
);

export const referralSections = sqliteTable(
  "referral_sections",
  {
    referralId: integer("referral_id")
      .notNull()
      .references(() => referrals.id),
    section: text("section", { enum: CONSENT_SECTIONS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.referralId, t.section] })],
);

/** Återkoppling from the recipient to the KAA unit (or notes between them) on a referral. */
export const referralFeedback = sqliteTable(
  "referral_feedback",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    referralId: integer("referral_id")
      .notNull()
      .references(() => referrals.id),
    authorMembershipId: integer("author_membership_id")
      .notNull()
      .references(() => memberships.id),
    text: text("text").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("referral_feedback_referral").on(t.referralId, t.createdAt)],
);

/**
 * Orosanmälan (SoL 14 kap. 1 §) for a youth under 18: needs no consent and opens no other part of
 * the youth file. The youth's name and personnummer are kept on the report itself, because a school
 * may report a youth who is not in the KAA register.
 */
export const concernReports = sqliteTable(
  "concern_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    youthId: text("youth_id").references(() => youths.id),
    personalNumber: text("personal_number").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    homeMunicipalityId: integer("home_municipality_id")
      .notNull()
      .references(() => municipalities.id),
    recipientOrganisationId: integer("recipient_organisation_id")
      .notNull()
      .references(() => organisations.id),
    reporterMembershipId: integer("reporter_membership_id")
      .notNull()
      .references(() => memberships.id),
    reporterOrganisationId: integer("reporter_organisation_id")
      .notNull()
      .references(() => organisations.id),
    reporterPhone: text("reporter_phone"),
    observed: text("observed").notNull(),
    observedWhen: text("observed_when").notNull(),
    createdAt: text("created_at").notNull().default(now),
    receivedAt: text("received_at"),
    receivedByMembershipId: integer("received_by_membership_id").references(() => memberships.id),
    // The latest of its handling statuses (concern_report_statuses keeps them all); null until received.
    handlingStatus: text("handling_status", { enum: CONCERN_HANDLING_STATUSES }),
  },
  (t) => [
    index("concern_reports_recipient").on(t.recipientOrganisationId, t.createdAt),
    index("concern_reports_youth").on(t.youthId),
    index("concern_reports_reporter").on(t.reporterOrganisationId, t.createdAt),
  ],
);

/**
 * Each handling status a report of concern has been given, when and by whom: append-only (triggers),
 * so the reporter's history is what socialtjänsten actually told. The note is socialtjänsten's own
 * and is never shown to the reporter.
 */
export const concernReportStatuses = sqliteTable(
  "concern_report_statuses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id")
      .notNull()
      .references(() => concernReports.id),
    status: text("status", { enum: CONCERN_HANDLING_STATUSES }).notNull(),
    note: text("note"),
    at: text("at").notNull().default(now),
    byMembershipId: integer("by_membership_id")
      .notNull()
      .references(() => memberships.id),
  },
  // Each status is reached once: a second "received" from two tabs opening the report fails here.
  (t) => [uniqueIndex("concern_report_statuses_once").on(t.reportId, t.status)],
);
