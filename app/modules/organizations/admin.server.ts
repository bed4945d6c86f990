/**
 * The systemförvaltare's work: municipalities, organisations, users and memberships.
 * Nothing here touches youth data, and the access policy gives the admin role none.
 */
import crypto from "node:crypto";
import { and, asc, count, desc, eq, isNull, or } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Db } from "#db/client";
import { adminEvents, memberships, municipalities, organisations, users, type Role } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import type { Actor } from "~/modules/auth/actor.server";
import { endAllSessionsOfUser } from "~/modules/auth/session.server";
import { hashPassword } from "~/modules/auth/password.server";
import { nameMatches } from "~/modules/youth/names.server";
import type { membershipSchema, municipalitySchema, organisationSchema, userCreateSchema } from "./admin-schemas";
import { ROLE_LABELS, ROLES_BY_KIND } from "./labels";

type Result<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

/** Who did an administrative change; null from the command line (the first systemförvaltare). */
export type AdminActor = Pick<Actor, "userId" | "membershipId"> | null;

/** One row of the administrative log; pass the transaction when the change it records is written in one. */
export function logAdminEvent(
  by: AdminActor,
  action: string,
  target: { userId?: number; organisationId?: number | null; detail?: string },
  db: Pick<Db, "insert"> = getDb(),
) {
  db.insert(adminEvents)
    .values({
      userId: by?.userId ?? null,
      membershipId: by?.membershipId ?? null,
      action,
      targetUserId: target.userId ?? null,
      targetOrganisationId: target.organisationId ?? null,
      detail: target.detail ?? null,
    })
    .run();
}

export const ADMIN_EVENT_LABELS: Record<string, string> = {
  user_created: "Konto skapat",
  membership_added: "Roll tillagd",
  membership_ended: "Roll avslutad",
  user_disabled: "Konto inaktiverat",
  user_enabled: "Konto aktiverat",
  password_reset: "Lösenord återställt",
  organisation_created: "Organisation skapad",
  organisation_mailbox_changed: "Funktionsbrevlåda ändrad",
  municipality_created: "Kommun skapad",
  // Given and revoked by the KAA samordnare (issue 15): a granskare's time-limited access to a stickprov.
  review_grant_given: "Granskningsbehörighet given",
  review_grant_revoked: "Granskningsbehörighet återkallad",
  // Changed by the KAA samordnare (issue 16): the contact details every letter prints.
  unit_contact_details_changed: "Enhetens kontaktuppgifter ändrade",
  // Issue 17: the second factor of local accounts.
  mfa_reset: "Tvåstegsverifiering återställd",
  mfa_required_for_everyone: "Tvåstegsverifiering krävs för alla",
  mfa_required_for_youth_data_roles: "Tvåstegsverifiering krävs för roller med uppgifter om ungdomar",
  // Issue 17: sign-in through the municipality's identity provider and the e-legitimation.
  identity_provider_created: "Inloggningstjänst tillagd",
  identity_provider_changed: "Inloggningstjänst ändrad",
  identity_linked: "Kopplad till kommunens inloggning",
  identity_unlinked: "Koppling till kommunens inloggning borttagen",
};

export function adminEventsForUser(userId: number) {
  return getDb()
    .select({ id: adminEvents.id, at: adminEvents.at, action: adminEvents.action, detail: adminEvents.detail, byName: users.displayName })
    .from(adminEvents)
    .leftJoin(users, eq(users.id, adminEvents.userId))
    .where(eq(adminEvents.targetUserId, userId))
    .orderBy(desc(adminEvents.at), desc(adminEvents.id))
    .limit(100)
    .all();
}

export function createMunicipality(input: z.output<typeof municipalitySchema>, by: AdminActor): Result {
  const db = getDb();
  const clash = db
    .select()
    .from(municipalities)
    .where(or(eq(municipalities.name, input.name), eq(municipalities.code, input.code)))
    .get();
  if (clash) {
    return { ok: false, errors: clash.code === input.code ? { code: "Kommunkoden finns redan." } : { name: "Kommunen finns redan." } };
  }
  db.insert(municipalities).values(input).run();
  logAdminEvent(by, "municipality_created", { detail: `${input.name} (${input.code})` });
  return { ok: true };
}

