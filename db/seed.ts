/**
 * Demo data: a municipality (Nässjö) with its KAA unit, three schools (one fristående, in
 * Jönköping), socialtjänst, Arbetsförmedlingen and a styrgrupp; a neighbouring KAA unit; one
 * demo account per role; and a few hundred youths with Swedish names and valid personnummer.
 * Demo passwords exist only here, and this runs only in demo and test mode.
 */
import { eq } from "drizzle-orm";
import crypto from "node:crypto";
import type { Db } from "./client";
import {
  contactAttempts,
  enrollments,
  guardians,
  interventionTypes,
  memberships,
  municipalities,
  notices,
  organisations,
  unitContactDetails,
  users,
  youthRevisions,
  youths,
  type EnrollmentStatus,
} from "./schema";
import { DEFAULT_INTERVENTION_TYPES } from "../app/modules/documentation/default-intervention-types";
import { seedDocumentation } from "./seed-plans";
import { demoRegistration } from "./seed-scb";
import { seedConsents } from "./seed-consents";
import { hashPassword } from "../app/modules/auth/password.server";
import { parsePersonalNumber } from "../app/modules/youth/personal-number";
import { guardianInputs, identityColumns } from "../app/modules/youth/youth-row";
import { swedishFaker, youthInput } from "../tests/factories/youth";
import { DEMO_ACCOUNTS, DEMO_MULTI_ROLE, DEMO_PASSWORD } from "./demo-accounts";
import { seedMeetings } from "./seed-meetings";
import { seedAnnualReports } from "./seed-annual-reports";
import { seedSteering } from "./seed-steering";
import { seedSchoolSystems } from "./seed-school-systems";
import { seedScbExportDemo } from "./seed-scb-export";
import { seedReviewSamples } from "./seed-review";
import { seedIdentityProviders } from "./seed-identity";

function addDaysIso(iso: string, days: number) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function dayOffset(days: number) {
  return addDaysIso(new Date().toISOString().slice(0, 10), days);
}

