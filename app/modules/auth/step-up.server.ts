/**
 * Step-up: withdrawing a consent and showing a protected address need a proof of identity no older than
 * 15 minutes. A stale session is sent to prove it again and brought back to the page it came from; the
 * action itself is not replayed (a POST cannot be), so the person presses once more.
 * - staff: /konto/bekrafta (the password and second factor, or the municipality's sign-in for an SSO session)
 * - youths and guardians: the e-legitimation again, /mina-sidor/logga-in/start?bekrafta=1
 * The kernel refuses a protected address to a stale session whatever skipped this (access/gate.server.ts).
 */
import { redirect } from "@remix-run/node";
import { isRecentlyAuthenticated } from "./session-policy";

export const STAFF_STEP_UP_PAGE = "/konto/bekrafta";
export const CITIZEN_STEP_UP_START = "/mina-sidor/logga-in/start";

/** The local path to come back to: the page the request came from, never another origin. */
function backTo(request: Request, returnTo?: string): string {
  if (returnTo?.startsWith("/") && !returnTo.startsWith("//")) return returnTo;
  const url = new URL(request.url);
  return url.pathname + url.search;
}

export function stepUpLocation(request: Request, who: { kind: "staff" | "citizen" }, returnTo?: string): string {
  const back = encodeURIComponent(backTo(request, returnTo));
  return who.kind === "citizen" ? `${CITIZEN_STEP_UP_START}?bekrafta=1&redirectTo=${back}` : `${STAFF_STEP_UP_PAGE}?redirectTo=${back}`;
}

/** Throws a redirect to the step-up when the person's last proof of identity is older than 15 minutes. */
export function requireRecentAuthentication(request: Request, who: { kind: "staff" | "citizen"; authenticatedAt: number }, returnTo?: string): void {
  if (isRecentlyAuthenticated(who, Date.now())) return;
  throw redirect(stepUpLocation(request, who, returnTo));
}
