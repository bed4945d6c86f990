// Youths and guardians signing in to Mina sidor: who gets which relation, decided from the verified
// personnummer, the portal's registers and the population register (msw), on a real database.
import { desc, eq } from "drizzle-orm";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client";
import { identityProviders, sessions, signInEvents, youthMaturityDecisions } from "#db/schema";
import { addDays, todayIso } from "~/lib/dates";
import { requireCitizen } from "~/modules/auth/citizen.server";
import { NO_RECORDS_PAGE } from "~/modules/auth/citizen-flow.server";
import { CITIZEN_REFUSALS } from "~/modules/auth/citizen-sign-in.server";
import { DEMO_POPULATION_REGISTER_URL, POPULATION_REGISTER_PATH } from "~/modules/integrations/population-register.server";
import { makePersonalNumber } from "~/modules/youth/personal-number";
import { createYouth } from "~/modules/youth/youth-file.server";
import { createPopulationRegisterHandlers, fakeRegisteredPerson, type FakeFamilies } from "../mocks/population-register";
import { loader as signInPageLoader } from "~/routes/mina-sidor_.logga-in._index";
import { loader as startLoader } from "~/routes/mina-sidor_.logga-in.start";
import { loader as returnLoader } from "~/routes/mina-sidor_.logga-in.retur";
import { action as signOutAction } from "~/routes/mina-sidor_.logga-ut";
import { signedIn } from "../factories/requests";
import { createWorld } from "../factories/world";
import { swedishFaker, youthInput } from "../factories/youth";
import { cookiePair, startTestIdentityProvider, TEST_ORIGIN, walkProvider, type TestIdentityProvider } from "../setup/oidc";

const faker = swedishFaker(1717);
const families: { guardianships: { guardian: string; child: string }[] } & FakeFamilies = { guardianships: [] };
const server = setupServer(...(await createPopulationRegisterHandlers(undefined, {}, families)));
const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
const REGISTER = `${DEMO_POPULATION_REGISTER_URL}${POPULATION_REGISTER_PATH}`;

let idp: TestIdentityProvider;
let world: Awaited<ReturnType<typeof createWorld>>;
let providerId: number;
let serial = 100;

/** A birth date making the person `age` years old today (plus `days` days). */
function bornYearsAgo(age: number, days = -30) {
  const today = todayIso();
  return addDays(`${Number(today.slice(0, 4)) - age}${today.slice(4)}`, days);
}
const person = (age: number, days?: number) => makePersonalNumber(bornYearsAgo(age, days), (serial += 2));

