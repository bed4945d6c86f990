// The sekretess kernel: one gate pass per request, its log rows in one transaction, capabilities that
// carry the sections decided, and the population-register look-up through the gate.
import { and, desc, eq } from "drizzle-orm";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { DEMO_POPULATION_REGISTER_URL, POPULATION_REGISTER_PATH } from "~/modules/integrations/population-register.server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client";
import { auditEvents, consentRecipients, consents, consentSections, municipalities } from "#db/schema";
import { openYouthFile, openYouthFiles } from "~/modules/access/gate.server";
import { readYouthFile } from "~/modules/youth/youth-file.server";
import { LOOKUP_MESSAGES, lookUpForRegistration, withRegisterProtection } from "~/modules/youth/prefill.server";
import { makePersonalNumber } from "~/modules/youth/personal-number";
import { loader as youthPageLoader } from "~/routes/ungdomar.$youthId._index";
import { createPopulationRegisterHandlers, fakeRegisteredPerson } from "../mocks/population-register";
import { enrolledYouth } from "../factories/enrollment";
import { signedIn } from "../factories/requests";
import { createActor, createMunicipality, createOrganisation, createWorld } from "../factories/world";

const server = setupServer(...(await createPopulationRegisterHandlers()));
const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => {
  server.close();
  warn.mockRestore();
});

type Statement = { sql: string; transaction: number | null };

/** Records every statement prepared on the connection, and the drizzle transaction it ran in (if any). */
function recordStatements<T>(run: () => Promise<T>): Promise<{ result: T; statements: Statement[]; transactions: number }> {
  const db = getDb();
  const statements: Statement[] = [];
  let transactions = 0;
  let current: number | null = null;
  const prepare = vi.spyOn(db.$client, "prepare").mockImplementation(function (this: unknown, source: string) {
    statements.push({ sql: source, transaction: current });
    return prepare.getMockImplementation() === undefined
      ? undefined
      : (Object.getPrototypeOf(db.$client).prepare as (s: string) => unknown).call(db.$client, source);
  } as never);
  const transaction = db.transaction.bind(db);
  const spy = vi.spyOn(db, "transaction").mockImplementation(((fn: Parameters<typeof db.transaction>[0]) => {
    const id = ++transactions;
    const outer = current;
    current = id;
    try {
      return transaction(fn);
    } finally {
      current = outer;
    }
  }) as typeof db.transaction);
  return run()
    .then((result) => ({ result, statements, transactions }))
    .finally(() => {
      prepare.mockRestore();
      spy.mockRestore();
    });
}

