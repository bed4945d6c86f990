// MFA for local accounts through the real routes on a real database: the second step of sign-in, forced
// enrolment, recovery codes, one throttle for every factor, the actor's defence, the step-up page, the reset.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { adminEvents, identityProviders, recoveryCodes, sessions, totpCredentials } from "#db/schema";
import { requireActor } from "~/modules/auth/actor.server";
import { LOGIN_ERRORS, signIn } from "~/modules/auth/login.server";
import { enrolTotp } from "~/modules/auth/mfa-enrolment.server";
import { resetMfa } from "~/modules/auth/mfa-account.server";
import { setMfaForEveryone } from "~/modules/auth/mfa-settings.server";
import { FACTOR_ERRORS } from "~/modules/auth/second-factor.server";
import { encryptSecret } from "~/modules/auth/secrets.server";
import { authenticate, hashToken, startSession } from "~/modules/auth/session.server";
import { MAX_FAILURES_PER_ACCOUNT } from "~/modules/auth/throttle.server";
import { newTotpSecret, totpCodeAt } from "~/modules/auth/totp";
import { action as stepUpAction, loader as stepUpLoader } from "~/routes/konto.bekrafta";
import { action as secondFactorAction } from "~/routes/logga-in_.tvastegsverifiering";
import { action as enrolAction, loader as enrolLoader } from "~/routes/logga-in_.tvastegsverifiering_.aktivera";
import { createActor, createWorld, TEST_PASSWORD } from "../factories/world";

let world: Awaited<ReturnType<typeof createWorld>>;
let address = 0;
/** Each test its own address, so the address budget of one does not reach another. */
const nextAddress = () => `10.17.${Math.floor(++address / 250)}.${address % 250}`;

beforeAll(async () => {
  world = await createWorld();
});

const cookiesOf = (response: Response) => (response.headers.getSetCookie?.() ?? [response.headers.get("Set-Cookie") ?? ""]).map((c) => c.split(";")[0]!);
const sessionCookieOf = (response: Response) => cookiesOf(response).find((c) => c.startsWith("sp_session=") && c !== "sp_session=");

function post(path: string, cookie: string, fields: Record<string, string>) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}
const get = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });

async function passwordStep(username: string, at: string) {
  const result = await signIn(username, TEST_PASSWORD, at, "/ungdomar");
  if (!result.ok) throw new Error(result.error);
  return { ...result, pending: result.cookie.split(";")[0]! };
}

/** A caseworker with the app enrolled (its seed known to the test) and ten recovery codes. */
async function caseworkerWithApp() {
  const actor = await createActor("kaa_caseworker", world.orgs.kaa);
  const secret = newTotpSecret();
  // The enrolment code is one step back, so the test's first sign-in code (this step) is newer.
  const done = enrolTotp(actor.userId, encryptSecret(secret, `totp:${actor.userId}`), totpCodeAt(secret, Date.now() - 30_000));
  if (!done?.codes) throw new Error("enrolment failed");
  return { actor, secret, codes: done.codes };
}

const respond = async (run: Promise<unknown>) => (await run.catch((thrown: unknown) => thrown)) as Response;

