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
import { CITIZEN_REFUSALS, citizenHome, signInCitizen } from "~/modules/auth/citizen-sign-in.server";
import { encryptSecret } from "~/modules/auth/secrets.server";
import { DEMO_POPULATION_REGISTER_URL, POPULATION_REGISTER_PATH } from "~/modules/integrations/population-register.server";
import { makePersonalNumber } from "~/modules/youth/personal-number";
import { createYouth } from "~/modules/youth/youth-file.server";
import { createPopulationRegisterHandlers, type FakeFamilies } from "../mocks/population-register";
import { signedIn } from "../factories/requests";
import { createWorld } from "../factories/world";
import { swedishFaker, youthInput } from "../factories/youth";

const faker = swedishFaker(1717);
const families: { guardianships: { guardian: string; child: string }[] } & FakeFamilies = { guardianships: [] };
const server = setupServer(...(await createPopulationRegisterHandlers(undefined, {}, families)));
const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
const REGISTER = `${DEMO_POPULATION_REGISTER_URL}${POPULATION_REGISTER_PATH}`;

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

const browser = (cookie?: string) => new Request("http://localhost/mina-sidor/logga-in/retur", cookie ? { headers: { Cookie: cookie } } : {});
const signIn = (personalNumber: string, request = browser()) =>
  signInCitizen(
    request,
    { personalNumber, displayName: "Test Person", authTime: Math.floor(Date.now() / 1000) - 5, identityProviderId: providerId },
    "10.0.0.7",
  );
const cookieOf = (setCookie: string) => setCookie.split(";")[0]!;
const lastEvent = () => getDb().select().from(signInEvents).orderBy(desc(signInEvents.id)).get()!;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "bypass" });
  world = await createWorld();
  providerId = getDb()
    .insert(identityProviders)
    .values({
      purpose: "citizen",
      displayName: "E-legitimation (test)",
      issuer: "http://127.0.0.1:1",
      clientId: "test",
      clientSecretEnc: encryptSecret("x", "test"),
    })
    .returning({ id: identityProviders.id })
    .get().id;
});
afterEach(() => {
  server.resetHandlers();
  families.guardianships.length = 0;
  warn.mockClear();
});
afterAll(() => {
  server.close();
  warn.mockRestore();
});

describe("relations decided at sign-in", () => {
  it("gives a youth in a register a session of their own file, and lands them on it", async () => {
    const { personalNumber, youthId } = youth(19);
    const result = await signIn(personalNumber);
    expect(result).toMatchObject({ outcome: "signed_in", relations: [{ youthId, relation: "self" }] });
    if (result.outcome !== "signed_in") return;
    expect(citizenHome(result.relations)).toBe(`/mina-sidor/${youthId}`);
    const citizen = await requireCitizen(new Request(`http://localhost/mina-sidor/${youthId}`, { headers: { Cookie: cookieOf(result.cookie) } }));
    expect(citizen).toMatchObject({ kind: "citizen", displayName: "Test Person", identityProviderId: providerId, relations: [{ youthId, relation: "self" }] });
    expect(Date.now() - citizen.authenticatedAt).toBeLessThan(10_000);
    expect(lastEvent()).toMatchObject({ userId: citizen.userId, providerId, method: "eid", outcome: "succeeded", reason: null, address: "10.0.0.7" });
  });

  it("lets a guardian of a 17-year-old in as guardian, once the child's record names them too", async () => {
    const child = youth(17);
    const parent = person(45);
    families.guardianships.push({ guardian: parent, child: child.personalNumber });
    expect(await signIn(parent)).toMatchObject({ outcome: "signed_in", relations: [{ youthId: child.youthId, relation: "guardian" }] });
  });

  it("sends a youth who is also a guardian, or a guardian of two, to the list", async () => {
    const parent = youth(19);
    const first = youth(16);
    const second = youth(17);
    families.guardianships.push(
      { guardian: parent.personalNumber, child: first.personalNumber },
      { guardian: parent.personalNumber, child: second.personalNumber },
    );
    const result = await signIn(parent.personalNumber);
    expect(result).toMatchObject({
      outcome: "signed_in",
      relations: [
        { youthId: parent.youthId, relation: "self" },
        { youthId: first.youthId, relation: "guardian" },
        { youthId: second.youthId, relation: "guardian" },
      ],
    });
    expect(result.outcome === "signed_in" && citizenHome(result.relations)).toBe("/mina-sidor");
  });

  it("gives the guardian of a youth with skyddad identitet nothing, whether the portal or the register says so", async () => {
    const hidden = youth(17, { protectedIdentity: true });
    const parent = person(44);
    families.guardianships.push({ guardian: parent, child: hidden.personalNumber });
    expect(await signIn(parent)).toEqual({ outcome: "no_records" });

    const inRegisterOnly = youth(16);
    const other = person(47);
    families.guardianships.push({ guardian: other, child: inRegisterOnly.personalNumber });
    families.people = [{ personnummer: inRegisterOnly.personalNumber, fornamn: "Dold", efternamn: "Person", skyddadIdentitet: true }];
    try {
      expect(await signIn(other)).toEqual({ outcome: "no_records" });
    } finally {
      delete families.people;
    }
  });

  it("gives the parent of an 18-year-old nothing, even if the register still lists the custody", async () => {
    const adult = youth(18, { days: -1 });
    const parent = person(50);
    families.guardianships.push({ guardian: parent, child: adult.personalNumber });
    expect(await signIn(parent)).toEqual({ outcome: "no_records" });
  });

  it("lets no one in as guardian on the parent's word alone: the child's record must name them", async () => {
    const child = youth(16);
    const parent = person(41);
    server.use(
      http.post(REGISTER, async ({ request }) => {
        const { personnummer } = (await request.clone().json()) as { personnummer: string };
        if (personnummer !== parent) return undefined;
        return HttpResponse.json({
          personnummer: parent,
          fornamn: "Ensidig",
          efternamn: "Förälder",
          folkbokforingsadress: null,
          folkbokforingskommun: "0682",
          skyddadIdentitet: false,
          vardnadshavare: [],
          barnUnderVardnad: [{ personnummer: child.personalNumber, namn: "Barnet" }],
        });
      }),
    );
    expect(await signIn(parent)).toEqual({ outcome: "no_records" });
  });

  it("ends a guardian's relation at the next sign-in once the caseworker records that the youth decides alone", async () => {
    const child = youth(16);
    const parent = person(43);
    families.guardianships.push({ guardian: parent, child: child.personalNumber });
    expect(await signIn(parent)).toMatchObject({ outcome: "signed_in", relations: [{ relation: "guardian" }] });
    getDb()
      .insert(youthMaturityDecisions)
      .values({
        youthId: child.youthId,
        decidedOn: todayIso(),
        note: "Mogen att bestämma själv.",
        decidedByMembershipId: world.actors.caseworker.membershipId!,
      })
      .run();
    expect(await signIn(parent)).toEqual({ outcome: "no_records" });
  });
});

