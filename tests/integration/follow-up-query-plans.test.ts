// Every query of the follow-up, as it runs, read by index: none walks a whole table of youths,
// enrollments, notices, contact attempts or interventions, and none reads the access log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { computeFollowUp, followUpAudience } from "~/modules/statistics/follow-up.server";
import { schoolYear } from "~/modules/statistics/periods";
import { createWorld } from "../factories/world";
import { statEnrollment } from "../factories/follow-up";

const statements: string[] = [];
let restore: () => void;

beforeAll(async () => {
  const world = await createWorld();
  statEnrollment(world.municipality.id, { startDate: "2025-09-01" });
  const client = getDb().$client;
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => {
    statements.push(source);
    return prepare(source);
  }) as typeof client.prepare;
  restore = () => (client.prepare = prepare);
  computeFollowUp(followUpAudience(world.actors.coordinator)!, schoolYear(2025), { today: "2026-11-30" });
  restore();
});
afterAll(() => restore?.());

function plan(source: string) {
  return getDb()
    .$client.prepare(`EXPLAIN QUERY PLAN ${source}`)
    .all(...Array.from(source.matchAll(/\?/g), () => 1))
    .map((row) => (row as { detail: string }).detail)
    .join("\n");
}

describe("query plans of the follow-up", () => {
  it("runs its figures as aggregate queries", () => {
    if (process.env.SHOW_PLANS) for (const s of statements) console.log(s.slice(0, 120), "\n   ", plan(s).replaceAll("\n", " | "));
    const follow = statements.filter((s) => /count\(|sum\(/i.test(s));
    expect(follow.length).toBeGreaterThan(12);
  });

  it("reads every table by index and never the access log", () => {
    for (const source of statements) {
      expect(source).not.toMatch(/audit_events/);
      const detail = plan(source);
      expect(detail, source).not.toMatch(/\bSCAN (youths|enrollments|notices|contact_attempts|interventions|assessments|plans)\b(?! USING)/);
    }
  });

  it("reads the target group, the period's registrations and endings, attempts, notices and interventions through their own ranges", () => {
    const joined = statements.map(plan).join("\n");
    expect(joined).toMatch(/SEARCH follow_up_enrollments USING PRIMARY KEY \(municipality_id=\? AND end_key>\?\)/);
    expect(joined).toMatch(/SEARCH follow_up_enrollments USING PRIMARY KEY \(municipality_id=\? AND end_key>\? AND end_key<\?\)/);
    expect(joined).toMatch(
      /SEARCH follow_up_enrollments USING COVERING INDEX follow_up_enrollments_start \(municipality_id=\? AND start_date>\? AND start_date<\?\)/,
    );
    expect(joined).toMatch(/SEARCH contact_attempt_days USING PRIMARY KEY \(municipality_id=\? AND day>\? AND day<\?\)/);
    for (const index of ["interventions_running", "interventions_municipality_end"]) expect(joined).toContain(index);
    // Notices received in the period: per state that reached the KAA unit, a range of creation times.
    expect(joined).toMatch(/SEARCH notices USING INDEX notices_inbox \(home_municipality_id=\? AND status=\? AND created_at>\? AND created_at<\?\)/);
    // Running interventions are the open ones and those ended since the period began, never every
    // intervention started before its end.
    expect(joined).not.toContain("interventions_municipality_start");
  });
});
