// The follow-up's figures, each checked against a small world whose answer is worked out by hand below,
// across the edges of a period: midnight in Stockholm, the first and last day of a tertial, an
// enrollment that spans two periods, a youth born on a leap day, a youth who turns 20 on the last day.
import { beforeAll, describe, expect, it } from "vitest";
import { computeFollowUp, followUpAudience, type FollowUp } from "~/modules/statistics/follow-up.server";
import { tertial } from "~/modules/statistics/periods";
import { setPopulation } from "~/modules/statistics/population.server";
import type { Shown } from "~/modules/statistics/follow-up-types";
import { createWorld } from "../factories/world";
import { statAssessment, statAttempt, statEnrollment, statIntervention, statInterventionType, statNotice, statPlan } from "../factories/follow-up";

const TODAY = "2026-11-30";
// Tertial 2 2026 (1 May–31 August); the one before: tertial 1 2026; a year earlier: tertial 2 2025.
const PERIOD = tertial(2026, 2);
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  const m = world.municipality.id;
  const by = world.actors.caseworker.membershipId;
  const school = { organisationId: world.orgs.school.id, membershipId: world.actors.school.membershipId };
  // 23:59 on 30 April in Stockholm (summer time, UTC+2): tertial 1. 00:30 on 1 May: tertial 2.
  const aprilNotice = statNotice(m, school, "2026-04-30T21:59:00.000Z", "absence");
  statNotice(m, school, "2026-04-30T22:30:00.000Z", "dropout");
  // Not counted: a notice the school withdrew, and a move notice from another KAA unit (not a school's).
  statNotice(m, school, "2026-05-02T10:00:00.000Z", "dropout", "withdrawn");
  statNotice(m, { organisationId: world.orgs.kaa.id, membershipId: world.actors.coordinator.membershipId! }, "2026-05-03T10:00:00.000Z", "moved", "sent");

  // E1 spans tertial 1 and 2: from 20 April, open; reached after 5 days; assessed and planned; an open insats.
  const e1 = statEnrollment(m, { startDate: "2026-04-20", birthDate: "2009-06-15", sourceNoticeId: aprilNotice, caseworkerMembershipId: by });
  statAttempt(e1, by, "2026-04-25", "phone", "reached");
  statAssessment(e1, by, "2026-04-22");
  statPlan(e1, by);
  const praktik = statInterventionType(m, "Praktik");
  const studiestod = statInterventionType(m, "Studiestöd");
  statIntervention(e1, m, by, { typeId: praktik, startDate: "2026-03-01" });

  // E2 starts on the tertial's first day, born on a leap day; a letter, then reached by phone after 40 days;
  // assessed only after the tertial; an insats run by the municipality, ended and evaluated; back to Komvux on the last day.
  const e2 = statEnrollment(m, {
    startDate: "2026-05-01",
    birthDate: "2008-02-29",
    startReason: "notice_absence",
    endDate: "2026-08-31",
    endReason: "komvux",
    status: "contacted",
  });
  statAttempt(e2, by, "2026-05-05", "letter", "not_reached");
  statAttempt(e2, by, "2026-06-10", "phone", "reached");
  statAssessment(e2, by, "2026-09-15");
  statIntervention(e2, m, by, {
    typeId: studiestod,
    responsibleParty: "municipality",
    startDate: "2026-05-10",
    endDate: "2026-08-31",
    endReason: "started_studies",
    evaluationOutcome: "met",
  });

  // E3 starts on the tertial's last day and turns 20 the day after it; a home visit with nobody home; a declined insats.
  const e3 = statEnrollment(m, { startDate: "2026-08-31", birthDate: "2006-09-01", startReason: "moved_in" });
  statAttempt(e3, by, "2026-08-20", "home_visit", "not_reached");
  statIntervention(e3, m, by, { typeId: praktik, startDate: "2026-08-31", declinedDate: "2026-08-31" });

  // E4 ends on tertial 1's last day when the youth turns 20: not in tertial 2.
  statEnrollment(m, { startDate: "2025-12-01", birthDate: "2006-04-30", endDate: "2026-04-30", endReason: "turned_20" });
  // E5: a year earlier, back to a national programme.
  statEnrollment(m, { startDate: "2025-06-01", birthDate: "2007-01-01", endDate: "2025-08-31", endReason: "national_programme" });
  // Another municipality's register counts nowhere here.
  const other = await createWorld();
  statEnrollment(other.municipality.id, { startDate: "2026-06-01" });

  setPopulation(world.actors.coordinator, { year: 2026, aged16To19: 600 });
});

