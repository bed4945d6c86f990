/**
 * Who may read and who may change the municipality's goals and handlingsplan. Everyone the follow-up
 * admits reads them, as they read the follow-up (the KAA unit exactly, the styrgrupp with small numbers
 * hidden); the samordnare and the chair of the municipality's styrgrupp change them. The chair is the
 * forum's own: a membership with the role "ordförande" in an active styrgrupp of the municipality.
 */
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { forumMembers, forums } from "#db/schema";
import { forbidden, notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { followUpAudience, type FollowUpAudience } from "~/modules/statistics/follow-up.server";

export type SteeringAccess = { audience: FollowUpAudience; municipalityId: number; mayEdit: boolean };

export const EDIT_REFUSED = "Bara samordnaren och styrgruppens ordförande ändrar mål och handlingsplan.";

/** Whether the actor's membership chairs a styrgrupp of the actor's municipality. */
export function chairsSteeringGroup(actor: Actor): boolean {
  if (actor.municipalityId === null) return false;
  return Boolean(
    getDb()
      .select({ id: forumMembers.id })
      .from(forumMembers)
      .innerJoin(forums, eq(forums.id, forumMembers.forumId))
      .where(
        and(
          eq(forumMembers.membershipId, actor.membershipId),
          isNull(forumMembers.endedAt),
          eq(forumMembers.forumRole, "chair"),
          eq(forums.kind, "steering_group"),
          eq(forums.municipalityId, actor.municipalityId),
        ),
      )
      .get(),
  );
}

export function steeringAccess(actor: Actor): SteeringAccess | null {
  const audience = followUpAudience(actor);
  if (!audience) return null;
  const coordinator = actor.role === "kaa_coordinator" && audience.view === "unit";
  return { audience, municipalityId: audience.municipalityId, mayEdit: coordinator || chairsSteeringGroup(actor) };
}

/** For loaders: whoever the follow-up does not admit gets the same 404 as for a page that does not exist. */
export function requireSteeringReader(actor: Actor): SteeringAccess {
  const access = steeringAccess(actor);
  if (!access) throw notFound();
  return access;
}

/** For writes: 404 outside the follow-up's readers, 403 for a reader who may not change the plan. */
export function requireSteeringEditor(actor: Actor): SteeringAccess {
  const access = requireSteeringReader(actor);
  if (!access.mayEdit) throw forbidden(EDIT_REFUSED);
  return access;
}
