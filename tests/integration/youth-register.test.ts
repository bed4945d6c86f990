import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { enrollments, youthRevisions, youths } from "#db/schema";
import { findYouthByPersonalNumber, listYouthRegister, registerSize } from "~/modules/youth/register.server";
import { createYouth, readYouthFile, updateYouth } from "~/modules/youth/youth-file.server";
import { enrolledYouth } from "../factories/enrollment";
import { fileFor, keeperFile, registerOf } from "../factories/gate";

import { youthCreateSchema } from "~/modules/youth/youth-schema";
import { createActor, createMunicipality, createOrganisation, createWorld } from "../factories/world";
import { birthDateForAge, swedishFaker, youthInput } from "../factories/youth";
import { todayIso as today } from "~/lib/dates";

let world: Awaited<ReturnType<typeof createWorld>>;
const faker = swedishFaker(11);
const input = (overrides: Partial<ReturnType<typeof youthInput>> = {}) => ({
  ...youthInput(faker, { homeMunicipalityId: world.municipality.id, city: "Nässjö", postalPrefix: "571", protectedIdentity: false }),
  ...overrides,
});

beforeAll(async () => {
  world = await createWorld();
});

describe("registering a youth", () => {
  it("stores the normalised personnummer, the guardians and a first revision", () => {
    const data = input({ guardian1Name: "Anna Andersson", guardian1Phone: "070-111 22 33" });
    const result = createYouth(world.actors.caseworker, data);
    expect(result.ok).toBe(true);
    const id = (result as { id: string }).id;
    const file = readYouthFile(keeperFile(world.actors.caseworker, id, ["identity"]));
    expect(file.personalNumber.replace("-", "")).toBe(data.personalNumber);
    expect(file.guardians).toEqual([{ name: "Anna Andersson", phone: "070-111 22 33", email: null }]);
    expect(file.revisions).toHaveLength(1);
    expect(id).not.toContain(data.personalNumber.slice(0, 6));
  });

  it("refuses a second record of the same person in the same register", () => {
    const data = input();
    expect(createYouth(world.actors.caseworker, data).ok).toBe(true);
    const again = createYouth(world.actors.coordinator, { ...data, firstName: "Annan" });
    expect(again).toMatchObject({ ok: false, errors: { personalNumber: "Ungdomen finns redan i registret." } });
  });

  it("refuses a youth of another home municipality, in Swedish, and stores nothing", () => {
    const other = createMunicipality();
    const data = input({ homeMunicipalityId: other.id });
    const before = getDb().select().from(youths).all().length;
    const result = createYouth(world.actors.caseworker, data);
    expect(result).toMatchObject({ ok: false, errors: { homeMunicipalityId: expect.stringMatching(/^Du kan bara registrera ungdomar/) } });
    expect(getDb().select().from(youths).all().length).toBe(before);
  });

  it("is refused to everyone outside the KAA unit", () => {
    for (const actor of [world.actors.school, world.actors.social, world.actors.admin]) {
      expect(() => createYouth(actor, input())).toThrow(Response);
    }
  });

  it("validates the form with Swedish messages per field", () => {
    const result = youthCreateSchema.safeParse({
      personalNumber: "20080915-2383",
      firstName: "",
      lastName: "Berg",
      homeMunicipalityId: "1",
      email: "inte-en-adress",
      postalCode: "5713",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toMatchObject({
      personalNumber: "Kontrollsiffran stämmer inte. Kontrollera att numret är rätt skrivet.",
      firstName: "Ange förnamn.",
      email: expect.stringContaining("e-postadress"),
      postalCode: expect.stringContaining("fem siffror"),
    });
  });

  it("asks for the guardian's name when a guardian's contact details are given", () => {
    const result = youthCreateSchema.safeParse({ ...input(), homeMunicipalityId: "1", guardian1Name: "", guardian1Phone: "070-123 45 67" });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["guardian1Name"], message: "Ange vårdnadshavarens namn." })]);
  });

  it("refuses youths outside the target group's ages", () => {
    const tooOld = youthInput(faker, { homeMunicipalityId: 1, city: "x", postalPrefix: "571", birthDate: birthDateForAge(faker, 21, 22) });
    const result = youthCreateSchema.safeParse({ ...tooOld, homeMunicipalityId: "1" });
    expect(result.error?.issues[0]?.message).toBe("Ungdomen har fyllt 20 år och omfattas inte av aktivitetsansvaret.");
  });
});

