/**
 * Staff single sign-on through the municipality's identity provider. The provider says who the person is;
 * the portal finds the account the admin linked to that subject (or verified e-mail) and starts its own
 * session. No account is ever created from a sign-in, and roles stay in the portal. Step-up for an SSO
 * session is the same round trip with prompt=login, checked to be the same person.
 */
import { and, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { userIdentities, users } from "#db/schema";
import { safeRedirect } from "~/lib/form.server";
import { endSessionUrl } from "~/modules/integrations/oidc.server";
import { activeMembershipsOfUser } from "~/modules/organizations/memberships.server";
import { portalOrigin } from "~/modules/security/origin.server";
import { enabledStaffProvider, providerById, staffSignInButtons, type IdentityProviderRow } from "./identity-providers.server";
import { beginOidc, finishOidc } from "./oidc-flow.server";
import { SIGNED_OUT_PATHS } from "./oidc-paths";
import { authenticate, endSession, markReauthenticated, startSession } from "./session.server";
import { recordSignInEvent } from "./sign-in-events.server";

/** Where a step-up of an SSO session starts (the staff step-up page sends SSO sessions here). */
export function ssoStepUpLocation(providerId: number, returnTo: string) {
  return `/logga-in/sso/${providerId}?bekrafta=1&redirectTo=${encodeURIComponent(returnTo)}`;
}

export type SsoStart = { ok: true; location: string; cookie: string } | { ok: false; status: 404 | 401 };

/**
 * Sends the browser to the provider: to sign in, or (`stepUp`) to prove again who the signed-in person is.
 * A step-up needs a session that came from this provider.
 */
export async function startStaffSso(request: Request, providerId: number, options: { stepUp: boolean; returnTo: string | null }): Promise<SsoStart> {
  const provider = enabledStaffProvider(providerId);
  if (!provider) return { ok: false, status: 404 };
  const returnTo = safeRedirect(options.returnTo, "/");
  if (!options.stepUp) {
    const { location, cookie } = await beginOidc(request, provider, "staff_sign_in", { returnTo });
    return { ok: true, location, cookie };
  }
  const auth = await authenticate(request);
  if (!auth || auth.user.kind !== "staff") return { ok: false, status: 401 };
  const { location, cookie } = await beginOidc(request, provider, "staff_step_up", { returnTo, sessionId: auth.session.id });
  return { ok: true, location, cookie };
}

/** The claim value to look the account up by, or why there is none. */
function matchValue(provider: IdentityProviderRow, claims: Record<string, unknown>): { value: string } | { refused: "email_not_verified" } {
  if (provider.matchClaim === "sub") return { value: String(claims["sub"]) };
  const email = typeof claims["email"] === "string" ? claims["email"].trim().toLowerCase() : "";
  // An unverified e-mail could be anyone's: a provider that lets users type their own proves nothing.
  if (!email || claims["email_verified"] !== true) return { refused: "email_not_verified" };
  return { value: email };
}

function linkedUser(providerId: number, claim: "sub" | "email", value: string) {
  return getDb()
    .select({ id: users.id, kind: users.kind, disabledAt: users.disabledAt })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.providerId, providerId), eq(userIdentities.claim, claim), eq(userIdentities.value, value)))
    .get();
}

/** What the provider said about who it was, for the sign-in log (staff subjects and e-mail, never a personnummer). */
function describe(claims: Record<string, unknown>) {
  const email = typeof claims["email"] === "string" ? ` e-post=${claims["email"]}` : "";
  return `sub=${String(claims["sub"])}${email}`;
}

export type SsoOutcome = { ok: true; location: string; cookies: string[] } | { ok: false; reason: string; cookies: string[] };

/**
 * The browser is back from the provider. Sign-in: the linked, enabled account gets a new session proved at
 * the provider's auth_time. Step-up: the same person as the session's, whose proof is renewed.
 */
