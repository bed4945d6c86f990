/**
 * The gate for Mina sidor: a youth opens their own file, a guardian their child's. Like openYouthFile, it
 * decides every section asked, logs every access in one transaction (basis "data_subject" or "guardian"),
 * and hands back a capability, OwnFile. A file outside the session's relations is a 404, logged as
 * not_own_file, exactly like one that does not exist.
 */
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { youthMaturityDecisions, youths } from "#db/schema";
import { notFound } from "~/lib/http";
import { commitAudit, type AuditEntry, type AuditPrincipal } from "./audit.server";
import { YOUTH_ID, stepUpHeld } from "./gate.server";
import { mintOwnFile, type CitizenPrincipal, type Key, type OwnFile } from "./handles.server";
import { decideOwn, type OwnRelation } from "./own-policy";
import type { AccessAction, Decision, YouthSection } from "./policy";

export { OpenedFile, OwnFile } from "./handles.server";

/** A citizen's relation to one youth's file, decided at sign-in and kept in the session. */
export type CitizenRelation = { youthId: string; relation: OwnRelation };

export type OwnAsk<R extends YouthSection, W extends YouthSection> = {
  read?: readonly R[];
  write?: readonly W[];
  /** Shown only if allowed; left out silently otherwise (a guardian's page leaves out what is the youth's). */
  optional?: readonly YouthSection[];
};

export function principalOf(citizen: CitizenPrincipal, relation: OwnRelation): AuditPrincipal {
  return { userId: citizen.userId, membershipId: null, organisationId: null, role: relation === "self" ? "youth" : "guardian" };
}

/** Whether a caseworker's decision that the youth decides alone is in force (guardians' access ends). */
export function decidesAlone(youthId: string): boolean {
  return (
    getDb()
      .select({ id: youthMaturityDecisions.id })
      .from(youthMaturityDecisions)
      .where(and(eq(youthMaturityDecisions.youthId, youthId), isNull(youthMaturityDecisions.endedAt)))
      .get() !== undefined
  );
}

export function openOwnFile<R extends YouthSection = never, W extends YouthSection = never>(
  citizen: CitizenPrincipal & { relations: readonly CitizenRelation[] },
  youthId: string,
  ask: OwnAsk<R, W>,
): OwnFile<R, W> {
  if (!YOUTH_ID.test(youthId)) throw notFound();
  const relation = citizen.relations.find((r) => r.youthId === youthId)?.relation;
  if (!relation) {
    // Never another youth's file: the attempt is logged against that id, and the answer is the same 404.
    const youth = getDb().select({ homeMunicipalityId: youths.homeMunicipalityId }).from(youths).where(eq(youths.id, youthId)).get();
    commitAudit([
      {
        actor: { userId: citizen.userId, membershipId: null, organisationId: null, role: "youth" },
        youthId,
        youthMunicipalityId: youth?.homeMunicipalityId ?? null,
        section: "identity",
        action: "read",
        decision: { allowed: false, reason: "not_own_file" },
      },
    ]);
    throw notFound();
  }
  const principal = principalOf(citizen, relation);
  const youth = getDb().select().from(youths).where(eq(youths.id, youthId)).get() ?? null;
  const policyYouth = youth ? { birthDate: youth.birthDate, protectedIdentity: youth.protectedIdentity, decidesAlone: decidesAlone(youthId) } : null;

  const decisions = new Map<Key, Decision>();
  const allowed: AuditEntry[] = [];
  const side: AuditEntry[] = [];
  let refusal: AuditEntry | null = null;
  const asked: [YouthSection, AccessAction, boolean][] = [
    ...(ask.read ?? []).map((s): [YouthSection, AccessAction, boolean] => [s, "read", true]),
    ...(ask.write ?? []).map((s): [YouthSection, AccessAction, boolean] => [s, "write", true]),
    ...(ask.optional ?? []).map((s): [YouthSection, AccessAction, boolean] => [s, "read", false]),
  ];
  for (const [section, action, required] of asked) {
    if (section === "protected_address" && youth && !youth.protectedIdentity) continue;
    const decision = stepUpHeld(citizen, section, decideOwn(relation, policyYouth, section, action));
    decisions.set(`${section}:${action}`, decision);
    const entry: AuditEntry = { actor: principal, youthId, youthMunicipalityId: youth?.homeMunicipalityId ?? null, section, action, decision };
    if (!required) {
      if (decision.allowed) side.push(entry);
    } else if (section === "protected_address" && youth) side.push(entry);
    else if (decision.allowed) allowed.push(entry);
    else refusal ??= entry;
  }
  if (!youth || refusal || allowed.length === 0) {
    commitAudit([
      refusal ?? {
        actor: principal,
        youthId,
        youthMunicipalityId: youth?.homeMunicipalityId ?? null,
        section: "identity",
        action: "read",
        decision: { allowed: false, reason: youth ? "role" : "not_found" },
      },
    ]);
    throw notFound();
  }
  commitAudit([...allowed, ...side]);
  return mintOwnFile<R, W>(citizen, relation, youth, decisions, policyYouth!.decidesAlone);
}
