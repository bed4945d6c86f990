/**
 * The samordnare's decision on proposals: accepted ones are applied — a youth registered with start
 * reason "Registerkontroll" (or as a notice of absence), an enrollment ended with its reason — and
 * all of it, with the proposals' new state, in one transaction: either every accepted proposal is
 * applied, or none. Each register write goes through the kernel (createYouth, openYouthFile) and is
 * logged there. Rejected proposals are kept, so the same evidence is not proposed again.
 */
import { and, eq, inArray, lte } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import {
  populationSnapshotPeople,
  reconciliationProposals,
  type EnrollmentEndReason,
  type InterventionEndReason,
  type Occupation,
  type ProposalKind,
} from "#db/schema";
import { forbidden } from "~/lib/http";
import { todayIso } from "~/lib/dates";
import { openYouthFile, type RegisterAccess } from "~/modules/access/gate.server";
import { mayReconcile } from "~/modules/access/policy";
import { insertEnrollment, openEnrollmentOf } from "~/modules/outreach/enrollments.server";
import { registrationFromLists } from "~/modules/outreach/scb-registration";
import { endEnrollmentAndInsatser } from "~/modules/outreach/statuses.server";
import { createYouth } from "~/modules/youth/youth-file.server";
import { kaaMunicipalityByCode, sendMoveNotice } from "~/modules/notices/move-notices.server";
import { latestExtract } from "./facts.server";
import type { Evidence } from "./target-group";
import type { YouthCreateInput } from "~/modules/youth/youth-schema";

/**
 * The ticked proposals, or a whole group as the samordnare saw it: `upToRun` leaves out proposals a
 * later run (a scheduled extract) made while the page was open.
 */
export type Selection = { ids: readonly number[] } | { allOfKind: ProposalKind; upToRun: number };
/** `notifyMoves`: send a move notice to the new home municipality's KAA unit, when it is in the portal. */
export type DecideOptions = { notifyMoves?: boolean };
export type DecideResult = { ok: true; applied: number; skipped: number } | { ok: false; error: string };

const END: Partial<Record<ProposalKind, { endReason: EnrollmentEndReason; interventionEndReason: InterventionEndReason; endOccupation: Occupation }>> = {
  end_national_programme: { endReason: "national_programme", interventionEndReason: "started_studies", endOccupation: "studies" },
  end_introduction_programme: { endReason: "introduction_programme", interventionEndReason: "started_studies", endOccupation: "studies" },
  end_completed: { endReason: "completed", interventionEndReason: "enrollment_ended", endOccupation: "unknown" },
  end_moved: { endReason: "moved", interventionEndReason: "moved", endOccupation: "unknown" },
  end_died: { endReason: "died", interventionEndReason: "enrollment_ended", endOccupation: "unknown" },
  end_turned_20: { endReason: "turned_20", interventionEndReason: "turned_20", endOccupation: "unknown" },
};

const END_NOTE = "Avslutad efter avstämning mot folkbokföringen och skolornas listor.";

/** Raised inside the transaction so that nothing is applied when one proposal cannot be. */
class CannotApply extends Error {}

type ProposalRow = typeof reconciliationProposals.$inferSelect;

/** The identity from the newest extract: a proposal may be older than the latest extract. */
function identityFromExtract(tx: Tx, p: ProposalRow, municipalityId: number): YouthCreateInput {
  const extract = latestExtract(municipalityId);
  const person =
    extract === null
      ? undefined
      : tx
          .select()
          .from(populationSnapshotPeople)
          .where(and(eq(populationSnapshotPeople.snapshotId, extract.id), eq(populationSnapshotPeople.personalNumber, p.personalNumber)))
          .get();
  if (!person) throw new CannotApply("En av personerna finns inte i det senaste folkbokföringsuttaget. Stäm av igen innan du godkänner.");
  const guardians = (person.guardians ? (JSON.parse(person.guardians) as { name: string; phone?: string | null }[]) : []).slice(0, 2);
  return {
    personalNumber: person.personalNumber,
    firstName: person.firstName,
    lastName: person.lastName,
    // A protected identity's address is never stored (the extract does not carry it either).
    streetAddress: person.protectedIdentity ? undefined : (person.streetAddress ?? undefined),
    postalCode: person.protectedIdentity ? undefined : (person.postalCode ?? undefined),
    city: person.protectedIdentity ? undefined : (person.city ?? undefined),
    homeMunicipalityId: municipalityId,
    protectedIdentity: person.protectedIdentity,
    guardian1Name: guardians[0]?.name,
    guardian1Phone: guardians[0]?.phone ?? undefined,
    guardian2Name: guardians[1]?.name,
    guardian2Phone: guardians[1]?.phone ?? undefined,
  } as YouthCreateInput;
}

