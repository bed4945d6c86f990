/**
 * Forums (styrgrupp, samverkansforum, arbetsgrupp …) of a municipality: their members and member
 * organisations. Only members see a forum; anyone else gets the same 404 as for a forum that does
 * not exist. The KAA samordnare of the municipality creates forums and, with the chair, manages them.
 */
import { and, asc, count, eq, inArray, isNull, ne } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { forumMembers, forumOrganisations, forums, memberships, organisations, users, type ForumRole } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { forbidden, notFound } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import type { ForumCreateInput, ForumDetailsInput, MemberAddInput, MemberChangeInput } from "./forum-schemas";
import { FORUM_PORTAL_ROLES, mayManageForum, mayOpenForum, mayOpenMembers, type ForumStanding } from "./permissions";

export type Forum = typeof forums.$inferSelect;
type Result<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

/** The KAA samordnare of a municipality administers its forums. */
export function isForumAdministrator(actor: Actor, municipalityId: number) {
  return actor.role === "kaa_coordinator" && actor.organisationKind === "kaa_unit" && actor.municipalityId === municipalityId;
}

export function forumRoleOf(forumId: number, membershipId: number): ForumRole | null {
  return (
    getDb()
      .select({ role: forumMembers.forumRole })
      .from(forumMembers)
      .where(and(eq(forumMembers.forumId, forumId), eq(forumMembers.membershipId, membershipId), isNull(forumMembers.endedAt)))
      .get()?.role ?? null
  );
}

export function standingIn(actor: Actor, forum: Forum): ForumStanding {
  return { forumRole: forumRoleOf(forum.id, actor.membershipId), isAdministrator: isForumAdministrator(actor, forum.municipalityId) };
}

function loadForum(forumId: number): Forum | null {
  if (!Number.isSafeInteger(forumId) || forumId <= 0) return null;
  return getDb().select().from(forums).where(eq(forums.id, forumId)).get() ?? null;
}

/**
 * The forum, if the actor may open it: "forum" for its page and meetings (members only), "members"
 * for its members page (members and the samordnare). Otherwise 404, as for a missing forum.
 */
export function requireForum(actor: Actor, forumId: number, page: "forum" | "members" = "forum"): { forum: Forum; standing: ForumStanding } {
  const forum = loadForum(forumId);
  if (!forum) throw notFound();
  const standing = standingIn(actor, forum);
  if (!(page === "forum" ? mayOpenForum(standing) : mayOpenMembers(standing))) throw notFound();
  return { forum, standing };
}

/* ------------------------------------------------------------------ lists */

/** The forums the actor's membership sits in, with the actor's role. */
export function myForums(actor: Actor) {
  return getDb()
    .select({ id: forums.id, name: forums.name, kind: forums.kind, rhythm: forums.rhythm, forumRole: forumMembers.forumRole })
    .from(forumMembers)
    .innerJoin(forums, eq(forums.id, forumMembers.forumId))
    .where(and(eq(forumMembers.membershipId, actor.membershipId), isNull(forumMembers.endedAt)))
    .orderBy(asc(forums.name))
    .all();
}

/** Every forum of the samordnare's municipality, with its number of members. */
export function municipalityForums(actor: Actor) {
  if (actor.municipalityId === null || !isForumAdministrator(actor, actor.municipalityId)) return [];
  const db = getDb();
  const rows = db
    .select({ id: forums.id, name: forums.name, kind: forums.kind })
    .from(forums)
    .where(eq(forums.municipalityId, actor.municipalityId))
    .orderBy(asc(forums.name))
    .all();
  const counts = new Map(
    rows.length === 0
      ? []
      : db
          .select({ forumId: forumMembers.forumId, n: count() })
          .from(forumMembers)
          .where(
            and(
              inArray(
                forumMembers.forumId,
                rows.map((r) => r.id),
              ),
              isNull(forumMembers.endedAt),
            ),
          )
          .groupBy(forumMembers.forumId)
          .all()
          .map((r) => [r.forumId, r.n] as const),
  );
  return rows.map((r) => ({ ...r, memberCount: counts.get(r.id) ?? 0 }));
}

