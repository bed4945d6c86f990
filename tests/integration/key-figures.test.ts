// The key figures count what the styrgrupp follows, per municipality, over the last twelve months.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { contactAttempts, enrollments, interventions, interventionTypes, notices, youths } from "#db/schema";
import { addDays } from "~/lib/dates";
import { computeKeyFigures, keyFigurePeriod } from "~/modules/statistics/key-figures.server";
import { createWorld } from "../factories/world";

const TODAY = "2026-11-30";
let world: Awaited<ReturnType<typeof createWorld>>;
let counter = 0;

function youth(municipalityId: number) {
  const id = `kf${String(++counter).padStart(14, "0")}`;
  getDb()
    .insert(youths)
    .values({
      id,
      homeMunicipalityId: municipalityId,
      personalNumber: `2008010${String(counter).padStart(5, "0")}`,
      isCoordinationNumber: false,
      birthDate: "2008-01-01",
      firstName: "A",
      lastName: "B",
      nameSearch: "a b",
      nameSort: "b a",
    })
    .run();
  return id;
}

function enrollment(municipalityId: number, values: Partial<typeof enrollments.$inferInsert> & { startDate: string }) {
  const youthId = youth(municipalityId);
  return getDb()
    .insert(enrollments)
    .values({ youthId, municipalityId, startReason: "notice_dropout", ...values })
    .returning({ id: enrollments.id, youthId: enrollments.youthId })
    .get();
}

function reached(e: { id: number; youthId: string }, date: string) {
  getDb()
    .insert(contactAttempts)
    .values({
      enrollmentId: e.id,
      youthId: e.youthId,
      channel: "phone",
      date,
      outcome: "reached",
      recordedByMembershipId: world.actors.caseworker.membershipId,
    })
    .run();
}

beforeAll(async () => {
  world = await createWorld();
  const m = world.municipality.id;
  // Open: two not contacted (one started in the period), one in intervention (old), one contacted.
  enrollment(m, { startDate: addDays(TODAY, -10), status: "not_contacted" });
  enrollment(m, { startDate: addDays(TODAY, -500), status: "not_contacted" });
  // "I insats" follows a running insats (kept up to the day by the daily status job; counting only reads).
  const running = enrollment(m, { startDate: addDays(TODAY, -400), status: "in_intervention" });
  const typeId = getDb().insert(interventionTypes).values({ municipalityId: m, name: "Praktik", position: 1 }).returning({ id: interventionTypes.id }).get().id;
  const by = world.actors.caseworker.membershipId;
  getDb()
    .insert(interventions)
    .values({
      enrollmentId: running.id,
      youthId: running.youthId,
      municipalityId: m,
      typeId,
      responsibleParty: "youth",
      startDate: addDays(TODAY, -300),
      plannedEndDate: addDays(TODAY, 30),
      createdByMembershipId: by,
      updatedByMembershipId: by,
    })
    .run();
  const quick = enrollment(m, { startDate: addDays(TODAY, -100), status: "contacted" });
  reached(quick, addDays(TODAY, -80)); // 20 days: within four weeks
  // Ended in the period: one back in studies (Komvux), one who got work; reached late.
  const late = enrollment(m, { startDate: addDays(TODAY, -200), status: "contacted", endDate: addDays(TODAY, -20), endReason: "komvux" });
  reached(late, addDays(TODAY, -150)); // 50 days: too late
  enrollment(m, { startDate: addDays(TODAY, -300), status: "contacted", endDate: addDays(TODAY, -5), endReason: "work" });
  // Back in studies but before the period.
  enrollment(m, { startDate: addDays(TODAY, -700), status: "contacted", endDate: addDays(TODAY, -400), endReason: "national_programme" });
  // Another municipality's register counts nowhere here.
  const o = (await createWorld()).municipality.id;
  enrollment(o, { startDate: addDays(TODAY, -10), status: "not_contacted" });
  const notice = (municipalityId: number, createdAt: string) =>
    getDb()
      .insert(notices)
      .values({
        schoolOrganisationId: world.orgs.school.id,
        submittedByMembershipId: world.actors.school.membershipId,
        kind: "dropout",
        personalNumber: "200801019999",
        firstName: "A",
        lastName: "B",
        homeMunicipalityId: municipalityId,
        programme: "EK",
        eventDate: TODAY,
        contactName: "C",
        createdAt,
      })
      .run();
  notice(m, "2026-11-29T10:00:00.000Z");
  notice(m, "2025-11-30T23:30:00.000Z"); // 1 December 00:30 in Stockholm: inside the period
  notice(m, "2025-11-29T10:00:00.000Z"); // before the period
  notice(o, "2026-11-29T10:00:00.000Z");
});

describe("key figures", () => {
  it("counts the period as the last twelve months up to today", () => {
    expect(keyFigurePeriod(TODAY)).toEqual({ from: "2025-12-01", to: TODAY });
  });

  it("counts each figure as the styrgrupp reads it", () => {
    const k = computeKeyFigures(world.municipality.id, { today: TODAY, now: new Date("2026-11-30T09:00:00.000Z") });
    expect(k.computedAt).toBe("2026-11-30T09:00:00.000Z");
    expect(k.figures).toEqual({
      targetGroup: 4,
      newEnrollments: 4, // started from 2025-12-01: -10, -100, -200, -300 days
      noticesReceived: 2,
      notContacted: 2,
      // Started in the period and at least 28 days ago: -100, -200, -300; reached in time: -100 only.
      contactedWithin4Weeks: { count: 1, of: 3 },
      inIntervention: 1,
      returnedToStudies: 1,
    });
  });
});