/** A youth in the test municipality's register. */
function registered(personalNumber: string, birthDate: string, protectedIdentity = false): string {
  const created = createYouth(world.actors.caseworker, {
    ...youthInput(faker, { homeMunicipalityId: world.municipality.id, city: "Nässjö", postalPrefix: "571", protectedIdentity, birthDate }),
    personalNumber,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.id;
}

function youth(age: number, options: { protectedIdentity?: boolean; days?: number } = {}) {
  const birthDate = bornYearsAgo(age, options.days);
  const personalNumber = makePersonalNumber(birthDate, (serial += 2));
  return { personalNumber, youthId: registered(personalNumber, birthDate, options.protectedIdentity) };
}

/** The browser's cookies for the portal, by name. */
type Cookies = Map<string, string>;
function keep(cookies: Cookies, setCookies: string[]) {
  for (const line of setCookies) {
    const [name, value] = cookiePair(line).split("=") as [string, string];
    if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") cookies.delete(name);
    else cookies.set(name, value);
  }
}
const header = (cookies: Cookies) => [...cookies].map(([n, v]) => `${n}=${v}`).join("; ");

/**
 * Signs in the way a phone does: the start link, the broker's page (choosing `personalNumber` in its free
 * field, or a demo person's subject), and back to the portal's callback. Answers where the portal sent the
 * browser, and the browser's cookies.
 */
async function throughBroker(
  account: string,
  options: { cookies?: Cookies; start?: string; tamper?: (callback: URL) => void; authorization?: (url: URL) => void } = {},
) {
  const cookies = options.cookies ?? new Map<string, string>();
  const started = await startLoader({
    request: new Request(`${TEST_ORIGIN}${options.start ?? "/mina-sidor/logga-in/start"}`, { headers: { Cookie: header(cookies) } }),
    params: {},
    context: {},
  });
  keep(cookies, started.headers.getSetCookie());
  const authorization = new URL(started.headers.get("Location")!);
  options.authorization?.(authorization);
  if (authorization.origin === TEST_ORIGIN) return { location: authorization.pathname + authorization.search, cookies };
  const callback = await walkProvider(authorization.href, account);
  options.tamper?.(callback);
  const back = await returnLoader({
    request: new Request(callback, { headers: { Cookie: header(cookies) } }),
    params: {},
    context: { clientAddress: "10.0.0.7" },
  });
  expect(back.status).toBe(302);
  keep(cookies, back.headers.getSetCookie());
  return { location: back.headers.get("Location")!, cookies };
}

const signIn = (personalNumber: string) => throughBroker(personalNumber);
const citizenOf = (cookies: Cookies, path = "/mina-sidor") => requireCitizen(new Request(`${TEST_ORIGIN}${path}`, { headers: { Cookie: header(cookies) } }));
const lastEvent = () => getDb().select().from(signInEvents).orderBy(desc(signInEvents.id)).get()!;
const sessionCount = () => getDb().select({ id: sessions.id }).from(sessions).all().length;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "bypass" });
  idp = await startTestIdentityProvider();
  world = await createWorld();
  providerId = idp.citizenProvider().id;
});
afterEach(() => {
  server.resetHandlers();
  families.guardianships.length = 0;
  warn.mockClear();
});
afterAll(async () => {
  server.close();
  warn.mockRestore();
  await idp.close();
});

