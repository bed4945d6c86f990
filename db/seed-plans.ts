/**
 * Demo documentation for a seeded enrollment: a kartläggning, a plan and interventions with
 * follow-ups, complete for some youths and with the gaps the audits found for others, so the
 * checklist and the samordnare's list have something true to show.
 */
import type { Faker } from "@faker-js/faker";
import type { Tx } from "./client";
import { assessments, documentationRevisions, interventionFollowUps, interventions, plans, type EnrollmentStatus } from "./schema";
import { recomputeDocumentation } from "../app/modules/documentation/documentation.server";
import { demoOccupationAfter } from "./seed-scb";

type Context = {
  enrollmentId: number;
  youthId: string;
  municipalityId: number;
  startDate: string;
  status: EnrollmentStatus;
  today: string;
  staff: { membershipId: number; userId: number };
  typeIds: number[];
  partnerOrganisationIds: number[];
};

function addDays(iso: string, days: number) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const GOALS = [
  "Börja på Komvux till nästa termin och läsa in matematik och engelska.",
  "Hitta en praktikplats inom handel och därefter ett arbete.",
  "Komma tillbaka till gymnasiet på ett nationellt program till hösten.",
  "Få en fast tid i veckan med studie- och yrkesvägledare och välja utbildning.",
  "Börja på folkhögskolans allmänna kurs.",
];
const UNITS = ["KAA-enheten", "Vuxenutbildningen", "Arbetsmarknadsenheten"];

