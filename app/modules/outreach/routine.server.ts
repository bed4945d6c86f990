/**
 * The municipality's contact routine (kontaktrutin) and the state of one enrollment in it. The
 * routine itself is no youth data; the attempts it is judged on are read by the capability holders.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { contactAttempts, contactRoutineSteps, type ContactChannel } from "#db/schema";
import { forbidden } from "~/lib/http";
import { todayIso } from "~/lib/dates";
import type { Actor } from "~/modules/auth/actor.server";
import type { RegisterAccess } from "~/modules/access/gate.server";
import type { RoutineInput } from "./outreach-schemas";
import { DEFAULT_ROUTINE, nextRoutineStep, type RoutineState, type RoutineStep } from "./routine-engine";
import { ageOn } from "~/modules/youth/personal-number";

export function routineOf(municipalityId: number): RoutineStep[] {
  const rows = getDb()
    .select()
    .from(contactRoutineSteps)
    .where(eq(contactRoutineSteps.municipalityId, municipalityId))
    .orderBy(asc(contactRoutineSteps.position))
    .all();
  if (rows.length === 0) return DEFAULT_ROUTINE;
  return rows.map((r) => ({
    position: r.position,
    label: r.label,
    channels: r.channels.split(",") as ContactChannel[],
    offsetAmount: r.offsetAmount,
    offsetUnit: r.offsetUnit,
  }));
}

/** The samordnare writes the municipality's routine; the previous version is replaced as a whole. */
export function saveRoutine(actor: Actor, input: RoutineInput) {
  if (actor.role !== "kaa_coordinator" || actor.municipalityId === null) throw forbidden();
  const municipalityId = actor.municipalityId;
  getDb().transaction((tx) => {
    tx.delete(contactRoutineSteps).where(eq(contactRoutineSteps.municipalityId, municipalityId)).run();
    tx.insert(contactRoutineSteps)
      .values(
        input.steps.map((step, i) => ({
          municipalityId,
          position: i + 1,
          label: step.label,
          channels: step.channels.join(","),
          offsetAmount: step.offsetAmount,
          offsetUnit: step.offsetUnit,
          updatedByMembershipId: actor.membershipId,
        })),
      )
      .run();
  });
}

export function routineStateFor(
  steps: RoutineStep[],
  enrollment: { startDate: string; id: number },
  attempts: { date: string; channel: ContactChannel; target: "youth" | "guardian"; outcome: "reached" | "not_reached" | "message_left" }[],
  youth: { birthDate: string; hasGuardian: boolean },
  today = todayIso(),
): RoutineState {
  return nextRoutineStep({
    steps,
    enrollmentStart: enrollment.startDate,
    attempts,
    today,
    // Under 18, the vårdnadshavare is contacted too (domain.md, contact routine).
    guardianIsTarget: youth.hasGuardian && ageOn(youth.birthDate, today) < 18,
  });
}

/** Attempts per enrollment for many enrollments at once (the worklist). */
export function attemptsByEnrollment(_register: RegisterAccess, enrollmentIds: number[]) {
  const map = new Map<
    number,
    {
      date: string;
      channel: ContactChannel;
      target: "youth" | "guardian";
      outcome: "reached" | "not_reached" | "message_left";
      letterTemplate: string | null;
    }[]
  >();
  for (let i = 0; i < enrollmentIds.length; i += 500) {
    const chunk = enrollmentIds.slice(i, i + 500);
    const rows = getDb()
      .select({
        enrollmentId: contactAttempts.enrollmentId,
        date: contactAttempts.date,
        channel: contactAttempts.channel,
        target: contactAttempts.target,
        outcome: contactAttempts.outcome,
        letterTemplate: contactAttempts.letterTemplate,
      })
      .from(contactAttempts)
      .where(inArray(contactAttempts.enrollmentId, chunk))
      .all();
    for (const { enrollmentId, ...attempt } of rows) {
      const list = map.get(enrollmentId) ?? [];
      list.push(attempt);
      map.set(enrollmentId, list);
    }
  }
  return map;
}
