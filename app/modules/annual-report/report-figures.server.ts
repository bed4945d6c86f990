/**
 * The figures that leave the KAA unit: exports and the annual report. Whoever asks, they are computed
 * in the outside view (small numbers suppressed, no breakdown by caseworker, ADR 0011), because a
 * downloaded file or a report to the nämnd goes on to people the unit does not choose.
 */
import type { Db, Tx } from "#db/client";
import { computeFollowUp, type FollowUp, type FollowUpAudience } from "~/modules/statistics/follow-up.server";
import type { Period } from "~/modules/statistics/periods";
import { todayIso } from "~/lib/dates";
import { goalsWithin } from "~/modules/steering/goal-status.server";
import type { ReportFigures } from "./report-types";

/** The outside view of a municipality's follow-up, for an audience of any view. */
export function outsideAudience(municipalityId: number): FollowUpAudience {
  return { view: "outside", municipalityId, withCaseworkers: false, mayEnterPopulation: false };
}

export function suppressedFollowUp(municipalityId: number, period: Period, options: { today?: string; now?: Date; db?: Db | Tx } = {}): FollowUp {
  return computeFollowUp(outsideAudience(municipalityId), period, options);
}

/** Everything a report shows in figures, as it is now: what approval freezes. */
export function reportFigures(municipalityId: number, period: Period, options: { today?: string; now?: Date; db?: Db | Tx } = {}): ReportFigures {
  const followUp = suppressedFollowUp(municipalityId, period, options);
  const today = options.today ?? todayIso(options.now);
  return { followUp, goals: goalsWithin(outsideAudience(municipalityId), period, today) };
}
