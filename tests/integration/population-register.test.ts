// The folkbokföring client against the fake service in msw (a real HTTP interception, no mocks
// of fetch): found, not found, errors, time-out, not configured, and where the number travels.
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetConfigForTests } from "~/config.server";
import {
  DEMO_POPULATION_REGISTER_URL,
  POPULATION_REGISTER_MESSAGES,
  POPULATION_REGISTER_PATH,
  lookupPerson,
  populationRegisterBaseUrl,
} from "~/modules/integrations/population-register.server";
import { makePersonalNumber } from "~/modules/youth/personal-number";
import { createPopulationRegisterHandlers, fakeRegisteredPerson } from "../mocks/population-register";

const BIRTH_DATE = "2008-03-15";
const FOUND = makePersonalNumber(BIRTH_DATE, 123);
const PROTECTED = makePersonalNumber(BIRTH_DATE, 996);
const TIMES_OUT = makePersonalNumber(BIRTH_DATE, 998);
const FAILS = makePersonalNumber(BIRTH_DATE, 997);
const NOT_FOUND = makePersonalNumber(BIRTH_DATE, 999);

const server = setupServer(...(await createPopulationRegisterHandlers()));
const seen: { method: string; url: string; accept: string | null; body: Promise<unknown> }[] = [];
server.events.on("request:start", ({ request }) => {
  seen.push({ method: request.method, url: request.url, accept: request.headers.get("accept"), body: request.clone().json() });
});
const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

/** Runs fn with some environment variables changed, re-reading the configuration around it. */
async function withEnv<T>(env: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetConfigForTests();
  };
  apply(env);
  try {
    return await fn();
  } finally {
    apply(saved);
  }
}

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
  warn.mockClear();
});
afterAll(() => {
  server.close();
  warn.mockRestore();
});