export function listOrganisations() {
  return getDb()
    .select({
      id: organisations.id,
      kind: organisations.kind,
      name: organisations.name,
      municipalityName: municipalities.name,
      schoolOrganiserKind: organisations.schoolOrganiserKind,
      schoolOrganiserName: organisations.schoolOrganiserName,
      functionalMailbox: organisations.functionalMailbox,
    })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .orderBy(asc(municipalities.name), asc(organisations.kind), asc(organisations.name))
    .all();
}

export function createOrganisation(input: z.output<typeof organisationSchema>, by: AdminActor): Result {
  const db = getDb();
  if (!db.select().from(municipalities).where(eq(municipalities.id, input.municipalityId)).get()) {
    return { ok: false, errors: { municipalityId: "Välj kommun." } };
  }
  if (input.kind === "kaa_unit") {
    const existing = db
      .select()
      .from(organisations)
      .where(and(eq(organisations.municipalityId, input.municipalityId), eq(organisations.kind, "kaa_unit")))
      .get();
    if (existing) return { ok: false, errors: { kind: `Kommunen har redan en KAA-enhet (${existing.name}).` } };
  }
  if (
    db
      .select()
      .from(organisations)
      .where(and(eq(organisations.municipalityId, input.municipalityId), eq(organisations.name, input.name)))
      .get()
  ) {
    return { ok: false, errors: { name: "Det finns redan en organisation med det namnet i kommunen." } };
  }
  const isSchool = input.kind === "school";
  const created = db
    .insert(organisations)
    .values({
      kind: input.kind,
      name: input.name,
      municipalityId: input.municipalityId,
      schoolOrganiserKind: isSchool && input.schoolOrganiserKind ? input.schoolOrganiserKind : null,
      schoolOrganiserName: isSchool ? (input.schoolOrganiserName ?? null) : null,
      functionalMailbox: input.functionalMailbox?.toLowerCase() ?? null,
    })
    .returning({ id: organisations.id })
    .get();
  logAdminEvent(by, "organisation_created", { organisationId: created.id, detail: input.name });
  return { ok: true };
}

export const USER_PAGE_SIZE = 50;

export function listUsers(query: { q?: string; page: number }) {
  const db = getDb();
  // Citizens who signed in to Mina sidor are accounts too, but not the systemförvaltare's to manage.
  const staff = eq(users.kind, "staff");
  const where = query.q ? and(staff, or(nameMatches(users.displayName, query.q), nameMatches(users.username, query.q))) : staff;
  const total = db.select({ n: count() }).from(users).where(where).get()?.n ?? 0;
  const rows = db
    .select({ id: users.id, displayName: users.displayName, username: users.username, disabledAt: users.disabledAt })
    .from(users)
    .where(where)
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(USER_PAGE_SIZE)
    .offset((query.page - 1) * USER_PAGE_SIZE)
    .all();
  return { total, rows, pageCount: Math.max(1, Math.ceil(total / USER_PAGE_SIZE)) };
}

export function getUser(userId: number) {
  const db = getDb();
  const user = db
    .select({
      id: users.id,
      displayName: users.displayName,
      username: users.username,
      disabledAt: users.disabledAt,
      mustChangePassword: users.mustChangePassword,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.kind, "staff")))
    .get();
  if (!user) return null;
  const rows = db
    .select({
      id: memberships.id,
      role: memberships.role,
      organisationName: organisations.name,
      municipalityName: municipalities.name,
      createdAt: memberships.createdAt,
      endedAt: memberships.endedAt,
    })
    .from(memberships)
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.id))
    .all();
  return { ...user, memberships: rows.map((m) => ({ ...m, roleLabel: ROLE_LABELS[m.role] })) };
}

