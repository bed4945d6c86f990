import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { sessions, signInEvents } from "#db/schema";
import { hashToken } from "~/modules/auth/session.server";
import { setUserDisabled } from "~/modules/organizations/admin.server";
import { loader as startLoader } from "~/routes/logga-in.sso.$providerId";
import { loader as callbackLoader } from "~/routes/logga-in.sso.retur";
import { loader as loginLoader } from "~/routes/logga-in";
import { action as logoutAction } from "~/routes/logga-ut";
import { createActor, createWorld } from "../factories/world";
import { CookieJar, cookiePair, linkIdentity, startTestIdentityProvider, TEST_ORIGIN, walkProvider, type TestIdentityProvider } from "../setup/oidc";

let idp: TestIdentityProvider;
let world: Awaited<ReturnType<typeof createWorld>>;
let provider: ReturnType<TestIdentityProvider["staffProvider"]>;

beforeAll(async () => {
  idp = await startTestIdentityProvider({
    accounts: [
      { kind: "staff", sub: "epost-verifierad", name: "Vera Verifierad", email: "Vera.Verifierad@kommun.test" },
      { kind: "staff", sub: "epost-overifierad", name: "Olle Overifierad", email: "olle@kommun.test", emailVerified: false },
    ],
  });
  world = await createWorld();
  provider = idp.staffProvider(world.municipality.id);
});
afterAll(() => idp.close());

const context = { clientAddress: "10.20.30.40" };