describe("refusals", () => {
  it("refuses a guardian when the register cannot answer, in Swedish, and lets no one in on a guess", async () => {
    const child = youth(17);
    const parent = person(42);
    families.guardianships.push({ guardian: parent, child: child.personalNumber });
    server.use(http.post(REGISTER, () => HttpResponse.json({ fel: "Internt fel." }, { status: 503 })));
    const before = getDb().select({ id: sessions.id }).from(sessions).all().length;
    expect(await signIn(parent)).toEqual({ outcome: "refused", reason: "register_unavailable" });
    expect(CITIZEN_REFUSALS.register_unavailable).toMatch(/folkbokföringen just nu/);
    expect(getDb().select({ id: sessions.id }).from(sessions).all()).toHaveLength(before);
    expect(lastEvent()).toMatchObject({ userId: null, outcome: "refused", reason: "register_unavailable" });
  });

  it("still lets a youth into their own file when the register is down, and notes that custody was not checked", async () => {
    const own = youth(19);
    server.use(http.post(REGISTER, () => HttpResponse.error()));
    expect(await signIn(own.personalNumber)).toMatchObject({ outcome: "signed_in", relations: [{ youthId: own.youthId, relation: "self" }] });
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
        return HttpResponse.json({
          personnummer,
          fornamn: "Gammalt",
          efternamn: "Svar",
          folkbokforingsadress: null,
          folkbokforingskommun: "0682",
          skyddadIdentitet: false,
        });
      }),
    );
    expect(await signIn(parent)).toEqual({ outcome: "refused", reason: "register_unavailable" });
  });

  it("starts no session for a person in no register, and says so", async () => {
    const stranger = person(30);
    const before = getDb().select({ id: sessions.id }).from(sessions).all().length;
    expect(await signIn(stranger)).toEqual({ outcome: "no_records" });
    expect(getDb().select({ id: sessions.id }).from(sessions).all()).toHaveLength(before);
    expect(lastEvent()).toMatchObject({ userId: null, providerId, method: "eid", outcome: "refused", reason: "no_records" });
  });

  it("refuses a claim that is no valid personnummer", async () => {
    expect(await signIn("19990101-0000")).toEqual({ outcome: "refused", reason: "invalid_personal_number" });
    expect(lastEvent()).toMatchObject({ outcome: "refused", reason: "invalid_personal_number" });
  });
});

describe("one browser, one person", () => {
  it("ends the staff session the browser had when a citizen signs in there", async () => {
    const own = youth(18, { days: -100 });
    const staff = (await signedIn(world.actors.coordinator)).get("/start");
    const staffCookie = staff.headers.get("Cookie")!;
    const before = getDb().select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, world.actors.coordinator.userId)).all();
    expect(before.length).toBeGreaterThan(0);
    const result = await signIn(own.personalNumber, browser(staffCookie));
    expect(result.outcome).toBe("signed_in");
    expect(getDb().select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, world.actors.coordinator.userId)).all().length).toBe(before.length - 1);
  });
});

describe("personnummer hygiene", () => {
  it("never writes a personnummer to the sign-in log or the warnings", () => {
    const rows = getDb().select().from(signInEvents).all();
    expect(rows.length).toBeGreaterThan(5);
    const logged = JSON.stringify(rows) + warn.mock.calls.flat().map(String).join("\n");
    expect(logged).not.toMatch(/\d{6}[-+]?\d{4}/);
  });
});
