import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { auditEvents, documentationRevisions, enrollmentDocumentation, enrollments, interventions } from "#db/schema";
import { addDays, addYears, todayIso } from "~/lib/dates";
import { readDocumentationReport } from "~/modules/documentation/documentation-report.server";
import { addFollowUp, addIntervention, declineIntervention, endIntervention } from "~/modules/documentation/interventions.server";
import { closeEnrollment, updateEnrollment } from "~/modules/outreach/enrollments.server";
import { readOutreach } from "~/modules/outreach/contacts.server";
import { runStatusJob } from "~/modules/jobs/status-job.server";
import { fileFor, keeperFile, registerOf } from "../factories/gate";

import { readDocumentation, readPlan, saveAssessment, savePlan } from "~/modules/documentation/plans.server";
import { readWorklist } from "~/modules/outreach/worklist.server";
import { listInterventionTypes } from "~/modules/documentation/intervention-types.server";
import type { AssessmentInput, InterventionEndInput, InterventionInput, PlanInput } from "~/modules/documentation/plan-schemas";
import { action as interventionAction } from "~/routes/ungdomar.$youthId.insatser.$interventionId";
import { enrolledYouth } from "../factories/enrollment";
import { signedIn } from "../factories/requests";
import { createWorld } from "../factories/world";

let world: Awaited<ReturnType<typeof createWorld>>;
const today = todayIso();

beforeAll(async () => {
  world = await createWorld();
});

const assessment = (overrides: Partial<AssessmentInput> = {}): AssessmentInput => ({
  date: today,
  occupation: "none",
  occupationNote: undefined,
  completedGrades: "Åk 9",
  studiebevis: "no",
  imHistory: undefined,
  prerequisites: undefined,
  needs: "Stöd att välja utbildning.",
  youthWishes: "Vill bli elektriker.",
  youthTookPart: true,
  guardianTookPart: false,
  otherParticipants: undefined,
  ...overrides,
});

const plan = (overrides: Partial<PlanInput> = {}): PlanInput => ({
  goal: "Börja på Komvux till våren.",
  madeWithYouth: true,
  madeWithYouthDate: today,
  youthComment: undefined,
  noYouthInterventionsReason: undefined,
  noMunicipalityInterventionsReason: undefined,
  noOtherActorInterventionsReason: undefined,
  ...overrides,
});

/** A type from the catalogue of the actor's municipality. */
function typeId(actor = world.actors.coordinator, name = "Praktik") {
  return listInterventionTypes(actor).find((t) => t.name === name)!.id;
}

const intervention = (overrides: Partial<InterventionInput> = {}): InterventionInput => ({
  typeId: typeId(),
  description: undefined,
  responsibleParty: "youth",
  responsibleUnit: undefined,
  responsibleOrganisationId: null,
  responsibleOrganisationName: undefined,
  provider: undefined,
  startDate: addDays(today, -20),
  plannedEndDate: addDays(today, 40),
  followUpDate: addDays(today, 10),
  referralId: null,
  ...overrides,
});

const ending: InterventionEndInput = {
  endDate: today,
  endReason: "completed",
  occupationAfter: "work",
  evaluationOutcome: "met",
  evaluationText: "Praktiken gav en anställning.",
};

function revisionsOf(youthId: string) {
  return getDb().select().from(documentationRevisions).where(eq(documentationRevisions.youthId, youthId)).orderBy(documentationRevisions.id).all();
}

function added(result: ReturnType<typeof addIntervention>) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.id;
}

