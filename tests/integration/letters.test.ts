// Letters a youth can answer (issue 16): the KAA unit's contact details kept by the samordnare, on
// every letter with the named caseworker; the visit's date and time; one letter per guardian under
// 18; Swedish or English. Through the routes, on a real database.
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { adminEvents, contactAttempts, guardians, users, youths } from "#db/schema";
import { addDays, addYears, todayIso } from "~/lib/dates";
import { outcomeLabel } from "~/modules/outreach/labels";
import { action as contactDetailsAction, loader as contactDetailsLoader } from "~/routes/kontaktuppgifter";
import { action as letterAction, loader as letterLoader } from "~/routes/ungdomar.$youthId.brev.$mall";
import { enrolledYouth } from "../factories/enrollment";
import { signedIn, statusOf } from "../factories/requests";
import { createWorld } from "../factories/world";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
const today = todayIso();

const DETAILS = {
  phone: "0380-51 82 00",
  sms: "070-518 20 00",
  email: "kaa@kommunen.se",
  streetAddress: "Storgatan 12",
  postalCode: "571 31",
  city: "Nässjö",
  openingHours: "Måndag–fredag 8–16",
};

beforeAll(async () => {
  world = await createWorld();
});

async function saveDetails(fields: Record<string, string>, actor = world.actors.coordinator) {
  const request = (await signedIn(actor)).post("/kontaktuppgifter", fields);
  const response = (await contactDetailsAction({ request, params: {}, context: {} })) as Response;
  return { status: response.status, body: (await response.json()) as { errors: Record<string, string> } };
}

type LetterData = Awaited<ReturnType<typeof letterLoader>> extends infer R ? (R extends { json(): Promise<infer D> } ? D : never) : never;

async function openLetter(youthId: string, slug: string, query = "", actor = world.actors.caseworker) {
  const request = (await signedIn(actor)).get(`/ungdomar/${youthId}/brev/${slug}${query}`);
  const response = await letterLoader({ request, params: { youthId, mall: slug }, context: {} });
  return { status: response.status, data: (await response.json()) as LetterData };
}

const pagesOf = (data: LetterData) => (data.built.ok ? data.built.pages : []);
const textOf = (page: ReturnType<typeof pagesOf>[number]) =>
  [page.recipient, page.guardianLine, page.heading, page.greeting, ...page.paragraphs, page.signature, ...page.about.paragraphs, ...page.privacy.paragraphs]
    .concat(page.contact.rows.map((r) => `${r.label}: ${r.value}`))
    .join("\n");

const minor = () => enrolledYouth(world.actors.caseworker, { birthDate: addYears(today, -17), reached: false, daysAgo: 20 });
const adult = () => enrolledYouth(world.actors.caseworker, { birthDate: addYears(today, -19), reached: false, daysAgo: 20 });
const guardianNames = (youthId: string) =>
  getDb()
    .select({ name: guardians.name })
    .from(guardians)
    .where(eq(guardians.youthId, youthId))
    .all()
    .map((g) => g.name);

