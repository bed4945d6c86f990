/**
 * The staff step-up page (/konto/bekrafta): a local account proves again who it is with its second factor
 * (the password alone only for an account that has none and needs none), throttled like sign-in; an SSO
 * session goes back to the municipality's sign-in. Success moves the session's authenticated_at to now.
 */
import { redirect } from "@remix-run/node";
import { getDb } from "#db/client";
import { users } from "#db/schema";
import { eq } from "drizzle-orm";
import { safeRedirect } from "~/lib/form.server";
import type { Authenticated } from "./session.server";
import { markReauthenticated } from "./session.server";
import { ACCOUNT_MFA_PAGE, factorsOf, hasSecondFactor, userNeedsMfa } from "./mfa-settings.server";
import { verifyPassword } from "./password.server";
import { throttledAttempt } from "./second-factor.server";
import { LOGIN_ERRORS } from "./login.server";
import { MY_PAGES } from "./actor.server";

export type StepUpMode = { kind: "factor"; totp: boolean; passkey: boolean; recoveryCodes: boolean } | { kind: "password" };

/** Where the step-up goes after success: a local path only. */
export function stepUpTarget(request: Request): string {
  return safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/start");
}

/**
 * How this person proves it again, or a redirect: a citizen to Mina sidor, an SSO session to its
 * provider (prompt=login), an account that needs a factor but has none to set one up.
 */
export function stepUpMode(request: Request, auth: Authenticated): StepUpMode {
  if (auth.user.kind === "citizen") throw redirect(MY_PAGES);
  const back = encodeURIComponent(stepUpTarget(request));
  if (auth.session.authMethod === "sso" && auth.session.identityProviderId !== null) {
    throw redirect(`/logga-in/sso/${auth.session.identityProviderId}?bekrafta=1&redirectTo=${back}`);
  }
  const factors = factorsOf(auth.user.id);
  if (hasSecondFactor(factors)) return { kind: "factor", totp: factors.totp, passkey: factors.passkeys > 0, recoveryCodes: factors.recoveryCodes > 0 };
  if (userNeedsMfa(auth.user.id)) throw redirect(`${ACCOUNT_MFA_PAGE}?krav=1`);
  return { kind: "password" };
}

/** The password again (accounts without a second factor that need none), on the sign-in's throttle. */
export async function stepUpWithPassword(auth: Authenticated, password: string, address: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const hash = getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.id, auth.user.id)).get()?.hash;
  const result = await throttledAttempt(auth.user, address, "password", async () => (hash ? verifyPassword(hash, password) : false));
  if (result.ok) {
    markReauthenticated(auth.session.id, Date.now());
    return { ok: true };
  }
  return { ok: false, error: result.throttled ? LOGIN_ERRORS.throttled : "Lösenordet stämmer inte." };
}
