/**
 * One round trip to an identity provider, whatever it is for (staff sign-in, e-legitimation, step-up):
 * beginOidc remembers state, nonce and the PKCE verifier in an oidc_requests row bound to a short cookie
 * and sends the browser away; finishOidc takes the browser back, uses the row once, and answers the
 * verified claims or one refusal with a machine reason (logged in sign_in_events). Start routes are GET
 * links: CSP form-action 'self' stops a form POST that redirects to another origin.
 */
import crypto from "node:crypto";
import { eq, lt } from "drizzle-orm";
import { getDb } from "#db/client";
import { oidcRequests } from "#db/schema";
import { config } from "~/config.server";
import {
  authorizationRequest,
  AuthorizationResponseError,
  ClientError,
  completeAuthorization,
  ResponseBodyError,
  type IdentityProviderRow,
  type VerifiedClaims,
} from "~/modules/integrations/oidc.server";
import { portalOrigin } from "~/modules/security/origin.server";
import { providerById } from "./identity-providers.server";
import { OIDC_CALLBACK_PATHS } from "./oidc-paths";
import { hashToken } from "./session.server";
import { recordSignInEvent, type SignInMethod } from "./sign-in-events.server";

export const OIDC_PURPOSES = ["staff_sign_in", "staff_step_up", "citizen_sign_in", "citizen_step_up"] as const;
export type OidcPurpose = (typeof OIDC_PURPOSES)[number];

const REQUEST_TTL_MS = 10 * 60_000;
/** Step-up asks the provider for a fresh authentication: prompt=login, and auth_time no older than this. */
export const STEP_UP_PROVIDER_MAX_AGE_SECONDS = 60;
export const PERSONAL_IDENTITY_NUMBER_SCOPE = "https://id.oidc.se/scope/naturalPersonNumber";

function audience(purpose: OidcPurpose): "staff" | "citizen" {
  return purpose.startsWith("staff") ? "staff" : "citizen";
}

function isStepUp(purpose: OidcPurpose) {
  return purpose.endsWith("_step_up");
}

export function signInMethodOf(purpose: OidcPurpose): SignInMethod {
  return audience(purpose) === "staff" ? "sso" : "eid";
}

/** The address the provider sends the browser back to; the admin registers it at the provider. */
export function redirectUriFor(origin: string, kind: "staff" | "citizen") {
  return `${origin}${OIDC_CALLBACK_PATHS[kind]}`;
}

function scopeFor(purpose: OidcPurpose) {
  return audience(purpose) === "staff" ? "openid profile email" : `openid profile ${PERSONAL_IDENTITY_NUMBER_SCOPE}`;
}

/** Claims the caller decides on; when the ID token lacks one, UserInfo is asked. */
function neededClaims(purpose: OidcPurpose, provider: IdentityProviderRow): string[] {
  return audience(purpose) === "staff" ? ["email", "email_verified", "name"] : [provider.personalNumberClaim, "given_name", "family_name"];
}

function cookieName() {
  // __Host- binds the cookie to this origin over HTTPS; not possible over plain http (demo, tests).
  return config().secureCookies ? "__Host-sp_oidc" : "sp_oidc";
}

