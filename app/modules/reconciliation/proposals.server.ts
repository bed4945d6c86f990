/**
 * What the samordnare reviews: the open proposals of the municipality, per kind and a page at a time,
 * with the name from the register (a youth in it) or from the extract (a person not yet in it). Youths
 * of the register shown in the list are logged as listed; a non-resident is shown only as a row of a
 * school's list, never by personnummer (the municipality has no case of its own about them).
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import {
  municipalities,
  organisations,
  populationSnapshotPeople,
  populationSnapshots,
  reconciliationProposals,
  reconciliationRuns,
  youths,
  PROPOSAL_KINDS,
  type ProposalKind,
} from "#db/schema";
import { pageCountOf, pageWithin } from "~/lib/counting";
import { forbidden } from "~/lib/http";
import type { RegisterAccess } from "~/modules/access/gate.server";
import { mayReconcile } from "~/modules/access/policy";
import { latestExtract } from "./facts.server";
import { evidenceLines } from "./labels";
import { settingsOf } from "./reconcile.server";
import type { Evidence } from "./target-group";
import { displayPersonalNumber } from "~/modules/youth/personal-number";

export const PROPOSAL_PAGE_SIZE = 50;

function requireReconciler(register: RegisterAccess) {
  if (!mayReconcile(register.actor)) throw forbidden();
}

/** The overview: the sources' dates, the latest run, and the open proposals per kind. */
export function reconciliationOverview(register: RegisterAccess) {
  requireReconciler(register);
  const db = getDb();
  const m = register.municipalityId;
  const counts = Object.fromEntries(PROPOSAL_KINDS.map((k) => [k, 0])) as Record<ProposalKind, number>;
  for (const row of db
    .select({ kind: reconciliationProposals.kind, n: sql<number>`count(*)` })
    .from(reconciliationProposals)
    .where(and(eq(reconciliationProposals.municipalityId, m), eq(reconciliationProposals.state, "open")))
    .groupBy(reconciliationProposals.kind)
    .all())
    counts[row.kind] = row.n;
  const lastRun =
    db.select().from(reconciliationRuns).where(eq(reconciliationRuns.municipalityId, m)).orderBy(desc(reconciliationRuns.id)).limit(1).get() ?? null;
  const running = db
    .select({ id: populationSnapshots.id })
    .from(populationSnapshots)
    .where(and(eq(populationSnapshots.municipalityId, m), eq(populationSnapshots.status, "running")))
    .get();
  return { counts, lastRun, extract: latestExtract(m), extractRunning: running !== undefined, settings: settingsOf(m) };
}

function municipalityNames() {
  const rows = getDb()
    .select({ code: municipalities.code, name: municipalities.name, kaa: organisations.id })
    .from(municipalities)
    .leftJoin(organisations, and(eq(organisations.municipalityId, municipalities.id), eq(organisations.kind, "kaa_unit")))
    .all();
  return new Map(rows.map((r) => [r.code, { name: r.name, inPortal: r.kaa !== null }]));
}

/** One page of the open proposals of a kind, oldest first, each with its evidence in sentences. */
export function listProposals(register: RegisterAccess, kind: ProposalKind, pageAsked: number) {
  requireReconciler(register);
  const db = getDb();
  const where = and(
    eq(reconciliationProposals.municipalityId, register.municipalityId),
    eq(reconciliationProposals.state, "open"),
    eq(reconciliationProposals.kind, kind),
  );
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(reconciliationProposals)
    .where(where)
    .get()!.n;
  const pageCount = pageCountOf(total, PROPOSAL_PAGE_SIZE);
  const page = pageWithin(pageAsked, pageCount);
  const rows = db
    .select({
      proposal: reconciliationProposals,
      youthFirst: youths.firstName,
      youthLast: youths.lastName,
      youthProtected: youths.protectedIdentity,
      extractFirst: populationSnapshotPeople.firstName,
      extractLast: populationSnapshotPeople.lastName,
    })
    .from(reconciliationProposals)
    .leftJoin(youths, eq(youths.id, reconciliationProposals.youthId))
    .leftJoin(
      populationSnapshotPeople,
      and(
        eq(populationSnapshotPeople.snapshotId, latestExtract(register.municipalityId)?.id ?? -1),
        eq(populationSnapshotPeople.personalNumber, reconciliationProposals.personalNumber),
      ),
    )
    .where(where)
    .orderBy(asc(reconciliationProposals.id))
    .limit(PROPOSAL_PAGE_SIZE)
    .offset((page - 1) * PROPOSAL_PAGE_SIZE)
    .all();
  register.logListed(
    rows.flatMap((r) => (r.proposal.youthId ? [r.proposal.youthId] : [])),
    "identity",
  );
  register.logExtractListed(rows.flatMap((r) => (r.proposal.youthId === null && r.proposal.kind !== "not_resident" ? [r.proposal.id] : [])));
  const names = municipalityNames();
  const schools = new Map<string, string>();
  return {
    total,
    page,
    pageCount,
    rows: rows.map(({ proposal: p, youthFirst, youthLast, extractFirst, extractLast }) => {
      const evidence = JSON.parse(p.evidence) as Evidence;
      const pn = p.personalNumber;
      const hidden = p.kind === "not_resident";
      return {
        id: p.id,
        youthId: p.youthId,
        name: hidden ? null : youthLast ? `${youthLast}, ${youthFirst}` : extractLast ? `${extractLast}, ${extractFirst}` : null,
        personalNumber: hidden ? null : displayPersonalNumber(pn),
        effectiveDate: p.effectiveDate,
        createdAt: p.createdAt,
        evidence: evidenceLines(p.kind, evidence, names, schools),
      };
    }),
  };
}

/** Proposal ids from a form, bounded (a page holds at most PROPOSAL_PAGE_SIZE). */
export function proposalIdsOf(values: readonly string[]): number[] {
  return [...new Set(values.slice(0, PROPOSAL_PAGE_SIZE).map(Number))].filter((n) => Number.isInteger(n) && n > 0);
}
