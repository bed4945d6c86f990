/**
 * The gate in front of youth data. It loads a youth (and, when the policy needs them, the youth's
 * consents) once per request, decides every section asked for with decide(), writes all of the
 * request's access-log rows in one transaction, and hands back a capability (handles.server.ts)
 * that the domain functions require. Denied and missing are the same 404.
 */
import crypto from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { youths } from "#db/schema";
import { forbidden, notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { isRecentlyAuthenticated } from "~/modules/auth/session-policy";
import { commitAudit, writeAudit, type AuditEntry } from "./audit.server";
import { consentsOfYouths } from "./consents-loader.server";
import { reviewGrantsOfYouths } from "./review-grants-loader.server";
import { mintNewYouthFile, mintRegisterAccess, mintYouthFile, type NewYouthFile, type RegisterAccess, type YouthFile, type YouthRow } from "./handles.server";
import {
  CONSENTABLE_SECTIONS,
  decide,
  mayUseRegister,
  type AccessAction,
  type Decision,
  type PolicyConsent,
  type PolicyReviewGrant,
  type YouthSection,
} from "./policy";

export { NewYouthFile, OpenedFile, RegisterAccess, YouthFile, type YouthRow } from "./handles.server";

/** Youth ids are 16 characters of base64url; anything else cannot be a youth and is not looked up. */
export const YOUTH_ID = /^[A-Za-z0-9_-]{16}$/;

/** What a request asks of a youth file. */
export type Ask<R extends YouthSection, W extends YouthSection> = {
  read?: readonly R[];
  write?: readonly W[];
  /**
   * The reader is the KAA unit's own (the youth page, the documentation, the referrals it sent), so
   * an access that would rest on consent is refused here; consent-based reads go through the shared
   * view and meeting case items only.
   */
  registerKeeperOnly?: boolean;
  /** Sections shown only if allowed: decided, logged when allowed, silently left out when not (a page that offers a protected address). */
  optional?: readonly YouthSection[];
  /** Load the youth's consents even for the register keeper (the meeting case-item coverage needs them). */
  withConsents?: boolean;
  /** A granskare's page of one granskning: only that stickprov's grants count, so the reads are logged with it. */
  review?: { sampleId: number };
};

/* ------------------------------------------------------------------ loading */

function youthsOf(youthIds: readonly string[]): Map<string, YouthRow> {
  const valid = youthIds.filter((id) => YOUTH_ID.test(id));
  if (valid.length === 0) return new Map();
  const rows = getDb()
    .select()
    .from(youths)
    .where(valid.length === 1 ? eq(youths.id, valid[0]!) : inArray(youths.id, valid))
    .all();
  return new Map(rows.map((row) => [row.id, row]));
}

/** The register keeper's decisions never depend on consents, nor a granskare's: spare the three queries. */
function needsConsents(actor: Actor, youth: YouthRow, ask: { withConsents?: boolean }) {
  return ask.withConsents || !((mayUseRegister(actor) && actor.municipalityId === youth.homeMunicipalityId) || actor.role === "auditor");
}

/** A granskare's grants for the youths' stickprov, read anew on every request (empty for everyone else). */
function grantsOf(actor: Actor, youthIds: readonly string[], ask: { review?: { sampleId: number } }): Map<string, PolicyReviewGrant[]> {
  return actor.role === "auditor" ? reviewGrantsOfYouths(actor, youthIds, ask.review?.sampleId) : new Map();
}

/* ------------------------------------------------------------------ deciding */

/**
 * A protected address is shown only to someone who proved who they are in the last 15 minutes (step-up).
 * Outside decide(): wouldAllow() must still offer the "show" button when only the sign-in is old; the page
 * asks for the step-up first (auth/step-up.server.ts), and this refuses, logged, whatever skipped it.
 */
export function stepUpHeld(principal: { authenticatedAt: number }, section: YouthSection, decision: Decision, now = Date.now()): Decision {
  if (section !== "protected_address" || !decision.allowed || isRecentlyAuthenticated(principal, now)) return decision;
  return { allowed: false, reason: "reauthentication_required" };
}

type Decided = { decisions: Map<`${YouthSection}:${AccessAction}`, Decision>; entries: AuditEntry[]; allAllowed: boolean; anyAllowed: boolean };

function decideAsked(
  actor: Actor,
  youthId: string,
  youth: YouthRow | null,
  policyConsents: PolicyConsent[],
  ask: Ask<YouthSection, YouthSection>,
  reviewGrants: PolicyReviewGrant[] = [],
): Decided {
  const decisions: Decided["decisions"] = new Map();
  const allowedEntries: AuditEntry[] = [];
  const sideEntries: AuditEntry[] = [];
  let firstDenial: AuditEntry | null = null;
  const asked: [YouthSection, AccessAction, "required" | "optional"][] = [
    ...(ask.read ?? []).map((s) => [s, "read", "required"] as [YouthSection, AccessAction, "required"]),
    ...(ask.write ?? []).map((s) => [s, "write", "required"] as [YouthSection, AccessAction, "required"]),
    ...(ask.optional ?? []).map((s) => [s, "read", "optional"] as [YouthSection, AccessAction, "optional"]),
  ];
  for (const [section, action, need] of asked) {
    // A protected address exists only for a youth with skyddad identitet; otherwise the address is
    // part of the identity section and there is nothing more to decide or log.
    const protectedAddress = section === "protected_address";
    if (protectedAddress && youth && !youth.protectedIdentity) continue;
    const policyYouth = youth ? { ...youth, consents: policyConsents, reviewGrants } : null;
    const answer = stepUpHeld(actor, section, decide(actor, policyYouth, section, action));
    const decision: Decision = ask.registerKeeperOnly && answer.allowed && answer.basis !== "register_keeper" ? { allowed: false, reason: "role" } : answer;
    decisions.set(`${section}:${action}`, decision);
    const entry: AuditEntry = { actor, youthId, youthMunicipalityId: youth?.homeMunicipalityId ?? null, section, action, decision };
    if (need === "optional") {
      // Shown if allowed (and then logged); otherwise simply left out, as a page does that offers it.
      if (decision.allowed) sideEntries.push(entry);
    } else if (protectedAddress && youth) {
      // A deliberate request to see a protected address: a refusal is logged, and the rest of the file still opens.
      sideEntries.push(entry);
    } else if (decision.allowed) allowedEntries.push(entry);
    else firstDenial ??= entry;
  }
  // At least one section besides the protected address must be asked and allowed: the address alone opens nothing.
  const allAllowed = firstDenial === null && allowedEntries.length > 0;
  // A refused request logs what was refused (the first section), as before: not a row per section it never saw.
  const refusal = firstDenial ?? {
    actor,
    youthId,
    youthMunicipalityId: youth?.homeMunicipalityId ?? null,
    section: "identity" as const,
    action: "read" as const,
    decision: { allowed: false as const, reason: youth ? ("role" as const) : ("not_found" as const) },
  };
  return { decisions, entries: allAllowed ? [...allowedEntries, ...sideEntries] : [refusal], allAllowed, anyAllowed: allowedEntries.length > 0 };
}

/* ------------------------------------------------------------------ opening */

/**
 * Opens one youth's file for the sections asked: every one must be allowed, or the answer is 404
 * (logged). A malformed id is a 404 without a log row, so the log cannot be flooded with junk.
 */
export function openYouthFile<R extends YouthSection = never, W extends YouthSection = never>(actor: Actor, youthId: string, ask: Ask<R, W>): YouthFile<R, W> {
  if (!YOUTH_ID.test(youthId)) throw notFound();
  const youth = youthsOf([youthId]).get(youthId) ?? null;
  const policyConsents = youth && needsConsents(actor, youth, ask) ? consentsOfYouths([youthId]).get(youthId)! : [];
  const reviewGrants = youth ? (grantsOf(actor, [youthId], ask).get(youthId) ?? []) : [];
  const decided = decideAsked(actor, youthId, youth, policyConsents, ask, reviewGrants);
  commitAudit(decided.entries);
  if (!youth || !decided.allAllowed) throw notFound();
  return mintYouthFile<R, W>(actor, youth, policyConsents, decided.decisions, reviewGrants);
}

/**
 * Opens many youths' files at once for reading, each with whichever of the sections are allowed
 * (a meeting's case items, the shared view). One load, one decision per section, and one transaction
 * of log rows for the whole list. A youth with no allowed section is left out, its refusal logged.
 */
export function openYouthFiles<R extends YouthSection>(
  actor: Actor,
  youthIds: readonly string[],
  ask: Omit<Ask<R, never>, "write">,
): Map<string, YouthFile<R, never>> {
  const unique = [...new Set(youthIds)].filter((id) => YOUTH_ID.test(id));
  const rows = youthsOf(unique);
  const consentsById = consentsOfYouths(unique.filter((id) => rows.has(id) && needsConsents(actor, rows.get(id)!, ask)));
  const grantsById = grantsOf(
    actor,
    unique.filter((id) => rows.has(id)),
    ask,
  );
  const out = new Map<string, YouthFile<R, never>>();
  const entries: AuditEntry[] = [];
  for (const youthId of unique) {
    const youth = rows.get(youthId) ?? null;
    const policyConsents = consentsById.get(youthId) ?? [];
    const reviewGrants = grantsById.get(youthId) ?? [];
    const decided = decideAsked(actor, youthId, youth, policyConsents, ask, reviewGrants);
    const allowed = [...decided.decisions.values()].some((d) => d.allowed);
    // Here a section may be refused while another is shown: every section decided is logged, shown or refused.
    if (youth && allowed) {
      for (const [key, decision] of decided.decisions) {
        const [section, action] = key.split(":") as [YouthSection, AccessAction];
        entries.push({ actor, youthId, youthMunicipalityId: youth.homeMunicipalityId, section, action, decision });
      }
      out.set(youthId, mintYouthFile<R, never>(actor, youth, policyConsents, decided.decisions, reviewGrants));
    } else {
      entries.push(...decided.entries);
    }
  }
  commitAudit(entries);
  return out;
}

export type ConsentableSection = "identity" | "contacts" | "assessment" | "plan" | "notices" | "referrals";

/**
 * Opens the youth as another organisation sees it by consent (the shared view): exactly the
 * sections a consent in force names for the actor's organisation, each logged with the consent it
 * rests on. The register keeper has the youth page instead, and the styrgrupp sees a consented youth
 * only as a case item on its meetings: for them, as for anyone without a consented section, 404.
 */
export function openSharedFile(actor: Actor, youthId: string): YouthFile<ConsentableSection, never> {
  if (!YOUTH_ID.test(youthId)) throw notFound();
  const youth = youthsOf([youthId]).get(youthId) ?? null;
  const policyConsents = youth ? consentsOfYouths([youthId]).get(youthId)! : [];
  const decisions: Map<`${YouthSection}:${AccessAction}`, Decision> = new Map();
  const entries: AuditEntry[] = [];
  const mayShare = youth !== null && !mayUseRegister(actor) && actor.organisationKind !== "steering_group";
  if (mayShare) {
    for (const section of CONSENTABLE_SECTIONS) {
      const decision = decide(actor, { ...youth, consents: policyConsents }, section, "read");
      if (!decision.allowed || decision.basis !== "consent") continue;
      decisions.set(`${section}:read`, decision);
      entries.push({ actor, youthId, youthMunicipalityId: youth.homeMunicipalityId, section, action: "read", decision });
    }
  }
  if (!youth || entries.length === 0) {
    const asked = decide(actor, youth ? { ...youth, consents: policyConsents } : null, "identity", "read");
    commitAudit([
      {
        actor,
        youthId,
        youthMunicipalityId: youth?.homeMunicipalityId ?? null,
        section: "identity",
        action: "read",
        decision: asked.allowed ? { allowed: false, reason: "role" } : asked,
      },
    ]);
    throw notFound();
  }
  commitAudit(entries);
  return mintYouthFile<ConsentableSection, never>(actor, youth, policyConsents, decisions, []);
}

/** Opens the register of the actor's own municipality for a list or search; anyone else gets 403. */
export function openRegister(actor: Actor): RegisterAccess {
  if (!mayUseRegister(actor) || actor.municipalityId === null) throw forbidden();
  return mintRegisterAccess({ ...actor, municipalityId: actor.municipalityId }, commitAudit, writeAudit);
}

/** The register if the actor keeps one, else null (pages that show a register list only to the KAA unit). */
export function registerOf(actor: Actor): RegisterAccess | null {
  return mayUseRegister(actor) && actor.municipalityId !== null ? openRegister(actor) : null;
}

/**
 * Registers a new youth: decide() on the youth to be, and if allowed, `write` stores it inside a
 * transaction together with its log row. Refused, the attempt is logged and the decision returned.
 */
export function createYouthFile<T>(
  actor: Actor,
  candidate: { homeMunicipalityId: number; protectedIdentity: boolean },
  write: (tx: Tx, created: NewYouthFile) => T,
): { ok: true; youthId: string; result: T } | { ok: false; decision: Extract<Decision, { allowed: false }> } {
  const decision = decide(actor, candidate, "identity", "write");
  const entry = (youthId: string | null): AuditEntry => ({
    actor,
    youthId,
    youthMunicipalityId: candidate.homeMunicipalityId,
    section: "identity",
    action: "create",
    decision,
  });
  if (!decision.allowed) {
    commitAudit([entry(null)]);
    return { ok: false, decision };
  }
  const youthId = crypto.randomBytes(12).toString("base64url");
  const result = getDb().transaction((tx) => {
    const out = write(tx, mintNewYouthFile(actor, youthId, candidate.homeMunicipalityId));
    writeAudit([entry(youthId)], tx);
    return out;
  });
  return { ok: true, youthId, result };
}
