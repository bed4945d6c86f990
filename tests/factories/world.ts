import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { memberships, municipalities, organisations, users, type OrganisationKind, type Role } from "#db/schema";
import type { Actor } from "~/modules/auth/actor.server";
import { hashPassword } from "~/modules/auth/password.server";

export const TEST_PASSWORD = "ett-långt-testlösenord";

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;

export function createMunicipality(name = unique("Kommun")): typeof municipalities.$inferSelect {
  // Random four-digit kommunkod; on the rare clash, draw again.
  const code = String(1000 + Math.floor(Math.random() * 8999));
  return getDb().insert(municipalities).values({ name, code }).onConflictDoNothing().returning().get() ?? createMunicipality(name);
}

export function createOrganisation(kind: OrganisationKind, municipalityId: number, name = unique(kind)) {
  return getDb()
    .insert(organisations)
    .values({
      kind,
      name,
      municipalityId,
      ...(kind === "school" ? { schoolOrganiserKind: "kommunal" as const, schoolOrganiserName: "Kommunen" } : {}),
    })
    .returning()
    .get();
}

let passwordHash: Promise<string> | undefined;

export async function createUser(displayName = "Test Testsson") {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return getDb()
    .insert(users)
    .values({ username: `${unique("user")}@test.example`, displayName, passwordHash: await passwordHash })
    .returning()
    .get();
}

/** A user with one membership, as the Actor requireActor() would build. */
export async function createActor(role: Role, organisation: { id: number; kind: OrganisationKind; municipalityId: number } | null): Promise<Actor> {
  const user = await createUser();
  const membership = getDb()
    .insert(memberships)
    .values({ userId: user.id, role, organisationId: organisation?.id ?? null })
    .returning()
    .get();
  const municipality = organisation ? getDb().select().from(municipalities).where(eq(municipalities.id, organisation.municipalityId)).get() : undefined;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    sessionId: "test",
    membershipId: membership.id,
    role,
    organisationId: organisation?.id ?? null,
    organisationKind: organisation?.kind ?? null,
    organisationName: organisation ? "Testorganisation" : null,
    municipalityId: organisation?.municipalityId ?? null,
    municipalityName: municipality?.name ?? null,
    hasSeveralMemberships: false,
    // Signed in just now: step-up actions (a protected address) are open to it.
    authenticatedAt: Date.now(),
    // With the second factor every youth-data role must use (app/modules/auth/mfa-policy.ts).
    authMethod: "password_totp",
  };
}

/** A municipality with a KAA unit and one organisation of every other kind, and an actor in each role. */
export async function createWorld() {
  const municipality = createMunicipality();
  const orgs = {
    kaa: createOrganisation("kaa_unit", municipality.id),
    school: createOrganisation("school", municipality.id),
    social: createOrganisation("social_services", municipality.id),
    employment: createOrganisation("employment_service", municipality.id),
    steering: createOrganisation("steering_group", municipality.id),
  };
  const actors = {
    coordinator: await createActor("kaa_coordinator", orgs.kaa),
    caseworker: await createActor("kaa_caseworker", orgs.kaa),
    school: await createActor("school_staff", orgs.school),
    social: await createActor("social_worker", orgs.social),
    employment: await createActor("employment_officer", orgs.employment),
    steering: await createActor("steering_member", orgs.steering),
    admin: await createActor("system_admin", null),
  };
  return { municipality, orgs, actors };
}
