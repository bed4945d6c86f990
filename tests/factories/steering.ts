/**
 * A municipality (createWorld) with its styrgrupp: a chair (a steering member), the samordnare as
 * secretary, and the world's own steering member as an ordinary member, who is not the chair.
 */
import { addMember, createForum } from "~/modules/meetings/forums.server";
import { createActor, createWorld } from "./world";

let counter = 0;

export async function createSteeringWorld() {
  const world = await createWorld();
  const chair = await createActor("steering_member", world.orgs.steering);
  const forum = createForum(world.actors.coordinator, {
    name: `Styrgruppen ${++counter}`,
    kind: "steering_group",
    purpose: "Styr arbetet med aktivitetsansvaret.",
    rhythm: "quarterly",
    rhythmNote: undefined,
    defaultPlace: "Stadshuset",
    chairMembershipId: chair.membershipId,
    organisationIds: [world.orgs.steering.id, world.orgs.kaa.id],
  });
  if (!forum.ok) throw new Error(JSON.stringify(forum.errors));
  for (const [membershipId, forumRole] of [
    [world.actors.coordinator.membershipId, "secretary"],
    [world.actors.steering.membershipId, "member"],
  ] as const) {
    const added = addMember(world.actors.coordinator, forum.id, { membershipId, forumRole });
    if (!added.ok) throw new Error(JSON.stringify(added.errors));
  }
  return { ...world, chair, forumId: forum.id };
}

export type SteeringWorld = Awaited<ReturnType<typeof createSteeringWorld>>;