/** Active members with names, organisations and forum roles; the chair first. */
export function forumMembersOf(forumId: number) {
  const order: Record<ForumRole, number> = { chair: 0, secretary: 1, member: 2 };
  return (
    getDb()
      .select({
        id: forumMembers.id,
        membershipId: forumMembers.membershipId,
        forumRole: forumMembers.forumRole,
        displayName: users.displayName,
        username: users.username,
        organisationId: organisations.id,
        organisationName: organisations.name,
      })
      .from(forumMembers)
      .innerJoin(memberships, eq(memberships.id, forumMembers.membershipId))
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      // A membership ended in the portal (someone who left) no longer sits in the forum either.
      .where(and(eq(forumMembers.forumId, forumId), isNull(forumMembers.endedAt), isNull(memberships.endedAt)))
      .all()
      .sort((a, b) => order[a.forumRole] - order[b.forumRole] || a.displayName.localeCompare(b.displayName, "sv"))
  );
}

export function forumOrganisationsOf(forumId: number) {
  return getDb()
    .select({ id: forumOrganisations.id, organisationId: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(forumOrganisations)
    .innerJoin(organisations, eq(organisations.id, forumOrganisations.organisationId))
    .where(and(eq(forumOrganisations.forumId, forumId), isNull(forumOrganisations.endedAt)))
    .orderBy(asc(organisations.name))
    .all();
}

/** Active memberships (not disabled users, not the systemförvaltare) in the given organisations. */
export function activeMembershipsIn(organisationIds: readonly number[]) {
  if (organisationIds.length === 0) return [];
  return getDb()
    .select({ membershipId: memberships.id, displayName: users.displayName, organisationId: organisations.id, organisationName: organisations.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        inArray(memberships.organisationId, [...organisationIds]),
        isNull(memberships.endedAt),
        isNull(users.disabledAt),
        inArray(memberships.role, [...FORUM_PORTAL_ROLES]),
      ),
    )
    .orderBy(asc(users.displayName))
    .all();
}

/** Organisations of a municipality, for choosing member organisations and guests' organisations. */
export function organisationsOfMunicipality(municipalityId: number) {
  return getDb()
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.municipalityId, municipalityId))
    .orderBy(asc(organisations.name))
    .all();
}

/** People who could become members: from the member organisations, not already members. */
export function memberCandidates(forumId: number) {
  const current = new Set(forumMembersOf(forumId).map((m) => m.membershipId));
  return activeMembershipsIn(forumOrganisationsOf(forumId).map((o) => o.organisationId)).filter((m) => !current.has(m.membershipId));
}

export function organisationCandidates(forum: Forum) {
  const current = new Set(forumOrganisationsOf(forum.id).map((o) => o.organisationId));
  return organisationsOfMunicipality(forum.municipalityId).filter((o) => !current.has(o.id));
}

/* ------------------------------------------------------------------ writing */

function nameTaken(municipalityId: number, name: string, exceptId?: number) {
  return Boolean(
    getDb()
      .select({ id: forums.id })
      .from(forums)
      .where(and(eq(forums.municipalityId, municipalityId), eq(forums.name, name), exceptId ? ne(forums.id, exceptId) : undefined))
      .get(),
  );
}

export function createForum(actor: Actor, input: ForumCreateInput): Result<{ id: number }> {
  if (actor.municipalityId === null || !isForumAdministrator(actor, actor.municipalityId)) throw forbidden();
  const municipalityId = actor.municipalityId;
  if (nameTaken(municipalityId, input.name)) return { ok: false, errors: { name: "Det finns redan ett forum med det namnet." } };
  const municipalityOrgs = new Set(organisationsOfMunicipality(municipalityId).map((o) => o.id));
  const chair = activeMembershipsIn([...municipalityOrgs]).find((m) => m.membershipId === input.chairMembershipId);
  if (!chair) return { ok: false, errors: { chairMembershipId: "Välj en ordförande från en organisation i kommunen." } };
  if (input.organisationIds.some((id) => !municipalityOrgs.has(id))) return { ok: false, errors: { organisationIds: "Välj organisationer i kommunen." } };
  const organisationIds = [...new Set([...input.organisationIds, chair.organisationId])];
  const id = getDb().transaction((tx) => {
    const forumId = tx
      .insert(forums)
      .values({
        municipalityId,
        kind: input.kind,
        name: input.name,
        purpose: input.purpose,
        rhythm: input.rhythm,
        rhythmNote: input.rhythmNote ?? null,
        defaultPlace: input.defaultPlace ?? null,
        createdByMembershipId: actor.membershipId,
      })
      .returning({ id: forums.id })
      .get().id;
    tx.insert(forumOrganisations)
      .values(organisationIds.map((organisationId) => ({ forumId, organisationId, addedByMembershipId: actor.membershipId })))
      .run();
    tx.insert(forumMembers).values({ forumId, membershipId: chair.membershipId, forumRole: "chair", addedByMembershipId: actor.membershipId }).run();
    return forumId;
  });
  return { ok: true, id };
}