describe("one youth-page view", () => {
  it("opens the youth file once and commits one log row per section in one transaction", async () => {
    const world = await createWorld();
    const { youthId } = enrolledYouth(world.actors.caseworker);
    const request = (await signedIn(world.actors.caseworker)).get(`/ungdomar/${youthId}`);
    const before = getDb().select({ id: auditEvents.id }).from(auditEvents).orderBy(desc(auditEvents.id)).get()?.id ?? 0;

    const { statements } = await recordStatements(() => youthPageLoader({ request, params: { youthId }, context: {} }));

    const youthLoads = statements.filter((s) => /from "youths" where "youths"\."id" = \?/i.test(s.sql));
    expect(youthLoads).toHaveLength(1);
    // The register keeper's decisions never rest on a consent: the gate does not read them.
    expect(statements.filter((s) => /from "consent_recipients"/i.test(s.sql))).toHaveLength(0);
    const auditInserts = statements.filter((s) => /insert into "audit_events"/i.test(s.sql));
    expect(auditInserts).toHaveLength(1);
    expect(auditInserts[0]!.transaction).not.toBeNull();
    // Nothing else about the youth is written by reading the page: no case data changes on a GET.
    const caseWrites = statements.filter((s) => /^(insert|update|delete)/i.test(s.sql.trim()) && !/audit_events|sessions/i.test(s.sql));
    expect(caseWrites).toEqual([]);
    // Every statement of the view, for the record (the old page made 61, in nine commits).
    expect(statements.length).toBeLessThan(40);

    const rows = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.youthId, youthId)))
      .orderBy(desc(auditEvents.id))
      .all()
      .filter((r) => r.id > before);
    expect(rows.map((r) => r.section).sort()).toEqual([
      "assessment",
      "concern_reports",
      "consents",
      "contacts",
      "enrollment",
      "identity",
      "notices",
      "plan",
      "referrals",
    ]);
    expect(rows.every((r) => r.action === "read" && r.outcome === "allowed" && r.basis === "register_keeper")).toBe(true);
    expect(new Set(rows.map((r) => r.at)).size).toBe(1);
  });

  it("refuses another organisation with one logged denial and a 404", async () => {
    const world = await createWorld();
    const { youthId } = enrolledYouth(world.actors.caseworker);
    const before = getDb().select({ id: auditEvents.id }).from(auditEvents).orderBy(desc(auditEvents.id)).get()?.id ?? 0;
    expect(() => openYouthFile(world.actors.social, youthId, { read: ["identity", "plan"], registerKeeperOnly: true })).toThrow(Response);
    const rows = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.youthId, youthId))
      .all()
      .filter((r) => r.id > before);
    expect(rows).toMatchObject([{ section: "identity", outcome: "denied", basisRef: "no_consent" }]);
  });

  it("opens nothing on the protected address alone, whoever asks", async () => {
    const world = await createWorld();
    const { youthId } = enrolledYouth(world.actors.caseworker);
    for (const actor of [world.actors.school, world.actors.social, world.actors.caseworker]) {
      expect(() => openYouthFile(actor, youthId, { read: ["protected_address"] })).toThrow(Response);
    }
  });

  it("logs the refused sections of a youth shown in a list, as well as the shown ones", async () => {
    const world = await createWorld();
    const { youthId } = enrolledYouth(world.actors.caseworker);
    getDb().transaction((tx) => {
      const consentId = tx
        .insert(consents)
        .values({
          youthId,
          municipalityId: world.municipality.id,
          givenBy: "youth",
          method: "oral",
          purpose: "Samverkansmöte",
          validFrom: "2000-01-01",
          validUntil: "2999-12-31",
          recordedByMembershipId: world.actors.caseworker.membershipId,
        })
        .returning({ id: consents.id })
        .get().id;
      tx.insert(consentRecipients).values({ consentId, organisationId: world.orgs.social.id }).run();
      tx.insert(consentSections).values({ consentId, section: "identity" }).run();
    });
    const before = getDb().select({ id: auditEvents.id }).from(auditEvents).orderBy(desc(auditEvents.id)).get()?.id ?? 0;
    const files = openYouthFiles(world.actors.social, [youthId], { read: ["identity", "plan"] });
    expect(files.get(youthId)?.has("identity")).toBe(true);
    expect(files.get(youthId)?.has("plan")).toBe(false);
    const rows = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.youthId, youthId))
      .all()
      .filter((r) => r.id > before);
    expect(rows.map((r) => [r.section, r.outcome]).sort()).toEqual([
      ["identity", "allowed"],
      ["plan", "denied"],
    ]);
  });

  it("hands out a capability that carries exactly the sections decided", async () => {
    const world = await createWorld();
    const { youthId } = enrolledYouth(world.actors.caseworker);
    const file = openYouthFile(world.actors.caseworker, youthId, { read: ["identity"], write: ["plan"] });
    expect(file.has("identity")).toBe(true);
    expect(file.has("plan", "write")).toBe(true);
    expect(file.has("plan")).toBe(false);
    expect(file.has("assessment")).toBe(false);
    expect(readYouthFile(file).id).toBe(youthId);
  });
});

