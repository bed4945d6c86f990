// The annual report through its routes on a real database: created once per municipality and period,
// written at the version read, fastställd with its figures frozen, then locked; read by the KAA unit
// (drafts too) and the styrgrupp (approved only), a 404 for everyone else.
import { renderToString } from "react-dom/server";
import { createElement } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { annualReports } from "#db/schema";
import { eq } from "drizzle-orm";
import { ReportDocument } from "~/components/annual-report/report-document";
import { CONFLICT_MESSAGE, LOCKED_MESSAGE } from "~/modules/annual-report/annual-report.server";
import { AREA_KEYS, analysisField } from "~/modules/annual-report/areas";
import { suppressedFollowUp } from "~/modules/annual-report/report-figures.server";
import type { AnnualReportView } from "~/modules/annual-report/report-types";
import { calendarYear } from "~/modules/statistics/periods";
import { requireSteeringEditor } from "~/modules/steering/access.server";
import { goalSchema } from "~/modules/steering/goal-schemas";
import { createGoal, updateGoal } from "~/modules/steering/goals.server";
import type { Actor } from "~/modules/auth/actor.server";
import { action as listAction, loader as listLoader } from "~/routes/uppfoljning_.arsrapport._index";
import { action as reportAction, loader as reportLoader } from "~/routes/uppfoljning_.arsrapport.$reportId._index";
import { loader as printLoader } from "~/routes/uppfoljning_.arsrapport.$reportId.utskrift";
import { createWorld } from "../factories/world";
import { signedIn } from "../factories/requests";
import { statEnrollment } from "../factories/follow-up";

let world: Awaited<ReturnType<typeof createWorld>>;
let other: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  other = await createWorld();
  // Twelve youths registered in 2025.
  for (let i = 0; i < 12; i++) statEnrollment(world.municipality.id, { startDate: `2025-03-${String(i + 1).padStart(2, "0")}`, birthDate: "2008-01-15" });
});