/** A one-time password that passes the policy; the user must replace it at first sign-in. */
export function temporaryPassword() {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = crypto.randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

function checkMembership(input: { organisationId?: number | ""; role: Role }): FieldErrors | null {
  if (input.role === "system_admin") return null;
  const org = input.organisationId ? getDb().select().from(organisations).where(eq(organisations.id, input.organisationId)).get() : null;
  if (!org) return { organisationId: "Välj organisation." };
  if (!ROLES_BY_KIND[org.kind].includes(input.role)) return { role: `Rollen ${ROLE_LABELS[input.role]} finns inte i en organisation av den typen.` };
  return null;
}

export async function createUser(input: z.output<typeof userCreateSchema>, by: AdminActor): Promise<Result<{ userId: number; temporaryPassword: string }>> {
  const db = getDb();
  if (db.select().from(users).where(eq(users.username, input.username)).get()) {
    return { ok: false, errors: { username: "Det finns redan en användare med den e-postadressen." } };
  }
  const problem = checkMembership(input);
  if (problem) return { ok: false, errors: problem };
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const userId = db.transaction((tx) => {
    const user = tx
      .insert(users)
      .values({ username: input.username, displayName: input.displayName, passwordHash, mustChangePassword: true })
      .returning({ id: users.id })
      .get();
    tx.insert(memberships)
      .values({ userId: user.id, role: input.role, organisationId: input.role === "system_admin" ? null : Number(input.organisationId) })
      .run();
    return user.id;
  });
  logAdminEvent(by, "user_created", {
    userId,
    organisationId: input.role === "system_admin" ? null : Number(input.organisationId),
    detail: ROLE_LABELS[input.role],
  });
  return { ok: true, userId, temporaryPassword: password };
}

export function addMembership(userId: number, input: z.output<typeof membershipSchema>, by: AdminActor): Result {
  const problem = checkMembership(input);
  if (problem) return { ok: false, errors: problem };
  const organisationId = input.role === "system_admin" ? null : Number(input.organisationId);
  const db = getDb();
  const existing = db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.role, input.role),
        organisationId === null ? isNull(memberships.organisationId) : eq(memberships.organisationId, organisationId),
        isNull(memberships.endedAt),
      ),
    )
    .get();
  if (existing) return { ok: false, errors: { role: "Användaren har redan den rollen i organisationen." } };
  db.insert(memberships).values({ userId, role: input.role, organisationId }).run();
  logAdminEvent(by, "membership_added", { userId, organisationId, detail: ROLE_LABELS[input.role] });
  return { ok: true };
}

/** Ending a membership keeps it for history (what was done in it stays attributed). */
export async function endMembership(userId: number, membershipId: number, by: AdminActor) {
  const membership = getDb()
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.userId, userId)))
    .get();
  if (!membership) return;
  getDb()
    .update(memberships)
    .set({ endedAt: new Date().toISOString() })
    .where(and(eq(memberships.id, membershipId), eq(memberships.userId, userId), isNull(memberships.endedAt)))
    .run();
  logAdminEvent(by, "membership_ended", { userId, organisationId: membership.organisationId, detail: ROLE_LABELS[membership.role] });
  // A session acting in the ended membership must not continue in it.
  await endAllSessionsOfUser(userId);
}

/** Disabling ends every session of the user at once. */
export async function setUserDisabled(userId: number, disabled: boolean, by: AdminActor) {
  getDb()
    .update(users)
    .set({ disabledAt: disabled ? new Date().toISOString() : null })
    .where(eq(users.id, userId))
    .run();
  logAdminEvent(by, disabled ? "user_disabled" : "user_enabled", { userId });
  if (disabled) await endAllSessionsOfUser(userId);
}

export async function resetPassword(userId: number, by: AdminActor): Promise<string> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  getDb().update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, userId)).run();
  logAdminEvent(by, "password_reset", { userId });
  await endAllSessionsOfUser(userId);
  return password;
}

export function organisationOptions() {
  return listOrganisations().map((o) => ({ value: String(o.id), label: `${o.name} (${o.municipalityName})` }));
}