/** Applies one accepted proposal; false when the register has moved on since the run (nothing to do). */
function applyOne(tx: Tx, register: RegisterAccess, p: ProposalRow, today: string, options: DecideOptions): boolean {
  const actor = register.actor;
  const end = END[p.kind];
  if (end) {
    const file = openYouthFile(actor, p.youthId!, { write: ["enrollment"], registerKeeperOnly: true });
    const open = openEnrollmentOf(file, tx);
    if (!open || open.id !== p.enrollmentId) return false;
    endEnrollmentAndInsatser(
      tx,
      { id: open.id, municipalityId: open.municipalityId },
      { ...end, endDate: p.effectiveDate, endNote: END_NOTE, endedByMembershipId: actor.membershipId },
    );
    // Moved to a municipality whose KAA unit is in the portal: it is told, if the samordnare chose so.
    const movedTo = p.kind === "end_moved" && options.notifyMoves ? (JSON.parse(p.evidence) as Evidence).population?.movedToCode : null;
    const receiver = movedTo ? kaaMunicipalityByCode(tx, movedTo) : null;
    if (receiver && receiver.id !== register.municipalityId) sendMoveNotice(tx, file, receiver, p.effectiveDate);
    return true;
  }
  if (p.kind === "register" || p.kind === "absence") {
    // The lists and the extract the proposal rests on say the SCB reason, where they can.
    const values = {
      startDate: today,
      startReason: p.kind === "register" ? ("register_check" as const) : ("notice_absence" as const),
      ...registrationFromLists(p.kind, JSON.parse(p.evidence) as Evidence),
    };
    if (p.youthId) {
      const file = openYouthFile(actor, p.youthId, { write: ["enrollment"], registerKeeperOnly: true });
      return insertEnrollment(tx, file, values, { unlessOpen: true }) !== null;
    }
    const created = createYouth(actor, identityFromExtract(tx, p, register.municipalityId), (inner, file) => {
      insertEnrollment(inner, file, values);
    });
    // Registered by someone else since the run: the register already has the youth.
    if (!created.ok && created.existingId) return false;
    if (!created.ok) throw new CannotApply(Object.values(created.errors)[0] ?? "Ungdomen kunde inte registreras.");
    return true;
  }
  // not_resident: acknowledged; the school notifies the home municipality, the register is unchanged.
  return true;
}

/** Accepts or rejects the selected open proposals of the actor's municipality. */
export function decideProposals(
  register: RegisterAccess,
  selection: Selection,
  decision: "accept" | "reject",
  today = todayIso(),
  options: DecideOptions = {},
): DecideResult {
  if (!mayReconcile(register.actor)) throw forbidden();
  const db = getDb();
  const where = and(
    eq(reconciliationProposals.municipalityId, register.municipalityId),
    eq(reconciliationProposals.state, "open"),
    "ids" in selection
      ? inArray(reconciliationProposals.id, [...selection.ids])
      : and(eq(reconciliationProposals.kind, selection.allOfKind), lte(reconciliationProposals.runId, selection.upToRun)),
  );
  try {
    return db.transaction((tx) => {
      const chosen = tx.select().from(reconciliationProposals).where(where).all();
      if (chosen.length === 0) throw new CannotApply("Välj minst ett förslag som fortfarande är öppet.");
      let applied = 0;
      for (const p of chosen) if (decision === "accept" && applyOne(tx, register, p, today, options)) applied++;
      const decidedAt = new Date().toISOString();
      for (let i = 0; i < chosen.length; i += 500) {
        tx.update(reconciliationProposals)
          .set({ state: decision === "accept" ? "accepted" : "rejected", decidedAt, decidedByMembershipId: register.actor.membershipId })
          .where(
            inArray(
              reconciliationProposals.id,
              chosen.slice(i, i + 500).map((p) => p.id),
            ),
          )
          .run();
      }
      return { ok: true as const, applied: decision === "accept" ? applied : chosen.length, skipped: decision === "accept" ? chosen.length - applied : 0 };
    });
  } catch (error) {
    if (error instanceof CannotApply) return { ok: false, error: error.message };
    throw error;
  }
}