describe("population register look-up", () => {
  it("uses the demo service in test mode when no URL is configured", () => {
    expect(populationRegisterBaseUrl()).toBe(DEMO_POPULATION_REGISTER_URL);
  });

  it("maps a found person", async () => {
    const result = await lookupPerson(FOUND);
    const wire = fakeRegisteredPerson(FOUND);
    expect(result).toEqual({
      ok: true,
      person: {
        personalNumber: FOUND,
        firstName: wire.fornamn,
        lastName: wire.efternamn,
        streetAddress: wire.folkbokforingsadress!.utdelningsadress,
        postalCode: expect.stringMatching(/^571 \d{2}$/),
        city: "Nässjö",
        municipalityCode: "0682",
        protectedIdentity: false,
        guardians: [],
        childrenInCustody: [],
      },
    });
    // Deterministic: the same number gives the same person.
    expect(await lookupPerson(FOUND)).toEqual(result);
  });

  it("sends the number in a POST body, never in the URL", async () => {
    // The ten-digit form with a separator is normalised before it is sent.
    const result = await lookupPerson(`${FOUND.slice(2, 8)}-${FOUND.slice(8)}`);
    expect(result.ok).toBe(true);
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe(`${DEMO_POPULATION_REGISTER_URL}${POPULATION_REGISTER_PATH}`);
    expect(request!.url).not.toContain(FOUND);
    expect(request!.url).not.toContain(FOUND.slice(2));
    expect(request!.accept).toBe("application/json");
    expect(await request!.body).toEqual({ personnummer: FOUND });
  });

  it("returns the protected-identity flag", async () => {
    const result = await lookupPerson(PROTECTED);
    expect(result.ok && result.person.protectedIdentity).toBe(true);
    expect(result.ok && result.person.streetAddress).toBeTruthy();
  });

  it("says when the number is not in the register", async () => {
    expect(await lookupPerson(NOT_FOUND)).toEqual({
      ok: false,
      reason: "not_found",
      message: POPULATION_REGISTER_MESSAGES.notFound,
    });
  });

  it("treats an error status as unavailable", async () => {
    expect(await lookupPerson(FAILS)).toEqual({
      ok: false,
      reason: "unavailable",
      message: POPULATION_REGISTER_MESSAGES.unavailable,
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("HTTP 500"));
  });

  it("gives up after the configured time-out", async () => {
    await withEnv({ POPULATION_REGISTER_TIMEOUT_MS: "200" }, async () => {
      const started = performance.now();
      const result = await lookupPerson(TIMES_OUT);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(result).toEqual({ ok: false, reason: "unavailable", message: POPULATION_REGISTER_MESSAGES.timeout });
      expect(result.ok || result.message).toMatch(/i tid/);
    });
  });

  it("treats an invalid answer and a network error as unavailable", async () => {
    const url = `${DEMO_POPULATION_REGISTER_URL}${POPULATION_REGISTER_PATH}`;
    server.use(http.post(url, () => new HttpResponse("<html>", { headers: { "Content-Type": "application/json" } }), { once: true }));
    expect(await lookupPerson(FOUND)).toMatchObject({ ok: false, reason: "unavailable" });

    server.use(http.post(url, () => HttpResponse.json({ ...fakeRegisteredPerson(FOUND), folkbokforingskommun: "682" }), { once: true }));
    expect(await lookupPerson(FOUND)).toMatchObject({ ok: false, reason: "unavailable" });

    server.use(http.post(url, () => HttpResponse.json(fakeRegisteredPerson(PROTECTED)), { once: true }));
    expect(await lookupPerson(FOUND)).toMatchObject({ ok: false, reason: "unavailable" });

    server.use(http.post(url, () => HttpResponse.error(), { once: true }));
    expect(await lookupPerson(FOUND)).toEqual({ ok: false, reason: "unavailable", message: POPULATION_REGISTER_MESSAGES.unavailable });
  });

  it("names the guardians of a child and the children in a guardian's custody, both ways", async () => {
    const parent = makePersonalNumber("1980-06-01", 242);
    const child = makePersonalNumber("2010-04-02", 131);
    const families = { guardianships: [{ guardian: parent, child }], people: [{ personnummer: parent, fornamn: "Stina", efternamn: "Holm" }] };
    server.use(...(await createPopulationRegisterHandlers(undefined, {}, families)));
    const ofChild = await lookupPerson(child);
    const ofParent = await lookupPerson(parent);
    expect(ofChild.ok && ofChild.person.guardians).toEqual([{ personalNumber: parent, name: "Stina Holm" }]);
    expect(ofChild.ok && ofChild.person.childrenInCustody).toEqual([]);
    expect(ofParent.ok && ofParent.person).toMatchObject({ firstName: "Stina", guardians: [], childrenInCustody: [{ personalNumber: child }] });
  });

  it("still reads an answer that says nothing about custody, and tells it apart from an empty list", async () => {
    const url = `${DEMO_POPULATION_REGISTER_URL}${POPULATION_REGISTER_PATH}`;
    const { vardnadshavare: _g, barnUnderVardnad: _c, ...older } = fakeRegisteredPerson(FOUND);
    server.use(http.post(url, () => HttpResponse.json(older), { once: true }));
    const result = await lookupPerson(FOUND);
    expect(result.ok).toBe(true);
    expect(result.ok && "guardians" in result.person).toBe(false);
    expect(result.ok && "childrenInCustody" in result.person).toBe(false);
  });

  it("refuses custody lists that are not what the service promises, without logging the numbers", async () => {
    const url = `${DEMO_POPULATION_REGISTER_URL}${POPULATION_REGISTER_PATH}`;
    const bad = { ...fakeRegisteredPerson(FOUND), barnUnderVardnad: [{ personnummer: FOUND.slice(2), namn: "Kort Nummer" }] };
    server.use(http.post(url, () => HttpResponse.json(bad), { once: true }));
    expect(await lookupPerson(FOUND)).toMatchObject({ ok: false, reason: "unavailable" });
    const logged = warn.mock.calls.flat().map(String).join("\n");
    expect(logged).toContain("barnUnderVardnad.0.personnummer");
    expect(logged).not.toContain(FOUND.slice(2));
  });

  it("uses a configured URL", async () => {
    const base = "https://folkbokforing.example.se/api";
    server.use(...(await createPopulationRegisterHandlers(base)));
    await withEnv({ POPULATION_REGISTER_URL: `${base}/` }, async () => {
      expect(populationRegisterBaseUrl()).toBe(base);
      expect(await lookupPerson(FOUND)).toMatchObject({ ok: true, person: { personalNumber: FOUND } });
    });
    expect(seen.map((r) => r.url)).toEqual([`${base}${POPULATION_REGISTER_PATH}`]);
  });

  it("is not configured in production without a URL", async () => {
    await withEnv({ PORTAL_MODE: "production", POPULATION_REGISTER_URL: undefined, AUTH_SECRETS_KEY: Buffer.alloc(32, 7).toString("base64") }, async () => {
      expect(populationRegisterBaseUrl()).toBeNull();
      expect(await lookupPerson(FOUND)).toEqual({
        ok: false,
        reason: "not_configured",
        message: POPULATION_REGISTER_MESSAGES.notConfigured,
      });
    });
    expect(seen).toHaveLength(0);
  });

  it("never puts the number in a message or the log", async () => {
    const messages: string[] = [];
    for (const number of [NOT_FOUND, FAILS, TIMES_OUT]) {
      const result = await withEnv({ POPULATION_REGISTER_TIMEOUT_MS: "100" }, () => lookupPerson(number));
      if (!result.ok) messages.push(result.message);
    }
    const logged = warn.mock.calls.flat().map(String);
    expect(messages).toHaveLength(3);
    for (const text of [...messages, ...logged]) {
      for (const number of [NOT_FOUND, FAILS, TIMES_OUT]) {
        expect(text).not.toContain(number.slice(2));
      }
    }
  });
});
