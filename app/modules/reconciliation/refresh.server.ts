/**
 * A new extract is reconciled at once, by hand or on the samordnare's schedule: the proposals are ready
 * when the samordnare opens /malgrupp, and change nothing until accepted.
 */
import { runPopulationExtract, type ExtractRunResult } from "./population-extract.server";
import { reconcileMunicipality, type RunSummary } from "./reconcile.server";

export async function refreshTargetGroup(
  municipalityId: number,
  requestedByMembershipId: number | null,
  now: Date = new Date(),
): Promise<{ extract: ExtractRunResult; run: RunSummary | null }> {
  const extract = await runPopulationExtract(municipalityId, requestedByMembershipId, now);
  const run = extract.ok ? reconcileMunicipality(municipalityId, { membershipId: requestedByMembershipId }) : null;
  return { extract, run };
}