describe("the second step of a password sign-in", () => {
  it("gives no session after the password alone, and one with the app's code; the same code does not work twice", async () => {
    const { actor, secret } = await caseworkerWithApp();
    const at = nextAddress();
    const first = await passwordStep(actor.username, at);
    expect(first.next).toBe("second_factor");
    expect(first.location).toBe("/logga-in/tvastegsverifiering");
    expect(first.pending).toMatch(/^sp_pending=/);
    expect(await authenticate(get("/start", first.pending))).toBeNull();

    const code = totpCodeAt(secret, Date.now());
    const ok = await respond(
      secondFactorAction({ request: post("/logga-in/tvastegsverifiering?atgard=kod", first.pending, { code }), params: {}, context: { clientAddress: at } }),
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/ungdomar");
    const session = await authenticate(get("/start", sessionCookieOf(ok)!));
    expect(session?.session.authMethod).toBe("password_totp");

    // Replay: the same code in a new sign-in is refused (RFC 6238 §5.2).
    const second = await passwordStep(actor.username, at);
    const replay = await respond(
      secondFactorAction({ request: post("/logga-in/tvastegsverifiering?atgard=kod", second.pending, { code }), params: {}, context: { clientAddress: at } }),
    );
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { errors: Record<string, string> }).errors.code).toBe(FACTOR_ERRORS.totp);
  });

  it("accepts a recovery code once; the second use is refused", async () => {
    const { actor, codes } = await caseworkerWithApp();
    const at = nextAddress();
    const code = codes[3]!;
    expect(code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    const first = await passwordStep(actor.username, at);
    // Typed in lower case without dashes: still the code.
    const typed = code.replace(/-/g, "").toLowerCase();
    const ok = await respond(
      secondFactorAction({
        request: post("/logga-in/tvastegsverifiering?atgard=reservkod", first.pending, { recoveryCode: typed }),
        params: {},
        context: { clientAddress: at },
      }),
    );
    expect(ok.status).toBe(302);
    expect((await authenticate(get("/start", sessionCookieOf(ok)!)))?.session.authMethod).toBe("password_recovery_code");

    const again = await passwordStep(actor.username, at);
    const refused = await respond(
      secondFactorAction({
        request: post("/logga-in/tvastegsverifiering?atgard=reservkod", again.pending, { recoveryCode: code }),
        params: {},
        context: { clientAddress: at },
      }),
    );
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Record<string, string> }).errors.recoveryCode).toBe(FACTOR_ERRORS.recovery_code);
    expect(cookiesOf(refused).some((c) => c.startsWith("sp_session="))).toBe(false);
    const rows = getDb().select().from(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId)).all();
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r.usedAt !== null)).toHaveLength(1);
  });

  it("throttles the account after wrong codes: then neither the right code nor the right password gets in", async () => {
    const { actor, secret } = await caseworkerWithApp();
    const first = await passwordStep(actor.username, nextAddress());
    const answers: string[] = [];
    // From different addresses: the account's budget, not the address's, is what stops this.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const response = await respond(
        secondFactorAction({
          request: post("/logga-in/tvastegsverifiering?atgard=kod", first.pending, { code: "000000" }),
          params: {},
          context: { clientAddress: nextAddress() },
        }),
      );
      expect(response.status).toBe(400);
      answers.push(((await response.json()) as { errors: Record<string, string> }).errors.code!);
    }
    // The password's pending attempt and the wrong codes share one budget of five failures.
    expect(answers.filter((a) => a === FACTOR_ERRORS.totp)).toHaveLength(MAX_FAILURES_PER_ACCOUNT - 1);
    expect(answers.at(-1)).toBe(LOGIN_ERRORS.throttled);
    const right = await respond(
      secondFactorAction({
        request: post("/logga-in/tvastegsverifiering?atgard=kod", first.pending, { code: totpCodeAt(secret, Date.now()) }),
        params: {},
        context: { clientAddress: nextAddress() },
      }),
    );
    expect(right.status).toBe(400);
    expect(cookiesOf(right).some((c) => c.startsWith("sp_session=") && c !== "sp_session=")).toBe(false);
    expect(await signIn(actor.username, TEST_PASSWORD, nextAddress())).toEqual({ ok: false, error: LOGIN_ERRORS.throttled });
  });
});