export function seedDocumentation(tx: Tx, faker: Faker, ctx: Context) {
  // A youth not yet reached has nothing to document; others have more or less done.
  const completeness =
    ctx.status === "in_intervention" ? 1 : ctx.status === "contacted" ? faker.number.float({ min: 0, max: 0.8 }) : faker.number.float({ min: 0, max: 0.4 });
  if (ctx.status === "not_contacted" || completeness < 0.2) return;
  const assessmentDate = addDays(ctx.startDate, faker.number.int({ min: 20, max: 45 }));
  if (assessmentDate > ctx.today) return;
  const stamp = { updatedByMembershipId: ctx.staff.membershipId, updatedAt: `${assessmentDate}T10:00:00.000Z` };
  const revision = (
    entity: "assessment" | "plan" | "intervention" | "follow_up",
    entityId: number,
    action: string,
    at: string,
    changes: Record<string, [unknown, unknown]>,
  ) =>
    tx
      .insert(documentationRevisions)
      .values({
        youthId: ctx.youthId,
        enrollmentId: ctx.enrollmentId,
        entity,
        entityId,
        action,
        changes: JSON.stringify(changes),
        userId: ctx.staff.userId,
        membershipId: ctx.staff.membershipId,
        at: `${at}T10:00:00.000Z`,
      })
      .run();

  const assessmentId = tx
    .insert(assessments)
    .values({
      enrollmentId: ctx.enrollmentId,
      youthId: ctx.youthId,
      date: assessmentDate,
      occupation: faker.helpers.arrayElement(["none", "other_activity", "work"] as const),
      completedGrades: faker.helpers.arrayElement(["Åk 9", "Åk 9, gymnasiet åk 1", "Åk 9, gymnasiet åk 2"]),
      studiebevis: faker.helpers.arrayElement(["no", "unknown"] as const),
      youthWishes: faker.helpers.arrayElement([
        "Vill arbeta med djur.",
        "Vill bli elektriker.",
        "Vet inte ännu, vill prova på olika yrken.",
        "Vill läsa klart gymnasiet.",
      ]),
      needs: faker.helpers.arrayElement(["Stöd att välja utbildning.", "Hjälp att söka praktik.", "Struktur i vardagen och stöd vid studiestart."]),
      youthTookPart: true,
      guardianTookPart: faker.datatype.boolean(),
      ...stamp,
    })
    .returning({ id: assessments.id })
    .get().id;
  revision("assessment", assessmentId, "created", assessmentDate, { date: [null, assessmentDate] });
  if (completeness < 0.4) return finish();

  const planDate = addDays(assessmentDate, 7);
  if (planDate > ctx.today) return finish();
  const madeWithYouth = completeness > 0.5;
  const planId = tx
    .insert(plans)
    .values({
      enrollmentId: ctx.enrollmentId,
      youthId: ctx.youthId,
      goal: faker.helpers.arrayElement(GOALS),
      madeWithYouth,
      madeWithYouthDate: madeWithYouth ? planDate : null,
      noOtherActorInterventionsReason: faker.datatype.boolean({ probability: 0.5 }) ? "Ungdomen behöver inget stöd från andra aktörer just nu." : null,
      ...stamp,
    })
    .returning({ id: plans.id })
    .get().id;
  revision("plan", planId, "created", planDate, { madeWithYouth: [null, madeWithYouth] });

  const count = ctx.status === "in_intervention" ? faker.number.int({ min: 1, max: 3 }) : completeness > 0.6 ? 1 : 0;
  const parties = faker.helpers.shuffle(["youth", "municipality", "other_actor"] as const);
  for (let n = 0; n < count; n++) {
    const start = addDays(planDate, 7 + n * 14);
    if (start > ctx.today) break;
    const party = parties[n % parties.length]!;
    const plannedEnd = addDays(start, faker.number.int({ min: 60, max: 200 }));
    // Older interventions have mostly ended, a few left running past their planned end (the audits' finding).
    const ended = plannedEnd < ctx.today && faker.datatype.boolean({ probability: ctx.status === "in_intervention" && n === 0 ? 0.4 : 0.8 });
    // Drawn where it always was in the values below, so the rest of the demo stays as it was.
    let endReason: (typeof interventions.$inferInsert)["endReason"] = null;
    const id = tx
      .insert(interventions)
      .values({
        enrollmentId: ctx.enrollmentId,
        youthId: ctx.youthId,
        municipalityId: ctx.municipalityId,
        typeId: faker.helpers.arrayElement(ctx.typeIds),
        responsibleParty: party,
        responsibleUnit: party === "municipality" ? faker.helpers.arrayElement(UNITS) : null,
        responsibleOrganisationId: party === "other_actor" ? faker.helpers.arrayElement(ctx.partnerOrganisationIds) : null,
        provider:
          faker.helpers.maybe(() => faker.helpers.arrayElement(["Komvux Nässjö", "Höglandets folkhögskola", "ICA Kvantum Nässjö"]), { probability: 0.5 }) ??
          null,
        startDate: start,
        plannedEndDate: ctx.status === "in_intervention" && n === 0 && !ended ? addDays(ctx.today, faker.number.int({ min: -10, max: 90 })) : plannedEnd,
        endDate: ended ? plannedEnd : null,
        endReason: (endReason = ended ? faker.helpers.arrayElement(["completed", "started_studies", "got_work", "youth_discontinued"] as const) : null),
        occupationAfter: endReason ? demoOccupationAfter(endReason) : null,
        evaluationOutcome: ended ? faker.helpers.arrayElement(["met", "partly", "not_met"] as const) : null,
        evaluationText: ended ? "Insatsen följdes upp med ungdomen och målet stämdes av." : null,
        createdByMembershipId: ctx.staff.membershipId,
        updatedByMembershipId: ctx.staff.membershipId,
        createdAt: `${start}T10:00:00.000Z`,
        updatedAt: `${start}T10:00:00.000Z`,
      })
      .returning({ id: interventions.id })
      .get().id;
    revision("intervention", id, "created", start, { startDate: [null, start] });
    if (completeness > 0.5 || ctx.status === "in_intervention") {
      const due = addDays(start, 30);
      const done = due < ctx.today && (ended || faker.datatype.boolean({ probability: 0.7 }));
      tx.insert(interventionFollowUps)
        .values({
          interventionId: id,
          municipalityId: ctx.municipalityId,
          dueDate: due,
          doneDate: done ? due : null,
          note: done ? "Insatsen går enligt plan." : null,
          doneByMembershipId: done ? ctx.staff.membershipId : null,
        })
        .run();
    }
  }
  return finish();

  function finish() {
    recomputeDocumentation(tx, { id: ctx.enrollmentId, municipalityId: ctx.municipalityId });
  }
}
