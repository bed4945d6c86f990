/**
 * The caseworker's decision that a youth of 16 or 17 is mature enough to decide alone about their file
 * (youth_maturity_decisions). While one is in force the guardians see nothing on Mina sidor: the kernel's
 * decidesAlone reads it on every request, so their access ends at their next page. It is ended, never
 * deleted, and every decision and ending is a write of the enrollment section, logged by the gate.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "#db/client";
import { memberships, users, youthMaturityDecisions } from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-fields";
import type { YouthFile } from "~/modules/access/gate.server";
import { ageOn } from "./personal-number";
import type { MaturityInput } from "./maturity-schema";

type Result = { ok: true } | { ok: false; errors: FieldErrors };

/** Only a youth of 16 or 17 can be found to decide alone: before that guardians decide, after it no one else. */
export function mayDecideAlone(birthDate: string, today = todayIso()): boolean {
  const age = ageOn(birthDate, today);
  return age >= 16 && age < 18;
}

/** The decisions about the youth, newest first, with who made and who ended each. */
export function maturityDecisionsOf(file: YouthFile<"enrollment">) {
  const decider = alias(users, "decider");
  const ender = alias(users, "ender");
  const decidedBy = alias(memberships, "decided_by");
  const endedBy = alias(memberships, "ended_by");
  return getDb()
    .select({
      id: youthMaturityDecisions.id,
      decidedOn: youthMaturityDecisions.decidedOn,
      note: youthMaturityDecisions.note,
      decidedBy: decider.displayName,
      endedAt: youthMaturityDecisions.endedAt,
      endedBy: ender.displayName,
    })
    .from(youthMaturityDecisions)
    .innerJoin(decidedBy, eq(decidedBy.id, youthMaturityDecisions.decidedByMembershipId))
    .innerJoin(decider, eq(decider.id, decidedBy.userId))
    .leftJoin(endedBy, eq(endedBy.id, youthMaturityDecisions.endedByMembershipId))
    .leftJoin(ender, eq(ender.id, endedBy.userId))
    .where(eq(youthMaturityDecisions.youthId, file.id))
    .orderBy(desc(youthMaturityDecisions.createdAt), desc(youthMaturityDecisions.id))
    .all();
}

export function recordMaturityDecision(file: YouthFile<never, "enrollment">, input: MaturityInput, today = todayIso()): Result {
  if (!mayDecideAlone(file.youth.birthDate, today)) return { ok: false, errors: { form: "Bedömningen kan bara göras för en ungdom som är 16 eller 17 år." } };
  const db = getDb();
  return db.transaction((tx) => {
    const inForce = tx
      .select({ id: youthMaturityDecisions.id })
      .from(youthMaturityDecisions)
      .where(and(eq(youthMaturityDecisions.youthId, file.id), isNull(youthMaturityDecisions.endedAt)))
      .get();
    if (inForce) return { ok: false, errors: { form: "Det finns redan ett gällande beslut. Avsluta det först om det ska ändras." } } as const;
    tx.insert(youthMaturityDecisions).values({ youthId: file.id, decidedOn: today, note: input.note, decidedByMembershipId: file.actor.membershipId }).run();
    return { ok: true } as const;
  });
}

/** Ends the decision in force: the guardians' access on Mina sidor returns (while the youth is under 18). */
export function endMaturityDecision(file: YouthFile<never, "enrollment">, now = new Date()): Result {
  const ended = getDb()
    .update(youthMaturityDecisions)
    .set({ endedAt: now.toISOString(), endedByMembershipId: file.actor.membershipId })
    .where(and(eq(youthMaturityDecisions.youthId, file.id), isNull(youthMaturityDecisions.endedAt)))
    .returning({ id: youthMaturityDecisions.id })
    .all();
  return ended.length > 0 ? { ok: true } : { ok: false, errors: { form: "Det finns inget gällande beslut att avsluta." } };
}