describe("correcting a youth", () => {
  it("keeps the earlier values in the revision history, attributed to the membership", () => {
    const data = input();
    const id = (createYouth(world.actors.caseworker, data) as { id: string }).id;
    const result = updateYouth(fileFor(world.actors.coordinator, id, [], ["identity"]), { ...data, phone: "070-999 88 77", lastName: "Nyström" });
    expect(result).toEqual({ ok: true, id });
    const revisions = getDb().select().from(youthRevisions).where(eq(youthRevisions.youthId, id)).orderBy(youthRevisions.id).all();
    expect(revisions).toHaveLength(2);
    expect(revisions[1]!.membershipId).toBe(world.actors.coordinator.membershipId);
    expect(JSON.parse(revisions[1]!.previous!)).toMatchObject({ phone: data.phone ?? null, lastName: data.lastName });
    expect(revisions[1]!.changedFields).toBe("Ändrat: namn, telefon");
    // The history is append-only: the database refuses to change or remove it.
    expect(() => getDb().$client.prepare("UPDATE youth_revisions SET changed_fields = 'x' WHERE youth_id = ?").run(id)).toThrow(/kan inte ändras/);
    expect(() => getDb().$client.prepare("DELETE FROM youth_revisions WHERE youth_id = ?").run(id)).toThrow(/kan inte tas bort/);
  });

  it("does not let a caseworker lift the protection to see the address", () => {
    const data = input({ protectedIdentity: true, streetAddress: "Dolda gränd 2" });
    const id = (createYouth(world.actors.coordinator, data) as { id: string }).id;
    updateYouth(fileFor(world.actors.caseworker, id, [], ["identity"]), { ...data, protectedIdentity: false });
    expect(getDb().select().from(youths).where(eq(youths.id, id)).get()!.protectedIdentity).toBe(true);
    expect(readYouthFile(keeperFile(world.actors.caseworker, id, ["identity"])).address).toEqual({ kind: "protected", mayReveal: false });
    // The samordnare, who may see the address, may lift it.
    updateYouth(fileFor(world.actors.coordinator, id, [], ["identity"]), { ...data, protectedIdentity: false });
    expect(readYouthFile(keeperFile(world.actors.caseworker, id, ["identity"])).address).toMatchObject({ kind: "visible", streetAddress: "Dolda gränd 2" });
  });

  it("does not let a caseworker overwrite a protected address they cannot see", () => {
    const data = input({ protectedIdentity: true, streetAddress: "Hemliga vägen 1" });
    const id = (createYouth(world.actors.coordinator, data) as { id: string }).id;
    updateYouth(fileFor(world.actors.caseworker, id, [], ["identity"]), {
      ...data,
      streetAddress: undefined,
      postalCode: undefined,
      city: undefined,
      phone: "070-000 00 01",
    });
    const row = getDb().select().from(youths).where(eq(youths.id, id)).get()!;
    expect(row.streetAddress).toBe("Hemliga vägen 1");
    expect(row.phone).toBe("070-000 00 01");
  });
});

