/**
 * The demo's internal control for the granskare (issue 15): two frozen stickprov of Nässjö's
 * enrollments and the demo granskare's grants, one in force for some weeks, one run out.
 *
 * The cases are drawn the sampler's way (`drawOrder`: SHA-256 of "seed:enrollment id" over the same frame
 * as a stickprov of "all" enrollments in the period), so re-drawing with the seed gives the same cases. The
 * sampler's `drawSample` is not called because it logs the draw as a samordnare's request and runs its own
 * transaction; the seed writes inside the demo's one transaction and nobody has read anything yet.
 */
import type { Tx } from "./client";
import { internalControlSampleCases, internalControlSamples, reviewGrants } from "./schema";
import { addDays } from "../app/lib/dates";
import { routineOf } from "../app/modules/outreach/routine.server";
import { drawOrder, population as samplingFrame } from "../app/modules/internal-control/sampler.server";

export const DEMO_REVIEW_SEEDS = { granted: "demo-granskning-1", ungranted: "demo-granskning-2" } as const;

type Options = { municipalityId: number; coordinatorMembershipId: number; auditorMembershipId: number; today: string };

export function seedReviewSamples(tx: Tx, o: Options) {
  const periodFrom = addDays(o.today, -540);
  const population = samplingFrame(o.municipalityId, { periodFrom, periodTo: o.today, state: "all", caseworkerMembershipId: null }, tx);
  const populationSize = population.length;
  const routineSnapshot = JSON.stringify(routineOf(o.municipalityId, tx));

  const youthOf = new Map(population.map((e) => [e.id, e.youthId]));
  const frozenSample = (seed: string, size: number) => {
    const picked = drawOrder(seed, [...youthOf.keys()])
      .slice(0, size)
      .map((id) => ({ id, youthId: youthOf.get(id)! }));
    const sampleId = tx
      .insert(internalControlSamples)
      .values({
        municipalityId: o.municipalityId,
        seed,
        requestedSize: size,
        periodFrom,
        periodTo: o.today,
        state: "all",
        populationSize,
        frameEnrollmentIds: JSON.stringify(population.map((e) => e.id)),
        routineSnapshot,
        createdByMembershipId: o.coordinatorMembershipId,
      })
      .returning({ id: internalControlSamples.id })
      .get().id;
    if (picked.length > 0) {
      tx.insert(internalControlSampleCases)
        .values(picked.map((e, i) => ({ sampleId, position: i + 1, enrollmentId: e.id, youthId: e.youthId })))
        .run();
    }
    return sampleId;
  };

  const granted = frozenSample(DEMO_REVIEW_SEEDS.granted, 10);
  frozenSample(DEMO_REVIEW_SEEDS.ungranted, 5);
  const grant = (validFrom: string, validUntil: string) =>
    tx
      .insert(reviewGrants)
      .values({ sampleId: granted, membershipId: o.auditorMembershipId, validFrom, validUntil, createdByMembershipId: o.coordinatorMembershipId })
      .run();
  // An earlier round that has run out (listed as such, without a link), and the one under way.
  grant(addDays(o.today, -60), addDays(o.today, -31));
  grant(addDays(o.today, -7), addDays(o.today, 35));
}