async function thrownOrReturned(run: () => Promise<unknown>): Promise<Response> {
  try {
    return (await run()) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** GET /logga-in/sso/:id, as the button does: the provider's authorization URL and the round trip's cookie. */
async function start(providerId: number, query = "", sessionCookie?: string) {
  const request = new Request(`${TEST_ORIGIN}/logga-in/sso/${providerId}${query}`, sessionCookie ? { headers: { Cookie: sessionCookie } } : {});
  const response = await thrownOrReturned(() => startLoader({ request, params: { providerId: String(providerId) }, context }));
  return { response, location: response.headers.get("Location")!, cookie: cookiePair(response.headers.get("Set-Cookie") ?? "") };
}

async function callback(url: URL, cookies: string[]) {
  const request = new Request(url, { headers: { Cookie: cookies.join("; ") } });
  return thrownOrReturned(() => callbackLoader({ request, params: {}, context }));
}

function sessionCookieOf(response: Response) {
  return response.headers
    .getSetCookie()
    .map(cookiePair)
    .find((c) => c.startsWith("sp_session=") && c.length > "sp_session=".length);
}

function sessionRow(cookie: string) {
  return getDb()
    .select()
    .from(sessions)
    .where(eq(sessions.id, hashToken(cookie.split("=")[1]!)))
    .get();
}

function lastEvent() {
  return getDb().select().from(signInEvents).orderBy(desc(signInEvents.id)).get()!;
}

/** The whole sign-in: button, provider, sign-in page, back to the portal. */
async function signInAs(account: string, options: { providerId?: number; mutate?: (url: URL) => void; jar?: CookieJar } = {}) {
  const started = await start(options.providerId ?? provider.id, "?redirectTo=%2Fungdomar");
  const back = await walkProvider(started.location, account, options.jar);
  options.mutate?.(back);
  return { response: await callback(back, [started.cookie]), back, started };
}

describe("staff single sign-on", () => {
  it("signs a linked person in with a session proved by the provider", async () => {
    const actor = await createActor("kaa_caseworker", world.orgs.kaa);
    linkIdentity(actor.userId, provider.id, "anstalld-1");
    const before = Date.now();
    const { response } = await signInAs("anstalld-1");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/ungdomar");
    const session = sessionRow(sessionCookieOf(response)!)!;
    expect(session).toMatchObject({ userId: actor.userId, authMethod: "sso", identityProviderId: provider.id, membershipId: actor.membershipId });
    expect(session.authenticatedAt).toBeGreaterThan(before - 2000);
    expect(lastEvent()).toMatchObject({ outcome: "succeeded", userId: actor.userId, method: "sso", address: "10.20.30.40" });
    // The round trip's cookie is cleared.
    expect(response.headers.getSetCookie().some((c) => /^sp_oidc=;.*Max-Age=0/.test(c))).toBe(true);
  });

  it("refuses a callback whose state is not the one sent", async () => {
    const { response } = await signInAs("anstalld-1", { mutate: (url) => url.searchParams.set("state", "fel-state") });
    expect(response.status).toBe(403);
    expect(sessionCookieOf(response)).toBeUndefined();
    expect(lastEvent()).toMatchObject({ outcome: "refused", reason: "state_mismatch" });
  });

  it("refuses an ID token whose nonce is not the one sent", async () => {
    const started = await start(provider.id);
    const url = new URL(started.location);
    url.searchParams.set("nonce", "en-annan-nonce");
    const response = await callback(await walkProvider(url.href, "anstalld-1"), [started.cookie]);
    expect(response.status).toBe(403);
    expect(lastEvent()).toMatchObject({ outcome: "refused", reason: "nonce_mismatch" });
  });

  it("refuses a code that has expired at the provider", async () => {
    const shortLived = await startTestIdentityProvider({ codeTtlSeconds: 1 });
    try {
      const other = await createActor("kaa_caseworker", world.orgs.kaa);
      const municipalityProvider = shortLived.staffProvider((await createWorld()).municipality.id);
      linkIdentity(other.userId, municipalityProvider.id, "anstalld-2");
      const started = await start(municipalityProvider.id);
      const back = await walkProvider(started.location, "anstalld-2");
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const response = await callback(back, [started.cookie]);
      expect(response.status).toBe(403);
      expect(lastEvent()).toMatchObject({ outcome: "refused", reason: "invalid_grant", providerId: municipalityProvider.id });
    } finally {
      await shortLived.close();
    }
  });

  it("creates no account for a subject nobody linked, and logs who it was", async () => {
    const { response } = await signInAs("ingen-har-kopplat-mig");
    expect(response.status).toBe(403);
    expect(sessionCookieOf(response)).toBeUndefined();
    expect(await response.json()).toEqual({ message: expect.stringContaining("inget aktivt konto") });
    expect(lastEvent()).toMatchObject({ outcome: "refused", reason: "unknown_subject", userId: null, detail: "sub=ingen-har-kopplat-mig" });
  });

  it("refuses a disabled account", async () => {
    const admin = await createActor("system_admin", null);
    const actor = await createActor("school_staff", world.orgs.school);
    linkIdentity(actor.userId, provider.id, "avstangd");
    await setUserDisabled(actor.userId, true, admin);
    const { response } = await signInAs("avstangd");
    expect(response.status).toBe(403);
    expect(sessionCookieOf(response)).toBeUndefined();
    expect(lastEvent()).toMatchObject({ outcome: "refused", reason: "user_disabled", userId: actor.userId });
  });

  it("uses a callback once: a replay finds nothing", async () => {
    const actor = await createActor("kaa_caseworker", world.orgs.kaa);
    linkIdentity(actor.userId, provider.id, "anstalld-3");
    const { response, back, started } = await signInAs("anstalld-3");
    expect(response.status).toBe(302);
    const replay = await callback(back, [started.cookie]);
    expect(replay.status).toBe(403);
    expect(sessionCookieOf(replay)).toBeUndefined();
    expect(lastEvent()).toMatchObject({ outcome: "refused", reason: "unknown_request" });
  });

  it("matches on e-mail only when the provider says it is verified", async () => {
    const byEmail = idp.staffProvider((await createWorld()).municipality.id, { matchClaim: "email" });
    const vera = await createActor("social_worker", world.orgs.social);
    const olle = await createActor("social_worker", world.orgs.social);
    linkIdentity(vera.userId, byEmail.id, "vera.verifierad@kommun.test", "email");
    linkIdentity(olle.userId, byEmail.id, "olle@kommun.test", "email");
    expect((await signInAs("epost-verifierad", { providerId: byEmail.id })).response.status).toBe(302);
    expect((await signInAs("epost-overifierad", { providerId: byEmail.id })).response.status).toBe(403);
    expect(lastEvent()).toMatchObject({ reason: "email_not_verified", detail: "sub=epost-overifierad e-post=olle@kommun.test" });
  });

  it("steps up an SSO session: the provider authenticates again, and only the same person counts", async () => {
    const actor = await createActor("kaa_caseworker", world.orgs.kaa);
    linkIdentity(actor.userId, provider.id, "anstalld-4");
    const other = await createActor("kaa_caseworker", world.orgs.kaa);
    linkIdentity(other.userId, provider.id, "anstalld-5");
    const jar = new CookieJar();
    const session = sessionCookieOf((await signInAs("anstalld-4", { jar })).response)!;
    getDb()
      .update(sessions)
      .set({ authenticatedAt: 0 })
      .where(eq(sessions.id, hashToken(session.split("=")[1]!)))
      .run();

    const stepUp = await start(provider.id, "?bekrafta=1&redirectTo=%2Fungdomar%2Fx", session);
    const authorization = new URL(stepUp.location);
    expect(authorization.searchParams.get("prompt")).toBe("login");
    expect(authorization.searchParams.get("max_age")).toBe("60");
    // The provider's session is in the jar, yet prompt=login shows its sign-in page again.
    const ok = await callback(await walkProvider(stepUp.location, "anstalld-4", jar), [stepUp.cookie, session]);
    expect(ok.headers.get("Location")).toBe("/ungdomar/x");
    expect(sessionRow(session)!.authenticatedAt).toBeGreaterThan(Date.now() - 60_000);

    getDb()
      .update(sessions)
      .set({ authenticatedAt: 0 })
      .where(eq(sessions.id, hashToken(session.split("=")[1]!)))
      .run();
    const again = await start(provider.id, "?bekrafta=1&redirectTo=%2F", session);
    const refused = await callback(await walkProvider(again.location, "anstalld-5", jar), [again.cookie, session]);
    expect(refused.status).toBe(403);
    expect(sessionRow(session)!.authenticatedAt).toBe(0);
    expect(lastEvent()).toMatchObject({ reason: "step_up_other_person" });
  });

  it("logs out of the portal and offers the provider's logout (single logout)", async () => {
    const actor = await createActor("kaa_coordinator", world.orgs.kaa);
    linkIdentity(actor.userId, provider.id, "anstalld-6");
    const jar = new CookieJar();
    const session = sessionCookieOf((await signInAs("anstalld-6", { jar })).response)!;
    const logout = await logoutAction({
      request: new Request(`${TEST_ORIGIN}/logga-ut`, { method: "POST", headers: { Cookie: session, Origin: TEST_ORIGIN } }),
      params: {},
      context,
    });
    expect(logout.headers.get("Location")).toBe(`/logga-in?utloggad=1&inloggning=${provider.id}`);
    expect(sessionRow(session)).toBeUndefined();
    const page = (await loginLoader({ request: new Request(`${TEST_ORIGIN}${logout.headers.get("Location")}`), params: {}, context })) as {
      sso: { signedOut: { endSessionUrl: string } };
    };
    const endSession = new URL(page.sso.signedOut.endSessionUrl);
    expect(endSession.origin).toBe(idp.issuer);
    expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe(`${TEST_ORIGIN}/logga-in?utloggad=1`);
    // The provider accepts it: its logout page answers, in Swedish.
    const answer = await fetch(endSession, { headers: { Cookie: jar.header() } });
    expect(await answer.text()).toContain("Vill du logga ut");
  });
});