describe("relations decided at sign-in", () => {
  it("gives a youth in a register a session of their own file, and lands them on it", async () => {
    const { personalNumber, youthId } = youth(19);
    const { location, cookies } = await signIn(personalNumber);
    expect(location).toBe(`/mina-sidor/${youthId}`);
    const citizen = await citizenOf(cookies, location);
    expect(citizen).toMatchObject({ kind: "citizen", displayName: "Okänd Person", identityProviderId: providerId, relations: [{ youthId, relation: "self" }] });
    expect(Date.now() - citizen.authenticatedAt).toBeLessThan(30_000);
    expect(getDb().select({ method: sessions.authMethod }).from(sessions).where(eq(sessions.id, citizen.sessionId)).get()).toEqual({ method: "eid" });
    expect(lastEvent()).toMatchObject({ userId: citizen.userId, providerId, method: "eid", outcome: "succeeded", reason: null, address: "10.0.0.7" });
    // The same person next time is the same account.
    expect((await citizenOf((await signIn(personalNumber)).cookies)).userId).toBe(citizen.userId);
  });

  it("lets a guardian of a 17-year-old in as guardian, once the child's record names them too", async () => {
    const child = youth(17);
    const parent = person(45);
    families.guardianships.push({ guardian: parent, child: child.personalNumber });
    const { location, cookies } = await signIn(parent);
    expect(location).toBe(`/mina-sidor/${child.youthId}`);
    expect((await citizenOf(cookies)).relations).toEqual([{ youthId: child.youthId, relation: "guardian" }]);
  });

  it("sends a youth who is also a guardian of two to the list of files", async () => {
    const parent = youth(19);
    const first = youth(16);
    const second = youth(17);
    families.guardianships.push(
      { guardian: parent.personalNumber, child: first.personalNumber },
      { guardian: parent.personalNumber, child: second.personalNumber },
    );
    const { location, cookies } = await signIn(parent.personalNumber);
    expect(location).toBe("/mina-sidor");
    expect((await citizenOf(cookies)).relations).toEqual([
      { youthId: parent.youthId, relation: "self" },
      { youthId: first.youthId, relation: "guardian" },
      { youthId: second.youthId, relation: "guardian" },
    ]);
  });

  it("gives the guardian of a youth with skyddad identitet nothing, whether the portal or the register says so", async () => {
    const hidden = youth(17, { protectedIdentity: true });
    const parent = person(44);
    families.guardianships.push({ guardian: parent, child: hidden.personalNumber });
    expect((await signIn(parent)).location).toBe(NO_RECORDS_PAGE);

    const inRegisterOnly = youth(16);
    const other = person(47);
    families.guardianships.push({ guardian: other, child: inRegisterOnly.personalNumber });
    families.people = [{ personnummer: inRegisterOnly.personalNumber, fornamn: "Dold", efternamn: "Person", skyddadIdentitet: true }];
    try {
      expect((await signIn(other)).location).toBe(NO_RECORDS_PAGE);
    } finally {
      delete families.people;
    }
  });

  it("gives the parent of an 18-year-old nothing, even if the register still lists the custody", async () => {
    const adult = youth(18, { days: -1 });
    const parent = person(50);
    families.guardianships.push({ guardian: parent, child: adult.personalNumber });
    expect((await signIn(parent)).location).toBe(NO_RECORDS_PAGE);
  });

  it("lets no one in as guardian on the parent's record alone: the child's record must name them", async () => {
    const child = youth(16);
    const parent = person(41);
    server.use(
      http.post(REGISTER, async ({ request }) => {
        const { personnummer } = (await request.clone().json()) as { personnummer: string };
        if (personnummer !== parent) return undefined;
        return HttpResponse.json({
          ...fakeRegisteredPerson(parent),
          barnUnderVardnad: [{ personnummer: child.personalNumber, namn: "Barnet" }],
        });
      }),
    );
    expect((await signIn(parent)).location).toBe(NO_RECORDS_PAGE);
  });

  it("ends a guardian's relation at the next sign-in once the caseworker records that the youth decides alone", async () => {
    const child = youth(16);
    const parent = person(43);
    families.guardianships.push({ guardian: parent, child: child.personalNumber });
    expect((await signIn(parent)).location).toBe(`/mina-sidor/${child.youthId}`);
    getDb()
      .insert(youthMaturityDecisions)
      .values({
        youthId: child.youthId,
        decidedOn: todayIso(),
        note: "Mogen att bestämma själv.",
        decidedByMembershipId: world.actors.caseworker.membershipId!,
      })
      .run();
    expect((await signIn(parent)).location).toBe(NO_RECORDS_PAGE);
  });
});

