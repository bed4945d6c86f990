// Sign-in throttled per address before the body is read, and a new session token whenever the
// role is chosen or switched (app/routes/logga-in.tsx, app/routes/valj-roll.tsx, app/modules/auth).
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { loginAttempts, memberships } from "#db/schema";
import { LOGIN_ERRORS, signIn } from "~/modules/auth/login.server";
import { authenticate } from "~/modules/auth/session.server";
import { MAX_FAILURES_PER_ADDRESS } from "~/modules/auth/throttle.server";
import { action as loginAction } from "~/routes/logga-in";
import { action as chooseRoleAction } from "~/routes/valj-roll";
import { signInWithNewApp } from "../factories/sign-in";
import { createUser, createWorld, TEST_PASSWORD } from "../factories/world";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

/** A sign-in post whose body records whether anyone read it. */
function loginRequest(fields: Record<string, string>) {
  const bytes = new TextEncoder().encode(new URLSearchParams(fields).toString());
  const body = { read: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        body.read = true;
        controller.enqueue(bytes);
        controller.close();
      },
      // Pulled only when someone reads, not to fill a queue in advance.
    },
    { highWaterMark: 0 },
  );
  const request = new Request("http://localhost/logga-in", {
    method: "POST",
    headers: { Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
    body: stream,
    duplex: "half",
  } as RequestInit);
  return { request, body };
}

const attemptsFrom = (address: string) => getDb().select({ n: count() }).from(loginAttempts).where(eq(loginAttempts.address, address)).get()!.n;

describe("sign-in throttling per address", () => {
  it("answers a throttled address without reading the body, and records nothing more", async () => {
    const address = "10.66.0.1";
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await signIn(`spray-${i}@test.example`, "fel-lösenord-123", address);
    const attempts = attemptsFrom(address);
    const { request, body } = loginRequest({ username: world.actors.school.username, password: TEST_PASSWORD, redirectTo: "/" });
    const response = (await loginAction({ request, params: {}, context: { clientAddress: address } })) as Response;
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Record<string, string> }).errors.form).toBe(LOGIN_ERRORS.throttled);
    expect(body.read).toBe(false);
    expect(request.bodyUsed).toBe(false);
    expect(attemptsFrom(address)).toBe(attempts);
  });

  it("reads the body of an address that is not throttled, and takes the password", async () => {
    const { request, body } = loginRequest({ username: world.actors.school.username, password: TEST_PASSWORD, redirectTo: "/" });
    const response = (await loginAction({ request, params: {}, context: { clientAddress: "10.66.0.2" } })) as Response;
    expect(body.read).toBe(true);
    expect(response.status).toBe(302);
    // School staff read youth data: the second factor comes next (here its first enrolment), not yet a session.
    expect(response.headers.get("Location")).toBe("/logga-in/tvastegsverifiering/aktivera");
    expect(response.headers.get("Set-Cookie")).toMatch(/^sp_pending=/);
  });

  it("signs a systemförvaltare in with the password alone", async () => {
    const { request } = loginRequest({ username: world.actors.admin.username, password: TEST_PASSWORD, redirectTo: "/" });
    const response = (await loginAction({ request, params: {}, context: { clientAddress: "10.66.0.3" } })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/^sp_session=/);
  });
});

describe("choosing and switching the role", () => {
  const cookieOf = (setCookie: string) => setCookie.split(";")[0]!;
  const requestWith = (cookie: string) => new Request("http://localhost/start", { headers: { Cookie: cookie } });
  const choose = (cookie: string, membershipId: number) =>
    chooseRoleAction({
      request: new Request("http://localhost/valj-roll", {
        method: "POST",
        headers: { Cookie: cookie, Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ membershipId: String(membershipId), redirectTo: "/start" }).toString(),
      }),
      params: {},
      context: {},
    }) as Promise<Response>;

  it("issues a new session token with the chosen membership and ends the old one, at every switch", async () => {
    const user = await createUser("Lena Två Roller");
    const [caseworker, steering] = [
      { role: "kaa_caseworker" as const, organisationId: world.orgs.kaa.id },
      { role: "steering_member" as const, organisationId: world.orgs.steering.id },
    ].map((m) =>
      getDb()
        .insert(memberships)
        .values({ userId: user.id, ...m })
        .returning()
        .get(),
    );
    const login = await signInWithNewApp(user.username, "10.66.1.1");
    expect(login.location).toBe("/valj-roll?redirectTo=%2F");
    const first = login.cookie;
    const firstSession = (await authenticate(requestWith(first)))!.session;
    expect(firstSession.membershipId).toBeNull();

    // Choosing after sign-in.
    const chosen = await choose(first, caseworker!.id);
    expect(chosen.status).toBe(302);
    expect(chosen.headers.get("Location")).toBe("/start");
    const second = cookieOf(chosen.headers.get("Set-Cookie")!);
    expect(second).not.toBe(first);
    expect(await authenticate(requestWith(first))).toBeNull();
    const secondSession = (await authenticate(requestWith(second)))!.session;
    expect(secondSession.membershipId).toBe(caseworker!.id);
    // The new session keeps the old one's start, so switching cannot stretch the absolute limit.
    expect(secondSession.createdAt).toBe(firstSession.createdAt);

    // Switching later.
    const switched = await choose(second, steering!.id);
    const third = cookieOf(switched.headers.get("Set-Cookie")!);
    expect(await authenticate(requestWith(second))).toBeNull();
    expect((await authenticate(requestWith(third)))!.session.membershipId).toBe(steering!.id);

    // The old cookie can no longer switch either: it is sent to sign in.
    const stale = await choose(first, steering!.id).catch((thrown: Response) => thrown);
    expect(stale.status).toBe(302);
    expect(stale.headers.get("Location")).toMatch(/^\/logga-in/);
    expect(stale.headers.get("Set-Cookie")).toBeNull();
  });

  it("keeps the session when the choice is refused", async () => {
    const { cookie } = await signInWithNewApp(world.actors.employment.username, "10.66.1.2");
    const refused = await choose(cookie, world.actors.caseworker.membershipId);
    expect(refused.status).toBe(400);
    expect(refused.headers.get("Set-Cookie")).toBeNull();
    expect((await authenticate(requestWith(cookie)))!.session.membershipId).toBe(world.actors.employment.membershipId);
  });
});
