import { desc, eq, or } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { auditEvents, youths } from "#db/schema";
import { listYouthRegister } from "~/modules/youth/register.server";
import { createYouth, readYouthFile } from "~/modules/youth/youth-file.server";
import { keeperFile, registerOf } from "../factories/gate";

import { AUDIT_YOUTH_MATCH_LIMIT, listAuditEvents, type AuditFilter } from "~/modules/access/audit.server";
import { swedishFaker, youthInput } from "../factories/youth";
import { createWorld } from "../factories/world";

let world: Awaited<ReturnType<typeof createWorld>>;
let youthId: string;
let protectedId: string;
const faker = swedishFaker(7);

function lastAudit() {
  return getDb().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get();
}

function create(protectedIdentity = false) {
  const input = youthInput(faker, { homeMunicipalityId: world.municipality.id, city: "Nässjö", postalPrefix: "571", protectedIdentity });
  const result = createYouth(world.actors.caseworker, input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.id;
}

beforeAll(async () => {
  world = await createWorld();
  youthId = create();
  protectedId = create(true);
});

describe("the access log", () => {
  it("records a read with user, membership, organisation, youth, section, basis and UTC time", () => {
    const before = Date.now();
    readYouthFile(keeperFile(world.actors.caseworker, youthId, ["identity"]));
    const row = lastAudit()!;
    expect(row).toMatchObject({
      userId: world.actors.caseworker.userId,
      membershipId: world.actors.caseworker.membershipId,
      organisationId: world.orgs.kaa.id,
      role: "kaa_caseworker",
      youthId,
      section: "identity",
      action: "read",
      outcome: "allowed",
      basis: "register_keeper",
    });
    expect(row.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(row.at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it.each(["school", "social", "employment", "steering", "admin"] as const)("records a denied attempt by %s, who gets 404", (name) => {
    const actor = world.actors[name];
    let thrown: unknown;
    try {
      readYouthFile(keeperFile(actor, youthId, ["identity"]));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
    const reason = name === "social" || name === "employment" ? "no_consent" : "role";
    expect(lastAudit()).toMatchObject({ userId: actor.userId, youthId, outcome: "denied", basis: null, basisRef: reason });
  });

  it("gives the same 404 for a youth that does not exist, and logs that attempt too", () => {
    expect(() => readYouthFile(keeperFile(world.actors.caseworker, "AAAAAAAAAAAAAAAA", ["identity"]))).toThrow(Response);
    expect(lastAudit()).toMatchObject({ youthId: "AAAAAAAAAAAAAAAA", outcome: "denied", basisRef: "not_found" });
  });

  it("answers a malformed id with 404 without filling the log", () => {
    const before = lastAudit()!.id;
    expect(() => readYouthFile(keeperFile(world.actors.caseworker, "x".repeat(5000), ["identity"]))).toThrow(Response);
    expect(lastAudit()!.id).toBe(before);
  });

  it("logs every youth shown in the register list", () => {
    const before = lastAudit()!.id;
    const page = listYouthRegister(registerOf(world.actors.coordinator), { sort: "namn", page: 1 });
    const rows = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "list"))
      .all()
      .filter((r) => r.id > before);
    expect(rows.map((r) => r.youthId).sort()).toEqual(page.rows.map((r) => r.id).sort());
    expect(page.rows).toHaveLength(2);
  });

  it("logs each showing of a protected address, and refuses it to a caseworker", () => {
    const shown = readYouthFile(keeperFile(world.actors.coordinator, protectedId, ["identity", "protected_address"]));
    expect(shown.address.kind).toBe("protected_revealed");
    expect(lastAudit()).toMatchObject({ youthId: protectedId, section: "protected_address", outcome: "allowed", userId: world.actors.coordinator.userId });

    const hidden = readYouthFile(keeperFile(world.actors.caseworker, protectedId, ["identity", "protected_address"]));
    expect(hidden.address).toEqual({ kind: "protected", mayReveal: false });
    expect(JSON.stringify(hidden)).not.toContain("571 ");
    expect(lastAudit()).toMatchObject({ youthId: protectedId, section: "protected_address", outcome: "denied", basisRef: "protected_identity" });
  });

  it("pages the log review newest first, the same rows as one plain query would give, for the register and the unit", async () => {
    // Accesses to the register by others, and the unit's accesses to another register.
    const other = await createWorld();
    for (let i = 0; i < 60; i++) readYouthFile(keeperFile(world.actors.caseworker, youthId, ["identity"]));
    const theirs = createYouth(
      other.actors.caseworker,
      youthInput(faker, { homeMunicipalityId: other.municipality.id, city: "Eksjö", postalPrefix: "575", protectedIdentity: false }),
    );
    if (!theirs.ok) throw new Error("setup");
    for (let i = 0; i < 30; i++) expect(() => readYouthFile(keeperFile(world.actors.caseworker, theirs.id, ["identity"]))).toThrow(Response);
    const scope = or(eq(auditEvents.youthMunicipalityId, world.municipality.id), eq(auditEvents.organisationId, world.orgs.kaa.id));
    const expected = getDb()
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(scope)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .all()
      .map((r) => r.id);
    const paged: number[] = [];
    for (let page = 1; paged.length < expected.length; page++) {
      const { rows, total } = listAuditEvents(world.municipality.id, world.orgs.kaa.id, { page });
      expect(total).toBe(expected.length);
      if (rows.length === 0) break;
      paged.push(...rows.map((r) => r.id));
    }
    expect(paged).toEqual(expected);
  });

  it("filters on a youth's name or a user by their own indexes, and asks for more of a name that fits too many youths", () => {
    const youth = getDb().select().from(youths).where(eq(youths.id, youthId)).get()!;
    const filtered = (filter: Omit<AuditFilter, "page">) => listAuditEvents(world.municipality.id, world.orgs.kaa.id, { ...filter, page: 1 });
    const expectedForYouth = getDb().select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.youthId, youthId)).all().length;
    const byName = filtered({ youthName: `${youth.firstName} ${youth.lastName}` });
    expect(byName.total).toBe(expectedForYouth);
    expect(byName.rows.every((r) => r.youthId === youthId)).toBe(true);
    const byUser = filtered({ userId: world.actors.caseworker.userId });
    expect(byUser.total).toBeGreaterThan(0);
    expect(byUser.rows.every((r) => r.userName === world.actors.caseworker.displayName)).toBe(true);
    for (let i = 0; i < AUDIT_YOUTH_MATCH_LIMIT + 1; i++) {
      createYouth(world.actors.caseworker, {
        ...youthInput(faker, { homeMunicipalityId: world.municipality.id, city: "Nässjö", postalPrefix: "571", protectedIdentity: false }),
        lastName: `Mångnamnsson${i}`,
      });
    }
    expect(filtered({ youthName: "mångnamnsson" })).toMatchObject({ tooManyYouths: true, total: 0, rows: [] });
    expect(filtered({ youthName: "mångnamnsson1" })).toMatchObject({ tooManyYouths: false });
  });

  it("cannot be changed or deleted, even with direct SQL", () => {
    const sqlite = getDb().$client;
    const id = lastAudit()!.id;
    expect(() => sqlite.prepare("UPDATE audit_events SET outcome = 'allowed' WHERE id = ?").run(id)).toThrow(/kan inte ändras/);
    expect(() => sqlite.prepare("DELETE FROM audit_events WHERE id = ?").run(id)).toThrow(/kan inte tas bort/);
    expect(() => sqlite.prepare("DELETE FROM audit_events").run()).toThrow(/kan inte tas bort/);
    expect(lastAudit()!.id).toBe(id);
  });
});
