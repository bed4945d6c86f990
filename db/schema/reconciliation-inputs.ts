import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { memberships, municipalities, organisations } from "./organizations";
import { SCHOOL_LIST_KINDS, SCHOOL_LIST_SOURCES, SCHOOL_OUTCOMES, SNAPSHOT_STATUSES } from "./reconciliation-values";

export * from "./reconciliation-values";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * One extract from the population register: everyone aged 16–19 folkbokförd in the municipality on
 * `taken_on`, and those who moved out or died since the previous extract. Kept until a newer extract
 * of the same municipality has been reconciled (the evidence of the proposals made from it).
 */
export const populationSnapshots = sqliteTable(
  "population_snapshots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    // Null when the samordnare's schedule started it.
    requestedByMembershipId: integer("requested_by_membership_id").references(() => memberships.id),
    requestedAt: text("requested_at").notNull().default(now),
    // The register's own date of the extract (uttagsdatum), set when it is complete.
    takenOn: text("taken_on"),
    status: text("status", { enum: SNAPSHOT_STATUSES }).notNull().default("running"),
    personCount: integer("person_count").notNull().default(0),
    // A Swedish message for the samordnare; never personal data.
    error: text("error"),
  },
  (t) => [index("population_snapshots_municipality").on(t.municipalityId, t.status, t.id)],
);

/** A person in an extract. Address fields are null for a protected identity (never stored). */
export const populationSnapshotPeople = sqliteTable(
  "population_snapshot_people",
  {
    snapshotId: integer("snapshot_id")
      .notNull()
      .references(() => populationSnapshots.id, { onDelete: "cascade" }),
    // Twelve digits, no separator.
    personalNumber: text("personal_number").notNull(),
    isCoordinationNumber: integer("is_coordination_number", { mode: "boolean" }).notNull(),
    birthDate: text("birth_date").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    streetAddress: text("street_address"),
    postalCode: text("postal_code"),
    city: text("city"),
    protectedIdentity: integer("protected_identity", { mode: "boolean" }).notNull(),
    // Folkbokförd in the municipality on the extract's date.
    residentHere: integer("resident_here", { mode: "boolean" }).notNull(),
    movedInOn: text("moved_in_on"),
    movedOutOn: text("moved_out_on"),
    // Kommunkod of the municipality moved to (null when moved abroad or unknown).
    movedToCode: text("moved_to_code"),
    deceasedOn: text("deceased_on"),
    // JSON [{ name, phone? }] of the guardians of a person under 18; null otherwise.
    guardians: text("guardians"),
  },
  (t) => [uniqueIndex("population_snapshot_people_number").on(t.snapshotId, t.personalNumber)],
);

/**
 * A school list: the enrolments (or year-9 leavers) one school, huvudman or school system reported.
 * A newer list from the same organisation and kind (any source) supersedes the older one; only current
 * lists feed the reconciliation. The organisation that uploaded a list is the only one that sees it
 * row by row; the KAA unit of a youth's home municipality learns of a row only through a proposal.
 */
export const schoolLists = sqliteTable(
  "school_lists",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // The organisation the list belongs to: the school that uploaded it, the KAA unit that uploaded
    // it on a school's behalf, or the school organiser's school whose system was read.
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind", { enum: SCHOOL_LIST_KINDS }).notNull(),
    source: text("source", { enum: SCHOOL_LIST_SOURCES }).notNull(),
    // The SS 12000 connection read (source ss12000); null for a CSV file.
    connectionId: integer("connection_id"),
    fileName: text("file_name"),
    uploadedByMembershipId: integer("uploaded_by_membership_id").references(() => memberships.id),
    createdAt: text("created_at").notNull().default(now),
    rowCount: integer("row_count").notNull().default(0),
    // Null while the rows are being written (an SS 12000 fetch writes page by page); a list counts
    // only once complete.
    completedAt: text("completed_at"),
    supersededAt: text("superseded_at"),
  },
  (t) => [index("school_lists_organisation").on(t.organisationId, t.kind, t.source, t.supersededAt, t.id)],
);

export const schoolListRows = sqliteTable(
  "school_list_rows",
  {
    listId: integer("list_id")
      .notNull()
      .references(() => schoolLists.id, { onDelete: "cascade" }),
    // The row's line in the file (CSV) or its position in the fetched pages (SS 12000).
    rowNumber: integer("row_number").notNull(),
    personalNumber: text("personal_number").notNull(),
    isCoordinationNumber: integer("is_coordination_number", { mode: "boolean" }).notNull(),
    // Skolenhetskod, eight digits.
    schoolUnitCode: text("school_unit_code").notNull(),
    schoolType: text("school_type").notNull(),
    // Programme or studieväg code (NA, TE, IMV, …); IM programmes start with "IM".
    programmeCode: text("programme_code"),
    startDate: text("start_date"),
    endDate: text("end_date"),
    outcome: text("outcome", { enum: SCHOOL_OUTCOMES }),
  },
  (t) => [uniqueIndex("school_list_rows_row").on(t.listId, t.rowNumber), index("school_list_rows_person").on(t.personalNumber, t.listId)],
);

/** Unexcused absence a school system reported (SS 12000 AggregatedAttendance), per student and period. */
export const schoolAbsenceReports = sqliteTable(
  "school_absence_reports",
  {
    listId: integer("list_id")
      .notNull()
      .references(() => schoolLists.id, { onDelete: "cascade" }),
    personalNumber: text("personal_number").notNull(),
    schoolUnitCode: text("school_unit_code").notNull(),
    periodStart: text("period_start").notNull(),
    periodEnd: text("period_end").notNull(),
    // Minutes, as SS 12000 reports them.
    invalidAbsenceMinutes: integer("invalid_absence_minutes").notNull(),
    offeredMinutes: integer("offered_minutes").notNull(),
  },
  (t) => [uniqueIndex("school_absence_reports_person").on(t.personalNumber, t.listId)],
);
