import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { auditEvents, enrollments, notices } from "#db/schema";
import { fileNotices, listInbox, listSchoolNotices, readNotice } from "~/modules/notices/notices.server";
import { receiveNotice } from "~/modules/notices/receive-notice.server";
import { readYouthFile } from "~/modules/youth/youth-file.server";
import { readWorklist } from "~/modules/outreach/worklist.server";
import { todayIso } from "~/lib/dates";
import { keeperFile, registerOf } from "../factories/gate";

import type { NoticeInput } from "~/modules/notices/notice-schema";
import { createActor, createMunicipality, createOrganisation, createWorld } from "../factories/world";
import { swedishFaker, youthInput } from "../factories/youth";

let world: Awaited<ReturnType<typeof createWorld>>;
const faker = swedishFaker(21);

function notice(homeMunicipalityId: number, personalNumber?: string): NoticeInput {
  const y = youthInput(faker, { homeMunicipalityId, city: "Nässjö", postalPrefix: "571" });
  return {
    kind: "dropout",
    personalNumber: personalNumber ?? y.personalNumber,
    firstName: y.firstName,
    lastName: y.lastName,
    homeMunicipalityId,
    programme: "Ekonomiprogrammet",
    eventDate: todayIso(),
    reason: undefined,
    contactName: "Rektor Rut",
    contactPhone: undefined,
    contactEmail: undefined,
  };
}

beforeAll(async () => {
  world = await createWorld();
});

describe("school notices", () => {
  it("notice → receive → youth and enrollment; a second notice links to the same youth", () => {
    const first = notice(world.municipality.id);
    const [id] = fileNotices(world.actors.school, [first]);
    expect(listInbox(registerOf(world.actors.caseworker), "sent", 1).rows.map((r) => r.id)).toContain(id);
    const y = youthInput(faker, { homeMunicipalityId: world.municipality.id, city: "Nässjö", postalPrefix: "571" });
    const received = receiveNotice(world.actors.caseworker, id!, {
      ...y,
      personalNumber: first.personalNumber,
      firstName: first.firstName,
      lastName: first.lastName,
    });
    expect(received.ok).toBe(true);
    const youthId = (received as { youthId: string }).youthId;
    expect(readYouthFile(keeperFile(world.actors.caseworker, youthId, ["identity"])).firstName).toBe(first.firstName);
    // The receipt is logged with the youth it linked, in the same transaction as the write.
    const receipt = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.section, "notices"), eq(auditEvents.action, "write"), eq(auditEvents.userId, world.actors.caseworker.userId)))
      .orderBy(desc(auditEvents.id))
      .get();
    expect(receipt).toMatchObject({ youthId, outcome: "allowed", basis: "register_keeper" });
    const open = getDb().select().from(enrollments).where(eq(enrollments.youthId, youthId)).all();
    expect(open).toMatchObject([{ startReason: "notice_dropout", status: "not_contacted", sourceNoticeId: id, endDate: null }]);
    expect(listSchoolNotices(world.actors.school, 1).rows.find((r) => r.id === id)?.status).toBe("received");

    const [second] = fileNotices(world.actors.school, [{ ...notice(world.municipality.id, first.personalNumber), kind: "absence" }]);
    expect(readNotice(world.actors.caseworker, second!).existingYouthId).toBe(youthId);
    expect(receiveNotice(world.actors.caseworker, second!, null)).toEqual({ ok: true, youthId });
    expect(getDb().select().from(enrollments).where(eq(enrollments.youthId, youthId)).all()).toHaveLength(1);
    expect(getDb().select().from(notices).where(eq(notices.youthId, youthId)).all()).toHaveLength(2);
    // The new youth is on the unit's worklist (the first letter is due within a week).
    expect(readWorklist(registerOf(world.actors.coordinator), { caseworker: "all" }).routineSteps.map((s) => s.youthId)).toContain(youthId);
  });

  it("goes to the home municipality's KAA unit, whichever municipality the school is in", async () => {
    const other = createMunicipality();
    const otherSchool = await createActor("school_staff", createOrganisation("school", other.id));
    const [id] = fileNotices(otherSchool, [notice(world.municipality.id)]);
    expect(listInbox(registerOf(world.actors.caseworker), "sent", 1).rows.map((r) => r.id)).toContain(id);
    const otherKaa = await createActor("kaa_caseworker", createOrganisation("kaa_unit", other.id));
    expect(listInbox(registerOf(otherKaa), "sent", 1).rows.map((r) => r.id)).not.toContain(id);
    expect(() => readNotice(otherKaa, id!)).toThrow(Response);
  });

  it("never shows the school the youth file, nor another school's notices", async () => {
    const [id] = fileNotices(world.actors.school, [notice(world.municipality.id)]);
    const otherSchool = await createActor("school_staff", createOrganisation("school", world.municipality.id));
    expect(() => readNotice(otherSchool, id!)).toThrow(Response);
    expect(() => fileNotices(world.actors.caseworker, [notice(world.municipality.id)])).toThrow(Response);
  });
});