describe("refusals", () => {
  it("refuses a guardian when the register cannot answer, in Swedish, and lets no one in on a guess", async () => {
    const child = youth(17);
    const parent = person(42);
    families.guardianships.push({ guardian: parent, child: child.personalNumber });
    server.use(http.post(REGISTER, () => HttpResponse.json({ fel: "Internt fel." }, { status: 503 })));
    const before = sessionCount();
    const { location, cookies } = await signIn(parent);
    expect(location).toBe("/mina-sidor/logga-in?nekad=register_unavailable");
    expect(sessionCount()).toBe(before);
    expect(cookies.has("sp_session")).toBe(false);
    expect(lastEvent()).toMatchObject({ userId: null, outcome: "refused", reason: "register_unavailable" });
    const page = await signInPageLoader({ request: new Request(`${TEST_ORIGIN}${location}`), params: {}, context: {} });
    expect(page.refusal).toBe(CITIZEN_REFUSALS.register_unavailable);
    expect(page.refusal).toMatch(/folkbokföringen just nu/);
  });

  it("still lets a youth into their own file when the register is down, and notes that custody was not checked", async () => {
    const own = youth(19);
    server.use(http.post(REGISTER, () => HttpResponse.error()));
    expect((await signIn(own.personalNumber)).location).toBe(`/mina-sidor/${own.youthId}`);
    expect(lastEvent()).toMatchObject({ outcome: "succeeded", reason: "guardianship_unchecked" });
  });

  it("treats a register answer that says nothing about custody as no answer", async () => {
    const child = youth(17);
    const parent = person(48);
    families.guardianships.push({ guardian: parent, child: child.personalNumber });
    server.use(
      http.post(REGISTER, async ({ request }) => {
        const { personnummer } = (await request.clone().json()) as { personnummer: string };
        if (personnummer !== child.personalNumber) return undefined;
        const { vardnadshavare: _g, barnUnderVardnad: _c, ...older } = fakeRegisteredPerson(personnummer);
        return HttpResponse.json(older);
      }),
    );
    expect((await signIn(parent)).location).toBe("/mina-sidor/logga-in?nekad=register_unavailable");
  });

  it("starts no session for a person in no register, and shows the page that says so", async () => {
    const before = sessionCount();
    const { location, cookies } = await signIn(person(30));
    expect(location).toBe(NO_RECORDS_PAGE);
    expect(sessionCount()).toBe(before);
    expect(cookies.has("sp_session")).toBe(false);
    expect(lastEvent()).toMatchObject({ userId: null, providerId, method: "eid", outcome: "refused", reason: "no_records" });
  });

  it("refuses a callback whose state is not the one sent", async () => {
    const own = youth(19);
    const { location, cookies } = await throughBroker(own.personalNumber, { tamper: (callback) => callback.searchParams.set("state", "annat-state") });
    expect(location).toBe("/mina-sidor/logga-in?nekad=failed");
    expect(cookies.has("sp_session")).toBe(false);
    expect(lastEvent()).toMatchObject({ method: "eid", outcome: "refused", reason: "state_mismatch" });
  });

  it("refuses a code that has expired at the broker", async () => {
    const own = youth(19);
    const slow = await startTestIdentityProvider({ codeTtlSeconds: 1 });
    const moved = (issuer: string) =>
      getDb().update(identityProviders).set({ issuer, updatedAt: new Date().toISOString() }).where(eq(identityProviders.id, providerId)).run();
    moved(slow.issuer);
    try {
      const { location, cookies } = await throughBroker(own.personalNumber, {
        tamper: () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_100),
      });
      expect(location).toBe("/mina-sidor/logga-in?nekad=failed");
      expect(cookies.has("sp_session")).toBe(false);
      expect(lastEvent()).toMatchObject({ outcome: "refused", reason: "invalid_grant" });
    } finally {
      moved(idp.issuer);
      await slow.close();
    }
  });

  it("refuses a callback played a second time", async () => {
    const own = youth(19);
    let replay: URL | undefined;
    const first = await throughBroker(own.personalNumber, { tamper: (callback) => void (replay = new URL(callback)) });
    expect(first.location).toBe(`/mina-sidor/${own.youthId}`);
    const again = await returnLoader({ request: new Request(replay!, { headers: { Cookie: header(first.cookies) } }), params: {}, context: {} });
    expect(again.headers.get("Location")).toBe("/mina-sidor/logga-in?nekad=failed");
  });

  it("never follows a redirectTo outside Mina sidor", async () => {
    const own = youth(19);
    for (const target of ["https://elak.example/", "//elak.example/", "/ungdomar"]) {
      const { location } = await throughBroker(own.personalNumber, { start: `/mina-sidor/logga-in/start?redirectTo=${encodeURIComponent(target)}` });
      expect(location).toBe(`/mina-sidor/${own.youthId}`);
    }
    const { location } = await throughBroker(own.personalNumber, {
      start: `/mina-sidor/logga-in/start?redirectTo=${encodeURIComponent(`/mina-sidor/${own.youthId}/plan`)}`,
    });
    expect(location).toBe(`/mina-sidor/${own.youthId}/plan`);
  });
});

