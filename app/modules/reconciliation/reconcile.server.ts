/**
 * Runs the reconciliation for one municipality: reads every person's facts (facts.server.ts), asks the
 * rule (target-group.ts) what to propose, and stores the proposals in one transaction. A proposal is
 * keyed by its evidence: one already open or rejected with the same evidence is not made again, so a
 * second run on the same data proposes nothing new and a rejection holds until the evidence changes.
 * Open proposals the facts no longer support are withdrawn (deleted: they were never acted on).
 */
import crypto from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { reconciliationProposals, reconciliationRuns, reconciliationSettings, type ProposalKind } from "#db/schema";
import { forbidden } from "~/lib/http";
import { todayIso } from "~/lib/dates";
import type { RegisterAccess } from "~/modules/access/gate.server";
import { mayReconcile } from "~/modules/access/policy";
import { latestExtract, personFacts } from "./facts.server";
import { DEFAULT_SETTINGS, reconcilePerson, type Evidence, type ReconcileSettings } from "./target-group";

export type RunSummary = { runId: number; peopleRead: number; newProposals: number; openProposals: number; heldBack: number; extractDate: string | null };

export function settingsOf(municipalityId: number): ReconcileSettings {
  const row = getDb().select().from(reconciliationSettings).where(eq(reconciliationSettings.municipalityId, municipalityId)).get();
  return row ? { holdFrom: row.holdFrom, holdUntil: row.holdUntil, absenceThresholdPercent: row.absenceThresholdPercent } : DEFAULT_SETTINGS;
}

/** The hash that keys a proposal: its kind and facts, without the list rows' ids (a re-uploaded list is the same evidence). */
export function evidenceHash(kind: ProposalKind, evidence: Evidence): string {
  const { listRows: _ids, ...facts } = evidence;
  return crypto
    .createHash("sha256")
    .update(JSON.stringify([kind, facts]))
    .digest("base64url")
    .slice(0, 22);
}

type Made = {
  personalNumber: string;
  kind: ProposalKind;
  youthId: string | null;
  enrollmentId: number | null;
  effectiveDate: string;
  evidence: string;
  evidenceHash: string;
};

/** Reconciles the municipality's register against its latest extract and the schools' current lists. */
export function reconcile(register: RegisterAccess, options: { today?: string; scheduled?: boolean } = {}): RunSummary {
  if (!mayReconcile(register.actor)) throw forbidden();
  return reconcileMunicipality(register.municipalityId, { today: options.today, membershipId: register.actor.membershipId });
}

/**
 * The run itself, also used by the schedule after an extract (no actor: the job acts for the unit,
 * and proposals change nothing until the samordnare accepts them).
 */
export function reconcileMunicipality(municipalityId: number, options: { today?: string; membershipId: number | null }): RunSummary {
  const today = options.today ?? todayIso();
  const extract = latestExtract(municipalityId);
  const ctx = { today, settings: settingsOf(municipalityId), haveExtract: extract !== null, extractTakenOn: extract?.takenOn ?? null };
  const made = new Map<string, Made>();
  let peopleRead = 0;
  let heldBack = 0;
  // Read to the end before writing: better-sqlite3 lets no write run while a statement is iterating.
  for (const facts of personFacts(municipalityId, extract?.id ?? null)) {
    peopleRead++;
    const outcome = reconcilePerson(facts, ctx);
    if (outcome.heldBack) heldBack++;
    const p = outcome.proposal;
    if (!p) continue;
    const hash = evidenceHash(p.kind, p.evidence);
    made.set(`${facts.personalNumber}|${p.kind}|${hash}`, {
      personalNumber: facts.personalNumber,
      kind: p.kind,
      youthId: facts.register?.youthId ?? null,
      enrollmentId: facts.register?.openEnrollment?.id ?? null,
      effectiveDate: p.effectiveDate,
      evidence: JSON.stringify(p.evidence),
      evidenceHash: hash,
    });
  }

  const db = getDb();
  return db.transaction((tx) => {
    const known = tx
      .select({
        id: reconciliationProposals.id,
        pn: reconciliationProposals.personalNumber,
        kind: reconciliationProposals.kind,
        hash: reconciliationProposals.evidenceHash,
        state: reconciliationProposals.state,
      })
      .from(reconciliationProposals)
      .where(and(eq(reconciliationProposals.municipalityId, municipalityId), inArray(reconciliationProposals.state, ["open", "rejected"])))
      .all();
    const knownKeys = new Set(known.map((k) => `${k.pn}|${k.kind}|${k.hash}`));
    const stale = known.filter((k) => k.state === "open" && !made.has(`${k.pn}|${k.kind}|${k.hash}`)).map((k) => k.id);
    for (let i = 0; i < stale.length; i += 500)
      tx.delete(reconciliationProposals)
        .where(inArray(reconciliationProposals.id, stale.slice(i, i + 500)))
        .run();
    const run = tx
      .insert(reconciliationRuns)
      .values({
        municipalityId,
        snapshotId: extract?.id ?? null,
        ranByMembershipId: options.membershipId,
        peopleRead,
        newProposals: 0,
        openProposals: 0,
        heldBack,
      })
      .returning({ id: reconciliationRuns.id })
      .get();
    let newProposals = 0;
    // Only what is not already open or rejected is written; a proposal that stays keeps its row untouched.
    const rows = [...made.entries()].filter(([key]) => !knownKeys.has(key)).map(([, m]) => m);
    for (let i = 0; i < rows.length; i += 400) {
      const inserted = tx
        .insert(reconciliationProposals)
        .values(rows.slice(i, i + 400).map((m) => ({ ...m, municipalityId, runId: run.id, snapshotId: extract?.id ?? null })))
        // Already open, rejected or accepted with this evidence: not proposed again.
        .onConflictDoNothing()
        .run();
      newProposals += inserted.changes;
    }
    const openProposals = tx
      .select({ n: sql<number>`count(*)` })
      .from(reconciliationProposals)
      .where(and(eq(reconciliationProposals.municipalityId, municipalityId), eq(reconciliationProposals.state, "open")))
      .get()!.n;
    tx.update(reconciliationRuns).set({ newProposals, openProposals }).where(eq(reconciliationRuns.id, run.id)).run();
    return { runId: run.id, peopleRead, newProposals, openProposals, heldBack, extractDate: extract?.takenOn ?? null };
  });
}

/** The samordnare sets the hold of year-9 leavers and the absence threshold. */
export function saveSettings(register: RegisterAccess, input: ReconcileSettings) {
  if (!mayReconcile(register.actor)) throw forbidden();
  const values = { ...input, updatedAt: new Date().toISOString(), updatedByMembershipId: register.actor.membershipId };
  getDb()
    .insert(reconciliationSettings)
    .values({ municipalityId: register.municipalityId, ...values })
    .onConflictDoUpdate({ target: reconciliationSettings.municipalityId, set: values })
    .run();
}
