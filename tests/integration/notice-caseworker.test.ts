import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { enrollments, notices } from "#db/schema";
import { todayIso } from "~/lib/dates";
import { fileNotices } from "~/modules/notices/notices.server";
import { receiveNotice } from "~/modules/notices/receive-notice.server";
import type { NoticeInput } from "~/modules/notices/notice-schema";
import { action, loader } from "~/routes/inkorg.$noticeId";
import { signedIn } from "../factories/requests";
import { createActor, createMunicipality, createOrganisation, createWorld } from "../factories/world";
import { swedishFaker, youthInput } from "../factories/youth";

/** Issue 16: the caseworker who receives a notice becomes the youth's caseworker, unless they choose another. */
let world: Awaited<ReturnType<typeof createWorld>>;
const faker = swedishFaker(1616);

function notice(personalNumber?: string): NoticeInput {
  const y = youthInput(faker, { homeMunicipalityId: world.municipality.id, city: "Nässjö", postalPrefix: "571" });
  return {
    kind: "dropout",
    personalNumber: personalNumber ?? y.personalNumber,
    firstName: y.firstName,
    lastName: y.lastName,
    homeMunicipalityId: world.municipality.id,
    programme: "Barn- och fritidsprogrammet",
    eventDate: todayIso(),
    reason: undefined,
    contactName: "Rektor Rut",
    contactPhone: undefined,
    contactEmail: undefined,
  };
}

function fileOne(input = notice()) {
  const [id] = fileNotices(world.actors.school, [input]);
  return { id: id!, input };
}

const caseworkerOf = (youthId: string) =>
  getDb()
    .select({ caseworker: enrollments.caseworkerMembershipId })
    .from(enrollments)
    .where(eq(enrollments.youthId, youthId))
    .all()
    .map((e) => e.caseworker);

const identity = (input: NoticeInput) => ({
  ...youthInput(faker, { homeMunicipalityId: world.municipality.id, city: "Nässjö", postalPrefix: "571" }),
  personalNumber: input.personalNumber,
  firstName: input.firstName,
  lastName: input.lastName,
});

beforeAll(async () => {
  world = await createWorld();
});

describe("receiving a notice assigns a caseworker", () => {
  it("offers the unit's staff with the receiver chosen, and the receiver becomes the new youth's caseworker", async () => {
    const { id, input } = fileOne();
    const session = await signedIn(world.actors.caseworker);
    const page = await loader({ request: session.get(`/inkorg/${id}`), params: { noticeId: String(id) }, context: {} });
    expect(page.receiver).toBe(String(world.actors.caseworker.membershipId));
    expect(page.staff.map((s) => s.value)).toEqual(
      expect.arrayContaining([String(world.actors.caseworker.membershipId), String(world.actors.coordinator.membershipId)]),
    );
    const response = (await action({
      request: session.post(`/inkorg/${id}`, {
        intent: "receive",
        personalNumber: input.personalNumber,
        firstName: input.firstName,
        lastName: input.lastName,
        homeMunicipalityId: String(world.municipality.id),
        caseworkerMembershipId: page.receiver,
      }),
      params: { noticeId: String(id) },
      context: {},
    })) as Response;
    expect(response.status).toBe(302);
    const youthId = response.headers.get("Location")!.replace("/ungdomar/", "");
    expect(caseworkerOf(youthId)).toEqual([world.actors.caseworker.membershipId]);
  });

  it("gives the case to another caseworker when the receiver chooses one, or to no one when left empty", () => {
    const first = fileOne();
    const toCaseworker = receiveNotice(world.actors.coordinator, first.id, identity(first.input), world.actors.caseworker.membershipId);
    expect(toCaseworker.ok && caseworkerOf(toCaseworker.youthId!)).toEqual([world.actors.caseworker.membershipId]);
    const second = fileOne();
    const toNoOne = receiveNotice(world.actors.coordinator, second.id, identity(second.input), null);
    expect(toNoOne.ok && caseworkerOf(toNoOne.youthId!)).toEqual([null]);
  });

  it("refuses someone outside the unit's staff, and writes nothing", async () => {
    const outsider = await createActor("kaa_caseworker", createOrganisation("kaa_unit", createMunicipality().id));
    const granskare = await createActor("auditor", world.orgs.kaa);
    const { id, input } = fileOne();
    for (const wrong of [outsider.membershipId, granskare.membershipId, world.actors.school.membershipId]) {
      expect(receiveNotice(world.actors.caseworker, id, identity(input), wrong)).toEqual({
        ok: false,
        errors: { caseworkerMembershipId: "Välj en handläggare på KAA-enheten." },
      });
    }
    expect(getDb().select().from(notices).where(eq(notices.id, id)).get()).toMatchObject({ status: "sent", youthId: null });
  });

  it("a youth already in the register: an open enrollment without a caseworker gets the receiver, one with a caseworker keeps it", () => {
    const first = fileOne();
    const created = receiveNotice(world.actors.caseworker, first.id, identity(first.input), null);
    const youthId = created.ok ? created.youthId! : "";
    expect(caseworkerOf(youthId)).toEqual([null]);

    const second = fileOne({ ...notice(first.input.personalNumber), kind: "absence" });
    expect(receiveNotice(world.actors.caseworker, second.id, null, world.actors.caseworker.membershipId)).toEqual({ ok: true, youthId });
    expect(caseworkerOf(youthId)).toEqual([world.actors.caseworker.membershipId]);

    const third = fileOne({ ...notice(first.input.personalNumber), kind: "absence" });
    expect(receiveNotice(world.actors.coordinator, third.id, null, world.actors.coordinator.membershipId)).toEqual({ ok: true, youthId });
    expect(caseworkerOf(youthId)).toEqual([world.actors.caseworker.membershipId]);
  });
});
