/**
 * Who the youth can turn to at the KAA unit, for Mina sidor: the caseworker of the open enrollment (name
 * and work e-mail) and the unit's own contact details (the same ones every letter prints).
 */
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { memberships, users } from "#db/schema";
import type { OpenedFile } from "~/modules/access/own-file.server";
import { kaaUnitOf } from "~/modules/organizations/memberships.server";
import { openEnrollmentOf } from "./enrollments.server";
import { unitContactDetailsOf, type StoredUnitContact } from "./unit-contact.server";

export type ContactPerson = {
  /** The open enrollment's start, or null when KAA is not working with the youth right now. */
  enrolledSince: string | null;
  caseworker: { name: string; email: string } | null;
  unit: { name: string; details: StoredUnitContact | null } | null;
};

export function contactPersonOf(file: OpenedFile<"enrollment">): ContactPerson {
  const enrollment = openEnrollmentOf(file);
  const caseworker =
    enrollment?.caseworkerMembershipId != null
      ? (getDb()
          .select({ name: users.displayName, email: users.username })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          // Someone who has left is no contact person: the unit's details remain.
          .where(and(eq(memberships.id, enrollment.caseworkerMembershipId), isNull(memberships.endedAt), isNull(users.disabledAt)))
          .get() ?? null)
      : null;
  const unit = kaaUnitOf(enrollment?.municipalityId ?? file.municipalityId);
  return {
    enrolledSince: enrollment?.startDate ?? null,
    caseworker,
    unit: unit ? { name: unit.name, details: unitContactDetailsOf(unit.id) } : null,
  };
}