describe("the population-register look-up", () => {
  const BIRTH_DATE = "2008-03-15";
  const FOUND = makePersonalNumber(BIRTH_DATE, 123);
  const PROTECTED = makePersonalNumber(BIRTH_DATE, 996);
  let world: Awaited<ReturnType<typeof setUp>>;

  // The fake register answers every person with folkbokföringskommun 0682 (Nässjö).
  async function setUp() {
    const nassjo = getDb().select().from(municipalities).where(eq(municipalities.code, "0682")).get()!;
    const kaa = createOrganisation("kaa_unit", nassjo.id);
    const school = createOrganisation("school", nassjo.id);
    const other = createMunicipality();
    return {
      coordinator: await createActor("kaa_coordinator", kaa),
      caseworker: await createActor("kaa_caseworker", kaa),
      school: await createActor("school_staff", school),
      otherKaa: await createActor("kaa_caseworker", createOrganisation("kaa_unit", other.id)),
    };
  }
  beforeAll(async () => {
    world = await setUp();
  });

  const lastLookups = (userId: number, n: number) =>
    getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, userId), eq(auditEvents.action, "lookup")))
      .orderBy(desc(auditEvents.id))
      .limit(n)
      .all();

  it("returns no protected address to a caseworker, flags the identity and logs the look-up", async () => {
    const lookup = await lookUpForRegistration(world.caseworker, PROTECTED);
    expect(lookup.protectedIdentity).toBe(true);
    expect(lookup.values).toMatchObject({ protectedIdentity: true, streetAddress: "", postalCode: "", city: "" });
    expect(JSON.stringify(lookup)).not.toContain(fakeRegisteredPerson(PROTECTED).folkbokforingsadress!.utdelningsadress);
    expect(lookup.message).toContain(LOOKUP_MESSAGES.protectedIdentity);
    expect(lastLookups(world.caseworker.userId, 5)).toMatchObject([{ section: "identity", outcome: "allowed", basis: "register_keeper", youthId: null }]);
  });

  it("shows the samordnare the protected address, and logs that showing too", async () => {
    const lookup = await lookUpForRegistration(world.coordinator, PROTECTED);
    expect(lookup.protectedIdentity).toBe(false);
    expect(lookup.values.streetAddress).toBe(fakeRegisteredPerson(PROTECTED).folkbokforingsadress!.utdelningsadress);
    expect(lastLookups(world.coordinator.userId, 5).map((r) => r.section)).toEqual(["protected_address", "identity"]);
  });

  it("refuses and logs a look-up by another municipality's KAA unit", async () => {
    const lookup = await lookUpForRegistration(world.otherKaa, FOUND);
    expect(lookup.values).toEqual({});
    expect(lookup.message).toBe(LOOKUP_MESSAGES.otherMunicipality);
    expect(lastLookups(world.otherKaa.userId, 5)).toMatchObject([{ section: "identity", outcome: "denied", basisRef: "other_municipality" }]);
  });

  it("refuses a person registered in a municipality outside the portal: no KAA unit here keeps that register", async () => {
    server.use(
      http.post(`${DEMO_POPULATION_REGISTER_URL}${POPULATION_REGISTER_PATH}`, () =>
        HttpResponse.json({ ...fakeRegisteredPerson(FOUND), folkbokforingskommun: "2584" }),
      ),
    );
    const lookup = await lookUpForRegistration(world.caseworker, FOUND);
    server.resetHandlers();
    expect(lookup.values).toEqual({});
    expect(lookup.message).toBe(LOOKUP_MESSAGES.outsidePortal);
    expect(lastLookups(world.caseworker.userId, 1)).toMatchObject([{ outcome: "denied", basisRef: "other_municipality" }]);
  });

  it("refuses and logs a look-up by a school, before asking the register", async () => {
    const lookup = await lookUpForRegistration(world.school, FOUND);
    expect(lookup.values).toEqual({});
    expect(lookup.message).toBe(LOOKUP_MESSAGES.role);
    expect(lastLookups(world.school.userId, 5)).toMatchObject([{ section: "identity", outcome: "denied", basisRef: "role" }]);
  });

  it("keeps the notice's name when the register's differs, and offers both", async () => {
    const lookup = await lookUpForRegistration(world.caseworker, FOUND, { firstName: "Skolans", lastName: "Stavning" });
    const wire = fakeRegisteredPerson(FOUND);
    expect(lookup.values).toMatchObject({ firstName: "Skolans", lastName: "Stavning" });
    expect(lookup.registerName).toEqual({ firstName: wire.fornamn, lastName: wire.efternamn });
    expect(lookup.message).toContain(LOOKUP_MESSAGES.nameDiffers);
  });

  it("logs a look-up that the register does not answer", async () => {
    const lookup = await lookUpForRegistration(world.caseworker, makePersonalNumber(BIRTH_DATE, 999));
    expect(lookup.values).toEqual({});
    expect(lastLookups(world.caseworker.userId, 1)).toMatchObject([{ section: "identity", outcome: "allowed", youthId: null }]);
  });

  it("registers a protected identity with the flag set, whatever the form posted", async () => {
    const posted = {
      personalNumber: PROTECTED,
      protectedIdentity: false,
      streetAddress: undefined,
      postalCode: undefined,
      city: undefined,
      firstName: "Dold",
      lastName: "Person",
    };
    const checked = await withRegisterProtection(world.caseworker, posted);
    expect(checked).toMatchObject({
      protectedIdentity: true,
      firstName: "Dold",
      streetAddress: fakeRegisteredPerson(PROTECTED).folkbokforingsadress!.utdelningsadress,
    });
    const plain = { ...posted, personalNumber: FOUND };
    expect(await withRegisterProtection(world.caseworker, plain)).toEqual(plain);
  });
});