function row(f: FollowUp, table: string, key: string): Shown[] {
  const found = f.tables.find((t) => t.id === table)?.rows.find((r) => r.key === key);
  if (!found) throw new Error(`${table}/${key} saknas`);
  return found.cells;
}
const v = (...values: number[]) => values.map((value) => ({ value }));
const NONE = { none: true };

describe("the follow-up in the KAA unit's own view (exact)", () => {
  let f: FollowUp;
  beforeAll(() => {
    f = computeFollowUp(followUpAudience(world.actors.coordinator)!, PERIOD, { today: TODAY });
  });

  it("reads the period, the one before and a year earlier", () => {
    expect(f.periods.map((p) => [p.from, p.to])).toEqual([
      ["2026-05-01", "2026-08-31"],
      ["2026-01-01", "2026-04-30"],
      ["2025-05-01", "2025-08-31"],
    ]);
  });

  it("counts the target group, with its share of the population where one is entered", () => {
    expect(row(f, "oversikt", "target")).toEqual(v(3, 2, 1)); // E1 E2 E3 | E1 E4 | E5
    expect(row(f, "oversikt", "populationShare")).toEqual([{ share: 3 / 600 }, { share: 2 / 600 }, NONE]);
  });

  it("counts new registrations by reason and notices per school and kind, at midnight in Stockholm", () => {
    expect(row(f, "oversikt", "new")).toEqual(v(2, 1, 1));
    expect(row(f, "nya-orsak", "new.reason:notice_absence")).toEqual(v(1, 0, 0));
    expect(row(f, "nya-orsak", "new.reason:moved_in")).toEqual(v(1, 0, 0));
    expect(row(f, "nya-orsak", "new.reason:notice_dropout")).toEqual(v(0, 1, 1));
    expect(row(f, "oversikt", "notices")).toEqual(v(1, 1, 0));
    expect(row(f, "anmalningar-typ", "notices.kind:dropout")).toEqual(v(1, 0, 0));
    expect(row(f, "anmalningar-typ", "notices.kind:absence")).toEqual(v(0, 1, 0));
    expect(row(f, "anmalningar-skola", `notices.school:${world.orgs.school.id}`)).toEqual(v(1, 1, 0));
  });

  it("counts youths not reached, contact within four weeks and the median days to first contact", () => {
    expect(row(f, "oversikt", "notContacted")).toEqual(v(1, 1, 1)); // E3 | E4 | E5
    // Judged: begun in the period and 28 days before today. T2: E2 (40 days), E3 (none): 0 of 2. T1: E1 in 5 days.
    expect(row(f, "oversikt", "contactShare")).toEqual([{ share: 0 }, { share: 1 }, { share: 0 }]);
    expect(row(f, "oversikt", "daysToContact")).toEqual([{ median: 40 }, { median: 5 }, NONE]);
  });

  it("counts contact attempts and reach by channel", () => {
    expect(row(f, "kontaktforsok", "attempts.channel:letter")).toEqual(v(1, 0, 0));
    expect(row(f, "kontaktforsok", "attempts.channel:phone")).toEqual(v(1, 1, 0));
    expect(row(f, "kontaktforsok", "attempts.channel:home_visit")).toEqual(v(1, 0, 0));
    expect(row(f, "kontaktforsok", "attempts")).toEqual(v(3, 1, 0));
    expect(row(f, "nadda", "reached")).toEqual(v(1, 1, 0));
    expect(row(f, "nadda-andel", "reachShare:phone")).toEqual([{ share: 1 }, { share: 1 }, NONE]);
    expect(row(f, "nadda-andel", "reachShare:letter")).toEqual([{ share: 0 }, NONE, NONE]);
  });

  it("counts documentation: a kartläggning dated by the period's end, and a plan", () => {
    expect(row(f, "oversikt", "assessmentShare")).toEqual([{ share: 1 / 3 }, { share: 1 / 2 }, { share: 0 }]);
    expect(row(f, "oversikt", "planShare")).toEqual([{ share: 1 / 3 }, { share: 1 / 2 }, { share: 0 }]);
  });

  it("counts youths in a running insats by type and responsible party; a declined one never ran", () => {
    expect(row(f, "oversikt", "inIntervention")).toEqual(v(2, 1, 0));
    const types = f.tables.find((t) => t.id === "insatser-typ")!.rows;
    expect(types.map((r) => [r.label, r.cells])).toEqual([
      ["Praktik", v(1, 1, 0)],
      ["Studiestöd", v(1, 0, 0)],
      ["Ungdomar i någon insats", v(2, 1, 0)],
    ]);
    expect(row(f, "insatser-ansvar", "intervention.party:youth")).toEqual(v(1, 1, 0));
    expect(row(f, "insatser-ansvar", "intervention.party:municipality")).toEqual(v(1, 0, 0));
    expect(row(f, "insatser-avslutade", "interventionEnded.outcome:met")).toEqual(v(1, 0, 0));
  });

  it("counts enrollments ended by reason, returned to studies and aged out at 20", () => {
    expect(row(f, "oversikt", "ended")).toEqual(v(1, 1, 1));
    expect(row(f, "oversikt", "returned")).toEqual(v(1, 0, 1));
    expect(row(f, "oversikt", "ended.reason:turned_20")).toEqual(v(0, 1, 0));
    expect(row(f, "inskrivningar-avslutade", "ended.reason:komvux")).toEqual(v(1, 0, 0));
  });

  it("breaks the target group down by age on the period's last day (leap day, 20th birthday), school and caseworker", () => {
    expect(row(f, "malgrupp-alder", "target.age:16")).toEqual(v(0, 1, 0)); // E1 is 16 on 30 April
    expect(row(f, "malgrupp-alder", "target.age:17")).toEqual(v(1, 0, 0));
    expect(row(f, "malgrupp-alder", "target.age:18")).toEqual(v(1, 0, 1)); // E2, born 29 February 2008; E5
    expect(row(f, "malgrupp-alder", "target.age:19")).toEqual(v(1, 0, 0)); // E3 turns 20 on 1 September
    expect(row(f, "malgrupp-alder", "target.age:20")).toEqual(v(0, 1, 0)); // E4 turned 20 on 30 April
    expect(row(f, "malgrupp-skola", `target.school:${world.orgs.school.id}`)).toEqual(v(1, 1, 0));
    expect(row(f, "malgrupp-skola", "target.school:none")).toEqual(v(2, 1, 1));
    expect(row(f, "malgrupp-handlaggare", `target.caseworker:${world.actors.caseworker.membershipId}`)).toEqual(v(1, 1, 0));
  });

  it("follows the overview over the last nine tertials, oldest first, the table's periods among them", () => {
    expect(f.trend!.periods.map((p) => p.label)).toEqual([
      "Tertial 3 2023",
      "Tertial 1 2024",
      "Tertial 2 2024",
      "Tertial 3 2024",
      "Tertial 1 2025",
      "Tertial 2 2025",
      "Tertial 3 2025",
      "Tertial 1 2026",
      "Tertial 2 2026",
    ]);
    const trend = (key: string) => f.trend!.rows.find((r) => r.key === key)!.cells;
    // E5 in T2 2025; E4 from December 2025; E1 and E4 in T1 2026; E1–E3 in T2 2026.
    expect(trend("target")).toEqual(v(0, 0, 0, 0, 0, 1, 1, 2, 3));
    expect(trend("returned")).toEqual(v(0, 0, 0, 0, 0, 1, 0, 0, 1));
    expect(trend("target").at(-1)).toEqual(row(f, "oversikt", "target")[0]);
  });

  it("shows the caseworker breakdown to the samordnare only", () => {
    const caseworkerView = computeFollowUp(followUpAudience(world.actors.caseworker)!, PERIOD, { today: TODAY });
    expect(caseworkerView.view).toBe("unit");
    expect(caseworkerView.tables.map((t) => t.id)).not.toContain("malgrupp-handlaggare");
    expect(JSON.stringify(caseworkerView)).not.toContain("caseworker");
  });

  it("is read by the KAA unit and the styrgrupp only", () => {
    expect(followUpAudience(world.actors.steering)?.view).toBe("outside");
    for (const actor of [world.actors.school, world.actors.social, world.actors.employment, world.actors.admin]) expect(followUpAudience(actor)).toBeNull();
  });
});
