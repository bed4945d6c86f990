/**
 * Bulk seeding for the page benchmark (tests/bench/pages.bench.ts): a municipality's KAA register of
 * any size and an access log of any length, written with prepared better-sqlite3 statements in large
 * transactions on `getDb().$client`. The rows follow the rules of the demo seed and the factories
 * (db/seed.ts, db/seed-plans.ts, tests/factories/youth.ts): valid personnummer with correct check
 * digits, enrollments in every status with caseworkers, kartläggning/plan/insatser/uppföljningar for
 * some, consents with referrals, reports of concern, school notices, and a neighbouring municipality
 * with a tenth as many youths. The stored checklist summary (`enrollment_documentation`) is computed
 * with the app's own pure functions (computeChecklist, missingMask, overdueFrom) from the same rows,
 * and a sample is checked against `checklistInputOf` (what `recomputeDocumentation` reads) at the end.
 *
 * Import this module only after DATABASE_PATH and PORTAL_MODE are set.
 */
import crypto from "node:crypto";
import { getDb } from "#db/client";
import type { EnrollmentStatus } from "#db/schema";
import { DEFAULT_INTERVENTION_TYPES } from "~/modules/documentation/default-intervention-types";
import { computeChecklist, missingMask, overdueFrom, type ChecklistInput, type ChecklistIntervention } from "~/modules/documentation/checklist";
import { checklistInputOf } from "~/modules/documentation/documentation.server";
import { addMember, createForum } from "~/modules/meetings/forums.server";
import { createMeeting } from "~/modules/meetings/meetings.server";
import { parsePersonalNumber } from "~/modules/youth/personal-number";
import { guardianInputs, identityColumns } from "~/modules/youth/youth-row";
import type { Actor } from "~/modules/auth/actor.server";
import { addDays, todayIso } from "~/lib/dates";
import { createActor, createMunicipality, createOrganisation } from "../factories/world";
import { swedishFaker, youthInput } from "../factories/youth";

export type BenchOptions = { youths: number; logRows: number; seed: number };

type Staff = { membershipId: number; userId: number };

