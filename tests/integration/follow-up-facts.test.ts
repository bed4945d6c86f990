// The follow-up's own copies (migration 0023) are kept by triggers on the source tables: after any
// sequence of writes — enrollments opened, ended, reopened, moved to another caseworker; contact
// attempts recorded, corrected and removed; kartläggningar and plans added and removed; a birth date
// corrected — each row equals the view it is defined by, and the day counters equal a recount.
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { CONTACT_CHANNELS, CONTACT_OUTCOMES } from "#db/schema/outreach-values";
import { createWorld } from "../factories/world";
import { statAssessment, statAttempt, statEnrollment, statPlan } from "../factories/follow-up";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let by: number;
const enrollmentsMade: { id: number; youthId: string }[] = [];

beforeAll(async () => {
  world = await createWorld();
  by = world.actors.coordinator.membershipId!;
});

const day = fc.integer({ min: 0, max: 900 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
const pick = fc.nat();
const op = fc.oneof(
  fc.record({ kind: fc.constant("open" as const), start: day, birth: day }),
  fc.record({ kind: fc.constant("end" as const), which: pick, end: day }),
  fc.record({ kind: fc.constant("reopen" as const), which: pick }),
  fc.record({ kind: fc.constant("caseworker" as const), which: pick }),
  fc.record({
    kind: fc.constant("attempt" as const),
    which: pick,
    date: day,
    channel: fc.constantFrom(...CONTACT_CHANNELS),
    outcome: fc.constantFrom(...CONTACT_OUTCOMES),
  }),
  fc.record({ kind: fc.constant("correctAttempt" as const), which: pick, date: day, outcome: fc.constantFrom(...CONTACT_OUTCOMES) }),
  fc.record({ kind: fc.constant("removeAttempt" as const), which: pick }),
  fc.record({ kind: fc.constant("assess" as const), which: pick, date: day }),
  fc.record({ kind: fc.constant("removeAssessment" as const), which: pick }),
  fc.record({ kind: fc.constant("plan" as const), which: pick }),
  fc.record({ kind: fc.constant("removePlan" as const), which: pick }),
  fc.record({ kind: fc.constant("birthDate" as const), which: pick, birth: day }),
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function apply(o: Op) {
  const db = getDb().$client;
  const nth = <T>(rows: T[], i: number) => (rows.length === 0 ? undefined : rows[i % rows.length]);
  const e = "which" in o ? nth(enrollmentsMade, o.which) : undefined;
  const ids = (table: string) => (db.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
  switch (o.kind) {
    case "open":
      enrollmentsMade.push(statEnrollment(world.municipality.id, { startDate: o.start, birthDate: o.birth }));
      return;
    case "end":
      if (e) db.prepare("UPDATE enrollments SET end_date = ?, end_reason = 'moved' WHERE id = ?").run(o.end, e.id);
      return;
    case "reopen":
      if (e) db.prepare("UPDATE enrollments SET end_date = NULL, end_reason = NULL WHERE id = ?").run(e.id);
      return;
    case "caseworker":
      if (e) db.prepare("UPDATE enrollments SET caseworker_membership_id = ? WHERE id = ?").run(world.actors.caseworker.membershipId, e.id);
      return;
    case "attempt":
      if (e) statAttempt(e, by, o.date, o.channel, o.outcome);
      return;
    case "correctAttempt": {
      const id = nth(ids("contact_attempts"), o.which);
      if (id) db.prepare("UPDATE contact_attempts SET date = ?, outcome = ? WHERE id = ?").run(o.date, o.outcome, id);
      return;
    }
    case "removeAttempt": {
      const id = nth(ids("contact_attempts"), o.which);
      if (id) db.prepare("DELETE FROM contact_attempts WHERE id = ?").run(id);
      return;
    }
    case "assess":
      // One kartläggning per enrollment: a second one corrects its date.
      if (e && db.prepare("SELECT 1 FROM assessments WHERE enrollment_id = ?").get(e.id))
        db.prepare("UPDATE assessments SET date = ? WHERE enrollment_id = ?").run(o.date, e.id);
      else if (e) statAssessment(e, by, o.date);
      return;
    case "removeAssessment": {
      const id = nth(ids("assessments"), o.which);
      if (id) db.prepare("DELETE FROM assessments WHERE id = ?").run(id);
      return;
    }
    case "plan":
      if (e && !db.prepare("SELECT 1 FROM plans WHERE enrollment_id = ?").get(e.id)) statPlan(e, by);
      return;
    case "removePlan": {
      const id = nth(ids("plans"), o.which);
      if (id) db.prepare("DELETE FROM plans WHERE id = ?").run(id);
      return;
    }
    case "birthDate":
      if (e) db.prepare("UPDATE youths SET birth_date = ? WHERE id = ?").run(o.birth, e.youthId);
      return;
  }
}

function differences() {
  const db = getDb();
  const copies = db.all(sql`SELECT * FROM follow_up_enrollments EXCEPT SELECT * FROM follow_up_enrollment_source`);
  const missing = db.all(sql`SELECT * FROM follow_up_enrollment_source EXCEPT SELECT * FROM follow_up_enrollments`);
  const recount = sql`SELECT e.municipality_id, c.date AS day, c.channel, count(*) AS attempts, sum(c.outcome = 'reached') AS reached
    FROM contact_attempts c JOIN enrollments e ON e.id = c.enrollment_id GROUP BY 1, 2, 3`;
  const counters = sql`SELECT municipality_id, day, channel, attempts, reached FROM contact_attempt_days WHERE attempts > 0`;
  const extraCounters = db.all(sql`${counters} EXCEPT ${recount}`);
  const missingCounters = db.all(sql`${recount} EXCEPT ${counters}`);
  return { copies, missing, extraCounters, missingCounters };
}

const none = { copies: [], missing: [], extraCounters: [], missingCounters: [] };

describe("the follow-up's copies of the register", () => {
  it("start with one row per enrollment and follow a hand-made sequence of writes", () => {
    const e = statEnrollment(world.municipality.id, { startDate: "2025-09-01", birthDate: "2008-02-29" });
    enrollmentsMade.push(e);
    statAttempt(e, by, "2025-09-20", "letter", "not_reached");
    statAttempt(e, by, "2025-09-25", "phone", "reached");
    statAttempt(e, by, "2025-09-22", "sms", "reached");
    statAssessment(e, by, "2025-10-01");
    statPlan(e, by);
    const row = getDb().get<Record<string, unknown>>(sql`SELECT * FROM follow_up_enrollments WHERE enrollment_id = ${e.id}`);
    expect(row).toMatchObject({
      end_key: "9999-12-31",
      first_reached_on: "2025-09-22",
      first_assessed_on: "2025-10-01",
      has_plan: 1,
      birth_date: "2008-02-29",
    });
    getDb().$client.prepare("UPDATE enrollments SET end_date = '2026-03-01', end_reason = 'komvux' WHERE id = ?").run(e.id);
    expect(getDb().get(sql`SELECT end_key, end_reason FROM follow_up_enrollments WHERE enrollment_id = ${e.id}`)).toEqual({
      end_key: "2026-03-01",
      end_reason: "komvux",
    });
    expect(differences()).toEqual(none);
  });

  it("equal their definition after any sequence of writes", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        for (const o of ops) apply(o);
        expect(differences()).toEqual(none);
      }),
      { numRuns: 40, seed: 13 },
    );
  });
});
