/**
 * The KAA unit's contact details (kontaktuppgifter): kept by the samordnare, read by every letter.
 * They are the unit's own, public details, no youth data, so they need no handle from the kernel.
 */
import { asc, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { municipalities, organisations, unitContactDetails } from "#db/schema";
import { forbidden } from "~/lib/http";
import type { Actor } from "~/modules/auth/actor.server";
import { logAdminEvent } from "~/modules/organizations/admin.server";
import { UNIT_CONTACT_FIELDS, UNIT_CONTACT_FIELD_LABELS, type UnitContactDetails, type UnitContactInput } from "./unit-contact-schema";

export type StoredUnitContact = UnitContactDetails & { updatedAt: string };

/** The unit's details, or null when the samordnare has not filled them in yet. */
export function unitContactDetailsOf(organisationId: number | null): StoredUnitContact | null {
  if (organisationId === null) return null;
  const row = getDb().select().from(unitContactDetails).where(eq(unitContactDetails.organisationId, organisationId)).get();
  if (!row) return null;
  const { organisationId: _id, updatedByMembershipId: _by, ...details } = row;
  return details;
}

export type KaaUnitContact = { municipalityName: string; unitName: string; details: UnitContactDetails | null };

/**
 * Every KAA unit in the portal with its public details, by municipality: whom a person the portal has
 * nothing about (Mina sidor) can ask what their municipality holds.
 */
export function kaaUnitContacts(): KaaUnitContact[] {
  return getDb()
    .select({ municipalityName: municipalities.name, unitName: organisations.name, organisationId: organisations.id })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(organisations.kind, "kaa_unit"))
    .orderBy(asc(municipalities.name))
    .all()
    .map(({ organisationId, ...unit }) => ({ ...unit, details: unitContactDetailsOf(organisationId) }));
}

/** The Swedish names of the details a letter lacks (all of them when none are stored). */
export function missingContactFields(details: UnitContactDetails | null): string[] {
  return UNIT_CONTACT_FIELDS.filter((field) => !details?.[field]).map((field) => UNIT_CONTACT_FIELD_LABELS[field]);
}

function requireUnitCoordinator(actor: Actor): number {
  if (actor.role !== "kaa_coordinator" || actor.organisationKind !== "kaa_unit" || actor.organisationId === null) throw forbidden();
  return actor.organisationId;
}

/** Saves the details and logs the change in the administrative log, in one transaction. */
export function saveUnitContactDetails(actor: Actor, input: UnitContactInput) {
  const organisationId = requireUnitCoordinator(actor);
  const db = getDb();
  const before = unitContactDetailsOf(organisationId);
  const changed = UNIT_CONTACT_FIELDS.filter((field) => before?.[field] !== input[field]);
  if (changed.length === 0) return;
  const values = { ...input, updatedAt: new Date().toISOString(), updatedByMembershipId: actor.membershipId };
  db.transaction((tx) => {
    tx.insert(unitContactDetails)
      .values({ organisationId, ...values })
      .onConflictDoUpdate({ target: unitContactDetails.organisationId, set: values })
      .run();
    logAdminEvent(
      actor,
      "unit_contact_details_changed",
      { organisationId, detail: `Ändrat: ${changed.map((field) => UNIT_CONTACT_FIELD_LABELS[field].toLowerCase()).join(", ")}` },
      tx,
    );
  });
}