type Json = Record<string, unknown>;
async function create(actor: Actor, period: string) {
  try {
    const response = (await listAction({ request: (await signedIn(actor)).post("/uppfoljning/arsrapport", { period }), params: {}, context: {} })) as Response;
    return { status: response.status, location: response.headers.get("Location"), data: response.status === 400 ? ((await response.json()) as Json) : null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: null, data: null };
    throw thrown;
  }
}
/** Runs a loader or action once: a thrown Response (403, 404) is its answer too. */
async function answer(run: () => Promise<unknown>): Promise<Response | { plain: unknown }> {
  try {
    const result = await run();
    return result instanceof Response ? result : { plain: result };
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
async function post(actor: Actor, id: number, fields: Record<string, string>) {
  const response = (await answer(async () =>
    reportAction({ request: (await signedIn(actor)).post(`/uppfoljning/arsrapport/${id}`, fields), params: { reportId: String(id) }, context: {} }),
  )) as Response;
  if (response.status === 403 || response.status === 404) return { status: response.status, data: null };
  return { status: response.status, data: (await response.json()) as { ok: boolean; message: string; errors: Record<string, string> } };
}
async function read(actor: Actor, id: number) {
  const response = (await answer(async () =>
    reportLoader({ request: (await signedIn(actor)).get(`/uppfoljning/arsrapport/${id}`), params: { reportId: String(id) }, context: {} }),
  )) as Response;
  if (response.status !== 200) return { status: response.status, data: null };
  return { status: 200, data: (await response.json()) as { report: AnnualReportView; mayEdit: boolean } };
}
const idOf = (location: string | null) => Number(/\/uppfoljning\/arsrapport\/(\d+)$/.exec(location ?? "")?.[1]);
const texts = (overrides: Record<string, string> = {}) => Object.fromEntries(AREA_KEYS.map((k) => [analysisField(k), overrides[k] ?? ""]));
const target = (report: AnnualReportView) => report.figures.followUp.tables.find((t) => t.id === "oversikt")!.rows.find((r) => r.key === "target")!.cells[0];

describe("creating a report", () => {
  let yearReport: number;
  it("gives the samordnare a draft for a calendar year, and refuses a second for the same year", async () => {
    const created = await create(world.actors.coordinator, "ar-2025");
    expect(created.status).toBe(302);
    yearReport = idOf(created.location);
    expect(yearReport).toBeGreaterThan(0);
    const again = await create(world.actors.coordinator, "ar-2025");
    expect(again.status).toBe(400);
    expect((again.data!.errors as Json).period).toBe("Det finns redan en årsrapport för år 2025.");
    // Another municipality has its own report of the same year.
    expect((await create(other.actors.coordinator, "ar-2025")).status).toBe(302);
  });

  it("answers a wrong period with 400 and a Swedish message", async () => {
    for (const [period, message] of [
      ["tertial-2025-1", "Årsrapporten gäller ett läsår eller ett kalenderår."],
      ["intervall", "Eget intervall finns bara i KAA-enhetens vy."],
      ["kvartal-2025", "Okänd period"],
      ["ar-2099", "År 2099 har inte börjat än."],
      ["", "Välj läsåret eller kalenderåret som rapporten gäller."],
    ]) {
      const response = await create(world.actors.coordinator, period!);
      expect(response.status, period).toBe(400);
      expect(String((response.data!.errors as Json).period), period).toContain(message);
    }
  });

  it("is the samordnare's alone: 403 for the handläggare and the styrgrupp, 404 for a school", async () => {
    expect((await create(world.actors.caseworker, "lasar-2024")).status).toBe(403);
    expect((await create(world.actors.steering, "lasar-2024")).status).toBe(403);
    expect((await create(world.actors.school, "lasar-2024")).status).toBe(404);
    expect(getDb().select().from(annualReports).where(eq(annualReports.period, "lasar-2024")).all()).toEqual([]);
  });

  describe("writing, approving and locking", () => {
    it("saves the analysis at the version read and refuses a stale version with 409", async () => {
      const first = await read(world.actors.coordinator, yearReport);
      expect(first.data!.report.status).toBe("draft");
      expect(first.data!.mayEdit).toBe(true);
      const version = String(first.data!.report.version);
      const saved = await post(world.actors.coordinator, yearReport, {
        intent: "save",
        version,
        ...texts({ malgrupp: "Fler ungdomar än året före.\n\nTvå stycken." }),
      });
      expect(saved.status).toBe(200);
      // A second samordnare with the page opened before that save.
      const stale = await post(world.actors.coordinator, yearReport, { intent: "save", version, ...texts({ malgrupp: "Skriver över." }) });
      expect(stale.status).toBe(409);
      expect(stale.data!.errors.form).toBe(CONFLICT_MESSAGE);
      const after = await read(world.actors.coordinator, yearReport);
      expect(after.data!.report.analysis.malgrupp).toBe("Fler ungdomar än året före.\n\nTvå stycken.");
      expect(after.data!.report.version).toBe(Number(version) + 1);
    });

    it("refuses too long a text, a personnummer and a missing version with 400", async () => {
      const { report } = (await read(world.actors.coordinator, yearReport)).data!;
      const tooLong = await post(world.actors.coordinator, yearReport, {
        intent: "save",
        version: String(report.version),
        ...texts({ kontakt: "x".repeat(10_001) }),
      });
      expect(tooLong.status).toBe(400);
      expect(tooLong.data!.errors[analysisField("kontakt")]).toMatch(/^Texten får vara högst 10\s000 tecken\.$/);
      const identifying = await post(world.actors.coordinator, yearReport, {
        intent: "save",
        version: String(report.version),
        ...texts({ kontakt: "Gäller 20080115-2380." }),
      });
      expect(identifying.status).toBe(400);
      expect(identifying.data!.errors[analysisField("kontakt")]).toContain("personnummer");
      expect((await post(world.actors.coordinator, yearReport, { intent: "save", ...texts() })).status).toBe(400);
      expect((await read(world.actors.coordinator, yearReport)).data!.report.version).toBe(report.version);
    });

    it("lets the handläggare read the draft but not write it; the styrgrupp and schools get 404", async () => {
      expect((await read(world.actors.caseworker, yearReport)).data!.mayEdit).toBe(false);
      expect((await post(world.actors.caseworker, yearReport, { intent: "save", version: "1", ...texts() })).status).toBe(403);
      for (const actor of [world.actors.steering, world.actors.school, world.actors.social, world.actors.employment, other.actors.coordinator]) {
        expect((await read(actor, yearReport)).status).toBe(404);
      }
      const steeringList = (await (
        (await listLoader({ request: (await signedIn(world.actors.steering)).get("/uppfoljning/arsrapport"), params: {}, context: {} })) as Response
      ).json()) as { reports: unknown[] };
      expect(steeringList.reports).toEqual([]);
    });

    it("approves only with the summary written, and only once the period is over", async () => {
      const { report } = (await read(world.actors.coordinator, yearReport)).data!;
      const version = String(report.version);
      const unconfirmed = await post(world.actors.coordinator, yearReport, { intent: "approve", version });
      expect(unconfirmed.status).toBe(400);
      const withoutSummary = await post(world.actors.coordinator, yearReport, { intent: "approve", version, confirmApproval: "on" });
      expect(withoutSummary.status).toBe(400);
      expect(withoutSummary.data!.errors.form).toContain("sammanfattande analysen");

      const running = idOf((await create(world.actors.coordinator, "lasar-2026")).location);
      const runningView = (await read(world.actors.coordinator, running)).data!.report;
      await post(world.actors.coordinator, running, { intent: "save", version: String(runningView.version), ...texts({ analys: "Klart." }) });
      const early = await post(world.actors.coordinator, running, { intent: "approve", version: String(runningView.version + 1), confirmApproval: "on" });
      expect(early.status).toBe(400);
      expect(early.data!.errors.form).toContain("när perioden är slut");
    });

    it("freezes the figures at approval and locks the report", async () => {
      const { report } = (await read(world.actors.coordinator, yearReport)).data!;
      await post(world.actors.coordinator, yearReport, {
        intent: "save",
        version: String(report.version),
        ...texts({ malgrupp: "Fler ungdomar än året före.\n\nTvå stycken.", analys: "Sammanfattning <script>alert(1)</script>" }),
      });
      // Goals in force: one per year, one per tertial; the report judges each period of their kind in 2025.
      const access = requireSteeringEditor(world.actors.coordinator);
      const goal = (fields: Record<string, string>) => goalSchema.parse({ comparator: "gte", ...fields });
      const yearly = createGoal(world.actors.coordinator, access, goal({ figureKey: "target", target: "10", periodKind: "ar" })).id;
      createGoal(world.actors.coordinator, access, goal({ figureKey: "target", target: "5", periodKind: "tertial" }));
      const approved = await post(world.actors.coordinator, yearReport, { intent: "approve", version: String(report.version + 1), confirmApproval: "on" });
      expect(approved.status).toBe(200);
      const frozen = (await read(world.actors.coordinator, yearReport)).data!.report;
      expect(frozen.status).toBe("approved");
      expect(target(frozen)).toEqual({ value: 12 });
      const goals = frozen.figures.goals!;
      expect(goals.map((g) => g.periods.map((p) => [p.from, p.to, p.met]))).toEqual([
        [["2025-01-01", "2025-12-31", true]],
        [
          ["2025-01-01", "2025-04-30", expect.anything()],
          ["2025-05-01", "2025-08-31", expect.anything()],
          ["2025-09-01", "2025-12-31", expect.anything()],
        ],
      ]);
      // A goal changed afterwards does not change what the report says was decided and met.
      updateGoal(world.actors.coordinator, access, yearly, goal({ figureKey: "target", target: "50", periodKind: "ar" }));
      expect((await read(world.actors.coordinator, yearReport)).data!.report.figures.goals![0]!.periods[0]!.met).toBe(true);

      // The world changes after approval: the live figures move, the report's do not.
      for (let i = 0; i < 6; i++) statEnrollment(world.municipality.id, { startDate: `2025-10-${String(i + 1).padStart(2, "0")}` });
      const live = suppressedFollowUp(world.municipality.id, calendarYear(2025));
      expect(live.tables.find((t) => t.id === "oversikt")!.rows.find((r) => r.key === "target")!.cells[0]).toEqual({ value: 18 });
      const later = (await read(world.actors.coordinator, yearReport)).data!.report;
      expect(target(later)).toEqual({ value: 12 });
      expect(later.figures.followUp.computedAt).toBe(frozen.figures.followUp.computedAt);

      // Locked: the server says so, and the database refuses any other path.
      const save = await post(world.actors.coordinator, yearReport, { intent: "save", version: String(later.version), ...texts({ analys: "Ändrad" }) });
      expect(save.status).toBe(409);
      expect(save.data!.errors.form).toBe(LOCKED_MESSAGE);
      expect((await post(world.actors.coordinator, yearReport, { intent: "approve", version: String(later.version), confirmApproval: "on" })).status).toBe(409);
      expect(() => getDb().update(annualReports).set({ analysis: "{}" }).where(eq(annualReports.id, yearReport)).run()).toThrow(/fastställd/);
      expect(() => getDb().delete(annualReports).where(eq(annualReports.id, yearReport)).run()).toThrow(/fastställd/);
      expect((await read(world.actors.coordinator, yearReport)).data!.report.analysis.analys).toBe("Sammanfattning <script>alert(1)</script>");
    });

    it("shows the approved report to the styrgrupp, in print too, with the text as text", async () => {
      const steering = await read(world.actors.steering, yearReport);
      expect(steering.status).toBe(200);
      expect(steering.data!.mayEdit).toBe(false);
      const print = (await printLoader({
        request: (await signedIn(world.actors.steering)).get(`/uppfoljning/arsrapport/${yearReport}/utskrift`),
        params: { reportId: String(yearReport) },
        context: {},
      })) as { report: AnnualReportView };
      expect(print.report.status).toBe("approved");
      const html = renderToString(createElement(ReportDocument, { figures: print.report.figures, analysis: print.report.analysis, frozen: true }));
      expect(html).toContain("Sammanfattning &lt;script&gt;");
      expect(html).not.toContain("<script>");
      expect(html).toContain('<p class="pre-line">Fler ungdomar än året före.</p><p class="pre-line">Två stycken.</p>');
    });
  });
});
