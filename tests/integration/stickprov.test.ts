import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { auditEvents, enrollments, internalControlSampleCases, internalControlSamples } from "#db/schema";
import { addDays, todayIso } from "~/lib/dates";
import { openRegister } from "~/modules/access/gate.server";
import { sampleResult } from "~/modules/internal-control/cases.server";
import { totalText } from "~/modules/internal-control/labels";
import { drawOrder, drawSample } from "~/modules/internal-control/sampler.server";
import { sampleFormSchema, type SampleFormInput } from "~/modules/internal-control/sample-schema";
import { action as drawAction } from "~/routes/uppfoljning.stickprov._index";
import { auditedCase, enrollmentIdsOf, type CaseInsats, type CaseSpec } from "../factories/internal-control";
import { signedIn, statusOf } from "../factories/requests";
import { createWorld } from "../factories/world";

let world: Awaited<ReturnType<typeof createWorld>>;
const today = todayIso();
const yearAgo = addDays(today, -365);
const cases: { youthId: string; enrollmentId: number }[] = [];

// The contact as Nässjö's routine wants it: a letter first, then a phone call that reaches the youth.
const perRoutine: CaseSpec["attempts"] = [
  { day: 5, channel: "letter", outcome: "not_reached" },
  { day: 20, channel: "phone", outcome: "reached" },
];
// Ended with a reason, not evaluated, its follow-up never held: what every Nässjö case had.
const ended = (party: CaseInsats["party"], extra: Partial<CaseInsats> = {}): CaseInsats => ({
  party,
  startDay: 30,
  plannedEndDay: 90,
  endDay: 90,
  followUps: [{ day: 60 }],
  ...extra,
});
const running = (party: CaseInsats["party"], extra: Partial<CaseInsats> = {}): CaseInsats => ({ party, startDay: 150, plannedEndDay: 260, ...extra });

/** Bilaga 1 of the Nässjö audit, one failure mode per case; none has a kartläggning with a goal. */
const NASSJO: CaseSpec[] = [
  // 1: contact per routine; only the youth's part is clear; one insats ended without a reason.
  { startDaysAgo: 200, attempts: perRoutine, insatser: [ended("youth"), ended("youth", { startDay: 95, endDay: 120, endReason: null })] },
  // 2: per routine; the youth's and the municipality's parts clear; dates and reasons documented.
  { startDaysAgo: 200, attempts: perRoutine, insatser: [ended("youth"), ended("municipality")] },
  // 3: home visit three months after the letter, a month later than the routine says.
  {
    startDaysAgo: 200,
    attempts: [
      { day: 5, channel: "letter", outcome: "not_reached" },
      { day: 97, channel: "home_visit", outcome: "reached" },
    ],
    insatser: [
      ended("municipality", { startDay: 100, plannedEndDay: 150, endDay: 150, followUps: [{ day: 120 }] }),
      ended("other_actor", { startDay: 100, endDay: 150, plannedEndDay: 150, followUps: [] }),
    ],
  },
  // 4: "annan orsak" without description, and an insats past its planned end without end date or reason.
  {
    startDaysAgo: 200,
    attempts: perRoutine,
    insatser: [ended("youth", { endReason: "other" }), running("municipality", { startDay: 100, plannedEndDay: 150, followUps: [{ day: 120 }] })],
  },
  // 5: nobody's part is clear (no unit named), and an insats without a timeline.
  { startDaysAgo: 200, attempts: perRoutine, insatser: [running("municipality", { unit: null })] },
  // 6: no contact documented; deregistered before the insats was done, with no reason why.
  {
    startDaysAgo: 200,
    attempts: [],
    insatser: [ended("municipality", { unit: null, startDay: 40, endDay: 100, plannedEndDay: 160, endReason: "enrollment_ended", followUps: [] })],
    end: { day: 100, reason: "other" },
  },
  // 7: per routine (guardian and practice place too); one insats without end date and reason.
  { startDaysAgo: 200, attempts: perRoutine, insatser: [running("municipality", { startDay: 60, plannedEndDay: 150, followUps: [{ day: 100 }] })] },
  // 8: per routine; the municipality's part clear; dates and end reasons documented.
  { startDaysAgo: 200, attempts: perRoutine, insatser: [ended("municipality")] },
  // 9: per routine; nobody's part clear (another actor not named); an insats without a timeline.
  { startDaysAgo: 200, attempts: perRoutine, insatser: [running("other_actor", { organisationName: null })] },
  // 10: contact begun with a home visit; an ended insats without a reason.
  {
    startDaysAgo: 200,
    attempts: [{ day: 10, channel: "home_visit", outcome: "reached" }],
    insatser: [ended("youth"), ended("municipality", { endReason: null })],
  },
];

