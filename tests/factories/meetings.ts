import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { consentRecipients, consents, consentSections, enrollments, interventions, interventionTypes, plans, type ConsentSection } from "#db/schema";
import { addDays, todayIso } from "~/lib/dates";
import { createYouth } from "~/modules/youth/youth-file.server";
import type { Actor } from "~/modules/auth/actor.server";
import { addMember, createForum } from "~/modules/meetings/forums.server";
import { requireMeeting } from "~/modules/meetings/meeting-access.server";
import { createMeeting } from "~/modules/meetings/meetings.server";
import { createWorld } from "./world";
import { swedishFaker, youthInput } from "./youth";

const faker = swedishFaker(66);
let forumCounter = 0;

/**
 * A municipality (createWorld) with an arbetsgrupp: the KAA samordnare chairs it, the caseworker is
 * secretary, socialtjänsten and Arbetsförmedlingen are members. The school and the styrgrupp are not.
 */
export async function createWorkingGroupWorld() {
  const world = await createWorld();
  const { actors, orgs } = world;
  const forum = createForum(actors.coordinator, {
    name: `Arbetsgruppen ${++forumCounter}`,
    kind: "working_group",
    purpose: "Går igenom enskilda ungdomars situation med ungdomens samtycke.",
    rhythm: "biweekly",
    rhythmNote: undefined,
    defaultPlace: "KAA-enheten",
    chairMembershipId: actors.coordinator.membershipId,
    organisationIds: [orgs.kaa.id, orgs.social.id, orgs.employment.id],
  });
  if (!forum.ok) throw new Error(JSON.stringify(forum.errors));
  for (const [actor, forumRole] of [
    [actors.caseworker, "secretary"],
    [actors.social, "member"],
    [actors.employment, "member"],
  ] as const) {
    const added = addMember(actors.coordinator, forum.id, { membershipId: actor.membershipId, forumRole });
    if (!added.ok) throw new Error(JSON.stringify(added.errors));
  }
  const members = [actors.coordinator, actors.caseworker, actors.social, actors.employment];
  return { ...world, forumId: forum.id, members };
}

export type WorkingGroupWorld = Awaited<ReturnType<typeof createWorkingGroupWorld>>;

/** A meeting of the forum `daysAhead` from today at 13–14.30, with the given participants. */
export function planMeeting(world: WorkingGroupWorld, options: { daysAhead?: number; participants?: Actor[]; planner?: Actor } = {}) {
  const planner = options.planner ?? world.actors.coordinator;
  const result = createMeeting(planner, world.forumId, {
    title: "Arbetsgruppen",
    date: addDays(todayIso(), options.daysAhead ?? 7),
    startTime: "13:00",
    endTime: "14:30",
    place: "KAA-enheten",
    videoLink: undefined,
    participantIds: (options.participants ?? world.members).map((a) => a.membershipId),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.id;
}

/** The meeting as `actor` opens it (which re-checks case items and carries over action items). */
export function open(actor: Actor, meetingId: number) {
  return requireMeeting(actor, meetingId);
}

/** A youth in the world's register, with an open enrollment. */
export function registerYouth(world: WorkingGroupWorld) {
  const input = youthInput(faker, { homeMunicipalityId: world.municipality.id, city: "Nässjö", postalPrefix: "571", protectedIdentity: false });
  const created = createYouth(world.actors.caseworker, input);
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const enrollmentId = getDb()
    .insert(enrollments)
    .values({
      youthId: created.id,
      municipalityId: world.municipality.id,
      startDate: addDays(todayIso(), -30),
      startReason: "notice_dropout",
      registrationReason: "dropout_national",
      lastSchoolOccupation: "national_programme",
      status: "in_intervention",
      createdByMembershipId: world.actors.caseworker.membershipId,
    })
    .returning({ id: enrollments.id })
    .get().id;
  return { id: created.id, personalNumber: input.personalNumber, firstName: input.firstName, lastName: input.lastName, enrollmentId };
}

/** A consent recorded directly (the consent module's UI is another issue's). */
export function giveConsent(
  world: WorkingGroupWorld,
  youthId: string,
  recipients: number[],
  sections: ConsentSection[],
  overrides: { validFrom?: string; validUntil?: string } = {},
) {
  const db = getDb();
  const id = db
    .insert(consents)
    .values({
      youthId,
      municipalityId: world.municipality.id,
      givenBy: "youth",
      method: "written",
      purpose: "Samordning i arbetsgruppen",
      validFrom: overrides.validFrom ?? addDays(todayIso(), -10),
      validUntil: overrides.validUntil ?? addDays(todayIso(), 200),
      recordedByMembershipId: world.actors.coordinator.membershipId,
    })
    .returning({ id: consents.id })
    .get().id;
  db.insert(consentRecipients)
    .values(recipients.map((organisationId) => ({ consentId: id, organisationId })))
    .run();
  db.insert(consentSections)
    .values(sections.map((section) => ({ consentId: id, section })))
    .run();
  return id;
}

/** Withdraws a consent the way the consent module records it. */
export function withdrawConsent(world: WorkingGroupWorld, consentId: number) {
  getDb()
    .update(consents)
    .set({
      withdrawnDate: todayIso(),
      withdrawalMethod: "oral",
      withdrawnByMembershipId: world.actors.coordinator.membershipId,
      withdrawnAt: new Date().toISOString(),
    })
    .where(eq(consents.id, consentId))
    .run();
}

/** A plan with one open intervention on the youth's enrollment. */
export function givePlan(world: WorkingGroupWorld, youth: { id: string; enrollmentId: number }, goal: string) {
  const db = getDb();
  const by = world.actors.caseworker.membershipId;
  db.insert(plans).values({ enrollmentId: youth.enrollmentId, youthId: youth.id, goal, updatedByMembershipId: by }).run();
  const typeId = db
    .insert(interventionTypes)
    .values({ municipalityId: world.municipality.id, name: `Praktik ${youth.id}`, position: 1, scbType: "work_practice" })
    .returning({ id: interventionTypes.id })
    .get().id;
  db.insert(interventions)
    .values({
      enrollmentId: youth.enrollmentId,
      youthId: youth.id,
      municipalityId: world.municipality.id,
      typeId,
      responsibleParty: "municipality",
      responsibleUnit: "KAA-enheten",
      startDate: todayIso(),
      plannedEndDate: addDays(todayIso(), 60),
      createdByMembershipId: by,
      updatedByMembershipId: by,
    })
    .run();
}
