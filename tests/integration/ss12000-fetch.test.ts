// The SS 12000 fetch end to end on a real SQLite file, against the fake school system (msw, every
// body checked against the standard's OpenAPI schemas): paging, token renewal, refusals and
// server errors, and what the admin is told.
import { and, eq, isNull } from "drizzle-orm";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client";
import { schoolAbsenceReports, schoolListRows, schoolLists, schoolSystemConnections } from "#db/schema";
import { clearSs12000TokenCache } from "~/modules/integrations/ss12000.server";
import { SS12000_MESSAGES } from "~/modules/integrations/ss12000-messages";
import { fetchFromSchoolSystem } from "~/modules/reconciliation/school-system-fetch.server";
import { createConnection } from "~/modules/reconciliation/school-systems.server";
import { civicNo, persons } from "../mocks/ss12000/data";
import {
  createSs12000Handlers,
  defaultSs12000State,
  DEMO_SS12000_BASE_URL,
  DEMO_SS12000_CLIENT_ID,
  DEMO_SS12000_CLIENT_SECRET,
  DEMO_SS12000_TOKEN_URL,
} from "../mocks/ss12000/handlers";
import { createMunicipality, createOrganisation } from "../factories/world";

const state = defaultSs12000State();
const { handlers } = await createSs12000Handlers({ state, validate: true });
const server = setupServer(...handlers);
const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
// Mid-December: the hösttermin's absence.
const TODAY = new Date("2026-12-01T10:00:00Z");

let connectionId: number;
let schoolId: number;

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  const municipality = createMunicipality();
  schoolId = createOrganisation("school", municipality.id).id;
  const created = createConnection({
    organisationId: schoolId,
    name: "Skolsystemet",
    baseUrl: DEMO_SS12000_BASE_URL,
    tokenUrl: DEMO_SS12000_TOKEN_URL,
    clientId: DEMO_SS12000_CLIENT_ID,
    clientSecret: DEMO_SS12000_CLIENT_SECRET,
    scope: undefined,
    enabled: true,
  });
  if (!created.ok) throw new Error("kopplingen skapades inte");
  connectionId = created.id;
});
beforeEach(() => {
  Object.assign(state, defaultSs12000State());
  clearSs12000TokenCache();
});
afterEach(() => warn.mockClear());
afterAll(() => {
  server.close();
  warn.mockRestore();
});

const currentLists = () =>
  getDb()
    .select()
    .from(schoolLists)
    .where(and(eq(schoolLists.connectionId, connectionId), isNull(schoolLists.supersededAt)))
    .all();
const connection = () => getDb().select().from(schoolSystemConnections).where(eq(schoolSystemConnections.id, connectionId)).get()!;