const form = (overrides: Partial<SampleFormInput> = {}): SampleFormInput => ({
  size: 10,
  seed: "revision-2026",
  period: "intervall",
  fran: yearAgo,
  till: today,
  state: "all",
  handlaggare: "alla",
  ...overrides,
});

function draw(overrides: Partial<SampleFormInput> = {}) {
  const result = drawSample(openRegister(world.actors.coordinator), form(overrides), today);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.sampleId;
}

function drawnEnrollments(sampleId: number) {
  return getDb()
    .select()
    .from(internalControlSampleCases)
    .where(eq(internalControlSampleCases.sampleId, sampleId))
    .orderBy(internalControlSampleCases.position)
    .all()
    .map((c) => c.enrollmentId);
}

beforeAll(async () => {
  world = await createWorld();
  for (const spec of NASSJO) cases.push(auditedCase(world.actors.coordinator, { ...spec, caseworkerMembershipId: world.actors.caseworker.membershipId }));
});

describe("the stickprov scoring", () => {
  it("reproduces the Nässjö auditors' table on their ten failure modes", () => {
    const result = sampleResult(world.actors.coordinator, draw(), { anonymous: false });
    expect(result.cases).toHaveLength(10);
    expect(result.totals.map(totalText)).toEqual([
      "Kontakt 7 av 10 (2 delvis, 1 inte)",
      "Kartläggning 0 av 10 (7 delvis, 3 inte)",
      "Åtgärder 0 av 10 (10 delvis)",
      "Uppföljning och utvärdering 0 av 10 (10 inte)",
    ]);
    // Case by case, as Bilaga 1 scores them (the draw order is the seed's; map back to the audit's numbers).
    const levels = cases.map(({ youthId }) => result.cases.find((c) => c.youth?.id === youthId)!.scores.map((s) => s.level));
    expect(levels.map((l) => l[0])).toEqual(["met", "met", "partly", "met", "met", "not_met", "met", "met", "met", "partly"]);
    expect(levels.map((l) => l[1])).toEqual(["partly", "partly", "partly", "partly", "not_met", "not_met", "partly", "partly", "not_met", "partly"]);
  });

  it("gives each reason in the auditors' terms, with a link to where it lies in the record", () => {
    const result = sampleResult(world.actors.coordinator, draw({ seed: "skal" }), { anonymous: false });
    const of = (n: number) => result.cases.find((c) => c.youth?.id === cases[n - 1]!.youthId)!;
    const reasons = (n: number, criterion: string) => of(n).scores.find((s) => s.criterion === criterion)!.reasons;
    expect(reasons(3, "contact").map((r) => r.text)).toEqual([
      expect.stringMatching(/^Steg 2 .* gjordes inte; enligt rutinen senast .*Kontakt söktes i stället på annat sätt\.$/),
      expect.stringMatching(/^Steg 3 \(Knackkort och hembesök.*\) gjordes .*, 3\d dagar senare än rutinen anger/),
    ]);
    expect(reasons(10, "contact")[0]!.text).toMatch(/^Kontakten påbörjades .* med hembesök, vilket inte är rutinens första steg/);
    expect(reasons(6, "contact")).toEqual([{ text: expect.stringMatching(/^Kontakt med ungdomen är inte dokumenterad/), target: { kind: "contacts" } }]);
    expect(reasons(4, "interventions").map((r) => r.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/avslutad med ”annan orsak” utan beskrivning/), expect.stringMatching(/planerat slut .* har passerats/)]),
    );
    expect(reasons(6, "interventions")).toContainEqual({
      text: expect.stringMatching(/avslutades när ungdomen avregistrerades .* det framgår inte varför/),
      target: { kind: "enrollment" },
    });
    expect(reasons(1, "assessment").map((r) => r.text)).toContain("Det framgår vad ungdomen ansvarar för.");
    expect(reasons(2, "interventions")).toEqual([
      { text: "Det går inte att bedöma om åtgärderna följer målet: målet med insatserna är inte dokumenterat.", target: { kind: "plan" } },
    ]);
    expect(reasons(5, "evaluation")[0]).toMatchObject({ text: expect.stringMatching(/ingen uppföljning är planerad/), target: { kind: "intervention" } });
  });

  it("anonymised, opens no identity, names nobody and numbers the cases 1..n; every case opened is logged", () => {
    const sampleId = draw({ seed: "anonym" });
    const before = getDb().select().from(auditEvents).all().length;
    const result = sampleResult(world.actors.coordinator, sampleId, { anonymous: true });
    expect(result.cases.map((c) => [c.position, c.youth])).toEqual(Array.from({ length: 10 }, (_, i) => [i + 1, null]));
    const rows = getDb().select().from(auditEvents).all().slice(before);
    expect(rows.filter((r) => r.section === "identity")).toEqual([]);
    expect(new Set(rows.map((r) => `${r.section}:${r.action}:${r.basis}`))).toEqual(
      new Set(["enrollment:read:register_keeper", "contacts:read:register_keeper", "assessment:read:register_keeper", "plan:read:register_keeper"]),
    );
    expect(new Set(rows.map((r) => r.youthId))).toEqual(new Set(cases.map((c) => c.youthId)));
  });
});

