import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildBlocks, type ScbRow } from "~/modules/scb/blocks";
import { blockingFailures, runChecks, SCB_RULES, type ScbRule } from "~/modules/scb/checks";
import { dataFile, readDataFile, sha256 } from "~/modules/scb/data-file";
import { CURRENT_VERSION, SCB_VERSIONS, scbVersion } from "~/modules/scb/mapping";
import type { ScbWorld } from "~/modules/scb/world";
import { goldenWorld } from "../fixtures/scb/world-2026-1";

const mapping = CURRENT_VERSION;
const expected = fs.readFileSync(path.resolve("tests/fixtures/scb/2026-1.halvar-2026-1.expected.txt"));
const TODAY = new Date("2026-12-02T12:00:00Z");

function exportOf(world: ScbWorld) {
  const rows = buildBlocks(world, mapping);
  return { rows, bytes: dataFile(rows, mapping), failures: runChecks(world, rows, mapping, TODAY) };
}

describe("the SCB file (golden)", () => {
  it("the fixture world of the first half-year 2026 gives the hand-written file, byte for byte", () => {
    const { bytes } = exportOf(goldenWorld());
    expect(bytes.toString("latin1")).toBe(expected.toString("latin1"));
    expect(Buffer.compare(bytes, expected)).toBe(0);
  });

  it("is the same file whatever order the youths, contacts and åtgärder are read in", () => {
    const world = goldenWorld();
    world.youths.reverse();
    for (const e of world.youths.flatMap((y) => y.enrollments)) {
      e.contacts.reverse();
      e.interventions.reverse();
    }
    expect(sha256(exportOf(world).bytes)).toBe(sha256(expected));
  });

  it("the golden world passes every check; a contact without an occupation and an åtgärd ended with it unknown are warnings, sent as okänd", () => {
    const { failures } = exportOf(goldenWorld());
    expect(blockingFailures(failures)).toEqual([]);
    // An åtgärd ended with the occupation afterwards "okänd" is sent so, and listed for someone who may know.
    expect(failures.map((f) => [f.youthName, f.rule, f.severity])).toEqual([
      ["Cecilia Carlsson", "block4_end", "warning"],
      ["Dawit Desta", "contact_occupation", "warning"],
    ]);
  });

  it("the stored file reads back into its blocks for the workbook", () => {
    const cells = readDataFile(expected, mapping);
    expect([1, 2, 3, 4, 5].map((b) => cells.get(b as 1)!.length)).toEqual([5, 7, 3, 2, 2]);
    expect(cells.get(0)).toEqual([]);
    expect(cells.get(3)![1]).toEqual(["3", "0682", "200803141233", "2", "20260201", "1", "0"]);
  });
});

describe("the mapping", () => {
  it("every version is one file, named, and the current one says it is not verified against SCB", () => {
    expect(SCB_VERSIONS.map((v) => v.id)).toContain(CURRENT_VERSION.id);
    expect(scbVersion("2026-1")).toBe(CURRENT_VERSION);
    expect(CURRENT_VERSION.verified).toBe(false);
    expect(CURRENT_VERSION.source).toMatch(/Inte kontrollerad mot SCB:s Datafilsbeskrivning/);
  });

  it("each block's columns start with the block, the kommun and the personnummer", () => {
    for (const columns of Object.values(mapping.columns)) expect(columns.slice(0, 3)).toEqual(["block", "municipalityCode", "personalNumber"]);
  });
});

/** One fixture per rule: the golden world changed in one place, or (for the rules that guard the rows) one row. */
const FAILING: Record<ScbRule & (typeof SCB_RULES)[number], (w: ScbWorld, rows: ScbRow[]) => void> = {
  block1: (w) => (w.youths[1]!.enrollments[0]!.registrationReason = "unknown"),
  block3_start: (_w, rows) => rows.push({ ...rows.find((r) => r.block === 3)!, date: "2026-07-05" }),
  block4_end: (w) => (w.youths[0]!.enrollments[0]!.interventions[1]!.occupationAfter = null),
  block5_reason: (w) => (w.youths[1]!.enrollments[0]!.endReason = null),
  dates_in_period: (_w, rows) => rows.push({ ...rows.find((r) => r.block === 2)!, date: "2025-12-31" }),
  personal_number: (w) => (w.youths[0]!.personalNumber = "200803141234"),
  scb_type: (w) => (w.youths[0]!.enrollments[0]!.interventions[2]!.scbType = null),
};

describe("the logical checks", () => {
  it.each(SCB_RULES)("%s has a fixture that fails it, naming the youth and a page to fix it", (rule) => {
    const world = goldenWorld();
    const rows = buildBlocks(world, mapping);
    FAILING[rule](world, rows);
    const failures = blockingFailures(
      runChecks(world, rule === "block3_start" || rule === "dates_in_period" ? rows : buildBlocks(world, mapping), mapping, TODAY),
    );
    expect(failures.map((f) => f.rule)).toEqual([rule]);
    expect(failures[0]!.fix.href).toMatch(/^\/(ungdomar\/[A-Za-z]+\/|insatstyper)/);
    expect(failures[0]!.message).not.toMatch(/\d{10}/);
  });

  it("an åtgärd begun after the responsibility ended, in the same period, is a date the file may not carry", () => {
    const world = goldenWorld();
    const ended = world.youths.flatMap((y) => y.enrollments).find((e) => e.endDate !== null && e.endDate >= world.period.from && e.endDate < world.period.to)!;
    const later = ended.endDate! < "2026-06-20" ? "2026-06-20" : world.period.to;
    ended.interventions.push({
      id: 99,
      number: 9,
      typeId: 1,
      typeName: "Coachning",
      scbType: "motivational",
      startDate: later,
      declinedDate: null,
      endDate: null,
      occupationAfter: null,
    });
    const failures = blockingFailures(runChecks(world, buildBlocks(world, mapping), mapping, TODAY));
    expect(failures.map((f) => [f.rule, f.message])).toEqual([
      ["dates_in_period", `Startdatum för åtgärd ${later} ligger efter att ansvaret upphörde ${ended.endDate} (block 3)`],
    ]);
  });

  it("an åtgärd that ends before it starts fails block 4, with a link to the insats", () => {
    const world = goldenWorld();
    world.youths[0]!.enrollments[0]!.interventions[1]!.endDate = "2026-01-15";
    const failures = blockingFailures(runChecks(world, buildBlocks(world, mapping), mapping, TODAY));
    expect(failures).toEqual([
      expect.objectContaining({
        rule: "block4_end",
        youthName: "Alva Andersson",
        fix: { href: "/ungdomar/alvaAAAAAAAAAAAA/insatser/11", label: "Rätta insatsen" },
      }),
    ]);
  });

  it("a missing registration reason links to the enrollment's SCB form and is listed as missing", () => {
    const world = goldenWorld();
    world.youths[1]!.enrollments[0]!.lastSchoolOccupation = "unknown";
    const [failure] = runChecks(world, buildBlocks(world, mapping), mapping, TODAY).filter((f) => f.severity === "error");
    expect(failure).toMatchObject({ rule: "block1", missing: true, fix: { href: "/ungdomar/bertilBBBBBBBBBB/scb/2" } });
  });
});