describe("the unit's contact details", () => {
  it("a letter is not printed while the unit has none, and the page says which are missing", async () => {
    const { youthId } = adult();
    const { status, data } = await openLetter(youthId, "forsta-brev");
    expect(status).toBe(200);
    expect(data.ready).toBe(false);
    expect(data.built.ok).toBe(false);
    if (!data.built.ok)
      expect(data.built.missing).toEqual(["Telefonnummer", "Sms-nummer", "E-postadress", "Besöksadress (gata och nummer)", "Postnummer", "Ort", "Öppettider"]);
    // Registering it as sent is refused too, and nothing is recorded.
    const request = (await signedIn(world.actors.caseworker)).post(`/ungdomar/${youthId}/brev/forsta-brev`, { sprak: "sv" });
    expect(await statusOf(() => letterAction({ request, params: { youthId, mall: "forsta-brev" }, context: {} }))).toBe(400);
    expect(getDb().select().from(contactAttempts).where(eq(contactAttempts.youthId, youthId)).all()).toHaveLength(0);
  });

  it("refuses bad input with Swedish messages and a 400, and only the samordnare may save", async () => {
    const bad = await saveDetails({ ...DETAILS, phone: "ring oss", email: "inte-en-adress", postalCode: "5713", openingHours: "" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toMatchObject({
      phone: "Ange numret med siffror, till exempel 0380-51 80 00.",
      email: "Ange en giltig e-postadress, till exempel kaa@kommun.se.",
      postalCode: "Ange postnumret med fem siffror, till exempel 571 31.",
      openingHours: "Ange öppettiderna.",
    });
    expect(await statusOf(() => saveDetails(DETAILS, world.actors.caseworker))).toBe(403);
    const request = (await signedIn(world.actors.coordinator)).get("/kontaktuppgifter");
    const loaded = (await contactDetailsLoader({ request, params: {}, context: {} })) as { details: unknown };
    expect(loaded.details).toBeNull();
  });

  it("saves them and logs the change in the administrative log", async () => {
    expect((await saveDetails(DETAILS)).status).toBe(200);
    const event = getDb()
      .select()
      .from(adminEvents)
      .where(and(eq(adminEvents.action, "unit_contact_details_changed"), eq(adminEvents.targetOrganisationId, world.orgs.kaa.id)))
      .orderBy(desc(adminEvents.id))
      .get();
    expect(event).toMatchObject({ membershipId: world.actors.coordinator.membershipId, detail: expect.stringContaining("telefonnummer") });
    const request = (await signedIn(world.actors.caseworker)).get("/kontaktuppgifter");
    const loaded = (await contactDetailsLoader({ request, params: {}, context: {} })) as { details: typeof DETAILS; mayEdit: boolean };
    expect(loaded).toMatchObject({ details: DETAILS, mayEdit: false });
  });
});

describe("letters", () => {
  beforeAll(async () => {
    await saveDetails(DETAILS);
  });

  it("print the unit's contact details and the named caseworker, to a 19-year-old without a guardian letter", async () => {
    const { youthId } = adult();
    const { status, data } = await openLetter(youthId, "forsta-brev", "", world.actors.coordinator);
    expect(status).toBe(200);
    expect(data.ready).toBe(true);
    const pages = pagesOf(data);
    expect(pages.map((p) => p.to)).toEqual(["youth"]);
    const text = textOf(pages[0]!);
    for (const value of Object.values(DETAILS)) expect(text).toContain(value);
    // No caseworker on the enrollment: the one printing signs.
    expect(text).toContain(`Din kontaktperson: ${world.actors.coordinator.displayName}`);
    expect(text).toContain("frivilligt");
    expect(text).toContain("skollagen 29 kap. 9 §");
    expect(text).toContain("Integritetsskyddsmyndigheten (IMY)");
    expect(text).toContain(`nämnd i ${world.municipality.name} kommun`);
  });

  it("name the youth's own caseworker when there is one", async () => {
    const { youthId } = enrolledYouth(world.actors.coordinator, {
      birthDate: addYears(today, -19),
      reached: false,
      caseworkerMembershipId: world.actors.caseworker.membershipId,
    });
    const caseworkerName = "Karin Handläggare";
    getDb().update(users).set({ displayName: caseworkerName }).where(eq(users.id, world.actors.caseworker.userId)).run();
    const { data } = await openLetter(youthId, "forsta-brev", "", world.actors.coordinator);
    expect(textOf(pagesOf(data)[0]!)).toContain(`Din kontaktperson: ${caseworkerName}`);
  });

  it("give a 17-year-old's guardians a letter each, written to them, with the visit's date and time", async () => {
    const { youthId } = minor();
    const names = guardianNames(youthId);
    expect(names.length).toBeGreaterThan(0);
    const visitDate = addDays(today, 7);

    // Until the visit's time is entered, only the form shows (no error yet).
    const waiting = await openLetter(youthId, "hembesok");
    expect(waiting).toMatchObject({ status: 200, data: { ready: false, errors: {} } });

    const { status, data } = await openLetter(youthId, "hembesok", `?sprak=sv&datum=${visitDate}&tid=13:30`);
    expect(status).toBe(200);
    const pages = pagesOf(data);
    expect(pages.map((p) => p.to)).toEqual(["youth", ...names.map(() => "guardian")]);
    expect(pages.slice(1).map((p) => p.recipient)).toEqual(names);
    const youth = getDb().select().from(youths).where(eq(youths.id, youthId)).get()!;
    for (const [i, page] of pages.slice(1).entries()) {
      expect(page.greeting).toBe(`Hej ${names[i]}!`);
      expect(page.guardianLine).toBe(`Till vårdnadshavare för ${youth.firstName} ${youth.lastName}`);
      expect(page.paragraphs.join(" ")).toContain("vårdnadshavare");
      expect(page.address).toEqual([youth.streetAddress, `${youth.postalCode} ${youth.city}`]);
    }
    const written = new Intl.DateTimeFormat("sv-SE", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${visitDate}T00:00:00Z`),
    );
    for (const page of pages) expect(page.paragraphs.join(" ")).toContain(`${written} klockan 13:30`);
  });

  it("refuse a visit time or date that cannot be, with a 400 and Swedish messages", async () => {
    const { youthId } = minor();
    const badTime = await openLetter(youthId, "hembesok", `?datum=${addDays(today, 3)}&tid=25:00`);
    expect(badTime).toMatchObject({ status: 400, data: { ready: false, errors: { tid: "Ange tiden som TT:MM, till exempel 13:00." } } });
    const past = await openLetter(youthId, "hembesok", `?datum=${addDays(today, -1)}&tid=10:00`);
    expect(past.data.errors).toEqual({ datum: "Ett hembesök som aviseras kan inte ligga före i dag." });
    const futureKnock = await openLetter(youthId, "knackkort", `?datum=${addDays(today, 1)}&tid=10:00`);
    expect(futureKnock.status).toBe(400);
    // The knock card's date is today unless another is entered.
    const knock = await openLetter(youthId, "knackkort", "?tid=16:15");
    expect(knock.status).toBe(200);
    expect(pagesOf(knock.data)[0]!.paragraphs[0]).toContain("klockan 16:15");
  });

  it("come in English on request, for the youth and each guardian", async () => {
    const { youthId } = minor();
    const { data } = await openLetter(youthId, "hembesok", `?sprak=en&datum=${addDays(today, 2)}&tid=09:00`);
    const pages = pagesOf(data);
    expect(pages[0]!.heading).toBe("We would like to come and see you");
    expect(textOf(pages[0]!)).toContain("Accepting our support is voluntary.");
    expect(textOf(pages[0]!)).toContain("Swedish Authority for Privacy Protection (IMY)");
    expect(textOf(pages[0]!)).toContain(`Phone: ${DETAILS.phone}`);
    expect(pages[0]!.paragraphs[0]).toContain("at 09:00");
    expect(pages[1]!.greeting).toMatch(/^Dear /);
    expect(pages[1]!.guardianLine).toMatch(/^To the guardian of /);
    const unknown = await openLetter(youthId, "forsta-brev", "?sprak=de");
    expect(unknown).toMatchObject({ status: 400, data: { errors: { sprak: "Välj svenska eller engelska." } } });
  });

  it("never print the address of a youth with skyddad identitet, not even for the samordnare", async () => {
    const { youthId } = minor();
    getDb().update(youths).set({ protectedIdentity: true }).where(eq(youths.id, youthId)).run();
    const { data } = await openLetter(youthId, "forsta-brev", "", world.actors.coordinator);
    const pages = pagesOf(data);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.address).toBeNull();
  });

  it("are recorded as sent, to the youth and the guardians, and not as a message left", async () => {
    const { youthId } = minor();
    const visitDate = addDays(today, 5);
    const request = (await signedIn(world.actors.caseworker)).post(`/ungdomar/${youthId}/brev/hembesok`, {
      sprak: "en",
      datum: visitDate,
      tid: "14:00",
      guardianToo: "on",
    });
    const response = (await letterAction({ request, params: { youthId, mall: "hembesok" }, context: {} })) as Response;
    expect(response.status).toBe(302);
    const attempts = getDb().select().from(contactAttempts).where(eq(contactAttempts.youthId, youthId)).all();
    expect(attempts.map((a) => a.target).sort()).toEqual(["guardian", "youth"]);
    for (const a of attempts) {
      expect(a).toMatchObject({ channel: "letter", date: today, letterTemplate: "home_visit_letter" });
      expect(a.note).toContain(`besök ${visitDate} kl. 14:00, på engelska`);
      expect(outcomeLabel(a)).toBe("Brev skickat");
    }
    // A home-visit letter without its time is not sent.
    const missing = (await signedIn(world.actors.caseworker)).post(`/ungdomar/${youthId}/brev/hembesok`, { sprak: "sv", datum: visitDate });
    expect(await statusOf(() => letterAction({ request: missing, params: { youthId, mall: "hembesok" }, context: {} }))).toBe(400);
  });

  it("record a knock card on the day of the visit, as left at the door", async () => {
    const { youthId } = adult();
    const visitDate = addDays(today, -1);
    const request = (await signedIn(world.actors.caseworker)).post(`/ungdomar/${youthId}/brev/knackkort`, { sprak: "sv", datum: visitDate, tid: "17:00" });
    expect(await statusOf(() => letterAction({ request, params: { youthId, mall: "knackkort" }, context: {} }))).toBe(302);
    const attempt = getDb().select().from(contactAttempts).where(eq(contactAttempts.youthId, youthId)).get()!;
    expect(attempt).toMatchObject({ channel: "knock_card", date: visitDate, target: "youth" });
    expect(outcomeLabel(attempt)).toBe("Knackkort lämnat");
  });
});