describe("step-up and signing out", () => {
  it("confirms the signed-in person again, with a fresh authentication at the broker, and brings them back", async () => {
    const own = youth(19);
    const { cookies } = await signIn(own.personalNumber);
    const citizen = await citizenOf(cookies);
    getDb()
      .update(sessions)
      .set({ authenticatedAt: Date.now() - 20 * 60_000 })
      .where(eq(sessions.id, citizen.sessionId))
      .run();
    const back = `/mina-sidor/${own.youthId}/samtycken`;
    const { location } = await throughBroker(own.personalNumber, {
      cookies,
      start: `/mina-sidor/logga-in/start?bekrafta=1&redirectTo=${encodeURIComponent(back)}`,
      authorization: (url) => {
        expect(url.searchParams.get("prompt")).toBe("login");
        expect(url.searchParams.get("max_age")).toBe("60");
      },
    });
    expect(location).toBe(back);
    const after = await citizenOf(cookies);
    expect(after.sessionId).toBe(citizen.sessionId);
    expect(Date.now() - after.authenticatedAt).toBeLessThan(30_000);
    expect(lastEvent()).toMatchObject({ userId: citizen.userId, outcome: "succeeded", reason: "step_up" });
  });

  it("refuses a step-up made with another person's e-legitimation, and ends the session", async () => {
    const own = youth(19);
    const { cookies } = await signIn(own.personalNumber);
    const citizen = await citizenOf(cookies);
    const stale = Date.now() - 20 * 60_000;
    getDb().update(sessions).set({ authenticatedAt: stale }).where(eq(sessions.id, citizen.sessionId)).run();
    const stolen = new Map(cookies);
    const { location } = await throughBroker(person(40), { cookies, start: "/mina-sidor/logga-in/start?bekrafta=1&redirectTo=%2Fmina-sidor" });
    expect(location).toBe("/mina-sidor/logga-in?nekad=other_person");
    expect(getDb().select().from(sessions).where(eq(sessions.id, citizen.sessionId)).get()).toBeUndefined();
    await expect(citizenOf(stolen)).rejects.toMatchObject({ status: 302 });
    expect(lastEvent()).toMatchObject({ userId: citizen.userId, outcome: "refused", reason: "step_up_other_person" });
  });

  it("signs out on the server and offers the broker's own logout", async () => {
    const own = youth(19);
    const { cookies } = await signIn(own.personalNumber);
    const citizen = await citizenOf(cookies);
    const out = await signOutAction({
      request: new Request(`${TEST_ORIGIN}/mina-sidor/logga-ut`, { method: "POST", headers: { Cookie: header(cookies), Origin: TEST_ORIGIN } }),
      params: {},
      context: {},
    });
    expect(out.headers.get("Location")).toBe("/mina-sidor/logga-in?utloggad=1");
    expect(getDb().select().from(sessions).where(eq(sessions.id, citizen.sessionId)).get()).toBeUndefined();
    const page = await signInPageLoader({ request: new Request(`${TEST_ORIGIN}/mina-sidor/logga-in?utloggad=1`), params: {}, context: {} });
    expect(page.signedOut?.brokerLogout).toMatch(new RegExp(`^${idp.issuer}/`));
    expect(new URL(page.signedOut!.brokerLogout!).searchParams.get("post_logout_redirect_uri")).toBe(`${TEST_ORIGIN}/mina-sidor/logga-in?utloggad=1`);
  });

  it("ends the staff session the browser had when a citizen signs in there", async () => {
    const own = youth(18, { days: -100 });
    const staff = (await signedIn(world.actors.coordinator)).get("/start");
    const cookies: Cookies = new Map([cookiePair(staff.headers.get("Cookie")!).split("=") as [string, string]]);
    const staffSessions = () => getDb().select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, world.actors.coordinator.userId)).all().length;
    const before = staffSessions();
    expect((await throughBroker(own.personalNumber, { cookies })).location).toBe(`/mina-sidor/${own.youthId}`);
    expect(staffSessions()).toBe(before - 1);
  });
});

describe("personnummer hygiene", () => {
  it("never writes a personnummer to the sign-in log or the warnings", () => {
    const rows = getDb().select().from(signInEvents).all();
    expect(rows.length).toBeGreaterThan(10);
    const logged = JSON.stringify(rows) + warn.mock.calls.flat().map(String).join("\n");
    expect(logged).not.toMatch(/\d{6}[-+]?\d{4}/);
  });
});
