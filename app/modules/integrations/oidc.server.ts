/**
 * The portal's one OpenID Connect client (openid-client): staff single sign-on, e-legitimation through the
 * broker, and step-up all go through here. Authorization code flow with PKCE (S256), state and nonce; the
 * client authenticates with its secret. No token is kept: the caller gets the verified claims and starts the
 * portal's own session.
 */
import * as client from "openid-client";
import { config } from "~/config.server";
import { decryptSecret } from "~/modules/auth/secrets.server";
import type { identityProviders } from "#db/schema";

export type IdentityProviderRow = typeof identityProviders.$inferSelect;

const DISCOVERY_TTL_MS = 60 * 60_000;
const TIMEOUT_SECONDS = 5;

type Cached = { at: number; configuration: Promise<client.Configuration> };
const discoveries = new Map<string, Cached>();

/** The secret's additional data: binds the encrypted secret to its provider row. */
export function clientSecretAad(providerId: number) {
  return `idp:${providerId}`;
}

function insecureAllowed(issuer: URL) {
  return config().PORTAL_MODE !== "production" && issuer.protocol === "http:";
}

async function discover(provider: Pick<IdentityProviderRow, "id" | "issuer" | "clientId" | "clientSecretEnc">) {
  const issuer = new URL(provider.issuer);
  const secret = decryptSecret(provider.clientSecretEnc, clientSecretAad(provider.id));
  return client.discovery(issuer, provider.clientId, undefined, client.ClientSecretBasic(secret), {
    // A demo or test provider on this machine speaks plain http; production never does.
    ...(insecureAllowed(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
    timeout: TIMEOUT_SECONDS,
  });
}

/**
 * The provider's metadata and this client, cached per row version (an admin's change makes a new key) for an
 * hour. A failed discovery is not cached: the next sign-in tries again.
 */
export function oidcConfiguration(provider: IdentityProviderRow): Promise<client.Configuration> {
  const key = `${provider.id}:${provider.updatedAt}`;
  const cached = discoveries.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
  for (const old of discoveries.keys()) if (old.startsWith(`${provider.id}:`)) discoveries.delete(old);
  const configuration = discover(provider);
  discoveries.set(key, { at: Date.now(), configuration });
  configuration.catch(() => {
    if (discoveries.get(key)?.configuration === configuration) discoveries.delete(key);
  });
  return configuration;
}

/**
 * "Testa anslutning": discovery with settings not yet saved (the admin's form), uncached. Answers the
 * provider's issuer or throws.
 */
export async function testDiscovery(settings: { issuer: string; clientId: string }): Promise<{ issuer: string; endSession: boolean }> {
  const issuer = new URL(settings.issuer);
  const configuration = await client.discovery(issuer, settings.clientId, undefined, client.None(), {
    ...(insecureAllowed(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
    timeout: TIMEOUT_SECONDS,
  });
  const metadata = configuration.serverMetadata();
  return { issuer: metadata.issuer, endSession: Boolean(metadata.end_session_endpoint) };
}

export type AuthorizationRequest = { url: string; state: string; nonce: string; codeVerifier: string };

export async function authorizationRequest(
  provider: IdentityProviderRow,
  options: { redirectUri: string; scope: string; prompt?: "login"; maxAge?: number },
): Promise<AuthorizationRequest> {
  const configuration = await oidcConfiguration(provider);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const parameters: Record<string, string> = {
    redirect_uri: options.redirectUri,
    scope: options.scope,
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  };
  if (options.prompt) parameters["prompt"] = options.prompt;
  if (options.maxAge !== undefined) parameters["max_age"] = String(options.maxAge);
  return { url: client.buildAuthorizationUrl(configuration, parameters).href, state, nonce, codeVerifier };
}

export type VerifiedClaims = Record<string, unknown> & { sub: string; auth_time?: number };

export type AuthorizationChecks = { state: string; nonce: string; codeVerifier: string; maxAge?: number };

/**
 * The browser is back with a code: checks state, exchanges the code with the PKCE verifier, verifies the ID
 * token (signature, issuer, audience, nonce, auth_time against max_age) and answers its claims, topped up
 * from UserInfo when one of `needed` is not in the ID token (a conforming provider puts scope claims there
 * only). The redirect URI is the one registered, not the URL the request arrived on (behind a TLS proxy that
 * is an internal http address).
 */
export async function completeAuthorization(
  provider: IdentityProviderRow,
  callbackUrl: URL,
  checks: AuthorizationChecks,
  redirectUri: string,
  needed: readonly string[] = [],
): Promise<VerifiedClaims> {
  const configuration = await oidcConfiguration(provider);
  const current = new URL(redirectUri);
  for (const [name, value] of callbackUrl.searchParams) current.searchParams.append(name, value);
  const tokens = await client.authorizationCodeGrant(configuration, current, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
    ...(checks.maxAge !== undefined ? { maxAge: checks.maxAge } : {}),
  });
  const idToken = tokens.claims();
  if (!idToken) throw new client.ClientError("Inget ID-token i svaret");
  const claims: VerifiedClaims = { ...idToken };
  const missing = needed.some((name) => claims[name] === undefined);
  if (missing && configuration.serverMetadata().userinfo_endpoint) {
    const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    // The ID token's own claims (sub, auth_time, nonce) win over UserInfo.
    Object.assign(claims, { ...userInfo, ...idToken });
  }
  return claims;
}

/** Where to send the browser to end its session at the provider too, or null when it has no such endpoint. */
export async function endSessionUrl(provider: IdentityProviderRow, postLogoutRedirectUri: string): Promise<string | null> {
  const configuration = await oidcConfiguration(provider);
  if (!configuration.serverMetadata().end_session_endpoint) return null;
  return client.buildEndSessionUrl(configuration, { post_logout_redirect_uri: postLogoutRedirectUri }).href;
}

/** openid-client's and oauth4webapi's errors, for the caller's machine reason. */
export { ClientError, ResponseBodyError, AuthorizationResponseError } from "openid-client";