function requestCookie(value: string, maxAge: number) {
  const secure = config().secureCookies ? "; Secure" : "";
  // Lax: the cookie must come along on the top-level GET back from the provider.
  return `${cookieName()}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

function readRequestCookie(request: Request): string | null {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === cookieName()) return rest.join("=") || null;
  }
  return null;
}

export type BeginOptions = { returnTo: string; sessionId?: string };

/**
 * Starts a round trip: answers where to send the browser and the cookie that ties its return to this
 * request. Step-up purposes make the provider authenticate the person again (prompt=login, max_age).
 */
export async function beginOidc(
  request: Request,
  provider: IdentityProviderRow,
  purpose: OidcPurpose,
  options: BeginOptions,
): Promise<{ location: string; cookie: string }> {
  const stepUp = isStepUp(purpose);
  const auth = await authorizationRequest(provider, {
    redirectUri: redirectUriFor(portalOrigin(request), audience(purpose)),
    scope: scopeFor(purpose),
    ...(stepUp ? { prompt: "login" as const, maxAge: STEP_UP_PROVIDER_MAX_AGE_SECONDS } : {}),
  });
  const token = crypto.randomBytes(32).toString("base64url");
  const now = Date.now();
  const db = getDb();
  db.transaction((tx) => {
    tx.delete(oidcRequests).where(lt(oidcRequests.expiresAt, now)).run();
    tx.insert(oidcRequests)
      .values({
        id: hashToken(token),
        providerId: provider.id,
        purpose,
        state: auth.state,
        nonce: auth.nonce,
        codeVerifier: auth.codeVerifier,
        returnTo: options.returnTo,
        sessionId: options.sessionId ?? null,
        createdAt: now,
        expiresAt: now + REQUEST_TTL_MS,
      })
      .run();
  });
  return { location: auth.url, cookie: requestCookie(token, REQUEST_TTL_MS / 1000) };
}

export const OIDC_REFUSAL_REASONS = [
  "no_request",
  "unknown_request",
  "request_expired",
  "wrong_purpose",
  "provider_disabled",
  "provider_error",
  "state_mismatch",
  "nonce_mismatch",
  "invalid_grant",
  "authentication_too_old",
  "provider_unreachable",
  "invalid_response",
] as const;
export type OidcRefusalReason = (typeof OIDC_REFUSAL_REASONS)[number];

export type OidcFinish =
  | {
      ok: true;
      purpose: OidcPurpose;
      provider: IdentityProviderRow;
      claims: VerifiedClaims;
      returnTo: string | null;
      sessionId: string | null;
      clearCookie: string;
    }
  | { ok: false; reason: OidcRefusalReason; providerId: number | null; clearCookie: string };

/** What went wrong, as one machine reason, from openid-client's and oauth4webapi's errors. */
export function refusalReason(error: unknown): { reason: OidcRefusalReason; detail?: string } {
  if (error instanceof AuthorizationResponseError) return { reason: "provider_error", detail: error.error };
  if (error instanceof ResponseBodyError)
    return error.error === "invalid_grant" ? { reason: "invalid_grant" } : { reason: "provider_error", detail: error.error };
  if (error instanceof ClientError) {
    const cause = error.cause as { message?: string; cause?: { claim?: string } } | undefined;
    if (error.code === "OAUTH_INVALID_RESPONSE" && /"state"/.test(cause?.message ?? "")) return { reason: "state_mismatch" };
    if (error.code === "OAUTH_JWT_CLAIM_COMPARISON_FAILED" && cause?.cause?.claim === "nonce") return { reason: "nonce_mismatch" };
    if (error.code === "OAUTH_JWT_TIMESTAMP_CHECK_FAILED" && cause?.cause?.claim === "auth_time") return { reason: "authentication_too_old" };
    if (error.code === "OAUTH_TIMEOUT" || error.code === "OAUTH_ABORT") return { reason: "provider_unreachable" };
    return { reason: "invalid_response", detail: error.code };
  }
  // fetch failed (connection refused, DNS): a TypeError.
  if (error instanceof TypeError) return { reason: "provider_unreachable" };
  return { reason: "invalid_response" };
}

/**
 * The browser is back from the provider, for one of `purposes` (one callback serves sign-in and step-up;
 * the row says which). The row is used once (deleted before the code is exchanged, so
 * a replayed callback finds nothing). Refusals are logged here; the caller logs what it decides itself.
 */
export async function finishOidc(request: Request, purposes: OidcPurpose | readonly OidcPurpose[], address: string | null): Promise<OidcFinish> {
  const accepted: readonly OidcPurpose[] = typeof purposes === "string" ? [purposes] : purposes;
  const clearCookie = requestCookie("", 0);
  const method = signInMethodOf(accepted[0]!);
  const refuse = (reason: OidcRefusalReason, providerId: number | null, detail?: string): OidcFinish => {
    recordSignInEvent({ method, outcome: "refused", reason, providerId, detail: detail ?? null, address });
    return { ok: false, reason, providerId, clearCookie };
  };
  const token = readRequestCookie(request);
  if (!token) return refuse("no_request", null);
  const db = getDb();
  const id = hashToken(token);
  const row = db.transaction((tx) => {
    const found = tx.select().from(oidcRequests).where(eq(oidcRequests.id, id)).get();
    if (found) tx.delete(oidcRequests).where(eq(oidcRequests.id, id)).run();
    return found;
  });
  if (!row) return refuse("unknown_request", null);
  if (row.expiresAt < Date.now()) return refuse("request_expired", row.providerId);
  const purpose = accepted.find((p) => p === row.purpose);
  if (!purpose) return refuse("wrong_purpose", row.providerId);
  const provider = providerById(row.providerId);
  if (!provider?.enabled) return refuse("provider_disabled", row.providerId);
  try {
    const claims = await completeAuthorization(
      provider,
      new URL(request.url),
      {
        state: row.state,
        nonce: row.nonce,
        codeVerifier: row.codeVerifier,
        ...(isStepUp(purpose) ? { maxAge: STEP_UP_PROVIDER_MAX_AGE_SECONDS } : {}),
      },
      redirectUriFor(portalOrigin(request), audience(purpose)),
      neededClaims(purpose, provider),
    );
    return { ok: true, purpose, provider, claims, returnTo: row.returnTo, sessionId: row.sessionId, clearCookie };
  } catch (error) {
    const { reason, detail } = refusalReason(error);
    return refuse(reason, provider.id, detail);
  }
}
