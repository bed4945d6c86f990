/**
 * The demo citizens of Mina sidor (db/demo-accounts.ts DEMO_CITIZENS) who are in the Nässjö register:
 * Elin (19), Noah (17, guardian Anna) and Hugo (17, skyddad identitet, guardian Petra). Each is enrolled
 * with Ali Hassan as caseworker, has a kartläggning, a plan with a goal, one ended intervention with the
 * caseworker's evaluation and one running, and a follow-up coming up. Elin has also given consent to
 * socialtjänsten, which has received a referral (the browser test withdraws that consent).
 * Run last in the seed, so nothing seeded before picks these youths; fixed personnummer from
 * demoCitizenPersonalNumber, the same ones the demo IdP signs in with.
 */
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Tx } from "./client";
import { DEMO_CITIZENS, demoCitizenBirthDate, type DemoCitizen } from "./demo-accounts";
import {
  assessments,
  consentRecipients,
  consents,
  consentSections,
  contactAttempts,
  enrollments,
  guardians,
  interventionFollowUps,
  interventions,
  interventionTypes,
  memberships,
  municipalities,
  organisations,
  plans,
  referrals,
  referralSections,
  users,
  youthRevisions,
  youths,
} from "./schema";
import { recomputeDocumentation } from "../app/modules/documentation/documentation.server";
import { demoCitizenPersonalNumber } from "../app/modules/youth/demo-citizens";
import { nameSearchKey, nameSortKey } from "../app/modules/youth/names";
import { demoOccupationAfter, demoRegistration } from "./seed-scb";

function addDays(iso: string, days: number) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const GOALS: Record<string, string> = {
  elin: "Börja på Komvux i januari och läsa in matematik och engelska.",
  noah: "Komma tillbaka till gymnasiet på el- och energiprogrammet till hösten.",
  hugo: "Hitta en praktikplats inom lager och logistik och sedan ett arbete.",
};

