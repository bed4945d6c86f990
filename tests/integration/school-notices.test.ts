import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { auditEvents, municipalities, noticeRevisions, notices } from "#db/schema";
import { todayIso } from "~/lib/dates";
import { fileNotices, listInbox } from "~/modules/notices/notices.server";
import { receiveNotice } from "~/modules/notices/receive-notice.server";
import { municipalityResolver } from "~/modules/notices/notice-csv";
import type { NoticeInput } from "~/modules/notices/notice-schema";
import { correctNotice, findOpenDuplicate, markNoticeSentManually, readSchoolNotice, withdrawNotice } from "~/modules/notices/school-notices.server";
import { listMunicipalities, municipalitiesWithKaaUnit } from "~/modules/organizations/municipalities.server";
import { action as importAction } from "~/routes/anmalningar.importera";
import { registerOf } from "../factories/gate";
import { signedIn } from "../factories/requests";
import { createActor, createOrganisation, createWorld } from "../factories/world";
import { swedishFaker, youthInput } from "../factories/youth";

let world: Awaited<ReturnType<typeof createWorld>>;
let otherSchool: Awaited<ReturnType<typeof createActor>>;
let eksjo: typeof municipalities.$inferSelect;
const faker = swedishFaker(14);

function notice(homeMunicipalityId: number, overrides: Partial<NoticeInput> = {}): NoticeInput {
  const y = youthInput(faker, { homeMunicipalityId, city: "Eksjö", postalPrefix: "575" });
  return {
    kind: "dropout",
    personalNumber: y.personalNumber,
    firstName: y.firstName,
    lastName: y.lastName,
    homeMunicipalityId,
    programme: "Ekonomiprogrammet",
    eventDate: todayIso(),
    reason: undefined,
    contactName: "Rektor Rut",
    contactPhone: undefined,
    contactEmail: undefined,
    ...overrides,
  };
}

const row = (id: number) => getDb().select().from(notices).where(eq(notices.id, id)).get()!;
const statusOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
  return 200;
};

beforeAll(async () => {
  world = await createWorld();
  otherSchool = await createActor("school_staff", createOrganisation("school", world.municipality.id));
  eksjo = getDb().select().from(municipalities).where(eq(municipalities.code, "0686")).get()!;
});

describe("every municipality", () => {
  it("all 290 are in a new database, with their län", () => {
    const list = listMunicipalities().filter((m) => m.countyCode !== null);
    expect(list).toHaveLength(290);
    expect(list.find((m) => m.code === "0180")).toMatchObject({ name: "Stockholms kommun", countyCode: "01", countyName: "Stockholms län" });
    expect(eksjo).toMatchObject({ name: "Eksjö kommun", countyCode: "06" });
  });

  it("a CSV row may name any of them, by name or by kommunkod", () => {
    const resolve = municipalityResolver(listMunicipalities());
    const stockholm = listMunicipalities().find((m) => m.code === "0180")!.id;
    expect(["Stockholm", "Stockholms kommun", "0180", "Stockholms län"].map(resolve)).toEqual([stockholm, stockholm, stockholm, null]);
    expect(resolve("Eksjö")).toBe(eksjo.id);
  });

  it("a notice to a municipality without a KAA unit in the portal is never sent: it waits to be sent by hand", () => {
    expect(municipalitiesWithKaaUnit([eksjo.id, world.municipality.id])).toEqual(new Set([world.municipality.id]));
    const [manual, sent] = fileNotices(world.actors.school, [notice(eksjo.id), notice(world.municipality.id)]);
    expect(row(manual!).status).toBe("to_send_manually");
    expect(row(sent!).status).toBe("sent");
    expect(listInbox(registerOf(world.actors.caseworker), "sent", 1).rows.map((r) => r.id)).not.toContain(manual);

    const opened = readSchoolNotice(world.actors.school, manual!);
    expect(opened).toMatchObject({ municipalityName: "Eksjö kommun", municipalityCode: "0686", editable: true });

    expect(markNoticeSentManually(world.actors.school, sent!).ok).toBe(false);
    expect(markNoticeSentManually(world.actors.school, manual!)).toEqual({ ok: true, status: "sent_manually" });
    const after = row(manual!);
    expect(after.status).toBe("sent_manually");
    expect(after.manuallySentAt).not.toBeNull();
    expect(after.manuallySentByMembershipId).toBe(world.actors.school.membershipId);
    // Once sent by hand, the portal no longer changes it: the municipality has the paper.
    expect(withdrawNotice(world.actors.school, manual!).ok).toBe(false);
  });
});

