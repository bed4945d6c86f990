import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { enrollments, interventionFollowUps, interventions, type ContactChannel, type ContactOutcome, type EnrollmentEndReason } from "#db/schema";
import type { InterventionEndReason, ResponsibleParty } from "#db/schema/plan-values";
import { addDays } from "~/lib/dates";
import type { Actor } from "~/modules/auth/actor.server";
import { listInterventionTypes } from "~/modules/documentation/intervention-types.server";
import { recordContactAttempt } from "~/modules/outreach/contacts.server";
import { closeEnrollment } from "~/modules/outreach/enrollments.server";
import { enrolledYouth } from "./enrollment";
import { fileFor } from "./gate";

/** An insats of a case, its days counted from the enrollment's start. */
export type CaseInsats = {
  party: ResponsibleParty;
  unit?: string | null;
  organisationName?: string | null;
  startDay: number;
  plannedEndDay: number;
  endDay?: number;
  endReason?: InterventionEndReason | null;
  evaluated?: boolean;
  description?: string | null;
  followUps?: { day: number; done?: boolean }[];
};

/** A sampled case as an auditor would find it: contacts, insatser and perhaps an end, days from the start. */
export type CaseSpec = {
  startDaysAgo: number;
  attempts: { day: number; channel: ContactChannel; outcome: ContactOutcome }[];
  insatser: CaseInsats[];
  end?: { day: number; reason: EnrollmentEndReason; note?: string };
  caseworkerMembershipId?: number | null;
};

/**
 * Builds one case in the register. Contacts and the end go through the outreach module; the insatser
 * are written as records of an earlier system would have left them (the portal itself refuses to end
 * an insats without reason and evaluation, which is exactly the gap the audits found in older records).
 */
export function auditedCase(actor: Actor, spec: CaseSpec) {
  const { youthId, startDate } = enrolledYouth(actor, {
    daysAgo: spec.startDaysAgo,
    reached: false,
    caseworkerMembershipId: spec.caseworkerMembershipId ?? null,
  });
  const day = (n: number) => addDays(startDate, n);
  for (const a of spec.attempts) {
    const result = recordContactAttempt(fileFor(actor, youthId, [], ["contacts", "enrollment"]), {
      channel: a.channel,
      target: "youth",
      date: day(a.day),
      outcome: a.outcome,
      occupation: a.outcome === "reached" ? "none" : undefined,
      occupationNote: undefined,
      secondStaff: a.channel === "home_visit" ? "Kollega Kollegasson" : undefined,
      note: undefined,
      letterTemplate: undefined,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
  }
  const db = getDb();
  const enrollment = db.select().from(enrollments).where(eq(enrollments.youthId, youthId)).get()!;
  const typeId = listInterventionTypes(actor)[0]!.id;
  for (const i of spec.insatser) {
    const id = db
      .insert(interventions)
      .values({
        enrollmentId: enrollment.id,
        youthId,
        municipalityId: enrollment.municipalityId,
        typeId,
        description: i.description ?? null,
        responsibleParty: i.party,
        responsibleUnit: i.party === "municipality" ? (i.unit === undefined ? "KAA-enheten" : i.unit) : null,
        responsibleOrganisationName: i.party === "other_actor" ? (i.organisationName === undefined ? "Nässjö lärcenter" : i.organisationName) : null,
        startDate: day(i.startDay),
        plannedEndDate: day(i.plannedEndDay),
        endDate: i.endDay === undefined ? null : day(i.endDay),
        endReason: i.endDay === undefined ? null : i.endReason === undefined ? "completed" : i.endReason,
        evaluationOutcome: i.evaluated ? "met" : null,
        evaluationText: i.evaluated ? "Målet nåddes." : null,
        createdByMembershipId: actor.membershipId,
        updatedByMembershipId: actor.membershipId,
      })
      .returning({ id: interventions.id })
      .get().id;
    for (const f of i.followUps ?? []) {
      db.insert(interventionFollowUps)
        .values({
          interventionId: id,
          municipalityId: enrollment.municipalityId,
          dueDate: day(f.day),
          doneDate: f.done ? day(f.day) : null,
          note: f.done ? "Uppföljt." : null,
        })
        .run();
    }
  }
  if (spec.end) {
    const closed = closeEnrollment(fileFor(actor, youthId, [], ["enrollment"]), {
      endDate: day(spec.end.day),
      endReason: spec.end.reason,
      endOccupation: "unknown",
      endNote: spec.end.note,
    });
    if (!closed.ok) throw new Error(JSON.stringify(closed.errors));
  }
  return { youthId, enrollmentId: enrollment.id, startDate };
}

/** The enrollment ids of a municipality's youths, for checking what a draw could have picked. */
export function enrollmentIdsOf(municipalityId: number) {
  return getDb()
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(eq(enrollments.municipalityId, municipalityId))
    .all()
    .map((r) => r.id);
}
