// Issue 16: socialtjänsten keeps a report of concern's handling status, and the professional reporter
// is told each step (SoL 14 kap. 1 a §) and sees the history, without socialtjänsten's notes.
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { auditEvents, concernReportStatuses } from "#db/schema";
import { addYears, todayIso } from "~/lib/dates";
import type { Actor } from "~/modules/auth/actor.server";
import { fileNamedConcernReport, readConcernReport } from "~/modules/concern-reports/concern-reports.server";
import { makePersonalNumber } from "~/modules/youth/personal-number";
import { action as reportAction } from "~/routes/orosanmalningar.$reportId";
import { startTestSmtp, useTestSmtp, type TestSmtp } from "../setup/smtp";
import { expectMailed, expectNoPersonalData, noticesOn } from "../factories/notifications";
import { signedIn, statusOf } from "../factories/requests";
import { createWorld } from "../factories/world";

let world: Awaited<ReturnType<typeof createWorld>>;
const today = todayIso();
const pupil = { personalNumber: makePersonalNumber(addYears(today, -15), 416), firstName: "Elsa", lastName: "Elevsdotter" };

let smtp: TestSmtp;
afterAll(() => smtp.stop());

beforeAll(async () => {
  smtp = await startTestSmtp();
  // Posts through the routes come from http://localhost: the origin check must agree.
  useTestSmtp(smtp.port, { PUBLIC_ORIGIN: "http://localhost" });
  world = await createWorld();
});

function fileReport() {
  const result = fileNamedConcernReport(
    world.actors.school,
    { ...pupil, homeMunicipalityId: world.municipality.id },
    { observed: "Eleven berättar om oro hemma.", observedWhen: today, reporterPhone: undefined },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.id;
}

async function post(actor: Actor, reportId: number, fields: Record<string, string>) {
  const client = await signedIn(actor);
  const run = () => reportAction({ request: client.post(`/orosanmalningar/${reportId}`, fields), params: { reportId: String(reportId) }, context: {} });
  const status = await statusOf(run);
  return status === 400 ? { status, errors: ((await ((await run()) as Response).json()) as { errors: Record<string, string> }).errors } : { status };
}

const words = [pupil.firstName, pupil.lastName, pupil.personalNumber, pupil.personalNumber.slice(-10), "oro hemma"];

describe("handling status of a report of concern", () => {
  it("is received when socialtjänsten first opens the report, and the school that filed it is told once", async () => {
    const id = fileReport();
    expect(noticesOn(`concern:${id}`)).toEqual([]);
    expect(readConcernReport(world.actors.social, id).report.handlingStatus).toBe("received");
    readConcernReport(world.actors.social, id);
    const rows = noticesOn(`concern:${id}`);
    expect(rows.map((n) => [n.kind, n.membershipId, n.title, n.link])).toEqual([
      ["concern_report_received", world.actors.school.membershipId, `Orosanmälan ${id}: Mottagen`, `/orosanmalningar/${id}`],
    ]);
    expectNoPersonalData(rows, words);
    await expectMailed(smtp, rows, words);
  });

  it("moves mottagen → förhandsbedömning → utredning inleds inte, telling the reporter each step; other steps are refused in Swedish", async () => {
    const id = fileReport();
    readConcernReport(world.actors.social, id);
    // Straight to a decision, skipping the förhandsbedömning.
    expect(await post(world.actors.social, id, { status: "investigation_opened" })).toEqual({
      status: 400,
      errors: { status: "Anmälan har ”Mottagen”. Nästa status kan bara vara ”Förhandsbedömning”." },
    });
    expect(await post(world.actors.social, id, { status: "utredning" })).toEqual({ status: 400, errors: { status: "Välj status." } });
    expect(await post(world.actors.social, id, { status: "preliminary_assessment", note: "INTERN-ANTECKNING: ring mentorn." })).toEqual({ status: 302 });
    expect(await post(world.actors.social, id, { status: "investigation_not_opened" })).toEqual({ status: 302 });
    expect(await post(world.actors.social, id, { status: "investigation_opened" })).toEqual({
      status: 400,
      errors: { status: "Anmälan har ”Utredning inleds inte”, som är ett slutligt besked." },
    });

    const rows = noticesOn(`concern:${id}`);
    expect(rows.map((n) => [n.kind, n.membershipId, n.title])).toEqual([
      ["concern_report_received", world.actors.school.membershipId, `Orosanmälan ${id}: Mottagen`],
      ["concern_report_status", world.actors.school.membershipId, `Orosanmälan ${id}: Förhandsbedömning`],
      ["concern_report_status", world.actors.school.membershipId, `Orosanmälan ${id}: Utredning inleds inte`],
    ]);
    expectNoPersonalData(rows, [...words, "INTERN-ANTECKNING"]);
    await expectMailed(smtp, rows, [...words, "INTERN-ANTECKNING"]);

    // The reporter sees what and when, never socialtjänsten's note or who.
    const seen = readConcernReport(world.actors.school, id);
    expect(seen.report.handlingStatus).toBe("investigation_not_opened");
    expect(seen.statuses.map((s) => [s.status, s.note, s.by])).toEqual([
      ["received", null, null],
      ["preliminary_assessment", null, null],
      ["investigation_not_opened", null, null],
    ]);
    expect(seen.nextStatuses).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain("INTERN-ANTECKNING");
    // Socialtjänsten sees its note.
    expect(readConcernReport(world.actors.social, id).statuses[1]).toMatchObject({
      note: "INTERN-ANTECKNING: ring mentorn.",
      by: world.actors.social.displayName,
    });

    // Each change was logged as a write on the report's ground.
    const logged = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, world.actors.social.userId), eq(auditEvents.section, "concern_reports"), eq(auditEvents.action, "write")))
      .orderBy(desc(auditEvents.id))
      .get();
    expect(logged).toMatchObject({ outcome: "allowed", basis: "concern_report", basisRef: String(id) });
    // What the reporter was told stays as it was told.
    expect(() => getDb().update(concernReportStatuses).set({ note: "ändrad" }).where(eq(concernReportStatuses.reportId, id)).run()).toThrow(/kan inte ändras/);
    expect(() => getDb().delete(concernReportStatuses).where(eq(concernReportStatuses.reportId, id)).run()).toThrow(/kan inte tas bort/);
  });

  it("is set only by the socialtjänst it was sent to: the reporter gets 403, anyone else 404", async () => {
    const id = fileReport();
    readConcernReport(world.actors.social, id);
    expect(await post(world.actors.school, id, { status: "preliminary_assessment" })).toEqual({ status: 403 });
    expect(await post(world.actors.employment, id, { status: "preliminary_assessment" })).toEqual({ status: 404 });
    expect(await post(world.actors.social, 999_999, { status: "preliminary_assessment" })).toEqual({ status: 404 });
    expect(readConcernReport(world.actors.school, id).report.handlingStatus).toBe("received");
  });
});
