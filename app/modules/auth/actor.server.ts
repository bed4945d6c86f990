import { redirect } from "@remix-run/node";
import type { AuthMethod, OrganisationKind, Role } from "#db/schema";
import { activeMembership, activeMembershipsOfUser } from "~/modules/organizations/memberships.server";
import { assertSameOrigin } from "~/modules/security/origin.server";
import { oncePerRequest } from "~/modules/security/request-scope.server.js";
import { authenticate, setSessionMembership, type Authenticated } from "./session.server";

/**
 * Who is acting: a user in one of their memberships. Every action and every access-log row is
 * attributed to the membership, not only to the person.
 */
export type Actor = {
  userId: number;
  username: string;
  displayName: string;
  sessionId: string;
  membershipId: number;
  role: Role;
  organisationId: number | null;
  organisationKind: OrganisationKind | null;
  organisationName: string | null;
  municipalityId: number | null;
  municipalityName: string | null;
  hasSeveralMemberships: boolean;
  /** When the person last proved who they are (Unix ms): step-up reads it. */
  authenticatedAt: number;
  authMethod: AuthMethod;
};

export const PASSWORD_PAGE = "/konto/losenord";
export const MY_PAGES = "/mina-sidor";
export const CHOOSE_MEMBERSHIP_PAGE = "/valj-roll";

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const target = back === "/" ? "/logga-in" : `/logga-in?redirectTo=${encodeURIComponent(back)}`;
  return redirect(target);
}

/**
 * A signed-in member of staff, with or without a chosen membership (for the password and role pages).
 * Non-GET requests from another origin are refused here, before anything else happens.
 */
export async function requireUser(request: Request): Promise<Authenticated> {
  assertSameOrigin(request);
  const auth = await authenticate(request);
  if (!auth) throw loginRedirect(request);
  // A youth or guardian signed in on Mina sidor has nothing among the staff pages (roles, password, account).
  if (auth.user.kind === "citizen") throw redirect(MY_PAGES);
  return auth;
}

/**
 * The acting user and membership; redirects to sign-in, password change or role choice. A page
 * load (GET) works it out once for all its loaders; a write always anew, since it may change the
 * session it runs under.
 */
export function requireActor(request: Request): Promise<Actor> {
  const method = request.method.toUpperCase();
  if (method !== "GET" && method !== "HEAD") return actorOf(request);
  const key = `actor ${new URL(request.url).pathname} ${request.headers.get("Cookie") ?? ""}`;
  return oncePerRequest(key, () => actorOf(request));
}

async function actorOf(request: Request): Promise<Actor> {
  const auth = await requireUser(request);
  const path = new URL(request.url).pathname;
  if (auth.user.mustChangePassword && path !== PASSWORD_PAGE) throw redirect(PASSWORD_PAGE);

  const memberships = activeMembershipsOfUser(auth.user.id);
  let membership = auth.session.membershipId ? activeMembership(auth.user.id, auth.session.membershipId) : null;
  if (!membership && memberships.length === 1) {
    membership = memberships[0]!;
    setSessionMembership(auth.session.id, membership.id);
  }
  if (!membership) {
    if (memberships.length === 0) {
      throw new Response("Ditt konto saknar behörighet i portalen. Kontakta systemförvaltaren.", { status: 403 });
    }
    throw redirect(CHOOSE_MEMBERSHIP_PAGE);
  }
  return {
    userId: auth.user.id,
    username: auth.user.username,
    displayName: auth.user.displayName,
    sessionId: auth.session.id,
    membershipId: membership.id,
    role: membership.role,
    organisationId: membership.organisationId,
    organisationKind: membership.organisationKind,
    organisationName: membership.organisationName,
    municipalityId: membership.municipalityId,
    municipalityName: membership.municipalityName,
    hasSeveralMemberships: memberships.length > 1,
    authenticatedAt: auth.session.authenticatedAt,
    authMethod: auth.session.authMethod,
  };
}

/** For pages that are not youth data: a role outside the list gets 403. */
export async function requireRole(request: Request, roles: readonly Role[]): Promise<Actor> {
  const actor = await requireActor(request);
  if (!roles.includes(actor.role)) {
    throw new Response("Du har inte behörighet till den här sidan.", { status: 403 });
  }
  return actor;
}

export const KAA_ROLES = ["kaa_coordinator", "kaa_caseworker"] as const satisfies readonly Role[];

/** Who works with referrals: the KAA unit sends them; socialtjänsten, Arbetsförmedlingen and schools receive them. */
export const REFERRAL_ROLES = ["kaa_coordinator", "kaa_caseworker", "social_worker", "employment_officer", "school_staff"] as const satisfies readonly Role[];

/** The actor if the request is signed in with a chosen membership, otherwise null (never redirects). */
export async function optionalActor(request: Request): Promise<Actor | null> {
  if (request.method.toUpperCase() !== "GET") return null;
  try {
    return await requireActor(request);
  } catch (thrown) {
    if (thrown instanceof Response) return null;
    throw thrown;
  }
}
