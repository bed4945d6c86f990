import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client";
import { sessions } from "#db/schema";
import { changeOwnPassword } from "~/modules/auth/account.server";
import { requireActor } from "~/modules/auth/actor.server";
import { LOGIN_ERRORS, signIn } from "~/modules/auth/login.server";
import { authenticate, endSession, hashToken } from "~/modules/auth/session.server";
import { MAX_FAILURES_PER_ACCOUNT } from "~/modules/auth/throttle.server";
import { setUserDisabled } from "~/modules/organizations/admin.server";
import { signedIn } from "../factories/requests";
import { createActor, createWorld, TEST_PASSWORD } from "../factories/world";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

afterEach(() => {
  vi.useRealTimers();
});

/**
 * Signs in and returns a request carrying the session cookie. With the password alone: these tests are about
 * sessions, so they sign in systemförvaltare (no second factor; tests/integration/second-factor.test.ts has the rest).
 */
async function signedInRequest(username: string, address = "10.0.0.1") {
  const result = await signIn(username, TEST_PASSWORD, address);
  if (!result.ok) throw new Error(result.error);
  const token = result.cookie.split(";")[0]!;
  return (path = "/start") => new Request(`http://localhost${path}`, { headers: { Cookie: token } });
}

describe("sign-in", () => {
  it("gives the same answer for an unknown user and a wrong password", async () => {
    const unknown = await signIn("ingen.alls@test.example", "fel-lösenord-123", "10.0.0.2");
    const wrong = await signIn(world.actors.caseworker.username, "fel-lösenord-123", "10.0.0.2");
    expect(unknown).toEqual({ ok: false, error: LOGIN_ERRORS.invalid });
    expect(wrong).toEqual(unknown);
  });

  it("throttles an account after repeated failures, even when the right password finally comes", async () => {
    const username = world.actors.steering.username;
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await signIn(username, "fel-lösenord-123", `10.1.0.${i}`)).toEqual({ ok: false, error: LOGIN_ERRORS.invalid });
    }
    expect(await signIn(username, TEST_PASSWORD, "10.1.1.1")).toEqual({ ok: false, error: LOGIN_ERRORS.throttled });
    // An unknown name is throttled the same way, so throttling reveals nothing either.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await signIn("okand@test.example", "x-fel-fel-fel", `10.2.0.${i}`);
    expect(await signIn("okand@test.example", "x-fel-fel-fel", "10.2.1.1")).toEqual({ ok: false, error: LOGIN_ERRORS.throttled });
  });

  it("counts parallel attempts, so a burst cannot slip past the limit", async () => {
    const { username } = await createActor("school_staff", world.orgs.school);
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(username, "fel-lösenord-123", `10.3.0.${i}`)));
    expect(burst.filter((r) => !r.ok && r.error === LOGIN_ERRORS.invalid).length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(await signIn(username, TEST_PASSWORD, "10.3.1.1")).toEqual({ ok: false, error: LOGIN_ERRORS.throttled });
  });

  it("throttles an address that tries many accounts", async () => {
    for (let i = 0; i < 50; i++) await signIn(`spray-${i}@test.example`, "fel-lösenord-123", "10.9.9.9");
    expect(await signIn(world.actors.employment.username, TEST_PASSWORD, "10.9.9.9")).toEqual({ ok: false, error: LOGIN_ERRORS.throttled });
    expect((await signIn(world.actors.employment.username, TEST_PASSWORD, "10.9.9.8")).ok).toBe(true);
  });

  it("stores only a hash of the session token", async () => {
    const result = await signIn(world.actors.admin.username, TEST_PASSWORD, "10.0.0.3");
    if (!result.ok) throw new Error(result.error);
    const token = result.cookie.split(";")[0]!.split("=")[1]!;
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(getDb().select().from(sessions).where(eq(sessions.id, token)).get()).toBeUndefined();
    expect(
      getDb()
        .select()
        .from(sessions)
        .where(eq(sessions.id, hashToken(token)))
        .get(),
    ).toBeDefined();
    expect(result.cookie).toMatch(/HttpOnly/);
    expect(result.cookie).toMatch(/SameSite=Lax/);
  });
});

