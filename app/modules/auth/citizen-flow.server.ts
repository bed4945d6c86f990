/**
 * The e-legitimation round trip for Mina sidor, through the broker (BankID, Freja eID): sign-in, the
 * step-up that proves again who is at the phone (withdrawing a consent, a protected address), and
 * signing out. The protocol is oidc-flow.server.ts's; what a verified personnummer gives is
 * citizen-sign-in.server.ts's. Every refusal is logged in sign_in_events, never with the personnummer.
 */
import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { users } from "#db/schema";
import { parsePersonalNumber } from "~/modules/youth/personal-number";
import { safeRedirect } from "~/lib/form.server";
import type { VerifiedClaims } from "~/modules/integrations/oidc.server";
import { CITIZEN_SIGN_IN_PAGE } from "./citizen.server";
import { citizenHome, signInCitizen, type CitizenRefusal } from "./citizen-sign-in.server";
import { citizenBroker } from "./identity-providers.server";
import { beginOidc, finishOidc, type OidcRefusalReason } from "./oidc-flow.server";
import { SIGNED_OUT_PATHS } from "./oidc-paths";
import { personalNumberKey } from "./secrets.server";
import { authenticate, endSession, markReauthenticated } from "./session.server";
import { recordSignInEvent } from "./sign-in-events.server";
import { providerLogoutLocation } from "./sso.server";

export const NO_RECORDS_PAGE = "/mina-sidor/inga-uppgifter";

/** Where the browser goes next, and the cookies to set on the way. */
export type FlowStep = { location: string; cookies: string[] };

export function refusedLocation(reason: CitizenRefusal) {
  return `${CITIZEN_SIGN_IN_PAGE}?nekad=${reason}`;
}

/** A local page on Mina sidor to return to, or null: nothing else is ever followed. */
function mySidesPath(target: string | null | undefined): string | null {
  const path = safeRedirect(target, "");
  return path === "/mina-sidor" || path.startsWith("/mina-sidor/") ? path : null;
}

/**
 * Sends the browser to the broker. `?bekrafta=1` is the step-up of a signed-in citizen: the broker must
 * authenticate the person again (prompt=login, max_age), and the same person must come back.
 */
export async function startCitizenFlow(request: Request): Promise<FlowStep> {
  const params = new URL(request.url).searchParams;
  const broker = citizenBroker();
  if (!broker) return { location: refusedLocation("not_configured"), cookies: [] };
  const returnTo = mySidesPath(params.get("redirectTo"));
  const current = params.get("bekrafta") === "1" ? await authenticate(request) : null;
  const stepUp = current?.user.kind === "citizen" ? current : null;
  try {
    const { location, cookie } = await beginOidc(request, broker, stepUp ? "citizen_step_up" : "citizen_sign_in", {
      returnTo: returnTo ?? "",
      ...(stepUp ? { sessionId: stepUp.session.id } : {}),
    });
    return { location, cookies: [cookie] };
  } catch {
    // Discovery failed: the broker cannot be reached. Nothing about the person is known yet.
    recordSignInEvent({ method: "eid", outcome: "refused", reason: "provider_unreachable", providerId: broker.id, address: null });
    return { location: refusedLocation("failed"), cookies: [] };
  }
}

/** The personnummer and name the broker vouched for; the claim's name is the broker row's. */
function citizenClaims(claims: VerifiedClaims, personalNumberClaim: string) {
  const personalNumber = claims[personalNumberClaim];
  const given = typeof claims["given_name"] === "string" ? claims["given_name"] : "";
  const family = typeof claims["family_name"] === "string" ? claims["family_name"] : "";
  const name = typeof claims["name"] === "string" ? claims["name"] : "";
  return {
    personalNumber: typeof personalNumber === "string" ? personalNumber : "",
    displayName: (`${given} ${family}`.trim() || name.trim() || "Okänt namn").slice(0, 200),
    authTime: typeof claims.auth_time === "number" ? claims.auth_time : undefined,
  };
}

