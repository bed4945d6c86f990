/** The people around a referral, by name: no youth data, so shared by the referral and its lists. */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { memberships, users } from "#db/schema";

export function namesOf(membershipIds: (number | null)[]) {
  const ids = [...new Set(membershipIds.filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map<number, string>();
  return new Map(
    getDb()
      .select({ id: memberships.id, name: users.displayName })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(inArray(memberships.id, ids))
      .all()
      .map((r) => [r.id, r.name]),
  );
}

/** The recipient organisation's active staff, who may be made responsible for an accepted referral. */
export function recipientStaff(organisationId: number) {
  return getDb()
    .select({ membershipId: memberships.id, name: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), isNull(memberships.endedAt), isNull(users.disabledAt)))
    .orderBy(users.displayName)
    .all();
}