export async function completeStaffSso(request: Request, address: string): Promise<SsoOutcome> {
  const result = await finishOidc(request, ["staff_sign_in", "staff_step_up"], address);
  if (!result.ok) return { ok: false, reason: result.reason, cookies: [result.clearCookie] };
  const { provider, claims, purpose } = result;
  const cookies = [result.clearCookie];
  const refuse = (reason: string, userId: number | null = null): SsoOutcome => {
    recordSignInEvent({ method: "sso", outcome: "refused", reason, userId, providerId: provider.id, detail: describe(claims), address });
    return { ok: false, reason, cookies };
  };
  const match = matchValue(provider, claims);
  if ("refused" in match) return refuse(match.refused);
  const user = linkedUser(provider.id, provider.matchClaim, match.value);
  if (!user || user.kind !== "staff") return refuse("unknown_subject");
  if (user.disabledAt) return refuse("user_disabled", user.id);
  // No auth_time: the provider may have reused its own session, so the proof is not counted as recent (step-up asks).
  const authenticatedAt = typeof claims.auth_time === "number" ? claims.auth_time * 1000 : 0;
  const returnTo = safeRedirect(result.returnTo, "/");

  if (purpose === "staff_step_up") {
    const auth = await authenticate(request);
    if (!auth || auth.session.id !== result.sessionId) return refuse("step_up_session_ended", user.id);
    if (auth.user.id !== user.id) return refuse("step_up_other_person", user.id);
    markReauthenticated(auth.session.id, authenticatedAt, "sso");
    recordSignInEvent({ method: "sso", outcome: "succeeded", reason: "step_up", userId: user.id, providerId: provider.id, address });
    return { ok: true, location: returnTo, cookies };
  }

  // A session already in this browser (another person's, or a citizen's) ends: one person per browser.
  const previous = await authenticate(request);
  if (previous) await endSession(previous.session.id);
  const memberships = activeMembershipsOfUser(user.id);
  const only = memberships.length === 1 ? memberships[0]!.id : null;
  cookies.push(await startSession(user.id, only, { authMethod: "sso", authenticatedAt, identityProviderId: provider.id }));
  recordSignInEvent({ method: "sso", outcome: "succeeded", userId: user.id, providerId: provider.id, address });
  const location = memberships.length > 1 ? `/valj-roll?redirectTo=${encodeURIComponent(returnTo)}` : returnTo;
  return { ok: true, location, cookies };
}

/**
 * Single logout: after the portal's session has ended, where to send the browser so the provider ends its
 * session too (back to the sign-in page of `kind`, with ?utloggad=1; Mina sidor shares it), or null when the session did not come from a provider that
 * offers it, or the provider cannot be reached.
 */
export async function providerLogoutLocation(request: Request, identityProviderId: number | null, kind: "staff" | "citizen" = "staff"): Promise<string | null> {
  if (identityProviderId === null) return null;
  const provider = providerById(identityProviderId);
  if (!provider || provider.purpose !== kind) return null;
  try {
    return await endSessionUrl(provider, `${portalOrigin(request)}${SIGNED_OUT_PATHS[kind]}`);
  } catch {
    // The portal's session is over either way; an unreachable provider must not turn logout into an error.
    return null;
  }
}

export type SsoSignInView = {
  providers: { id: number; displayName: string }[];
  /** After logout: the portal session is over; `endSessionUrl` ends the provider's too. */
  signedOut: { providerName: string | null; endSessionUrl: string | null } | null;
};

/** What /logga-in shows above the password form: a button per municipality's sign-in, and the logout notice. */
export async function ssoSignInView(request: Request): Promise<SsoSignInView> {
  const params = new URL(request.url).searchParams;
  const providers = staffSignInButtons();
  if (params.get("utloggad") !== "1") return { providers, signedOut: null };
  const providerId = Number(params.get("inloggning"));
  const provider = Number.isSafeInteger(providerId) && providerId > 0 ? enabledStaffProvider(providerId) : undefined;
  const endSessionUrl = provider ? await providerLogoutLocation(request, provider.id) : null;
  return { providers, signedOut: { providerName: provider?.displayName ?? null, endSessionUrl } };
}

/**
 * Where logout lands: /logga-in says the portal session is over and, for a session from a provider, offers
 * to end the provider's session too. A link, not a redirect from the logout POST: CSP form-action 'self'
 * forbids a form submission to continue to another origin.
 */
export function afterLogoutLocation(identityProviderId: number | null) {
  return identityProviderId === null ? SIGNED_OUT_PATHS.staff : `${SIGNED_OUT_PATHS.staff}&inloggning=${identityProviderId}`;
}

/** The refusal as the person is told it: what to do, without what would help someone probing the portal. */
export function ssoRefusalMessage(reason: string): string {
  switch (reason) {
    case "unknown_subject":
    case "user_disabled":
    case "email_not_verified":
      return "Kommunens inloggning godkände dig, men du har inget aktivt konto i Samverkansportalen kopplat till den inloggningen. Kontakta din organisations systemförvaltare.";
    case "step_up_other_person":
      return "Du bekräftade med en annan person än den som är inloggad i portalen. Logga ut och logga in igen som dig själv.";
    case "provider_unreachable":
      return "Kommunens inloggningstjänst svarar inte just nu. Försök igen om en stund, eller logga in med användarnamn och lösenord om du har det.";
    default:
      return "Inloggningen kunde inte slutföras. Det kan bero på att den tog för lång tid, att sidan laddades om eller att du använde bakåtknappen. Börja om från inloggningssidan.";
  }
}
