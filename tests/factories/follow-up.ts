/**
 * Rows for the statistics tests, written straight to the tables (statistics only read them): a youth
 * with a birth date, an enrollment, a contact attempt, a notice, an intervention, an assessment, a plan.
 */
import { getDb } from "#db/client";
import { occupationAfterEnd } from "~/modules/outreach/scb-registration";
import {
  assessments,
  contactAttempts,
  enrollments,
  interventions,
  interventionTypes,
  notices,
  plans,
  youths,
  type ContactChannel,
  type ContactOutcome,
  type NoticeStatus,
} from "#db/schema";

let counter = 0;

export function statYouth(municipalityId: number, birthDate: string) {
  const n = ++counter;
  const id = `st${String(n).padStart(14, "0")}${Math.random().toString(36).slice(2, 6)}`;
  getDb()
    .insert(youths)
    .values({
      id,
      homeMunicipalityId: municipalityId,
      personalNumber: `${birthDate.replaceAll("-", "")}${String(n).padStart(4, "0")}`,
      isCoordinationNumber: false,
      birthDate,
      firstName: "A",
      lastName: "B",
      nameSearch: "a b",
      nameSort: "b a",
    })
    .run();
  return id;
}

export function statEnrollment(
  municipalityId: number,
  values: Partial<typeof enrollments.$inferInsert> & { startDate: string; birthDate?: string },
): { id: number; youthId: string } {
  const { birthDate, ...rest } = values;
  const youthId = values.youthId ?? statYouth(municipalityId, birthDate ?? "2008-01-01");
  return (
    getDb()
      .insert(enrollments)
      // Complete SCB values by default: a test of a missing one says so.
      .values({
        municipalityId,
        startReason: "notice_dropout",
        registrationReason: "dropout_national",
        lastSchoolOccupation: "national_programme",
        ...rest,
        youthId,
      })
      .returning({ id: enrollments.id, youthId: enrollments.youthId })
      .get()
  );
}

export function statAttempt(
  e: { id: number; youthId: string },
  by: number,
  date: string,
  channel: ContactChannel = "phone",
  outcome: ContactOutcome = "reached",
) {
  getDb().insert(contactAttempts).values({ enrollmentId: e.id, youthId: e.youthId, channel, date, outcome, recordedByMembershipId: by }).run();
}

export function statNotice(
  homeMunicipalityId: number,
  school: { organisationId: number; membershipId: number },
  createdAt: string,
  kind: "dropout" | "absence" | "started" | "not_started" | "moved" = "dropout",
  status: NoticeStatus = "handled",
) {
  return getDb()
    .insert(notices)
    .values({
      schoolOrganisationId: school.organisationId,
      submittedByMembershipId: school.membershipId,
      kind,
      personalNumber: "200801019999",
      firstName: "A",
      lastName: "B",
      homeMunicipalityId,
      programme: "EK",
      eventDate: createdAt.slice(0, 10),
      contactName: "C",
      createdAt,
      status,
    })
    .returning({ id: notices.id })
    .get().id;
}

export function statInterventionType(municipalityId: number, name: string) {
  return getDb().insert(interventionTypes).values({ municipalityId, name, position: ++counter, scbType: "other" }).returning({ id: interventionTypes.id }).get()
    .id;
}

export function statIntervention(
  e: { id: number; youthId: string },
  municipalityId: number,
  by: number,
  values: Partial<typeof interventions.$inferInsert> & { typeId: number; startDate: string },
) {
  getDb()
    .insert(interventions)
    .values({
      enrollmentId: e.id,
      youthId: e.youthId,
      municipalityId,
      responsibleParty: "youth",
      plannedEndDate: "2027-12-31",
      createdByMembershipId: by,
      updatedByMembershipId: by,
      // An ended insats has its occupation afterwards, as the form requires.
      occupationAfter: values.endDate && !values.declinedDate ? occupationAfterEnd(values.endReason ?? "completed") : null,
      ...values,
    })
    .run();
}

export function statAssessment(e: { id: number; youthId: string }, by: number, date: string) {
  getDb().insert(assessments).values({ enrollmentId: e.id, youthId: e.youthId, date, occupation: "none", updatedByMembershipId: by }).run();
}

export function statPlan(e: { id: number; youthId: string }, by: number) {
  getDb().insert(plans).values({ enrollmentId: e.id, youthId: e.youthId, goal: "Studier", updatedByMembershipId: by }).run();
}

/**
 * The small world the suppression tests read: seven youths registered in May of `year`, all 18 at
 * the year's end; five from the school's notices, two without; three reached by phone within four
 * weeks. Every breakdown then has cells from 1 to 4 to hide.
 */
export function statSevenYouths(
  world: {
    municipality: { id: number };
    orgs: { school: { id: number } };
    actors: { caseworker: { membershipId: number | null }; school: { membershipId: number | null } };
  },
  year: number,
) {
  const m = world.municipality.id;
  const by = world.actors.caseworker.membershipId!;
  const school = { organisationId: world.orgs.school.id, membershipId: world.actors.school.membershipId! };
  for (let i = 0; i < 7; i++) {
    const sourceNoticeId = i < 5 ? statNotice(m, school, `${year}-05-0${i + 1}T08:00:00.000Z`) : null;
    const e = statEnrollment(m, {
      startDate: `${year}-05-0${i + 1}`,
      birthDate: `${year - 18}-01-15`,
      sourceNoticeId,
      startReason: i < 5 ? "notice_dropout" : "moved_in",
    });
    if (i < 3) statAttempt(e, by, `${year}-05-1${i}`, "phone", "reached");
  }
}

/** Every number under a "value" key in loader data or a snapshot: the counts a reader is shown. */
export function shownCounts(data: unknown, found: number[] = []): number[] {
  if (Array.isArray(data)) for (const item of data) shownCounts(item, found);
  else if (data && typeof data === "object")
    for (const [key, value] of Object.entries(data)) {
      if (key === "value" && typeof value === "number") found.push(value);
      else shownCounts(value, found);
    }
  return found;
}