describe("the school's side of a notice", () => {
  it("a school opens only its own notices: another school's, a KAA unit's view and a missing one are 404", () => {
    const [id] = fileNotices(world.actors.school, [notice(world.municipality.id)]);
    expect(statusOf(() => readSchoolNotice(world.actors.school, id!))).toBe(200);
    expect(statusOf(() => readSchoolNotice(otherSchool, id!))).toBe(404);
    expect(statusOf(() => readSchoolNotice(world.actors.caseworker, id!))).toBe(404);
    expect(statusOf(() => readSchoolNotice(world.actors.school, 987654))).toBe(404);
    expect(statusOf(() => withdrawNotice(otherSchool, id!))).toBe(404);
    expect(statusOf(() => correctNotice(otherSchool, id!, notice(world.municipality.id)))).toBe(404);
    expect(row(id!).status).toBe("sent");
    // Each refusal is logged as the other school's denied attempt on the notice.
    const denied = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, otherSchool.userId), eq(auditEvents.section, "notices")))
      .orderBy(desc(auditEvents.id))
      .all();
    expect(denied.length).toBeGreaterThanOrEqual(3);
    expect(denied.every((e) => e.outcome === "denied")).toBe(true);
  });

  it("a correction keeps the earlier values and routes the notice again by its home municipality", () => {
    const first = notice(world.municipality.id);
    const [id] = fileNotices(world.actors.school, [first]);
    const result = correctNotice(world.actors.school, id!, { ...first, homeMunicipalityId: eksjo.id, programme: "Naturbruksprogrammet" });
    expect(result).toEqual({ ok: true, status: "to_send_manually" });
    expect(row(id!)).toMatchObject({ homeMunicipalityId: eksjo.id, programme: "Naturbruksprogrammet", status: "to_send_manually" });
    const revision = getDb().select().from(noticeRevisions).where(eq(noticeRevisions.noticeId, id!)).get()!;
    expect(revision.action).toBe("corrected");
    expect(JSON.parse(revision.previous)).toMatchObject({ homeMunicipalityId: world.municipality.id, programme: "Ekonomiprogrammet", status: "sent" });
    expect(readSchoolNotice(world.actors.school, id!).history).toHaveLength(1);
    // The history is append-only.
    expect(() => getDb().update(noticeRevisions).set({ previous: "{}" }).where(eq(noticeRevisions.id, revision.id)).run()).toThrow(/historik/);
    expect(() => getDb().delete(noticeRevisions).where(eq(noticeRevisions.id, revision.id)).run()).toThrow(/historik/);
  });

  it("withdrawal until received; the KAA inbox no longer shows it; a received notice cannot be changed", () => {
    const [withdrawn, received] = fileNotices(world.actors.school, [notice(world.municipality.id), notice(world.municipality.id, { kind: "started" })]);
    expect(withdrawNotice(world.actors.school, withdrawn!)).toEqual({ ok: true, status: "withdrawn" });
    expect(row(withdrawn!)).toMatchObject({ status: "withdrawn", withdrawnByMembershipId: world.actors.school.membershipId });
    const inbox = listInbox(registerOf(world.actors.caseworker), "sent", 1);
    expect(inbox.rows.map((r) => r.id)).not.toContain(withdrawn);
    expect(Object.keys(inbox.counts).sort()).toEqual(["handled", "received", "sent"]);
    expect(receiveNotice(world.actors.caseworker, withdrawn!, null).ok).toBe(false);

    expect(receiveNotice(world.actors.caseworker, received!, null)).toEqual({ ok: true, youthId: null });
    const opened = readSchoolNotice(world.actors.school, received!);
    expect(opened.editable).toBe(false);
    expect(opened.notice.receivedAt).not.toBeNull();
    expect(withdrawNotice(world.actors.school, received!)).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/redan tagit emot/) } });
    expect(correctNotice(world.actors.school, received!, notice(world.municipality.id)).ok).toBe(false);
  });

  it("flags an open notice of the same kind, person and home municipality from the same school", () => {
    const input = notice(world.municipality.id, { kind: "absence" });
    expect(findOpenDuplicate(world.actors.school, input)).toBeNull();
    const [id] = fileNotices(world.actors.school, [input]);
    expect(findOpenDuplicate(world.actors.school, input)?.id).toBe(id);
    expect(findOpenDuplicate(world.actors.school, { ...input, kind: "dropout" })).toBeNull();
    expect(findOpenDuplicate(world.actors.school, { ...input, homeMunicipalityId: eksjo.id })).toBeNull();
    expect(findOpenDuplicate(otherSchool, input)).toBeNull();
    withdrawNotice(world.actors.school, id!);
    expect(findOpenDuplicate(world.actors.school, input)).toBeNull();
  });

  it("a CSV file: a Stockholm youth is accepted; a row repeating an open notice is flagged and not sent", async () => {
    const open = notice(world.municipality.id);
    fileNotices(world.actors.school, [open]);
    const stockholmRow = notice(0);
    const line = (n: NoticeInput, municipality: string) =>
      ["avbrott", n.personalNumber, n.firstName, n.lastName, municipality, "Ekonomiprogrammet", n.eventDate, "", "Rektor Rut", "", ""].join(";");
    const text = [
      "Typ;Personnummer;Förnamn;Efternamn;Hemkommun;Program;Datum;Orsak;Kontaktperson;Telefon;E-post",
      line(open, world.municipality.code),
      line(stockholmRow, "Stockholm"),
    ].join("\n");
    const session = await signedIn(world.actors.school);
    const report = (await importAction({
      request: session.post("/anmalningar/importera", { intent: "send-valid", csv: text }),
      params: {},
      context: {},
    })) as Response;
    // The valid Stockholm row is stored (to send by hand: Stockholm has no KAA unit here); the duplicate is not.
    expect(report.status).toBe(302);
    expect(report.headers.get("Location")).toBe("/anmalningar?skickade=0&manuella=1");
    const mine = getDb().select().from(notices).where(eq(notices.schoolOrganisationId, world.orgs.school.id)).all();
    expect(mine.filter((n) => n.personalNumber.endsWith(open.personalNumber.replace(/\D/g, "").slice(-10)))).toHaveLength(1);
    const flagged = (await importAction({
      request: session.post("/anmalningar/importera", { intent: "send-valid", csv: text.split("\n").slice(0, 2).join("\n") }),
      params: {},
      context: {},
    })) as Response;
    expect(flagged.status).toBe(400);
    expect(await flagged.text()).toContain("Filen har inga giltiga rader");
  });
});