/** A small fast PRNG (mulberry32) for the access log, where faker would dominate the time. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GOALS = [
  "Börja på Komvux till nästa termin och läsa in matematik och engelska.",
  "Hitta en praktikplats inom handel och därefter ett arbete.",
  "Komma tillbaka till gymnasiet på ett nationellt program till hösten.",
  "Få en fast tid i veckan med studie- och yrkesvägledare och välja utbildning.",
  "Börja på folkhögskolans allmänna kurs.",
];
const UNITS = ["KAA-enheten", "Vuxenutbildningen", "Arbetsmarknadsenheten"];
const YOUTH_PAGE_SECTIONS = ["identity", "enrollment", "contacts", "assessment", "plan", "notices", "consents", "referrals", "concern_reports"] as const;
const CONSENT_SECTION_SETS = [
  ["identity", "contacts", "plan"],
  ["identity", "assessment", "plan"],
  ["identity", "assessment", "plan", "referrals"],
  ["identity", "contacts", "assessment", "plan", "notices", "referrals"],
] as const;

export async function seedBench(options: BenchOptions) {
  const started = performance.now();
  const db = getDb();
  const sqlite = db.$client;
  const today = todayIso();
  const nowIso = new Date().toISOString();
  // Bulk-load settings for this connection only (the server opens its own with the required ones);
  // synchronous goes back to FULL before anything is measured.
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -1048576");
  sqlite.pragma("temp_store = MEMORY");

  /* ------------------------------------------------------------ the world: municipalities, units, staff */
  const main = createMunicipality("Benchkommun");
  const neighbour = createMunicipality("Grannkommun");
  const org = (kind: Parameters<typeof createOrganisation>[0], municipalityId: number, name: string) => createOrganisation(kind, municipalityId, name);
  const orgs = {
    kaa: org("kaa_unit", main.id, "KAA-enheten Benchkommun"),
    school: org("school", main.id, "Benchgymnasiet"),
    school2: org("school", main.id, "Bench naturbruksgymnasium"),
    social: org("social_services", main.id, "Socialtjänsten Benchkommun, barn och unga"),
    employment: org("employment_service", main.id, "Arbetsförmedlingen Benchkommun"),
    steering: org("steering_group", main.id, "Styrgruppen för aktivitetsansvaret"),
    neighbourKaa: org("kaa_unit", neighbour.id, "KAA-enheten Grannkommun"),
  };
  // A caseworker per ~500 youths (at least five), as the KAA units of large municipalities are staffed.
  const caseworkerCount = Math.min(200, Math.max(5, Math.round(options.youths / 500)));
  const actors = {
    coordinator: await createActor("kaa_coordinator", orgs.kaa),
    caseworkers: [] as Actor[],
    school: await createActor("school_staff", orgs.school),
    social: await createActor("social_worker", orgs.social),
    employment: await createActor("employment_officer", orgs.employment),
    steering: await createActor("steering_member", orgs.steering),
    neighbourCoordinator: await createActor("kaa_coordinator", orgs.neighbourKaa),
    neighbourCaseworkers: [] as Actor[],
  };
  for (let i = 0; i < caseworkerCount; i++) actors.caseworkers.push(await createActor("kaa_caseworker", orgs.kaa));
  for (let i = 0; i < Math.max(2, Math.round(caseworkerCount / 10)); i++)
    actors.neighbourCaseworkers.push(await createActor("kaa_caseworker", orgs.neighbourKaa));
  const names = db.$client.prepare("UPDATE users SET display_name = ? WHERE id = ?");
  const faker = swedishFaker(options.seed);
  for (const a of [actors.coordinator, ...actors.caseworkers, actors.school, actors.social, actors.employment, actors.steering, actors.neighbourCoordinator])
    names.run(`${faker.person.firstName()} ${faker.person.lastName()}`, a.userId);

  /* ------------------------------------------------------------ prepared statements */
  const st = {
    type: sqlite.prepare("INSERT INTO intervention_types (municipality_id, name, position) VALUES (?, ?, ?)"),
    youth: sqlite.prepare(
      `INSERT INTO youths (id, home_municipality_id, personal_number, is_coordination_number, birth_date, first_name, last_name, name_search, name_sort,
        street_address, postal_code, city, phone, email, protected_identity, created_at, created_by_membership_id, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    guardian: sqlite.prepare("INSERT INTO guardians (youth_id, position, name, phone, email) VALUES (?, ?, ?, ?, ?)"),
    youthRevision: sqlite.prepare("INSERT INTO youth_revisions (youth_id, at, membership_id, changed_fields) VALUES (?, ?, ?, 'Registrerad')"),
    enrollment: sqlite.prepare(
      `INSERT INTO enrollments (youth_id, municipality_id, start_date, start_reason, source_notice_id, status, caseworker_membership_id, watch_until, created_by_membership_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    attempt: sqlite.prepare(
      "INSERT INTO contact_attempts (enrollment_id, youth_id, channel, date, outcome, occupation, recorded_by_membership_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    assessment: sqlite.prepare(
      `INSERT INTO assessments (enrollment_id, youth_id, date, occupation, completed_grades, studiebevis, youth_wishes, needs, youth_took_part, guardian_took_part, updated_at, updated_by_membership_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    ),
    plan: sqlite.prepare(
      `INSERT INTO plans (enrollment_id, youth_id, goal, made_with_youth, made_with_youth_date, no_other_actor_interventions_reason, updated_at, updated_by_membership_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    intervention: sqlite.prepare(
      `INSERT INTO interventions (enrollment_id, youth_id, municipality_id, type_id, responsible_party, responsible_unit, responsible_organisation_id, provider,
        start_date, planned_end_date, end_date, end_reason, evaluation_outcome, evaluation_text, created_by_membership_id, updated_by_membership_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    followUp: sqlite.prepare(
      "INSERT INTO intervention_follow_ups (intervention_id, municipality_id, due_date, done_date, note, done_by_membership_id) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    revision: sqlite.prepare(
      "INSERT INTO documentation_revisions (youth_id, enrollment_id, entity, entity_id, action, changes, user_id, membership_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    summary: sqlite.prepare("INSERT INTO enrollment_documentation (enrollment_id, municipality_id, missing, overdue_from, computed_at) VALUES (?, ?, ?, ?, ?)"),
    notice: sqlite.prepare(
      `INSERT INTO notices (school_organisation_id, submitted_by_membership_id, kind, personal_number, first_name, last_name, home_municipality_id, programme, event_date,
        contact_name, contact_phone, status, youth_id, received_at, received_by_membership_id, handled_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    consent: sqlite.prepare(
      `INSERT INTO consents (youth_id, municipality_id, given_by, maturity_note, method, document_ref, purpose, valid_from, valid_until, recorded_by_membership_id, recorded_at,
        withdrawn_date, withdrawal_method, withdrawn_by_membership_id, withdrawn_at)
       VALUES (?, ?, 'youth', ?, 'written', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    consentRecipient: sqlite.prepare("INSERT INTO consent_recipients (consent_id, organisation_id) VALUES (?, ?)"),
    consentSection: sqlite.prepare("INSERT INTO consent_sections (consent_id, section) VALUES (?, ?)"),
    referral: sqlite.prepare(
      `INSERT INTO referrals (youth_id, municipality_id, consent_id, sender_organisation_id, sender_membership_id, recipient_organisation_id, question, requested_intervention,
        status, sent_at, received_at, received_by_membership_id, decided_at, decided_by_membership_id, responsible_membership_id, decline_reason, closed_at, outcome,
        revoked_at, revoke_reason, revoked_by_membership_id, accepted_intervention, accepted_start_date, closed_by_membership_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    referralSection: sqlite.prepare("INSERT INTO referral_sections (referral_id, section) VALUES (?, ?)"),
    concern: sqlite.prepare(
      `INSERT INTO concern_reports (youth_id, personal_number, first_name, last_name, home_municipality_id, recipient_organisation_id, reporter_membership_id,
        reporter_organisation_id, observed, observed_when, created_at, received_at, received_by_membership_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };

  /* ------------------------------------------------------------ the registers */
  const typeIds = new Map<number, { id: number; name: string }[]>();
  const staffOf = (a: Actor): Staff => ({ membershipId: a.membershipId, userId: a.userId });
  type Youth = { id: string; municipalityId: number; birthDate: string; firstName: string; lastName: string; personalNumber: string; assessed: boolean };
  const registered: Youth[] = [];
  const documentedEnrollments: number[] = [];
  const counts = { youths: 0, enrollments: 0, documented: 0, interventions: 0, consents: 0, referrals: 0, concernReports: 0, notices: 0 };

  const groups = [
    {
      count: options.youths,
      municipalityId: main.id,
      city: "Benchstad",
      postalPrefix: "571",
      staff: actors.caseworkers.map(staffOf),
      registrars: [actors.coordinator, ...actors.caseworkers].map(staffOf),
    },
    {
      count: Math.max(10, Math.round(options.youths / 10)),
      municipalityId: neighbour.id,
      city: "Grannby",
      postalPrefix: "553",
      staff: actors.neighbourCaseworkers.map(staffOf),
      registrars: [actors.neighbourCoordinator, ...actors.neighbourCaseworkers].map(staffOf),
    },
  ];
  const schoolMembership = actors.school.membershipId;
  const pickStaff = (list: Staff[]) => faker.helpers.arrayElement(list);

  function seedYouth(group: (typeof groups)[number], taken: Set<string>) {
    const input = youthInput(faker, { homeMunicipalityId: group.municipalityId, city: group.city, postalPrefix: group.postalPrefix });
    const parsed = parsePersonalNumber(input.personalNumber);
    if (!parsed.ok || taken.has(parsed.value.normalized)) return false;
    taken.add(parsed.value.normalized);
    const id = crypto.randomBytes(12).toString("base64url");
    const createdAt = faker.date.recent({ days: 540 }).toISOString();
    const registrar = pickStaff(group.registrars);
    const c = identityColumns(input);
    st.youth.run(
      id,
      group.municipalityId,
      parsed.value.normalized,
      parsed.value.isCoordinationNumber ? 1 : 0,
      parsed.value.birthDate,
      c.firstName,
      c.lastName,
      c.nameSearch,
      c.nameSort,
      c.streetAddress,
      c.postalCode,
      c.city,
      c.phone,
      c.email,
      c.protectedIdentity ? 1 : 0,
      createdAt,
      registrar.membershipId,
      createdAt,
    );
    for (const g of guardianInputs(input)) st.guardian.run(id, g.position, g.name, g.phone, g.email);
    st.youthRevision.run(id, createdAt, registrar.membershipId);
    const youth: Youth = {
      id,
      municipalityId: group.municipalityId,
      birthDate: parsed.value.birthDate,
      firstName: input.firstName,
      lastName: input.lastName,
      personalNumber: parsed.value.normalized,
      assessed: false,
    };
    registered.push(youth);
    counts.youths++;
    if (faker.datatype.boolean({ probability: 0.85 })) seedEnrollment(youth, createdAt.slice(0, 10), group, registrar);
    return true;
  }

  // The outreach so far (db/seed.ts): a status, a caseworker for three in four, the attempts made.
  function seedEnrollment(youth: Youth, startDate: string, group: (typeof groups)[number], registrar: Staff) {
    const status = faker.helpers.weightedArrayElement<EnrollmentStatus>([
      { weight: 25, value: "not_contacted" },
      { weight: 35, value: "contacted" },
      { weight: 25, value: "in_intervention" },
      { weight: 15, value: "watch" },
    ]);
    const caseworker = faker.helpers.maybe(() => pickStaff(group.staff), { probability: 0.75 }) ?? null;
    const startReason = faker.helpers.arrayElement(["notice_dropout", "notice_absence", "notice_not_started", "moved_in", "register_check"] as const);
    // A notice-started enrollment comes from a school's notice, received and handled by the unit.
    let noticeId: number | null = null;
    if (startReason.startsWith("notice_")) {
      const kind = startReason === "notice_dropout" ? "dropout" : startReason === "notice_absence" ? "absence" : "not_started";
      const at = `${addDays(startDate, -faker.number.int({ min: 1, max: 10 }))}T08:15:00.000Z`;
      noticeId = Number(
        st.notice.run(
          faker.datatype.boolean() ? orgs.school.id : orgs.school2.id,
          schoolMembership,
          kind,
          youth.personalNumber,
          youth.firstName,
          youth.lastName,
          youth.municipalityId,
          "Introduktionsprogram",
          addDays(startDate, -14),
          "Eva Berg",
          "0380-51 80 00",
          "handled",
          youth.id,
          at,
          registrar.membershipId,
          `${startDate}T09:00:00.000Z`,
          at,
        ).lastInsertRowid,
      );
      counts.notices++;
    }
    const enrollmentId = Number(
      st.enrollment.run(
        youth.id,
        youth.municipalityId,
        startDate,
        startReason,
        noticeId,
        status,
        caseworker?.membershipId ?? null,
        status === "watch" ? addDays(today, faker.number.int({ min: -20, max: 60 })) : null,
        registrar.membershipId,
        `${startDate}T09:00:00.000Z`,
      ).lastInsertRowid,
    );
    counts.enrollments++;
    const attempt = (daysAfterStart: number, channel: "letter" | "phone" | "sms", outcome: "reached" | "not_reached" | "message_left") => {
      const date = addDays(startDate, daysAfterStart);
      if (date > today) return;
      const occupation = outcome === "reached" ? faker.helpers.arrayElement(["studies", "work", "other_activity", "none"] as const) : null;
      st.attempt.run(enrollmentId, youth.id, channel, date, outcome, occupation, registrar.membershipId, `${date}T10:00:00.000Z`);
    };
    if (status === "not_contacted") {
      if (faker.datatype.boolean()) attempt(5, "letter", "message_left");
    } else {
      attempt(4, "letter", "message_left");
      attempt(faker.number.int({ min: 10, max: 40 }), faker.helpers.arrayElement(["phone", "sms"] as const), "reached");
    }
    seedDocumentation(youth, enrollmentId, startDate, status, caseworker ?? registrar);
  }

  // db/seed-plans.ts in bulk: the same rules, and the checklist summary computed from the same rows.
  function seedDocumentation(youth: Youth, enrollmentId: number, startDate: string, status: EnrollmentStatus, staff: Staff) {
    const completeness =
      status === "in_intervention" ? 1 : status === "contacted" ? faker.number.float({ min: 0, max: 0.8 }) : faker.number.float({ min: 0, max: 0.4 });
    if (status === "not_contacted" || completeness < 0.2) return;
    const assessmentDate = addDays(startDate, faker.number.int({ min: 20, max: 45 }));
    if (assessmentDate > today) return;
    const stampAt = `${assessmentDate}T10:00:00.000Z`;
    const revision = (entity: string, entityId: number, at: string, changes: Record<string, [unknown, unknown]>) =>
      st.revision.run(youth.id, enrollmentId, entity, entityId, "created", JSON.stringify(changes), staff.userId, staff.membershipId, `${at}T10:00:00.000Z`);
    const input: ChecklistInput = { assessment: { date: assessmentDate }, plan: null, interventions: [] };
    const assessmentId = Number(
      st.assessment.run(
        enrollmentId,
        youth.id,
        assessmentDate,
        faker.helpers.arrayElement(["none", "other_activity", "work"] as const),
        faker.helpers.arrayElement(["Åk 9", "Åk 9, gymnasiet åk 1", "Åk 9, gymnasiet åk 2"]),
        faker.helpers.arrayElement(["no", "unknown"] as const),
        faker.helpers.arrayElement([
          "Vill arbeta med djur.",
          "Vill bli elektriker.",
          "Vet inte ännu, vill prova på olika yrken.",
          "Vill läsa klart gymnasiet.",
        ]),
        faker.helpers.arrayElement(["Stöd att välja utbildning.", "Hjälp att söka praktik.", "Struktur i vardagen och stöd vid studiestart."]),
        faker.datatype.boolean() ? 1 : 0,
        stampAt,
        staff.membershipId,
      ).lastInsertRowid,
    );
    youth.assessed = true;
    revision("assessment", assessmentId, assessmentDate, { date: [null, assessmentDate] });
    const finish = () => {
      st.summary.run(enrollmentId, youth.municipalityId, missingMask(computeChecklist(input, null)), overdueFrom(input), nowIso);
      documentedEnrollments.push(enrollmentId);
      counts.documented++;
    };
    if (completeness < 0.4) return finish();
    const planDate = addDays(assessmentDate, 7);
    if (planDate > today) return finish();
    const madeWithYouth = completeness > 0.5;
    const goal = faker.helpers.arrayElement(GOALS);
    const noOther = faker.datatype.boolean({ probability: 0.5 }) ? "Ungdomen behöver inget stöd från andra aktörer just nu." : null;
    const planId = Number(
      st.plan.run(enrollmentId, youth.id, goal, madeWithYouth ? 1 : 0, madeWithYouth ? planDate : null, noOther, stampAt, staff.membershipId).lastInsertRowid,
    );
    input.plan = {
      goal,
      madeWithYouth,
      noYouthInterventionsReason: null,
      noMunicipalityInterventionsReason: null,
      noOtherActorInterventionsReason: noOther,
    };
    revision("plan", planId, planDate, { madeWithYouth: [null, madeWithYouth] });
    const count = status === "in_intervention" ? faker.number.int({ min: 1, max: 3 }) : completeness > 0.6 ? 1 : 0;
    const parties = faker.helpers.shuffle(["youth", "municipality", "other_actor"] as const);
    const types = typeIds.get(youth.municipalityId)!;
    for (let n = 0; n < count; n++) {
      const start = addDays(planDate, 7 + n * 14);
      if (start > today) break;
      const party = parties[n % parties.length]!;
      const plannedEnd = addDays(start, faker.number.int({ min: 60, max: 200 }));
      const ended = plannedEnd < today && faker.datatype.boolean({ probability: status === "in_intervention" && n === 0 ? 0.4 : 0.8 });
      const type = faker.helpers.arrayElement(types);
      const responsibleUnit = party === "municipality" ? faker.helpers.arrayElement(UNITS) : null;
      const responsibleOrganisationId = party === "other_actor" ? faker.helpers.arrayElement([orgs.social.id, orgs.employment.id]) : null;
      const provider =
        faker.helpers.maybe(() => faker.helpers.arrayElement(["Komvux Bench", "Höglandets folkhögskola", "ICA Kvantum Bench"]), { probability: 0.5 }) ?? null;
      const planned = status === "in_intervention" && n === 0 && !ended ? addDays(today, faker.number.int({ min: -10, max: 90 })) : plannedEnd;
      const endReason = ended ? faker.helpers.arrayElement(["completed", "started_studies", "got_work", "youth_discontinued"] as const) : null;
      const evaluationOutcome = ended ? faker.helpers.arrayElement(["met", "partly", "not_met"] as const) : null;
      const evaluationText = ended ? "Insatsen följdes upp med ungdomen och målet stämdes av." : null;
      const id = Number(
        st.intervention.run(
          enrollmentId,
          youth.id,
          youth.municipalityId,
          type.id,
          party,
          responsibleUnit,
          responsibleOrganisationId,
          provider,
          start,
          planned,
          ended ? plannedEnd : null,
          endReason,
          evaluationOutcome,
          evaluationText,
          staff.membershipId,
          staff.membershipId,
          `${start}T10:00:00.000Z`,
          `${start}T10:00:00.000Z`,
        ).lastInsertRowid,
      );
      counts.interventions++;
      revision("intervention", id, start, { startDate: [null, start] });
      const item: ChecklistIntervention = {
        id,
        name: type.name,
        responsibleParty: party,
        responsibleUnit,
        responsibleOrganisationId,
        responsibleOrganisationName: null,
        startDate: start,
        plannedEndDate: planned,
        declinedDate: null,
        endDate: ended ? plannedEnd : null,
        endReason,
        evaluationOutcome,
        evaluationText,
        followUpDates: [],
      };
      if (completeness > 0.5 || status === "in_intervention") {
        const due = addDays(start, 30);
        const done = due < today && (ended || faker.datatype.boolean({ probability: 0.7 }));
        st.followUp.run(id, youth.municipalityId, due, done ? due : null, done ? "Insatsen går enligt plan." : null, done ? staff.membershipId : null);
        item.followUpDates.push(due);
      }
      input.interventions.push(item);
    }
    // checklistInputOf orders the interventions by start date and id; the summary does not depend on it.
    return finish();
  }

  const BATCH = 5000;
  for (const municipalityId of [main.id, neighbour.id]) {
    sqlite.transaction(() => {
      typeIds.set(
        municipalityId,
        DEFAULT_INTERVENTION_TYPES.map(({ name }, i) => ({ id: Number(st.type.run(municipalityId, name, i + 1).lastInsertRowid), name })),
      );
    })();
  }
  for (const group of groups) {
    const taken = new Set<string>();
    let made = 0;
    while (made < group.count) {
      sqlite.transaction(() => {
        const end = Math.min(group.count, made + BATCH);
        while (made < end) if (seedYouth(group, taken)) made++;
      })();
    }
  }
  const youthsDone = performance.now();

  /* ------------------------------------------------------------ consent, referrals, reports of concern, the inbox */
  const mainYouths = registered.filter((y) => y.municipalityId === main.id);
  const consented: { youthId: string; consentId: number }[] = [];
  sqlite.transaction(() => {
    const kaaStaff = [actors.coordinator, ...actors.caseworkers];
    for (const youth of mainYouths) {
      if (!youth.assessed || !faker.datatype.boolean({ probability: 0.08 })) continue;
      const recorder = faker.helpers.arrayElement(kaaStaff);
      const from = faker.number.int({ min: 5, max: 400 });
      const validFrom = addDays(today, -from);
      const validUntil = addDays(validFrom, 365);
      const withdrawn = faker.datatype.boolean({ probability: 0.1 }) ? Math.max(0, from - faker.number.int({ min: 1, max: from })) : undefined;
      const recordedAt = `${validFrom}T09:30:00.000Z`;
      const consentId = Number(
        st.consent.run(
          youth.id,
          main.id,
          "Ungdomen förstår vad samtycket innebär och vill att uppgifterna delas.",
          `KAA ${validFrom.slice(0, 4)}/${counts.consents + 100}`,
          "Samordna stödet till ungdomen mellan KAA-enheten och mottagarna.",
          validFrom,
          validUntil,
          recorder.membershipId,
          recordedAt,
          withdrawn !== undefined ? addDays(today, -withdrawn) : null,
          withdrawn !== undefined ? "oral" : null,
          withdrawn !== undefined ? recorder.membershipId : null,
          withdrawn !== undefined ? `${addDays(today, -withdrawn)}T11:00:00.000Z` : null,
        ).lastInsertRowid,
      );
      counts.consents++;
      const recipients = faker.helpers.arrayElement([[orgs.social], [orgs.employment], [orgs.social, orgs.employment]]);
      for (const r of recipients) st.consentRecipient.run(consentId, r.id);
      const sections = faker.helpers.arrayElement(CONSENT_SECTION_SETS);
      for (const s of sections) st.consentSection.run(consentId, s);
      if (withdrawn === undefined && validUntil >= today) consented.push({ youthId: youth.id, consentId });
      // A referral on most consents, in every state; a withdrawal revoked the open one.
      if (!faker.datatype.boolean({ probability: 0.7 })) continue;
      const recipient = faker.helpers.arrayElement(recipients);
      const officer = recipient.id === orgs.social.id ? actors.social : actors.employment;
      const sentAt = `${addDays(validFrom, 2)}T10:00:00.000Z`;
      const status =
        withdrawn !== undefined
          ? "revoked"
          : faker.helpers.weightedArrayElement([
              { weight: 25, value: "sent" },
              { weight: 20, value: "received" },
              { weight: 30, value: "accepted" },
              { weight: 10, value: "declined" },
              { weight: 15, value: "closed" },
            ] as const);
      const later = (days: number) => `${addDays(validFrom, 2 + days)}T13:00:00.000Z`;
      const received = status !== "sent" && status !== "revoked";
      const decided = status === "accepted" || status === "declined" || status === "closed";
      const referralId = Number(
        st.referral.run(
          youth.id,
          main.id,
          consentId,
          orgs.kaa.id,
          recorder.membershipId,
          recipient.id,
          "Behöver ungdomen stöd från er för att komma vidare mot studier eller arbete?",
          recipient.id === orgs.social.id ? "Stödsamtal" : "Arbetsmarknadsinsats",
          status,
          sentAt,
          received ? later(1) : null,
          received ? officer.membershipId : null,
          decided ? later(3) : null,
          decided ? officer.membershipId : null,
          status === "accepted" || status === "closed" ? officer.membershipId : null,
          status === "declined" ? "Ungdomen har redan stöd av annan aktör." : null,
          status === "closed" ? later(60) : null,
          status === "closed" ? "Insatsen genomförd." : null,
          status === "revoked" ? `${addDays(today, -withdrawn!)}T11:00:00.000Z` : null,
          status === "revoked" ? "Samtycket återkallades." : null,
          status === "revoked" ? recorder.membershipId : null,
          status === "accepted" || status === "closed" ? "Stödsamtal varannan vecka" : null,
          status === "accepted" || status === "closed" ? addDays(validFrom, 10) : null,
          status === "closed" ? officer.membershipId : null,
        ).lastInsertRowid,
      );
      counts.referrals++;
      for (const s of sections) st.referralSection.run(referralId, s);
    }
    // Reports of concern about minors, from the school and the KAA unit to socialtjänsten.
    for (const youth of mainYouths) {
      if (!faker.datatype.boolean({ probability: 0.005 })) continue;
      if (Number(today.slice(0, 4)) - Number(youth.birthDate.slice(0, 4)) >= 18) continue;
      const reporter = faker.datatype.boolean() ? actors.school : faker.helpers.arrayElement(actors.caseworkers);
      const at = `${addDays(today, -faker.number.int({ min: 1, max: 300 }))}T12:00:00.000Z`;
      const received = faker.datatype.boolean({ probability: 0.8 });
      st.concern.run(
        youth.id,
        youth.personalNumber,
        youth.firstName,
        youth.lastName,
        main.id,
        orgs.social.id,
        reporter.membershipId,
        reporter.organisationId,
        "Ungdomen har inte varit i skolan på flera veckor och uppger att det är oroligt hemma.",
        "De senaste veckorna",
        at,
        received ? at.replace("T12", "T15") : null,
        received ? actors.social.membershipId : null,
      );
      counts.concernReports++;
    }
    // New notices waiting in the KAA inbox (people not yet in the register, or not yet linked).
    const newNotices = Math.max(12, Math.round(options.youths / 100));
    for (let i = 0; i < newNotices; i++) {
      const input = youthInput(faker, { homeMunicipalityId: main.id, city: "Benchstad", postalPrefix: "571" });
      const parsed = parsePersonalNumber(input.personalNumber);
      if (!parsed.ok) continue;
      st.notice.run(
        i % 2 === 0 ? orgs.school.id : orgs.school2.id,
        schoolMembership,
        faker.helpers.arrayElement(["dropout", "absence", "not_started"] as const),
        parsed.value.normalized,
        input.firstName,
        input.lastName,
        main.id,
        faker.helpers.arrayElement(["Ekonomiprogrammet", "El- och energiprogrammet", "Samhällsvetenskapsprogrammet", "Introduktionsprogram"]),
        addDays(today, -faker.number.int({ min: 1, max: 20 })),
        "Eva Berg",
        "0380-51 80 00",
        "sent",
        null,
        null,
        null,
        null,
        new Date(Date.now() - faker.number.int({ min: 1, max: 240 }) * 3_600_000).toISOString(),
      );
      counts.notices++;
    }
  })();

  /* ------------------------------------------------------------ samverkan: a working group and a meeting, through the module */
  const forum = createForum(actors.coordinator, {
    name: "Arbetsgruppen för aktivitetsansvaret",
    kind: "working_group",
    purpose: "Går igenom enskilda ungdomars situation med ungdomens samtycke.",
    rhythm: "biweekly",
    rhythmNote: undefined,
    defaultPlace: "KAA-enheten",
    chairMembershipId: actors.coordinator.membershipId,
    organisationIds: [orgs.kaa.id, orgs.social.id, orgs.employment.id],
  });
  if (!forum.ok) throw new Error(`Forum: ${JSON.stringify(forum.errors)}`);
  const members = [actors.caseworkers[0]!, actors.social, actors.employment];
  for (const [i, a] of members.entries()) {
    const added = addMember(actors.coordinator, forum.id, { membershipId: a.membershipId, forumRole: i === 0 ? "secretary" : "member" });
    if (!added.ok) throw new Error(`Forummedlem: ${JSON.stringify(added.errors)}`);
  }
  for (const days of [7, 21]) {
    const meeting = createMeeting(actors.coordinator, forum.id, {
      title: "Arbetsgruppen",
      date: addDays(today, days),
      startTime: "13:00",
      endTime: "14:30",
      place: "KAA-enheten",
      videoLink: undefined,
      participantIds: [actors.coordinator, ...members].map((a) => a.membershipId),
    });
    if (!meeting.ok) throw new Error(`Möte: ${JSON.stringify(meeting.errors)}`);
  }
  const worldDone = performance.now();

  /* ------------------------------------------------------------ the access log */
  const logStarted = performance.now();
  seedAccessLog(options.logRows);
  const logDone = performance.now();

  // Back to the settings the portal requires before anything is measured.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("cache_size = -2000");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");

  // The stored summary must equal what recomputeDocumentation would store: check a sample.
  const check = sqlite.prepare("SELECT missing, overdue_from AS overdueFrom FROM enrollment_documentation WHERE enrollment_id = ?");
  let mismatches = 0;
  for (let i = 0; i < Math.min(500, documentedEnrollments.length); i++) {
    const id = documentedEnrollments[Math.floor((i * documentedEnrollments.length) / Math.min(500, documentedEnrollments.length))]!;
    const input = checklistInputOf(id);
    const stored = check.get(id) as { missing: number; overdueFrom: string | null };
    if (stored.missing !== missingMask(computeChecklist(input, null)) || stored.overdueFrom !== overdueFrom(input)) mismatches++;
  }
  if (mismatches > 0) throw new Error(`Kontrollistans sammanfattning skiljer sig från recomputeDocumentation i ${mismatches} inskrivningar.`);

  const rows = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    main,
    neighbour,
    orgs,
    actors,
    forumId: forum.id,
    youths: mainYouths,
    documentedYouthIds: mainYouths.filter((y) => y.assessed).map((y) => y.id),
    consentedYouthIds: consented.map((c) => c.youthId),
    counts: {
      ...counts,
      neighbourYouths: registered.length - mainYouths.length,
      caseworkers: caseworkerCount,
      auditEvents: rows("audit_events"),
      contactAttempts: rows("contact_attempts"),
      documentationRevisions: rows("documentation_revisions"),
    },
    timings: {
      youthsMs: youthsDone - started,
      restMs: worldDone - youthsDone,
      logMs: logDone - logStarted,
      totalMs: performance.now() - started,
      checkedSummaries: Math.min(500, documentedEnrollments.length),
    },
  };

  /**
   * The access log: page views of the last two years in time order, one row per section a view
   * opened (as openYouthFile writes them), by the unit's staff (register keeper), socialtjänsten and
   * Arbetsförmedlingen on consent, refused attempts (school, the neighbouring unit), and the
   * neighbouring unit's own work. The log's indexes are dropped and rebuilt around the load, which is
   * far faster than keeping them up to date row by row; the SQL is the migrations' own.
   */
  function seedAccessLog(total: number) {
    if (total <= 0) return;
    const random = prng(options.seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const indexes = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_events' AND sql IS NOT NULL").all() as {
      name: string;
      sql: string;
    }[];
    for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
    const insert = sqlite.prepare(
      `INSERT INTO audit_events (at, user_id, membership_id, organisation_id, role, youth_id, youth_municipality_id, section, action, outcome, basis, basis_ref)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const kaa = [actors.coordinator, ...actors.caseworkers];
    const neighbourKaa = [actors.neighbourCoordinator, ...actors.neighbourCaseworkers];
    const neighbourYouths = registered.filter((y) => y.municipalityId === neighbour.id);
    const consentedPool = consented.length > 0 ? consented : [{ youthId: mainYouths[0]!.id, consentId: 0 }];
    const span = 730 * 86_400_000;
    const start = Date.now() - span;
    let written = 0;
    const LOG_BATCH = 200_000;
    while (written < total) {
      sqlite.transaction(() => {
        const end = Math.min(total, written + LOG_BATCH);
        while (written < end) {
          const at = new Date(start + Math.floor((written / total) * span)).toISOString();
          const kind = random();
          let rows = 0;
          const emit = (
            a: Actor,
            youth: { id: string; municipalityId: number },
            section: string,
            action: string,
            allowed: boolean,
            basis: string | null,
            ref: string | null,
          ) => {
            if (written >= end) return;
            insert.run(
              at,
              a.userId,
              a.membershipId,
              a.organisationId,
              a.role,
              youth.id,
              youth.municipalityId,
              section,
              action,
              allowed ? "allowed" : "denied",
              basis,
              ref,
            );
            written++;
            rows++;
          };
          if (kind < 0.72) {
            // The youth page: every section in one view.
            const a = pick(kaa);
            const y = pick(mainYouths);
            for (const s of YOUTH_PAGE_SECTIONS) emit(a, y, s, "read", true, "register_keeper", null);
          } else if (kind < 0.8) {
            // A write (a contact attempt, the plan): one or two sections.
            const a = pick(kaa);
            const y = pick(mainYouths);
            emit(a, y, pick(["contacts", "plan", "assessment", "enrollment"] as const), "write", true, "register_keeper", null);
          } else if (kind < 0.85) {
            // A register or worklist page: the youths it listed.
            const a = pick(kaa);
            for (let i = 0; i < 25; i++) emit(a, pick(mainYouths), "identity", "list", true, "register_keeper", null);
          } else if (kind < 0.89) {
            // The shared view, on a consent.
            const c = pick(consentedPool);
            const a = random() < 0.5 ? actors.social : actors.employment;
            const y = { id: c.youthId, municipalityId: main.id };
            for (const s of ["identity", "plan"]) emit(a, y, s, "read", true, "consent", String(c.consentId));
          } else if (kind < 0.9) {
            // Refused: a school, socialtjänsten without consent, or the neighbouring unit.
            const who = random();
            const a = who < 0.4 ? actors.school : who < 0.7 ? actors.social : pick(neighbourKaa);
            const reason = a === actors.school ? "role" : a === actors.social ? "no_consent" : "other_municipality";
            emit(a, pick(mainYouths), "identity", "read", false, null, reason);
          } else {
            // The neighbouring unit's own register: outside this unit's log review.
            const a = pick(neighbourKaa);
            const y = pick(neighbourYouths);
            for (const s of YOUTH_PAGE_SECTIONS.slice(0, 5)) emit(a, y, s, "read", true, "register_keeper", null);
          }
          if (rows === 0) break;
        }
      })();
    }
    for (const index of indexes) sqlite.exec(index.sql);
  }
}

export type BenchWorld = Awaited<ReturnType<typeof seedBench>>;