export async function seedDemo(db: Db, options: { youths: number }) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const faker = swedishFaker();
  db.transaction((tx) => {
    // All 290 municipalities are in every database (migration 0030); the demo only finds its own.
    // Eksjö and Vetlanda stay without a KAA unit: notices to them are sent by hand.
    const muni = (code: string) => tx.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.code, code)).get()!.id;
    const nassjo = muni("0682");
    const jonkoping = muni("0680");

    const org = (values: typeof organisations.$inferInsert) => tx.insert(organisations).values(values).returning({ id: organisations.id }).get().id;
    const orgs: Record<string, number> = {
      kaa: org({ kind: "kaa_unit", name: "KAA-enheten Nässjö", municipalityId: nassjo }),
      school1: org({
        kind: "school",
        name: "Kvarnbäcksgymnasiet",
        municipalityId: nassjo,
        schoolOrganiserKind: "kommunal",
        schoolOrganiserName: "Nässjö kommun",
      }),
      school2: org({
        kind: "school",
        name: "Nässjö Naturbruksgymnasium",
        municipalityId: nassjo,
        schoolOrganiserKind: "kommunal",
        schoolOrganiserName: "Nässjö kommun",
      }),
      school3: org({
        kind: "school",
        name: "Teknikgymnasiet Jönköping",
        municipalityId: jonkoping,
        schoolOrganiserKind: "fristaende",
        schoolOrganiserName: "Framtidsskolor i Småland AB",
      }),
      soc: org({ kind: "social_services", name: "Socialtjänsten Nässjö, barn och unga", municipalityId: nassjo }),
      af: org({ kind: "employment_service", name: "Arbetsförmedlingen Nässjö", municipalityId: nassjo }),
      steering: org({ kind: "steering_group", name: "Styrgruppen för aktivitetsansvaret", municipalityId: nassjo }),
      kaaJkpg: org({ kind: "kaa_unit", name: "KAA-enheten Jönköping", municipalityId: jonkoping }),
    };

    const user = (username: string, displayName: string) =>
      tx.insert(users).values({ username, displayName, passwordHash }).returning({ id: users.id }).get().id;
    const membershipIds: Record<string, number> = {};
    // Who a membership belongs to, for the revision history of seeded documentation.
    const userOfMembership = new Map<number, number>();
    for (const account of DEMO_ACCOUNTS) {
      const userId = user(account.username, account.displayName);
      membershipIds[account.username] = tx
        .insert(memberships)
        .values({ userId, role: account.role, organisationId: account.org ? orgs[account.org]! : null })
        .returning({ id: memberships.id })
        .get().id;
      userOfMembership.set(membershipIds[account.username]!, userId);
    }
    const multiId = user(DEMO_MULTI_ROLE.username, DEMO_MULTI_ROLE.displayName);
    const multiMemberships: number[] = [];
    for (const m of DEMO_MULTI_ROLE.memberships) {
      const id = tx.insert(memberships).values({ userId: multiId, role: m.role, organisationId: orgs[m.org]! }).returning({ id: memberships.id }).get().id;
      multiMemberships.push(id);
      userOfMembership.set(id, multiId);
    }
    // Each municipality's intervention catalogue, as a new municipality gets it.
    const typeIds = new Map<number, number[]>();
    for (const municipalityId of [nassjo, jonkoping]) {
      typeIds.set(
        municipalityId,
        DEFAULT_INTERVENTION_TYPES.map(
          ({ name, scbType }, i) =>
            tx
              .insert(interventionTypes)
              .values({ municipalityId, name, scbType, position: i + 1 })
              .returning({ id: interventionTypes.id })
              .get().id,
        ),
      );
    }
    // A type Nässjö retired before the SCB types existed, never mapped: the catalogue marks it "Saknar SCB-typ".
    tx.insert(interventionTypes)
      .values({ municipalityId: nassjo, name: "Sommarpraktik (äldre typ)", position: DEFAULT_INTERVENTION_TYPES.length + 1, active: false })
      .run();
    const partnerOrganisationIds = [orgs.soc!, orgs.af!];
    const caseworkers = [membershipIds["handlaggare@demo.example"]!, multiMemberships[0]!];

    const registrars = [membershipIds["handlaggare@demo.example"]!, membershipIds["samordnare@demo.example"]!];
    const jkpgRegistrar = membershipIds["kaa-jonkoping@demo.example"]!;
    const plan = [
      { count: options.youths, municipalityId: nassjo, city: "Nässjö", postalPrefix: "571", registrars },
      { count: Math.max(10, Math.round(options.youths / 10)), municipalityId: jonkoping, city: "Jönköping", postalPrefix: "553", registrars: [jkpgRegistrar] },
    ];
    for (const group of plan) {
      const taken = new Set<string>();
      for (let i = 0; i < group.count; i++) {
        const input = youthInput(faker, { homeMunicipalityId: group.municipalityId, city: group.city, postalPrefix: group.postalPrefix });
        const parsed = parsePersonalNumber(input.personalNumber);
        if (!parsed.ok || taken.has(parsed.value.normalized)) continue;
        taken.add(parsed.value.normalized);
        const id = crypto.randomBytes(12).toString("base64url");
        const createdAt = faker.date.recent({ days: 540 }).toISOString();
        const registrar = faker.helpers.arrayElement(group.registrars);
        tx.insert(youths)
          .values({
            id,
            homeMunicipalityId: group.municipalityId,
            personalNumber: parsed.value.normalized,
            isCoordinationNumber: parsed.value.isCoordinationNumber,
            birthDate: parsed.value.birthDate,
            ...identityColumns(input),
            createdAt,
            updatedAt: createdAt,
            createdByMembershipId: registrar,
          })
          .run();
        const guardianRows = guardianInputs(input);
        if (guardianRows.length > 0)
          tx.insert(guardians)
            .values(guardianRows.map((g) => ({ ...g, youthId: id })))
            .run();
        tx.insert(youthRevisions).values({ youthId: id, at: createdAt, membershipId: registrar, changedFields: "Registrerad" }).run();
        if (faker.datatype.boolean({ probability: 0.85 })) {
          seedEnrollment(id, group.municipalityId, createdAt.slice(0, 10), group.municipalityId === nassjo ? caseworkers : [jkpgRegistrar], registrar);
        }
      }
    }

    // The outreach so far: an enrollment with a status, a caseworker and the attempts made.
    function seedEnrollment(youthId: string, municipalityId: number, startDate: string, staff: number[], registrar: number) {
      const status = faker.helpers.weightedArrayElement<EnrollmentStatus>([
        { weight: 25, value: "not_contacted" },
        { weight: 35, value: "contacted" },
        { weight: 25, value: "in_intervention" },
        { weight: 15, value: "watch" },
      ]);
      const caseworker = faker.helpers.maybe(() => faker.helpers.arrayElement(staff), { probability: 0.75 }) ?? null;
      const startReason = faker.helpers.arrayElement(["notice_dropout", "notice_absence", "notice_not_started", "moved_in", "register_check"] as const);
      const enrollmentId = tx
        .insert(enrollments)
        .values({
          youthId,
          municipalityId,
          startDate,
          startReason,
          ...demoRegistration(startReason),
          status,
          caseworkerMembershipId: caseworker,
          watchUntil: status === "watch" ? dayOffset(faker.number.int({ min: -20, max: 60 })) : null,
          createdByMembershipId: registrar,
        })
        .returning({ id: enrollments.id })
        .get().id;
      const attempt = (daysAfterStart: number, channel: "letter" | "phone" | "sms", outcome: "reached" | "not_reached" | "message_left") => {
        const date = addDaysIso(startDate, daysAfterStart);
        if (date > dayOffset(0)) return;
        tx.insert(contactAttempts)
          .values({
            enrollmentId,
            youthId,
            channel,
            date,
            outcome,
            occupation: outcome === "reached" ? faker.helpers.arrayElement(["studies", "work", "other_activity", "none"] as const) : null,
            recordedByMembershipId: registrar,
          })
          .run();
      };
      if (status === "not_contacted") {
        if (faker.datatype.boolean()) attempt(5, "letter", "message_left");
      } else {
        attempt(4, "letter", "message_left");
        attempt(faker.number.int({ min: 10, max: 40 }), faker.helpers.arrayElement(["phone", "sms"] as const), "reached");
      }
      const writer = caseworker ?? registrar;
      seedDocumentation(tx, faker, {
        enrollmentId,
        youthId,
        municipalityId,
        startDate,
        status,
        today: dayOffset(0),
        staff: { membershipId: writer, userId: userOfMembership.get(writer)! },
        typeIds: typeIds.get(municipalityId)!,
        partnerOrganisationIds,
      });
    }

    // New notices in the KAA inbox, among them one from the fristående school in Jönköping.
    const schoolStaffMembership = membershipIds["skola@demo.example"]!;
    const noticeKinds = ["dropout", "absence", "not_started", "dropout", "absence"] as const;
    for (let i = 0; i < 12; i++) {
      const input = youthInput(faker, {
        homeMunicipalityId: i < 10 ? nassjo : jonkoping,
        city: i < 10 ? "Nässjö" : "Jönköping",
        postalPrefix: i < 10 ? "571" : "553",
      });
      const parsed = parsePersonalNumber(input.personalNumber);
      if (!parsed.ok) continue;
      tx.insert(notices)
        .values({
          schoolOrganisationId: i % 4 === 3 ? orgs.school3! : i % 2 === 0 ? orgs.school1! : orgs.school2!,
          submittedByMembershipId: schoolStaffMembership,
          kind: noticeKinds[i % noticeKinds.length]!,
          personalNumber: parsed.value.normalized,
          firstName: input.firstName,
          lastName: input.lastName,
          homeMunicipalityId: input.homeMunicipalityId,
          programme: faker.helpers.arrayElement([
            "Ekonomiprogrammet",
            "El- och energiprogrammet",
            "Samhällsvetenskapsprogrammet",
            "Naturbruksprogrammet",
            "Introduktionsprogram",
          ]),
          eventDate: dayOffset(-faker.number.int({ min: 1, max: 20 })),
          contactName: "Eva Berg",
          contactPhone: "0380-51 80 00",
          createdAt: new Date(Date.now() - faker.number.int({ min: 1, max: 240 }) * 3_600_000).toISOString(),
        })
        .run();
    }

    // What every letter prints, so that a youth can answer (issue 16).
    tx.insert(unitContactDetails)
      .values([
        {
          organisationId: orgs.kaa!,
          phone: "0380-51 82 00",
          sms: "070-518 20 00",
          email: "kaa@nassjo.se",
          streetAddress: "Storgatan 12",
          postalCode: "571 31",
          city: "Nässjö",
          openingHours: "Måndag–fredag 8–16, drop-in tisdagar 13–17",
        },
        {
          organisationId: orgs.kaaJkpg!,
          phone: "036-10 50 00",
          sms: "070-105 00 00",
          email: "kaa@jonkoping.se",
          streetAddress: "Västra Storgatan 20",
          postalCode: "553 15",
          city: "Jönköping",
          openingHours: "Måndag–fredag 8–16.30",
        },
      ])
      .run();
    seedConsents(tx, {
      municipalityId: nassjo,
      kaaOrganisationId: orgs.kaa!,
      socialOrganisationId: orgs.soc!,
      employmentOrganisationId: orgs.af!,
      schoolOrganisationId: orgs.school1!,
      kaaMembershipId: membershipIds["handlaggare@demo.example"]!,
      socialMembershipId: membershipIds["socialtjanst@demo.example"]!,
      employmentMembershipId: membershipIds["arbetsformedlingen@demo.example"]!,
      schoolMembershipId: membershipIds["skola@demo.example"]!,
      today: dayOffset(0),
    });
    seedMeetings(tx);
    seedSteering(tx);
    seedAnnualReports(tx);
    seedSchoolSystems(tx, { schoolOrganisationId: orgs.school1! });
    seedScbExportDemo(tx, { municipalityId: nassjo, membershipId: membershipIds["samordnare@demo.example"]!, today: dayOffset(0) });
    seedReviewSamples(tx, {
      municipalityId: nassjo,
      coordinatorMembershipId: membershipIds["samordnare@demo.example"]!,
      auditorMembershipId: membershipIds["granskare@demo.example"]!,
      today: dayOffset(0),
    });
    seedIdentityProviders(tx);
  });
}