describe("the register list", () => {
  it("shows only the actor's own municipality, paginated and searchable by name", async () => {
    const other = createMunicipality();
    const otherKaa = await createActor("kaa_caseworker", createOrganisation("kaa_unit", other.id));
    createYouth(otherKaa, { ...input(), homeMunicipalityId: other.id, firstName: "Utanför", lastName: "Annankommun" });
    const own = listYouthRegister(registerOf(world.actors.caseworker), { sort: "namn", page: 1 });
    expect(own.rows.some((r) => r.name.includes("Annankommun"))).toBe(false);
    const theirs = listYouthRegister(registerOf(otherKaa), { sort: "namn", page: 1 });
    expect(theirs.rows.map((r) => r.name)).toEqual(["Annankommun, Utanför"]);
    expect(listYouthRegister(registerOf(otherKaa), { q: "utanf", sort: "namn", page: 1 }).total).toBe(1);
    expect(listYouthRegister(registerOf(otherKaa), { q: "100%_", sort: "namn", page: 1 }).total).toBe(0);
  });

  it("stops counting past the cap and says there are more, with and without an enrollment filter", async () => {
    const muni = createMunicipality();
    const kaa = await createActor("kaa_caseworker", createOrganisation("kaa_unit", muni.id));
    for (const lastName of ["Ek", "Berg", "Lind"]) createYouth(kaa, { ...input(), homeMunicipalityId: muni.id, lastName, firstName: "Alex" });
    const capped = listYouthRegister(registerOf(kaa), { sort: "namn", page: 1 }, 2);
    expect(capped).toMatchObject({ total: 2, moreThanCap: true, pageCount: 1 });
    expect(listYouthRegister(registerOf(kaa), { sort: "namn", page: 1, status: "none" }, 2)).toMatchObject({ total: 2, moreThanCap: true });
    expect(listYouthRegister(registerOf(kaa), { sort: "namn", page: 1 }, 3)).toMatchObject({ total: 3, moreThanCap: false });
  });

  it("searches names through the trigram index: three characters or more anywhere in the name, fewer at the start of the last name", async () => {
    const muni = createMunicipality();
    const kaa = await createActor("kaa_caseworker", createOrganisation("kaa_unit", muni.id));
    const add = (firstName: string, lastName: string) =>
      (createYouth(kaa, { ...input(), homeMunicipalityId: muni.id, firstName, lastName }) as { id: string }).id;
    const karolina = add("Karolina", "Öst");
    const lindqvist = add("Anna", "Lindqvist");
    add("Viktor", "Sjöberg");
    add("Li", "Ek");
    const names = (q: string) => listYouthRegister(registerOf(kaa), { q, sort: "namn", page: 1 }).rows.map((r) => r.name);
    expect(names("lin")).toEqual(["Lindqvist, Anna", "Öst, Karolina"]);
    expect(names("SJÖB")).toEqual(["Sjöberg, Viktor"]);
    expect(names("anna lind")).toEqual(["Lindqvist, Anna"]);
    // One or two characters: last names that begin with them (Å, Ä, Ö in their Swedish places).
    expect(names("li")).toEqual(["Lindqvist, Anna"]);
    expect(names("ö")).toEqual(["Öst, Karolina"]);
    expect(names("e")).toEqual(["Ek, Li"]);
    // The index follows a change of name, and never reaches another register.
    updateYouth(keeperFile(kaa, lindqvist, [], ["identity"]), { ...input(), homeMunicipalityId: muni.id, firstName: "Anna", lastName: "Holm" });
    expect(names("lindq")).toEqual([]);
    expect(names("holm")).toEqual(["Holm, Anna"]);
    expect(listYouthRegister(registerOf(world.actors.caseworker), { q: "karolina öst", sort: "namn", page: 1 }).rows).toEqual([]);
    expect(karolina).toBeTruthy();
  });

  it("a name search with more matches than it counts says so and walks the register in order, testing each name", async () => {
    const muni = createMunicipality();
    const kaa = await createActor("kaa_caseworker", createOrganisation("kaa_unit", muni.id));
    for (const lastName of ["Bergström", "Åberg", "Berglund", "Ek"]) createYouth(kaa, { ...input(), homeMunicipalityId: muni.id, firstName: "Sam", lastName });
    const few = listYouthRegister(registerOf(kaa), { q: "berg", sort: "namn", page: 1 });
    expect(few).toMatchObject({ total: 3, moreThanCap: false });
    const many = listYouthRegister(registerOf(kaa), { q: "berg", sort: "namn", page: 1 }, 2);
    expect(many).toMatchObject({ total: 2, moreThanCap: true });
    expect(many.rows.map((r) => r.name)).toEqual(["Berglund, Sam", "Bergström, Sam", "Åberg, Sam"]);
  });

  it("filters on the open enrollment from the enrollment indexes: status, caseworker and overdue", async () => {
    const muni = createMunicipality();
    const unit = createOrganisation("kaa_unit", muni.id);
    const kaa = await createActor("kaa_coordinator", unit);
    const caseworker = await createActor("kaa_caseworker", unit);
    const late = enrolledYouth(kaa, { daysAgo: 40, reached: false, caseworkerMembershipId: caseworker.membershipId });
    const recent = enrolledYouth(kaa, { daysAgo: 3, reached: false });
    const reached = enrolledYouth(kaa, { daysAgo: 60, reached: true, caseworkerMembershipId: caseworker.membershipId });
    const ids = (query: Partial<Parameters<typeof listYouthRegister>[1]>) =>
      listYouthRegister(registerOf(kaa), { sort: "namn", page: 1, ...query })
        .rows.map((r) => r.id)
        .sort();
    expect(ids({ overdue: true })).toEqual([late.youthId]);
    expect(ids({ status: "not_contacted" })).toEqual([late.youthId, recent.youthId].sort());
    expect(ids({ caseworker: caseworker.membershipId })).toEqual([late.youthId, reached.youthId].sort());
    expect(ids({ caseworker: "unassigned" })).toEqual([recent.youthId]);
    expect(ids({ status: "none" })).toEqual([]);
    // Ending an enrollment moves its youth to "no open enrollment", counted from the register's counters.
    getDb().update(enrollments).set({ endDate: today(), endReason: "moved" }).where(eq(enrollments.youthId, recent.youthId)).run();
    expect(ids({ status: "none" })).toEqual([recent.youthId]);
    expect(listYouthRegister(registerOf(kaa), { sort: "namn", page: 1, status: "none" })).toMatchObject({ total: 1, moreThanCap: false });
    expect(listYouthRegister(registerOf(kaa), { sort: "namn", page: 1, overdue: true })).toMatchObject({ total: 1, moreThanCap: false });
  });

  it("keeps the register's size in a counter that follows every registration", async () => {
    const muni = createMunicipality();
    const kaa = await createActor("kaa_caseworker", createOrganisation("kaa_unit", muni.id));
    expect(registerSize(registerOf(kaa))).toBe(0);
    for (let i = 0; i < 3; i++) createYouth(kaa, { ...input(), homeMunicipalityId: muni.id });
    expect(registerSize(registerOf(kaa))).toBe(3);
    const counted = getDb().select({ id: youths.id }).from(youths).where(eq(youths.homeMunicipalityId, muni.id)).all().length;
    expect(registerSize(registerOf(kaa))).toBe(counted);
  });

  it("sorts Å, Ä, Ö after Z", async () => {
    const muni = createMunicipality();
    const kaa = await createActor("kaa_caseworker", createOrganisation("kaa_unit", muni.id));
    for (const lastName of ["Öberg", "Zetterlund", "Åberg", "Ärlig", "Andersson"]) {
      createYouth(kaa, { ...input(), homeMunicipalityId: muni.id, lastName, firstName: "Kim" });
    }
    const names = listYouthRegister(registerOf(kaa), { sort: "namn", page: 1 }).rows.map((r) => r.name.split(",")[0]);
    expect(names).toEqual(["Andersson", "Zetterlund", "Åberg", "Ärlig", "Öberg"]);
  });

  it("finds a youth by personnummer in the own register only", async () => {
    const data = input();
    const id = (createYouth(world.actors.caseworker, data) as { id: string }).id;
    expect(findYouthByPersonalNumber(registerOf(world.actors.coordinator), data.personalNumber)).toEqual({ id });
    const other = await createActor("kaa_coordinator", createOrganisation("kaa_unit", createMunicipality().id));
    expect(findYouthByPersonalNumber(registerOf(other), data.personalNumber)).toBeNull();
    expect(findYouthByPersonalNumber(registerOf(world.actors.coordinator), "123")).toMatchObject({ error: expect.any(String) });
  });
});