describe("the revision history", () => {
  it("records each change with the acting user, membership and the values before and after", () => {
    const { youthId } = enrolledYouth(world.actors.caseworker);
    expect(saveAssessment(fileFor(world.actors.caseworker, youthId, [], ["assessment"]), assessment())).toEqual({ ok: true });
    expect(saveAssessment(fileFor(world.actors.coordinator, youthId, [], ["assessment"]), assessment({ needs: "Hjälp att söka praktik." }))).toEqual({
      ok: true,
    });
    // Saving the same values again is not a change and leaves no row.
    expect(saveAssessment(fileFor(world.actors.coordinator, youthId, [], ["assessment"]), assessment({ needs: "Hjälp att söka praktik." }))).toEqual({
      ok: true,
    });
    expect(savePlan(fileFor(world.actors.caseworker, youthId, [], ["plan"]), plan())).toEqual({ ok: true });
    const id = added(addIntervention(fileFor(world.actors.caseworker, youthId, [], ["plan"]), intervention()));
    expect(endIntervention(fileFor(world.actors.coordinator, youthId, [], ["plan"]), id, ending)).toEqual({ ok: true });

    const rows = revisionsOf(youthId);
    expect(rows.map((r) => [r.entity, r.action, r.userId, r.membershipId])).toEqual([
      ["assessment", "created", world.actors.caseworker.userId, world.actors.caseworker.membershipId],
      ["assessment", "updated", world.actors.coordinator.userId, world.actors.coordinator.membershipId],
      ["plan", "created", world.actors.caseworker.userId, world.actors.caseworker.membershipId],
      ["intervention", "created", world.actors.caseworker.userId, world.actors.caseworker.membershipId],
      ["follow_up", "created", world.actors.caseworker.userId, world.actors.caseworker.membershipId],
      ["intervention", "ended", world.actors.coordinator.userId, world.actors.coordinator.membershipId],
    ]);
    expect(JSON.parse(rows[1]!.changes)).toEqual({ needs: ["Stöd att välja utbildning.", "Hjälp att söka praktik."] });
    expect(JSON.parse(rows[5]!.changes)).toMatchObject({ endReason: [null, "completed"], evaluationOutcome: [null, "met"] });

    // The page shows it in words, latest first, with who did it.
    const history = readDocumentation(keeperFile(world.actors.caseworker, youthId, ["assessment", "plan"]))!.revisions;
    expect(history[0]).toMatchObject({ userName: "Test Testsson", summary: "Avslutade insatsen Praktik" });
    expect(history.at(-2)).toMatchObject({
      summary: "Ändrade kartläggningen",
      changes: [{ field: "Behov av stöd", before: "Stöd att välja utbildning.", after: "Hjälp att söka praktik." }],
    });
  });

  it("cannot be changed or deleted, even with direct SQL", () => {
    const sqlite = getDb().$client;
    const row = getDb().select().from(documentationRevisions).orderBy(desc(documentationRevisions.id)).get()!;
    expect(() => sqlite.prepare("UPDATE documentation_revisions SET changes = '{}' WHERE id = ?").run(row.id)).toThrow(/kan inte ändras/);
    expect(() => sqlite.prepare("DELETE FROM documentation_revisions WHERE id = ?").run(row.id)).toThrow(/kan inte tas bort/);
  });
});