describe("who must use a second factor", () => {
  it("makes a caseworker without one set up the app before any session starts", async () => {
    const actor = await createActor("kaa_caseworker", world.orgs.kaa);
    const at = nextAddress();
    const step = await passwordStep(actor.username, at);
    expect(step.next).toBe("enrolment");
    expect(step.location).toBe("/logga-in/tvastegsverifiering/aktivera");
    expect(await authenticate(get("/start", step.pending))).toBeNull();

    const page = (await enrolLoader({ request: get("/logga-in/tvastegsverifiering/aktivera", step.pending), params: {}, context: {} })) as {
      enrolment: { secret: string; qrDataUrl: string };
    };
    expect(page.enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const secret = page.enrolment.secret.replace(/ /g, "");
    const wrong = await respond(
      enrolAction({ request: post("/logga-in/tvastegsverifiering/aktivera", step.pending, { code: "123456" }), params: {}, context: { clientAddress: at } }),
    );
    expect(wrong.status).toBe(400);
    const done = await respond(
      enrolAction({
        request: post("/logga-in/tvastegsverifiering/aktivera", step.pending, { code: totpCodeAt(secret, Date.now()) }),
        params: {},
        context: { clientAddress: at },
      }),
    );
    expect(done.status).toBe(200);
    const body = (await done.json()) as { codes: string[]; next: string };
    expect(body.codes).toHaveLength(10);
    expect(body.next).toBe("/ungdomar");
    const session = await authenticate(get("/start", sessionCookieOf(done)!));
    expect(session?.session.authMethod).toBe("password_totp");
    expect(getDb().select().from(totpCredentials).where(eq(totpCredentials.userId, actor.userId)).get()).toBeDefined();
  });

  it("lets the systemförvaltare in with the password alone, until the setting requires it of everyone", async () => {
    const admin = await createActor("system_admin", null);
    const before = await passwordStep(admin.username, nextAddress());
    expect(before.next).toBe("session");
    const cookie = before.pending; // a session cookie here
    expect((await requireActor(get("/admin/anvandare", cookie))).role).toBe("system_admin");

    setMfaForEveryone(true, world.actors.admin);
    try {
      expect((await passwordStep(admin.username, nextAddress())).next).toBe("enrolment");
      // The session from before is sent to set up a factor at its next page (defence in depth).
      const sent = await respond(requireActor(get("/admin/anvandare", cookie)));
      expect(sent.status).toBe(302);
      expect(sent.headers.get("Location")).toBe("/konto/tvastegsverifiering?krav=1");
    } finally {
      setMfaForEveryone(false, world.actors.admin);
    }
    expect(getDb().select().from(adminEvents).where(eq(adminEvents.action, "mfa_required_for_everyone")).all()).toHaveLength(1);
  });

  it("stops a password-only session whose new role reads youth data (a membership added mid-session)", async () => {
    const { actor } = await caseworkerWithApp();
    // A session proved by the password alone, as one that began in a role that needs no second factor.
    const cookie = (await startSession(actor.userId, actor.membershipId, { authMethod: "password" })).split(";")[0]!;
    const sent = await respond(requireActor(get("/ungdomar?sida=2", cookie)));
    expect(sent.status).toBe(302);
    // It has the app: it proves it on the step-up page and comes back.
    expect(sent.headers.get("Location")).toBe(`/konto/bekrafta?redirectTo=${encodeURIComponent("/ungdomar?sida=2")}`);
  });
});

describe("the step-up page", () => {
  it("moves the session's proof of identity to now with the app's code, and returns to a local page only", async () => {
    const { actor, secret, codes } = await caseworkerWithApp();
    const at = nextAddress();
    const step = await passwordStep(actor.username, at);
    const signedIn = await respond(
      secondFactorAction({
        request: post("/logga-in/tvastegsverifiering?atgard=kod", step.pending, { code: totpCodeAt(secret, Date.now()) }),
        params: {},
        context: { clientAddress: at },
      }),
    );
    const cookie = sessionCookieOf(signedIn)!;
    const sessionId = hashToken(cookie.split("=")[1]!);
    getDb()
      .update(sessions)
      .set({ authenticatedAt: Date.now() - 60 * 60_000 })
      .where(eq(sessions.id, sessionId))
      .run();

    const page = (await stepUpLoader({ request: get("/konto/bekrafta?redirectTo=/ungdomar", cookie), params: {}, context: {} })) as { mode: { kind: string } };
    expect(page.mode.kind).toBe("factor");
    const wrong = await respond(
      stepUpAction({
        request: post("/konto/bekrafta?redirectTo=/ungdomar&atgard=kod", cookie, { code: "000000" }),
        params: {},
        context: { clientAddress: at },
      }),
    );
    expect(wrong.status).toBe(400);
    expect(getDb().select().from(sessions).where(eq(sessions.id, sessionId)).get()!.authenticatedAt).toBeLessThan(Date.now() - 59 * 60_000);

    const before = Date.now();
    const ok = await respond(
      stepUpAction({
        request: post("/konto/bekrafta?redirectTo=/ungdomar/abc&atgard=kod", cookie, { code: totpCodeAt(secret, Date.now() + 30_000) }),
        params: {},
        context: { clientAddress: at },
      }),
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/ungdomar/abc");
    const row = getDb().select().from(sessions).where(eq(sessions.id, sessionId)).get()!;
    expect(row.authenticatedAt).toBeGreaterThanOrEqual(before);
    expect(row.authMethod).toBe("password_totp");

    // Another site is never the way back.
    getDb().update(sessions).set({ authenticatedAt: 0 }).where(eq(sessions.id, sessionId)).run();
    const evil = await respond(
      stepUpAction({
        request: post(`/konto/bekrafta?redirectTo=${encodeURIComponent("//evil.example/x")}&atgard=reservkod`, cookie, { recoveryCode: codes[0]! }),
        params: {},
        context: { clientAddress: at },
      }),
    );
    expect(evil.headers.get("Location")).toBe("/start");
  });

  it("sends an SSO session back to its provider", async () => {
    const actor = await createActor("kaa_caseworker", world.orgs.kaa);
    const provider = getDb()
      .insert(identityProviders)
      .values({
        purpose: "staff",
        municipalityId: world.municipality.id,
        displayName: "Kommunen",
        issuer: "https://idp.test",
        clientId: "portal",
        clientSecretEnc: "x",
      })
      .returning()
      .get();
    const cookie = (await startSession(actor.userId, actor.membershipId, { authMethod: "sso", identityProviderId: provider.id })).split(";")[0]!;
    const sent = await respond(stepUpLoader({ request: get("/konto/bekrafta?redirectTo=/ungdomar", cookie), params: {}, context: {} }));
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`/logga-in/sso/${provider.id}?bekrafta=1&redirectTo=%2Fungdomar`);
  });
});

describe("the systemförvaltare's reset", () => {
  it("removes the app and the recovery codes, ends the person's sessions and is logged", async () => {
    const { actor, secret } = await caseworkerWithApp();
    const at = nextAddress();
    const step = await passwordStep(actor.username, at);
    const signedIn = await respond(
      secondFactorAction({
        request: post("/logga-in/tvastegsverifiering?atgard=kod", step.pending, { code: totpCodeAt(secret, Date.now()) }),
        params: {},
        context: { clientAddress: at },
      }),
    );
    const cookie = sessionCookieOf(signedIn)!;
    await resetMfa(actor.userId, world.actors.admin);
    expect(await authenticate(get("/start", cookie))).toBeNull();
    expect(getDb().select().from(totpCredentials).where(eq(totpCredentials.userId, actor.userId)).get()).toBeUndefined();
    expect(getDb().select().from(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId)).all()).toHaveLength(0);
    expect(
      getDb()
        .select()
        .from(adminEvents)
        .where(and(eq(adminEvents.action, "mfa_reset"), eq(adminEvents.targetUserId, actor.userId)))
        .all(),
    ).toHaveLength(1);
    // The next sign-in sets up a new factor.
    expect((await passwordStep(actor.username, nextAddress())).next).toBe("enrolment");
  });
});
