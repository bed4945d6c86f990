// The kernel's gate for Mina sidor: a youth opens their own file, a guardian their child's; every access is
// logged with the citizen as principal; any other youth is the same 404 as one that does not exist.
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { auditEvents, users, youthMaturityDecisions, youths } from "#db/schema";
import { openOwnFile, type CitizenRelation } from "~/modules/access/own-file.server";
import { upsertCitizen } from "~/modules/auth/citizen.server";
import { personalNumberKey } from "~/modules/auth/secrets.server";
import { addDays, todayIso } from "~/lib/dates";
import { enrolledYouth } from "../factories/enrollment";
import { createWorld } from "../factories/world";

let world: Awaited<ReturnType<typeof createWorld>>;
let own: { id: string; personalNumber: string };
let other: { id: string };

const birth17 = addDays(todayIso(), -(17 * 365 + 30));

function citizen(relations: CitizenRelation[], authenticatedAt = Date.now()) {
  const userId = upsertCitizen(own.personalNumber, "Test Citizen");
  return { userId, sessionId: "s", displayName: "Test Citizen", authenticatedAt, relations };
}

function lastLog() {
  return getDb().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get()!;
}

function notFound(run: () => unknown) {
  try {
    run();
  } catch (thrown) {
    return thrown instanceof Response && thrown.status === 404;
  }
  return false;
}

beforeAll(async () => {
  world = await createWorld();
  const a = enrolledYouth(world.actors.caseworker, { birthDate: birth17 });
  const b = enrolledYouth(world.actors.caseworker, { birthDate: birth17 });
  own = getDb().select({ id: youths.id, personalNumber: youths.personalNumber }).from(youths).where(eq(youths.id, a.youthId)).get()!;
  other = { id: b.youthId };
});

describe("openOwnFile", () => {
  it("opens the youth's own file and logs each section with the youth as principal, on the ground 'den registrerade'", () => {
    const me = citizen([{ youthId: own.id, relation: "self" }]);
    const file = openOwnFile(me, own.id, { read: ["identity", "plan"], write: ["plan"] });
    expect(file.id).toBe(own.id);
    expect(file.relation).toBe("self");
    expect(file.has("plan", "write")).toBe(true);
    const rows = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.youthId, own.id), eq(auditEvents.userId, me.userId)))
      .all();
    expect(rows.map((r) => [r.section, r.action, r.outcome, r.basis, r.role, r.membershipId, r.organisationId])).toEqual([
      ["identity", "read", "allowed", "data_subject", "youth", null, null],
      ["plan", "read", "allowed", "data_subject", "youth", null, null],
      ["plan", "write", "allowed", "data_subject", "youth", null, null],
    ]);
  });

  it("answers another youth's file with the same 404 as a missing one, and logs the attempt as not_own_file", () => {
    const me = citizen([{ youthId: own.id, relation: "self" }]);
    expect(notFound(() => openOwnFile(me, other.id, { read: ["identity"] }))).toBe(true);
    expect(lastLog()).toMatchObject({ youthId: other.id, outcome: "denied", basisRef: "not_own_file", userId: me.userId });
    expect(notFound(() => openOwnFile(me, "AAAAAAAAAAAAAAAA", { read: ["identity"] }))).toBe(true);
    expect(notFound(() => openOwnFile(me, "not an id", { read: ["identity"] }))).toBe(true);
  });

  it("lets a guardian read the plan but not the kartläggning, and never write; a maturity decision ends it", () => {
    const parent = citizen([{ youthId: own.id, relation: "guardian" }]);
    const file = openOwnFile(parent, own.id, { read: ["identity", "plan"] });
    expect(file.relation).toBe("guardian");
    expect(lastLog()).toMatchObject({ role: "guardian", basis: "guardian", outcome: "allowed" });
    expect(notFound(() => openOwnFile(parent, own.id, { read: ["assessment"] }))).toBe(true);
    expect(notFound(() => openOwnFile(parent, own.id, { read: ["plan"], write: ["plan"] }))).toBe(true);

    getDb()
      .insert(youthMaturityDecisions)
      .values({ youthId: own.id, decidedOn: todayIso(), note: "Mogen att bestämma själv", decidedByMembershipId: world.actors.caseworker.membershipId })
      .run();
    expect(notFound(() => openOwnFile(parent, own.id, { read: ["plan"] }))).toBe(true);
    expect(lastLog()).toMatchObject({ outcome: "denied", basisRef: "guardian_ended", role: "guardian" });
    // The youth keeps their own access.
    expect(openOwnFile(citizen([{ youthId: own.id, relation: "self" }]), own.id, { read: ["plan"] }).has("plan")).toBe(true);
  });

  it("finds the same citizen account again by the keyed personnummer, never storing the number", () => {
    const first = upsertCitizen(own.personalNumber, "Namn Ett");
    const again = upsertCitizen(own.personalNumber, "Namn Två");
    expect(again).toBe(first);
    const row = getDb().select().from(users).where(eq(users.id, first)).get();
    expect(row).toMatchObject({ kind: "citizen", displayName: "Namn Två", personalNumberKey: personalNumberKey(own.personalNumber), passwordHash: "!" });
    expect(JSON.stringify(row)).not.toContain(own.personalNumber);
  });
});