describe("the sampler", () => {
  it("gives the same cases in the same order for the same seed, and others for another seed", () => {
    const first = drawnEnrollments(draw({ seed: "abc", size: 5 }));
    const again = drawnEnrollments(draw({ seed: "abc", size: 5 }));
    const other = drawnEnrollments(draw({ seed: "xyz", size: 5 }));
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    // An auditor re-checks the draw with any SHA-256 tool: rank "seed:id" by its hex digest.
    const byHand = enrollmentIdsOf(world.municipality.id)
      .map((id) => ({ id, hex: crypto.createHash("sha256").update(`abc:${id}`).digest("hex") }))
      .sort((a, b) => a.hex.localeCompare(b.hex))
      .map((x) => x.id);
    expect(first).toEqual(byHand.slice(0, 5));
    expect(drawOrder("abc", [...byHand].reverse())).toEqual(byHand);
  });

  it("stores the frame, so the draw can be redone from the seed later, whatever the register has become", () => {
    const sampleId = draw({ seed: "ram", size: 4 });
    const sample = getDb().select().from(internalControlSamples).where(eq(internalControlSamples.id, sampleId)).get()!;
    const frame = JSON.parse(sample.frameEnrollmentIds) as number[];
    expect(frame).toEqual([...enrollmentIdsOf(world.municipality.id)].sort((a, b) => a - b));
    expect(frame).toHaveLength(sample.populationSize);
    expect(drawOrder("ram", frame).slice(0, 4)).toEqual(drawnEnrollments(sampleId));
    // The named report prints each case's enrollment number; the anonymised one does not.
    expect(sampleResult(world.actors.coordinator, sampleId, { anonymous: false }).cases.map((c) => c.enrollmentId)).toEqual(drawnEnrollments(sampleId));
    expect(sampleResult(world.actors.coordinator, sampleId, { anonymous: true }).cases.map((c) => c.enrollmentId)).toEqual([null, null, null, null]);
  });

  it("takes the seed in lower case: an auditor who retypes it in capitals gets the same draw", () => {
    const parsed = sampleFormSchema.parse({
      size: "3",
      seed: " Revision-2026 ",
      period: "intervall",
      fran: yearAgo,
      till: today,
      state: "all",
      handlaggare: "alla",
    });
    expect(parsed.seed).toBe("revision-2026");
  });

  it("judges open and ended at the period's end: an enrollment that ended after it counts as open", () => {
    const ended = getDb().select().from(enrollments).where(eq(enrollments.id, cases[5]!.enrollmentId)).get()!;
    const till = addDays(ended.endDate!, -1);
    const open = drawnEnrollments(draw({ seed: "oppen", size: 100, state: "open", till }));
    expect(open).toContain(cases[5]!.enrollmentId);
    const endedInPeriod = drawSample(openRegister(world.actors.coordinator), form({ state: "ended", till }), today);
    expect(endedInPeriod.ok ? drawnEnrollments(endedInPeriod.sampleId) : []).not.toContain(cases[5]!.enrollmentId);
  });

  it("freezes the draw: filters, population size, the routine of the day, cases numbered in draw order; the drawn youths are logged", () => {
    const sampleId = draw({ seed: "frys", size: 3, state: "ended" });
    const sample = getDb().select().from(internalControlSamples).where(eq(internalControlSamples.id, sampleId)).get()!;
    expect(sample).toMatchObject({ seed: "frys", requestedSize: 3, state: "ended", populationSize: 1, periodFrom: yearAgo, periodTo: today });
    expect(JSON.parse(sample.routineSnapshot)).toHaveLength(4);
    expect(drawnEnrollments(sampleId)).toEqual([cases[5]!.enrollmentId]);
    const listed = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.youthId, cases[5]!.youthId), eq(auditEvents.action, "list")))
      .all();
    expect(listed.length).toBeGreaterThan(0);
  });

  it("filters by caseworker and by open enrollments", () => {
    expect(drawSample(openRegister(world.actors.coordinator), form({ state: "open" }), today)).toMatchObject({ ok: true });
    const open = getDb().select().from(internalControlSamples).orderBy(internalControlSamples.id).all().at(-1)!;
    expect(open.populationSize).toBe(9);
    const nobody = drawSample(openRegister(world.actors.coordinator), form({ handlaggare: world.actors.coordinator.membershipId }), today);
    expect(nobody).toEqual({ ok: false, errors: { form: expect.stringMatching(/^Ingen inskrivning uppfyller villkoren/) } });
    expect(drawSample(openRegister(world.actors.coordinator), form({ handlaggare: 999999 }), today)).toEqual({
      ok: false,
      errors: { handlaggare: "Välj en handläggare på KAA-enheten." },
    });
  });
});