describe("ending an intervention", () => {
  it("requires an end reason and an evaluation in the module, whatever the caller sends", () => {
    const { youthId } = enrolledYouth(world.actors.caseworker);
    const id = added(addIntervention(fileFor(world.actors.caseworker, youthId, [], ["plan"]), intervention()));
    const before = revisionsOf(youthId).length;
    const missing = [
      { ...ending, endReason: undefined },
      { ...ending, evaluationOutcome: undefined },
      { ...ending, evaluationText: "  " },
      { ...ending, endDate: addDays(today, 3) },
    ];
    for (const input of missing) {
      const result = endIntervention(fileFor(world.actors.caseworker, youthId, [], ["plan"]), id, input as unknown as InterventionEndInput);
      expect(result.ok).toBe(false);
    }
    const row = getDb().select().from(interventions).where(eq(interventions.id, id)).get()!;
    expect(row).toMatchObject({ endDate: null, endReason: null, evaluationOutcome: null, evaluationText: null });
    expect(revisionsOf(youthId)).toHaveLength(before);
  });

  it("is refused with 400 by the route when the form is posted without reason and evaluation, and nothing is written", async () => {
    const { youthId } = enrolledYouth(world.actors.caseworker);
    const id = added(addIntervention(fileFor(world.actors.caseworker, youthId, [], ["plan"]), intervention()));
    const client = await signedIn(world.actors.caseworker);
    const path = `/ungdomar/${youthId}/insatser/${id}?atgard=avsluta`;
    const response = (await interventionAction({
      request: client.post(path, { endDate: today }),
      params: { youthId, interventionId: String(id) },
      context: {},
    })) as Response;
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toMatchObject({
      endReason: "Välj orsaken till att insatsen avslutas.",
      evaluationOutcome: "Välj hur väl målet uppnåddes.",
      evaluationText: "Ange en kort utvärdering.",
      occupationAfter: "Ange sysselsättning efter insatsen (välj Okänt om ni inte vet).",
    });
    expect(getDb().select().from(interventions).where(eq(interventions.id, id)).get()!.endDate).toBeNull();

    const ok = (await interventionAction({
      request: client.post(path, {
        endDate: today,
        endReason: "got_work",
        occupationAfter: "work",
        evaluationOutcome: "partly",
        evaluationText: "Fick arbete, studierna väntar.",
      }),
      params: { youthId, interventionId: String(id) },
      context: {},
    })) as Response;
    expect(ok.status).toBe(302);
    expect(getDb().select().from(interventions).where(eq(interventions.id, id)).get()).toMatchObject({
      endDate: today,
      endReason: "got_work",
      evaluationOutcome: "partly",
      occupationAfter: "work",
    });
  });

  it("answers another youth's intervention with 404", async () => {
    const a = enrolledYouth(world.actors.caseworker);
    const b = enrolledYouth(world.actors.caseworker);
    const id = added(addIntervention(fileFor(world.actors.caseworker, a.youthId, [], ["plan"]), intervention()));
    expect(() => endIntervention(fileFor(world.actors.caseworker, b.youthId, [], ["plan"]), id, ending)).toThrow(Response);
  });
});

describe("who may write the documentation", () => {
  it("is only the KAA unit of the home municipality; others get 404 and the attempt is logged", async () => {
    const { youthId } = enrolledYouth(world.actors.caseworker);
    const otherMunicipalityKaa = (await createWorld()).actors.caseworker;
    for (const actor of [world.actors.school, world.actors.social, world.actors.employment, world.actors.steering, world.actors.admin, otherMunicipalityKaa]) {
      let thrown: unknown;
      try {
        savePlan(fileFor(actor, youthId, [], ["plan"]), plan());
      } catch (error) {
        thrown = error;
      }
      expect((thrown as Response).status).toBe(404);
      const log = getDb()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.userId, actor.userId), eq(auditEvents.youthId, youthId)))
        .orderBy(desc(auditEvents.id))
        .get();
      expect(log).toMatchObject({ section: "plan", action: "write", outcome: "denied" });
    }
    expect(readPlan(fileFor(world.actors.caseworker, youthId, ["plan"])).plan).toBeNull();
  });
});