describe("fetching from an SS 12000 school system", () => {
  it("reads three pages of persons into one current list that supersedes the previous one", async () => {
    state.pageSize = 5;
    const first = await fetchFromSchoolSystem(connectionId, { today: TODAY });
    expect(first.ok).toBe(true);
    const second = await fetchFromSchoolSystem(connectionId, { today: TODAY });
    expect(second).toMatchObject({ ok: true, counts: first.counts });
    if (!first.ok || !second.ok) return;

    // 13 persons with enrolments on pages of 5: three pages, the filters on the first one only.
    const personRequests = state.requests.filter((r) => r.path === "/persons").slice(-3);
    expect(personRequests).toHaveLength(3);
    expect(personRequests[0]!.query).toContain("relationship.entity.type=enrolment");
    for (const r of personRequests.slice(1)) expect(r.query).toMatch(/^\?pageToken=[^&]+&limit=500$/);

    const lists = currentLists();
    expect(lists.map((l) => l.id)).toEqual([second.listId]);
    expect(lists[0]).toMatchObject({ organisationId: schoolId, kind: "gymnasium", source: "ss12000", rowCount: 9 });
    expect(getDb().select().from(schoolLists).where(eq(schoolLists.id, first.listId)).get()!.supersededAt).not.toBeNull();

    // Persons 1–5, 7, 11 (one placed enrolment of two) and the two regular students: 9 rows.
    // Skipped: Sara (no civicNo), Ivan (tillfälligt nummer), Elias's enrolment at a unit without a
    // code, and the two absence records each of Sara and Ivan, who cannot be attributed.
    expect(second.counts).toEqual({ persons: 13, rows: 9, absences: 9, skipped: 7 });
    const rows = getDb().select().from(schoolListRows).where(eq(schoolListRows.listId, second.listId)).all();
    const byNumber = new Map(rows.map((r) => [r.personalNumber, r]));
    expect(byNumber.get(civicNo("2009-06-30", 234))).toMatchObject({ programmeCode: "IMYRK", schoolType: "GY", schoolUnitCode: "68234502" });
    expect(byNumber.get(civicNo("2008-01-21", 567))).toMatchObject({ schoolType: "GYS", programmeCode: null });
    expect(byNumber.get(civicNo("2008-05-09", 345))).toMatchObject({ endDate: "2026-03-13", outcome: null });
    expect(byNumber.get(civicNo("2009-09-05", 789, true))).toMatchObject({ isCoordinationNumber: true });
    expect(byNumber.has(civicNo("2010-02-17", 678))).toBe(false); // cancelled in advance
    expect(byNumber.has(civicNo("2011-04-22", 901))).toBe(false); // grundskola

    const hugo = getDb()
      .select()
      .from(schoolAbsenceReports)
      .where(and(eq(schoolAbsenceReports.listId, second.listId), eq(schoolAbsenceReports.personalNumber, civicNo("2008-11-02", 456))))
      .get();
    expect(hugo).toMatchObject({ invalidAbsenceMinutes: 3600, offeredMinutes: 12000, periodStart: "2026-07-01", periodEnd: "2026-12-01" });
    expect(connection()).toMatchObject({ lastStatus: "ok", lastRows: 9, lastPersons: 13, lastSkipped: 7 });
  });

  it("renews an expired token once and goes on", async () => {
    state.expireFirstToken = true;
    const outcome = await fetchFromSchoolSystem(connectionId, { today: TODAY });
    expect(outcome.ok).toBe(true);
    expect(state.tokensIssued).toBe(2);
  });

  it("reuses a token until it expires", async () => {
    await fetchFromSchoolSystem(connectionId, { today: TODAY });
    await fetchFromSchoolSystem(connectionId, { today: TODAY });
    expect(state.tokensIssued).toBe(1);
  });

  it("fails with a Swedish message when even a fresh token is refused, keeping the earlier list", async () => {
    const before = currentLists().map((l) => l.id);
    state.refuseTokens = true;
    const outcome = await fetchFromSchoolSystem(connectionId, { today: TODAY });
    expect(outcome).toMatchObject({ ok: false, message: SS12000_MESSAGES.unauthorised });
    expect(state.tokensIssued).toBe(2);
    expect(state.requests).toHaveLength(2);
    expect(currentLists().map((l) => l.id)).toEqual(before);
    expect(connection()).toMatchObject({ lastStatus: "failed", lastMessage: SS12000_MESSAGES.unauthorised, lastRows: null });
  });

  it.each([
    [500, SS12000_MESSAGES.serverError(500)],
    [503, SS12000_MESSAGES.overloaded],
  ])("discards a half-read list on a %i and keeps the earlier list current", async (status, message) => {
    const before = currentLists().map((l) => l.id);
    const listsBefore = getDb().select().from(schoolLists).all().length;
    state.pageSize = 5;
    state.failAt = { path: "/persons", status, page: 2 };
    const outcome = await fetchFromSchoolSystem(connectionId, { today: TODAY });
    expect(outcome).toMatchObject({ ok: false, message });
    expect(currentLists().map((l) => l.id)).toEqual(before);
    expect(getDb().select().from(schoolLists).all()).toHaveLength(listsBefore);
    expect(connection()).toMatchObject({ lastStatus: "failed", lastMessage: message });
  });

  it("tells the admin when the token endpoint refuses the client", async () => {
    getDb().update(schoolSystemConnections).set({ clientSecret: "fel" }).where(eq(schoolSystemConnections.id, connectionId)).run();
    try {
      const outcome = await fetchFromSchoolSystem(connectionId, { today: TODAY });
      expect(outcome).toMatchObject({ ok: false, message: SS12000_MESSAGES.tokenRejected });
    } finally {
      getDb().update(schoolSystemConnections).set({ clientSecret: DEMO_SS12000_CLIENT_SECRET }).where(eq(schoolSystemConnections.id, connectionId)).run();
    }
  });

  it("never logs personnummer, the secret or a token", async () => {
    state.failAt = { path: "/aggregatedAttendance", status: 500 };
    await fetchFromSchoolSystem(connectionId, { today: TODAY });
    state.refuseTokens = true;
    await fetchFromSchoolSystem(connectionId, { today: TODAY });
    const logged = warn.mock.calls.flat().join("\n");
    expect(logged).not.toBe("");
    for (const p of persons()) if (p.civicNo) expect(logged).not.toContain(p.civicNo.value);
    expect(logged).not.toContain(DEMO_SS12000_CLIENT_SECRET);
    expect(logged).not.toMatch(/demo-token/);
  });
});
