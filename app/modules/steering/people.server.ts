/** The names of the memberships that recorded something: "who" in the goals' and the plan's history. */
import { eq, inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { memberships, users } from "#db/schema";

export function namesOf(membershipIds: readonly number[]): Map<number, string> {
  const ids = [...new Set(membershipIds)];
  if (ids.length === 0) return new Map();
  return new Map(
    getDb()
      .select({ id: memberships.id, name: users.displayName })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(inArray(memberships.id, ids))
      .all()
      .map((r) => [r.id, r.name] as const),
  );
}