describe("the stickprov pages", () => {
  it("refuses bad input with Swedish messages and 400, writing nothing", async () => {
    const client = await signedIn(world.actors.coordinator);
    const count = () => getDb().select().from(internalControlSamples).all().length;
    const before = count();
    for (const [fields, field] of [
      [{ size: "101" }, "size"],
      [{ size: "abc" }, "size"],
      [{ seed: "å".repeat(3) }, "seed"],
      [{ seed: "x".repeat(41) }, "seed"],
      [{ period: "tertial-2026-9" }, "period"],
      [{ state: "somliga" }, "state"],
    ] as const) {
      const response = (await drawAction({
        request: client.post(
          "/uppfoljning/stickprov",
          Object.assign({ size: "5", seed: "abc", period: "intervall", fran: yearAgo, till: today, state: "all", handlaggare: "alla" }, fields),
        ),
        params: {},
        context: {},
      })) as Response;
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: Record<string, string> };
      expect(body.errors[field]).toMatch(/[a-zåäö]/i);
    }
    expect(count()).toBe(before);
  });

  it("is the samordnare's: a caseworker gets 403, another municipality's samordnare the same 404 as a missing sample", async () => {
    const sampleId = draw({ seed: "behorighet", size: 1 });
    expect(await statusOf(async () => sampleResult(world.actors.caseworker, sampleId, { anonymous: false }))).toBe(403);
    const other = await createWorld();
    expect(await statusOf(async () => sampleResult(other.actors.coordinator, sampleId, { anonymous: false }))).toBe(404);
    expect(await statusOf(async () => sampleResult(world.actors.coordinator, 99999999, { anonymous: false }))).toBe(404);
  });
});
