import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { memberships, municipalities, organisations, type OrganisationKind, type Role } from "#db/schema";

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