function refusalOf(reason: OidcRefusalReason, detail: string | undefined): CitizenRefusal {
  return reason === "provider_error" && detail === "access_denied" ? "cancelled" : "failed";
}

/** The broker sent the browser back: a new session, a confirmed step-up, or a refusal. */
export async function completeCitizenFlow(request: Request, address: string): Promise<FlowStep> {
  const finished = await finishOidc(request, ["citizen_sign_in", "citizen_step_up"], address);
  if (!finished.ok) {
    const detail = new URL(request.url).searchParams.get("error") ?? undefined;
    return { location: refusedLocation(refusalOf(finished.reason, detail)), cookies: [finished.clearCookie] };
  }
  const { provider, claims, purpose, clearCookie } = finished;
  const verified = { ...citizenClaims(claims, provider.personalNumberClaim), identityProviderId: provider.id };
  const returnTo = mySidesPath(finished.returnTo);

  if (purpose === "citizen_step_up") {
    const confirmed = await confirmSamePerson(request, finished.sessionId, verified.personalNumber);
    if (!confirmed.ok) {
      recordSignInEvent({ method: "eid", outcome: "refused", reason: confirmed.reason, providerId: provider.id, userId: confirmed.userId, address });
      const refusal = confirmed.reason === "step_up_other_person" ? "other_person" : "failed";
      return { location: refusedLocation(refusal), cookies: [clearCookie, ...confirmed.cookies] };
    }
    // Step-up asks with max_age, so a conforming broker always sends auth_time; without it, nothing is proved.
    markReauthenticated(confirmed.sessionId, verified.authTime ? verified.authTime * 1000 : 0, "eid");
    recordSignInEvent({ method: "eid", outcome: "succeeded", reason: "step_up", providerId: provider.id, userId: confirmed.userId, address });
    return { location: returnTo ?? "/mina-sidor", cookies: [clearCookie] };
  }

  const result = await signInCitizen(request, verified, address);
  if (result.outcome === "no_records") return { location: NO_RECORDS_PAGE, cookies: [clearCookie] };
  if (result.outcome === "refused") return { location: refusedLocation(result.reason), cookies: [clearCookie] };
  return { location: returnTo ?? citizenHome(result.relations), cookies: [clearCookie, result.cookie] };
}

type Confirmation =
  | { ok: true; sessionId: string; userId: number }
  | { ok: false; reason: "step_up_session_ended" | "step_up_other_person"; userId: number | null; cookies: string[] };

/**
 * A step-up counts only for the session that asked for it, and only when the e-legitimation is the signed-in
 * person's own. Another person's: the session ends, since someone else is at the phone.
 */
async function confirmSamePerson(request: Request, askedBy: string | null, personalNumber: string): Promise<Confirmation> {
  const current = await authenticate(request);
  if (!current || current.user.kind !== "citizen" || current.session.id !== askedBy)
    return { ok: false, reason: "step_up_session_ended", userId: current?.user.id ?? null, cookies: [] };
  const key = getDb().select({ key: users.personalNumberKey }).from(users).where(eq(users.id, current.user.id)).get()?.key;
  // The account was keyed on the normalised number at sign-in; a broker may send it with a hyphen.
  const parsed = parsePersonalNumber(personalNumber);
  if (key && parsed.ok && key === personalNumberKey(parsed.value.normalized)) return { ok: true, sessionId: current.session.id, userId: current.user.id };
  return { ok: false, reason: "step_up_other_person", userId: current.user.id, cookies: [await endSession(current.session.id)] };
}

/** Signing out of Mina sidor: the portal's session ends here; the landing page offers the broker's logout. */
export async function signOutCitizen(request: Request): Promise<FlowStep> {
  const current = await authenticate(request);
  const cookies = current ? [await endSession(current.session.id)] : [];
  return { location: SIGNED_OUT_PATHS.citizen, cookies };
}

/** The broker's own logout (single logout), when it has one; null when it has not or cannot be reached. */
export async function brokerLogoutLocation(request: Request): Promise<string | null> {
  return providerLogoutLocation(request, citizenBroker()?.id ?? null, "citizen");
}