export function updateForumDetails(actor: Actor, forumId: number, input: ForumDetailsInput): Result {
  const { forum, standing } = requireForum(actor, forumId, "members");
  if (!mayManageForum(standing)) throw forbidden();
  if (nameTaken(forum.municipalityId, input.name, forum.id)) return { ok: false, errors: { name: "Det finns redan ett forum med det namnet." } };
  getDb()
    .update(forums)
    .set({
      name: input.name,
      kind: input.kind,
      purpose: input.purpose,
      rhythm: input.rhythm,
      rhythmNote: input.rhythmNote ?? null,
      defaultPlace: input.defaultPlace ?? null,
      updatedAt: new Date().toISOString(),
    })
    .where(eq(forums.id, forum.id))
    .run();
  return { ok: true };
}

/** A forum has one chair: naming a new one makes the former chair an ordinary member. */
function demoteChair(tx: Tx, forumId: number) {
  tx.update(forumMembers)
    .set({ forumRole: "member" })
    .where(and(eq(forumMembers.forumId, forumId), eq(forumMembers.forumRole, "chair"), isNull(forumMembers.endedAt)))
    .run();
}

export function addMember(actor: Actor, forumId: number, input: MemberAddInput): Result {
  const { forum, standing } = requireForum(actor, forumId, "members");
  if (!mayManageForum(standing)) throw forbidden();
  if (!memberCandidates(forum.id).some((c) => c.membershipId === input.membershipId)) {
    return { ok: false, errors: { membershipId: "Välj en person från forumets medlemsorganisationer som inte redan är medlem." } };
  }
  getDb().transaction((tx) => {
    if (input.forumRole === "chair") demoteChair(tx, forum.id);
    tx.insert(forumMembers)
      .values({ forumId: forum.id, membershipId: input.membershipId, forumRole: input.forumRole, addedByMembershipId: actor.membershipId })
      .run();
  });
  return { ok: true };
}

export function addForumOrganisation(actor: Actor, forumId: number, organisationId: number): Result {
  const { forum, standing } = requireForum(actor, forumId, "members");
  if (!mayManageForum(standing)) throw forbidden();
  if (!organisationCandidates(forum).some((o) => o.id === organisationId))
    return { ok: false, errors: { organisationId: "Välj en organisation i kommunen som inte redan är med." } };
  getDb().insert(forumOrganisations).values({ forumId: forum.id, organisationId, addedByMembershipId: actor.membershipId }).run();
  return { ok: true };
}

export function changeMembers(actor: Actor, forumId: number, input: MemberChangeInput): Result {
  const { forum, standing } = requireForum(actor, forumId, "members");
  if (!mayManageForum(standing)) throw forbidden();
  const db = getDb();
  const now = new Date().toISOString();
  if (input.intent === "end-organisation") {
    const row = forumOrganisationsOf(forum.id).find((o) => o.id === input.forumOrganisationId);
    if (!row) throw notFound();
    if (forumMembersOf(forum.id).some((m) => m.organisationId === row.organisationId)) {
      return { ok: false, errors: { form: `Avsluta först medlemskapen för personerna från ${row.name}.` } };
    }
    db.update(forumOrganisations).set({ endedAt: now, endedByMembershipId: actor.membershipId }).where(eq(forumOrganisations.id, row.id)).run();
    return { ok: true };
  }
  const member = forumMembersOf(forum.id).find((m) => m.id === input.memberId);
  if (!member) throw notFound();
  if (input.intent === "end-member") {
    if (member.forumRole === "chair") return { ok: false, errors: { form: "Utse en ny ordförande innan ordförandens medlemskap avslutas." } };
    db.update(forumMembers).set({ endedAt: now, endedByMembershipId: actor.membershipId }).where(eq(forumMembers.id, member.id)).run();
    return { ok: true };
  }
  if (member.forumRole === "chair" && input.forumRole !== "chair")
    return { ok: false, errors: { form: "Forumet behöver en ordförande. Gör någon annan till ordförande i stället." } };
  db.transaction((tx) => {
    if (input.forumRole === "chair") demoteChair(tx, forum.id);
    tx.update(forumMembers).set({ forumRole: input.forumRole }).where(eq(forumMembers.id, member.id)).run();
  });
  return { ok: true };
}