describe("status follows the work", () => {
  it("is 'i insats' while an intervention runs, and back to 'kontaktad' when the last one ends", () => {
    const { youthId } = enrolledYouth(world.actors.caseworker);
    const statusOf = () => readOutreach(keeperFile(world.actors.caseworker, youthId, ["enrollment", "contacts"])).open!.status;
    expect(statusOf()).toBe("contacted");
    const future = added(
      addIntervention(
        fileFor(world.actors.caseworker, youthId, [], ["plan"]),
        intervention({ startDate: addDays(today, 5), plannedEndDate: addDays(today, 30), followUpDate: undefined }),
      ),
    );
    expect(statusOf()).toBe("contacted");
    const running = added(addIntervention(fileFor(world.actors.caseworker, youthId, [], ["plan"]), intervention()));
    expect(statusOf()).toBe("in_intervention");
    // Choosing another status by hand does not take it out of "i insats".
    expect(
      updateEnrollment(fileFor(world.actors.caseworker, youthId, [], ["enrollment"]), {
        status: "watch",
        caseworkerMembershipId: null,
        watchUntil: addDays(today, 30),
      }),
    ).toEqual({ ok: true });
    expect(statusOf()).toBe("in_intervention");
    expect(endIntervention(fileFor(world.actors.caseworker, youthId, [], ["plan"]), running, ending)).toEqual({ ok: true });
    expect(statusOf()).toBe("contacted");
    expect(
      declineIntervention(fileFor(world.actors.caseworker, youthId, [], ["plan"]), future, { declinedDate: today, declinedNote: "Vill inte just nu." }),
    ).toEqual({ ok: true });
    expect(getDb().select().from(interventions).where(eq(interventions.id, future)).get()).toMatchObject({ declinedDate: today, endDate: null });
  });

  it("refuses to close an enrollment while interventions are open, and asks for the occupation", () => {
    const { youthId } = enrolledYouth(world.actors.caseworker);
    const id = added(addIntervention(fileFor(world.actors.caseworker, youthId, [], ["plan"]), intervention()));
    const close = { endDate: today, endReason: "komvux" as const, endOccupation: "studies" as const };
    expect(closeEnrollment(fileFor(world.actors.caseworker, youthId, [], ["enrollment"]), close)).toEqual({
      ok: false,
      errors: { form: "Avsluta först de insatser som pågår eller är planerade, med orsak och utvärdering: Praktik." },
    });
    endIntervention(fileFor(world.actors.caseworker, youthId, [], ["plan"]), id, ending);
    expect(closeEnrollment(fileFor(world.actors.caseworker, youthId, [], ["enrollment"]), close)).toEqual({ ok: true });
    expect(getDb().select().from(enrollments).where(eq(enrollments.youthId, youthId)).get()).toMatchObject({ endReason: "komvux", endOccupation: "studies" });
  });
});

describe("the samordnare's list and the worklist", () => {
  it("lists incomplete documentation per point and caseworker, and updates when a gap is closed", async () => {
    const world2 = await createWorld();
    const caseworker = world2.actors.caseworker;
    const { youthId } = enrolledYouth(caseworker, { caseworkerMembershipId: caseworker.membershipId });
    enrolledYouth(caseworker, { reached: false });
    const report = (filter: Partial<Parameters<typeof readDocumentationReport>[1]> = {}) =>
      readDocumentationReport(registerOf(world2.actors.coordinator), { caseworker: "all", page: 1, ...filter });
    // The not-yet-contacted youth is outside the list; the contacted one misses everything.
    expect(report()).toMatchObject({ share: { inScope: 1, complete: 0 }, total: 1, moreThanCap: false });
    expect(report().rows[0]!.missingPoints).toEqual([1, 2, 3, 4, 5, 6, 7]);

    saveAssessment(fileFor(caseworker, youthId, [], ["assessment"]), assessment());
    savePlan(
      fileFor(caseworker, youthId, [], ["plan"]),
      plan({ noMunicipalityInterventionsReason: "Inget behov.", noOtherActorInterventionsReason: "Inget behov." }),
    );
    const id = added(addIntervention(fileFor(caseworker, youthId, [], ["plan"]), intervention({ typeId: typeId(caseworker), followUpDate: undefined })));
    expect(report().rows[0]!.missingPoints).toEqual([7]);
    expect(report({ point: 7 }).total).toBe(1);
    expect(report({ point: 1 }).total).toBe(0);
    expect(report({ caseworker: "unassigned" }).total).toBe(0);
    expect(report({ caseworker: caseworker.membershipId }).total).toBe(1);

    expect(addFollowUp(fileFor(caseworker, youthId, [], ["plan"]), id, addDays(today, -1))).toEqual({ ok: true });
    expect(report()).toMatchObject({ share: { inScope: 1, complete: 1 }, total: 0, moreThanCap: false });
    const stored = getDb()
      .select()
      .from(enrollmentDocumentation)
      .innerJoin(enrollments, eq(enrollments.id, enrollmentDocumentation.enrollmentId))
      .where(eq(enrollments.youthId, youthId))
      .get()!;
    expect(stored.enrollment_documentation.missing).toBe(0);

    // The follow-up is due on the caseworker's worklist; a day past the planned end, the
    // intervention is flagged there and point 5 goes missing with the calendar alone.
    const worklist = readWorklist(registerOf(caseworker), { caseworker: caseworker.membershipId });
    expect(worklist.followUps).toMatchObject([{ youthId, interventionId: id, interventionName: "Praktik", overdue: true }]);
    const later = addDays(today, 41);
    expect(readWorklist(registerOf(caseworker), { caseworker: caseworker.membershipId }, later).interventionsPastEnd).toMatchObject([
      { youthId, interventionId: id },
    ]);
    expect(readDocumentationReport(registerOf(world2.actors.coordinator), { caseworker: "all", page: 1 }, later).rows[0]!.missingPoints).toEqual([5]);
  });
});