describe("sessions", () => {
  it("stop working at once when the user is disabled", async () => {
    const someone = await createActor("system_admin", null);
    const request = await signedInRequest(someone.username);
    expect((await requireActor(request())).userId).toBe(someone.userId);
    await setUserDisabled(someone.userId, true, world.actors.admin);
    expect(await authenticate(request())).toBeNull();
    await expect(requireActor(request())).rejects.toMatchObject({ status: 302 });
    // Re-enabling does not bring the old session back.
    await setUserDisabled(someone.userId, false, world.actors.admin);
    expect(await authenticate(request())).toBeNull();
  });

  it("end on logout, on the server", async () => {
    const request = await signedInRequest((await createActor("system_admin", null)).username);
    const auth = await authenticate(request());
    await endSession(auth!.session.id);
    expect(await authenticate(request())).toBeNull();
  });

  it("end after 30 minutes idle, and last while used (fake clock)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T08:00:00Z"));
    const request = await signedInRequest((await createActor("system_admin", null)).username);
    vi.setSystemTime(new Date("2026-11-23T08:29:00Z"));
    expect(await authenticate(request())).not.toBeNull();
    vi.setSystemTime(new Date("2026-11-23T08:58:00Z"));
    expect(await authenticate(request())).not.toBeNull();
    vi.setSystemTime(new Date("2026-11-23T09:28:00Z"));
    expect(await authenticate(request())).toBeNull();
  });

  it("end 12 hours after sign-in however active the user is (fake clock)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2026-11-24T07:00:00Z").getTime();
    vi.setSystemTime(start);
    const request = await signedInRequest((await createActor("system_admin", null)).username, "10.0.0.4");
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      vi.setSystemTime(start + minutes * 60_000);
      expect(await authenticate(request())).not.toBeNull();
    }
    vi.setSystemTime(start + 12 * 60 * 60_000);
    expect(await authenticate(request())).toBeNull();
  });

  it("of other devices end when the user changes password; the current one continues", async () => {
    const { username } = await createActor("system_admin", null);
    const here = await signedInRequest(username, "10.0.0.5");
    const elsewhere = await signedInRequest(username, "10.0.0.6");
    const auth = await authenticate(here());
    const weak = await changeOwnPassword(auth!.user.id, auth!.session.id, {
      currentPassword: TEST_PASSWORD,
      newPassword: "password1234",
      repeatPassword: "password1234",
    });
    expect(weak).toMatchObject({ ok: false, errors: { newPassword: expect.stringContaining("vanligt") } });
    const wrongCurrent = await changeOwnPassword(auth!.user.id, auth!.session.id, {
      currentPassword: "fel",
      newPassword: "en helt ny fras här",
      repeatPassword: "en helt ny fras här",
    });
    expect(wrongCurrent).toMatchObject({ ok: false, errors: { currentPassword: expect.any(String) } });
    const ok = await changeOwnPassword(auth!.user.id, auth!.session.id, {
      currentPassword: TEST_PASSWORD,
      newPassword: "en helt ny fras här",
      repeatPassword: "en helt ny fras här",
    });
    expect(ok).toEqual({ ok: true });
    expect(await authenticate(here())).not.toBeNull();
    expect(await authenticate(elsewhere())).toBeNull();
    expect((await signIn(username, "en helt ny fras här", "10.0.0.7")).ok).toBe(true);
  });
});

describe("one page load, one authentication", () => {
  it("works the actor out once for all loaders of a GET request, and anew for each write and outside a request", async () => {
    const { withinRequest } = await import("~/modules/security/request-scope.server.js");
    const actor = await createActor("kaa_caseworker", (await createWorld()).orgs.kaa);
    const requests = await signedIn(actor);
    const [a, b] = await withinRequest(() => Promise.all([requireActor(requests.get("/start")), requireActor(requests.get("/start"))]));
    expect(a).toBe(b);
    expect(a.membershipId).toBe(actor.membershipId);
    // Another request, another scope: worked out again.
    const c = await withinRequest(() => requireActor(requests.get("/start")));
    expect(c).not.toBe(a);
    expect(c).toEqual(a);
    const [p, q] = await withinRequest(() => Promise.all([requireActor(requests.post("/start", {})), requireActor(requests.post("/start", {}))]));
    expect(p).not.toBe(q);
    expect(await requireActor(requests.get("/start"))).not.toBe(await requireActor(requests.get("/start")));
  });
});