export function seedCitizens(tx: Tx, today: string) {
  const nassjo = tx.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.code, "0682")).get()!.id;
  const org = (kind: "kaa_unit" | "social_services") =>
    tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.municipalityId, nassjo), eq(organisations.kind, kind)))
      .get()!.id;
  const membershipOf = (username: string) =>
    tx
      .select({ id: memberships.id, userId: users.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(users.username, username))
      .get()!;
  const caseworker = membershipOf("handlaggare@demo.example");
  const social = membershipOf("socialtjanst@demo.example");
  const kaa = org("kaa_unit");
  const soc = org("social_services");
  const type = (name: string) =>
    tx
      .select({ id: interventionTypes.id })
      .from(interventionTypes)
      .where(and(eq(interventionTypes.municipalityId, nassjo), eq(interventionTypes.name, name)))
      .get()!.id;
  const at = (date: string) => `${date}T09:00:00.000Z`;

  const guardianName = (key: string) => {
    const g = DEMO_CITIZENS.find((c) => c.key === key)!;
    return `${g.firstName} ${g.lastName}`;
  };

  for (const citizen of DEMO_CITIZENS as readonly DemoCitizen[]) {
    if (!citizen.inRegister) continue;
    const id = crypto.randomBytes(12).toString("base64url");
    const start = addDays(today, -150);
    const protectedIdentity = citizen.protectedIdentity ?? false;
    tx.insert(youths)
      .values({
        id,
        homeMunicipalityId: nassjo,
        personalNumber: demoCitizenPersonalNumber(citizen),
        isCoordinationNumber: false,
        birthDate: demoCitizenBirthDate(citizen),
        firstName: citizen.firstName,
        lastName: citizen.lastName,
        nameSearch: nameSearchKey(citizen.firstName, citizen.lastName),
        nameSort: nameSortKey(citizen.firstName, citizen.lastName),
        // A youth with skyddad identitet has no address in the register's view.
        streetAddress: protectedIdentity ? null : "Brogatan 7",
        postalCode: protectedIdentity ? null : "571 32",
        city: protectedIdentity ? null : "Nässjö",
        protectedIdentity,
        createdAt: at(start),
        updatedAt: at(start),
        createdByMembershipId: caseworker.id,
      })
      .run();
    const guardianKeys = citizen.guardians ?? [];
    if (guardianKeys.length > 0) {
      tx.insert(guardians)
        .values(guardianKeys.map((key, i) => ({ youthId: id, position: i + 1, name: guardianName(key) })))
        .run();
    }
    tx.insert(youthRevisions)
      .values({ youthId: id, at: at(start), membershipId: caseworker.id, changedFields: "Registrerad" })
      .run();

    const enrollmentId = tx
      .insert(enrollments)
      .values({
        youthId: id,
        municipalityId: nassjo,
        startDate: start,
        startReason: "notice_dropout",
        ...demoRegistration("notice_dropout"),
        status: "in_intervention",
        caseworkerMembershipId: caseworker.id,
        createdByMembershipId: caseworker.id,
        createdAt: at(start),
      })
      .returning({ id: enrollments.id })
      .get().id;
    tx.insert(contactAttempts)
      .values([
        { enrollmentId, youthId: id, channel: "letter", date: addDays(start, 3), outcome: "message_left", recordedByMembershipId: caseworker.id },
        {
          enrollmentId,
          youthId: id,
          channel: "phone",
          date: addDays(start, 10),
          outcome: "reached",
          occupation: "none",
          recordedByMembershipId: caseworker.id,
        },
      ])
      .run();
    const stamp = (date: string) => ({ updatedByMembershipId: caseworker.id, updatedAt: at(date) });
    tx.insert(assessments)
      .values({
        enrollmentId,
        youthId: id,
        date: addDays(start, 20),
        occupation: "none",
        completedGrades: "Åk 9, gymnasiet åk 1",
        studiebevis: "no",
        youthWishes: "Vill ha ett jobb eller en utbildning som leder till jobb.",
        needs: "Stöd att välja väg och att komma igång.",
        youthTookPart: true,
        guardianTookPart: guardianKeys.length > 0,
        ...stamp(addDays(start, 20)),
      })
      .run();
    tx.insert(plans)
      .values({
        enrollmentId,
        youthId: id,
        goal: GOALS[citizen.key]!,
        madeWithYouth: true,
        madeWithYouthDate: addDays(start, 27),
        youthComment: "Jag vill börja så snart som möjligt.",
        // The reasons for the checklist's points are the caseworker's: Mina sidor never shows them.
        noOtherActorInterventionsReason: "Inget stöd från andra aktörer behövs i nuläget.",
        ...stamp(addDays(start, 27)),
      })
      .run();
    const ended = { start: addDays(start, 30), end: addDays(start, 90) };
    const endedId = tx
      .insert(interventions)
      .values({
        enrollmentId,
        youthId: id,
        municipalityId: nassjo,
        typeId: type("Studie- och yrkesvägledning"),
        description: "Samtal med studie- och yrkesvägledare om vilka utbildningar som finns.",
        responsibleParty: "municipality",
        responsibleUnit: "KAA-enheten",
        startDate: ended.start,
        plannedEndDate: ended.end,
        endDate: ended.end,
        endReason: "completed",
        occupationAfter: demoOccupationAfter("completed"),
        evaluationOutcome: "met",
        evaluationText: "Vägledningen gav en tydlig bild av vilka utbildningar som passar. Nästa steg är bestämt.",
        createdByMembershipId: caseworker.id,
        updatedByMembershipId: caseworker.id,
        createdAt: at(ended.start),
        updatedAt: at(ended.end),
      })
      .returning({ id: interventions.id })
      .get().id;
    tx.insert(interventionFollowUps)
      .values({
        interventionId: endedId,
        municipalityId: nassjo,
        dueDate: addDays(ended.start, 30),
        doneDate: addDays(ended.start, 30),
        // A working note for the unit: not shown on Mina sidor.
        note: "Kommer till samtalen. Behöver påminnelse dagen innan.",
        doneByMembershipId: caseworker.id,
      })
      .run();
    const running = addDays(today, -40);
    const runningId = tx
      .insert(interventions)
      .values({
        enrollmentId,
        youthId: id,
        municipalityId: nassjo,
        typeId: type("Praktik"),
        description: "Praktik två dagar i veckan.",
        responsibleParty: "municipality",
        responsibleUnit: "Arbetsmarknadsenheten",
        provider: "ICA Kvantum Nässjö",
        startDate: running,
        plannedEndDate: addDays(today, 50),
        createdByMembershipId: caseworker.id,
        updatedByMembershipId: caseworker.id,
        createdAt: at(running),
        updatedAt: at(running),
      })
      .returning({ id: interventions.id })
      .get().id;
    tx.insert(interventionFollowUps)
      .values({ interventionId: runningId, municipalityId: nassjo, dueDate: addDays(today, 14) })
      .run();
    recomputeDocumentation(tx, { id: enrollmentId, municipalityId: nassjo });

    if (citizen.key === "elin") {
      // Elin's consent to socialtjänsten and the referral it received: what she withdraws on Mina sidor.
      const consentId = tx
        .insert(consents)
        .values({
          youthId: id,
          municipalityId: nassjo,
          givenBy: "youth",
          method: "written",
          purpose: "Socialtjänsten ska kunna ta ställning till stödsamtal.",
          validFrom: addDays(today, -30),
          validUntil: addDays(today, 335),
          recordedByMembershipId: caseworker.id,
          recordedAt: at(addDays(today, -30)),
        })
        .returning({ id: consents.id })
        .get().id;
      tx.insert(consentRecipients).values({ consentId, organisationId: soc }).run();
      tx.insert(consentSections)
        .values((["identity", "plan"] as const).map((section) => ({ consentId, section })))
        .run();
      const referralId = tx
        .insert(referrals)
        .values({
          youthId: id,
          municipalityId: nassjo,
          consentId,
          senderOrganisationId: kaa,
          senderMembershipId: caseworker.id,
          recipientOrganisationId: soc,
          question: "Elin vill ha någon att prata med om hur hon ska orka med studierna. Kan ni erbjuda stödsamtal?",
          requestedIntervention: "Stödsamtal",
          status: "received",
          sentAt: at(addDays(today, -20)),
          receivedAt: at(addDays(today, -19)),
          receivedByMembershipId: social.id,
        })
        .returning({ id: referrals.id })
        .get().id;
      tx.insert(referralSections)
        .values((["identity", "plan"] as const).map((section) => ({ referralId, section })))
        .run();
    }
  }
}
