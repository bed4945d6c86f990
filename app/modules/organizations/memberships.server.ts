import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Db, type Tx } from "#db/client";
import { memberships, municipalities, organisations, users, type OrganisationKind, type Role } from "#db/schema";

export type MembershipView = {
  id: number;
  role: Role;
  organisationId: number | null;
  organisationName: string | null;
  organisationKind: OrganisationKind | null;
  municipalityId: number | null;
  municipalityName: string | null;
};

function membershipQuery() {
  return getDb()
    .select({
      id: memberships.id,
      userId: memberships.userId,
      role: memberships.role,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      municipalityId: organisations.municipalityId,
      municipalityName: municipalities.name,
    })
    .from(memberships)
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(municipalities, eq(municipalities.id, organisations.municipalityId));
}

/** The memberships a user can act in now (ended ones are kept for history but not offered). */
export function activeMembershipsOfUser(userId: number): MembershipView[] {
  return membershipQuery()
    .where(and(eq(memberships.userId, userId), isNull(memberships.endedAt)))
    .orderBy(memberships.id)
    .all()
    .map(({ userId: _userId, ...rest }) => rest);
}

export function activeMembership(userId: number, membershipId: number): MembershipView | null {
  const row = membershipQuery()
    .where(and(eq(memberships.id, membershipId), eq(memberships.userId, userId), isNull(memberships.endedAt)))
    .get();
  if (!row) return null;
  const { userId: _userId, ...rest } = row;
  return rest;
}

/** The KAA unit's staff, for assigning caseworkers: not a granskare, whose membership sits in the unit it audits. */
export function kaaStaff(organisationId: number) {
  return getDb()
    .select({ membershipId: memberships.id, displayName: users.displayName, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        inArray(memberships.role, ["kaa_coordinator", "kaa_caseworker"]),
        isNull(memberships.endedAt),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(users.displayName)
    .all();
}

/** The KAA unit of a municipality (notices are routed to it). */
export function kaaUnitOf(municipalityId: number) {
  return (
    getDb()
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.municipalityId, municipalityId), eq(organisations.kind, "kaa_unit")))
      .get() ?? null
  );
}

/** Is the membership still current? A notice meant for someone who has left goes to their organisation instead. */
export function isMembershipActive(db: Db | Tx, membershipId: number | null): membershipId is number {
  return (
    membershipId !== null &&
    db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.id, membershipId), isNull(memberships.endedAt)))
      .get() !== undefined
  );
}