describe("the end of the responsibility at 20", () => {
  it("ends the running insatser with the enrollment, and puts their evaluation on the worklist", async () => {
    const world3 = await createWorld();
    const caseworker = world3.actors.caseworker;
    const { youthId } = enrolledYouth(caseworker, {
      daysAgo: 40,
      birthDate: addYears(addDays(today, -1), -20),
      caseworkerMembershipId: caseworker.membershipId,
    });
    const id = added(addIntervention(fileFor(caseworker, youthId, [], ["plan"]), intervention({ typeId: typeId(caseworker), startDate: addDays(today, -30) })));
    // Reading changes nothing: the enrollment is still open until the status job runs.
    expect(readOutreach(keeperFile(caseworker, youthId, ["enrollment", "contacts"])).open).not.toBeNull();
    expect(runStatusJob({ municipalityId: world3.municipality.id })).toMatchObject([{ municipalityId: world3.municipality.id, endedAtTwenty: 1 }]);
    // Idempotent: a second run the same day ends nothing more.
    expect(runStatusJob({ municipalityId: world3.municipality.id })).toMatchObject([{ municipalityId: world3.municipality.id, endedAtTwenty: 0 }]);
    const worklist = readWorklist(registerOf(caseworker), { caseworker: "all" });
    expect(getDb().select().from(interventions).where(eq(interventions.id, id)).get()).toMatchObject({
      endDate: addDays(today, -1),
      endReason: "turned_20",
      evaluationOutcome: null,
    });
    expect(worklist.interventionsToEvaluate).toMatchObject([{ youthId, interventionId: id, endDate: addDays(today, -1) }]);
    // The evaluation is added afterwards; the end stays as it was.
    expect(
      endIntervention(fileFor(caseworker, youthId, [], ["plan"]), id, {
        endDate: addDays(today, -1),
        endReason: "turned_20",
        occupationAfter: "unknown",
        evaluationOutcome: "partly",
        evaluationText: "Hann börja praktiken.",
      }),
    ).toEqual({ ok: true });
    expect(readWorklist(registerOf(caseworker), { caseworker: "all" }).interventionsToEvaluate).toEqual([]);
    expect(endIntervention(fileFor(caseworker, youthId, [], ["plan"]), id, ending)).toMatchObject({ ok: false });
  });
});

describe("the intervention catalogue", () => {
  it("starts with the default types and only the samordnare changes it", () => {
    const types = listInterventionTypes(world.actors.caseworker);
    expect(types.map((t) => t.name)).toContain("Studie- och yrkesvägledning");
    expect(() => listInterventionTypes(world.actors.social)).toThrow(Response);
  });
});
