/**
 * Demo data for samverkan meetings (issue 6), run at the end of the demo seed's transaction: Nässjö's
 * styrgrupp, samverkansforum and arbetsgrupp with members, past meetings with justerade protokoll
 * and action items, coming meetings, and youths with consents so that case items can be linked.
 * Everything is looked up by name, kind and user name, so it does not depend on the seed's variables.
 */
import { and, asc, eq, isNull, notExists, sql } from "drizzle-orm";
import { recomputeDocumentation, syncInterventionStatus } from "../app/modules/documentation/documentation.server";
import type { Tx } from "./client";
import {
  actionItems,
  agendaItems,
  consentRecipients,
  consents,
  consentSections,
  enrollments,
  forumMembers,
  forumOrganisations,
  forums,
  interventions,
  interventionTypes,
  meetingParticipants,
  meetings,
  memberships,
  municipalities,
  notifications,
  organisations,
  plans,
  users,
  youths,
  type AgendaItemKind,
  type ForumRole,
  type OrganisationKind,
  type Role,
} from "./schema";
import { computeKeyFigures } from "../app/modules/statistics/key-figures.server";
import { stockholmToUtc } from "../app/modules/meetings/time";

function dayOffset(days: number) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const at = (days: number, time: string) => stockholmToUtc(dayOffset(days), time);

export function seedMeetings(tx: Tx) {
  const municipality = tx.select().from(municipalities).where(eq(municipalities.code, "0682")).get();
  if (!municipality) return;
  const org = (kind: OrganisationKind, name?: string) =>
    tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.municipalityId, municipality.id), eq(organisations.kind, kind), name ? eq(organisations.name, name) : undefined))
      .get()!.id;
  const orgs = {
    kaa: org("kaa_unit"),
    soc: org("social_services"),
    af: org("employment_service"),
    steering: org("steering_group"),
    school: org("school", "Kvarnbäcksgymnasiet"),
  };
  const member = (username: string, role?: Role) =>
    tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(users.username, username), role ? eq(memberships.role, role) : undefined))
      .get()!.id;
  const m = {
    coordinator: member("samordnare@demo.example"),
    caseworker: member("handlaggare@demo.example"),
    social: member("socialtjanst@demo.example"),
    employment: member("arbetsformedlingen@demo.example"),
    steering: member("styrgrupp@demo.example"),
    school: member("skola@demo.example"),
    multiSteering: member("flera-roller@demo.example", "steering_member"),
  };

  /* ------------------------------------------------------------ forums */
  const forum = (
    values: Omit<typeof forums.$inferInsert, "municipalityId" | "createdByMembershipId">,
    organisationIds: number[],
    members: [number, ForumRole][],
  ) => {
    const id = tx
      .insert(forums)
      .values({ ...values, municipalityId: municipality.id, createdByMembershipId: m.coordinator })
      .returning({ id: forums.id })
      .get().id;
    tx.insert(forumOrganisations)
      .values(organisationIds.map((organisationId) => ({ forumId: id, organisationId, addedByMembershipId: m.coordinator })))
      .run();
    tx.insert(forumMembers)
      .values(members.map(([membershipId, forumRole]) => ({ forumId: id, membershipId, forumRole, addedByMembershipId: m.coordinator })))
      .run();
    return { id, members: members.map(([id]) => id) };
  };
  const steeringGroup = forum(
    {
      kind: "steering_group",
      name: "Styrgruppen för aktivitetsansvaret",
      purpose:
        "Styr kommunens arbete med aktivitetsansvaret övergripande. Hit lyfts frågor om inriktning, ansvarsfördelning, behov av nya insatser och resursfördelning, och hit rapporteras arbetet och resultaten.",
      rhythm: "quarterly",
      rhythmNote: "En gång per kvartal",
      defaultPlace: "Stadshuset, sammanträdesrum Höglandet",
    },
    [orgs.steering, orgs.kaa],
    [
      [m.steering, "chair"],
      [m.coordinator, "secretary"],
      [m.multiSteering, "member"],
    ],
  );
  const collaborationForum = forum(
    {
      kind: "collaboration_forum",
      name: "Samverkansforum för unga 16–20 år",
      purpose:
        "Diskuterar konkreta utvecklingsfrågor, förbereder frågor till styrgruppen och planerar samverkansinsatser för personalen. Analyserar underlaget till den årliga rapporten om aktivitetsansvaret och reviderar handlingsplanen.",
      rhythm: "monthly",
      rhythmNote: "Första torsdagen i månaden kl. 9–11",
      defaultPlace: "Stadshuset, sammanträdesrum Höglandet",
    },
    [orgs.steering, orgs.kaa, orgs.school, orgs.soc, orgs.af],
    [
      [m.steering, "chair"],
      [m.coordinator, "secretary"],
      [m.school, "member"],
      [m.social, "member"],
      [m.employment, "member"],
    ],
  );
  const workingGroup = forum(
    {
      kind: "working_group",
      name: "Arbetsgruppen KAA Nässjö",
      purpose: "KAA-enheten, socialtjänsten och Arbetsförmedlingen går igenom enskilda ungdomars situation, med ungdomens samtycke, och samordnar insatserna.",
      rhythm: "biweekly",
      rhythmNote: "Tisdagar jämna veckor kl. 13–14.30",
      defaultPlace: "KAA-enheten, Storgatan 12",
    },
    [orgs.kaa, orgs.soc, orgs.af],
    [
      [m.coordinator, "chair"],
      [m.caseworker, "secretary"],
      [m.social, "member"],
      [m.employment, "member"],
    ],
  );

  /* ------------------------------------------------------------ youths with consent */
  const consented = consentedYouths(tx, municipality.id, orgs, m.coordinator);

  /* ------------------------------------------------------------ meetings */
  type Item = {
    kind: AgendaItemKind;
    title: string;
    minutes: number;
    description?: string;
    notes?: string;
    decision?: string;
    youthId?: string;
    caseSections?: string;
    keyFigures?: boolean;
  };
  const meeting = (
    forumRef: { id: number; members: number[] },
    values: { title: string; startsAt: string; endsAt: string; place: string | null; videoLink?: string },
    items: Item[],
    options: {
      held: boolean;
      adjuster?: number;
      actions?: { title: string; owner: number; due: string; done?: boolean; item?: number }[];
      minutesNote?: string;
    },
  ) => {
    const id = tx
      .insert(meetings)
      .values({
        forumId: forumRef.id,
        ...values,
        status: options.held ? "held" : "planned",
        createdByMembershipId: forumRef.members[1] ?? forumRef.members[0]!,
        agendaSentAt: options.held ? values.startsAt : null,
        heldMarkedAt: options.held ? values.endsAt : null,
      })
      .returning({ id: meetings.id })
      .get().id;
    tx.insert(meetingParticipants)
      .values(
        forumRef.members.map((membershipId) => ({
          meetingId: id,
          membershipId,
          addedByMembershipId: forumRef.members[0]!,
          attendance: options.held ? ("present" as const) : null,
          agendaEmailStatus: options.held ? ("sent" as const) : null,
        })),
      )
      .run();
    const itemIds = items.map(
      (item, index) =>
        tx
          .insert(agendaItems)
          .values({
            meetingId: id,
            position: index + 1,
            kind: item.kind,
            state: "accepted",
            title: item.title,
            description: item.description ?? null,
            minutesAllotted: item.minutes,
            youthId: item.youthId ?? null,
            caseSections: item.caseSections ?? null,
            linkedAt: item.youthId ? values.startsAt : null,
            linkedByMembershipId: item.youthId ? m.caseworker : null,
            keyFigures: item.keyFigures ? JSON.stringify(computeKeyFigures(municipality.id, { db: tx, now: new Date(values.startsAt) })) : null,
            keyFiguresFrozenAt: item.keyFigures ? values.startsAt : null,
            minutesNotes: item.notes ?? null,
            minutesDecision: item.decision ?? null,
            proposedByMembershipId: forumRef.members[1] ?? forumRef.members[0]!,
            decidedByMembershipId: forumRef.members[0]!,
            decidedAt: values.startsAt,
          })
          .returning({ id: agendaItems.id })
          .get().id,
    );
    for (const action of options.actions ?? []) {
      tx.insert(actionItems)
        .values({
          forumId: forumRef.id,
          meetingId: id,
          agendaItemId: action.item !== undefined ? itemIds[action.item]! : null,
          title: action.title,
          ownerMembershipId: action.owner,
          dueDate: action.due,
          status: action.done ? "done" : "open",
          createdByMembershipId: forumRef.members[1] ?? forumRef.members[0]!,
          completedAt: action.done ? new Date().toISOString() : null,
          completedByMembershipId: action.done ? action.owner : null,
        })
        .run();
    }
    if (options.held && options.adjuster) {
      // Approved last: from here on the triggers lock the meeting.
      tx.update(meetings)
        .set({
          status: "minutes_approved",
          minutesNote: options.minutesNote ?? null,
          adjusterMembershipId: options.adjuster,
          minutesApprovedAt: values.endsAt,
          minutesApprovedByMembershipId: options.adjuster,
        })
        .where(eq(meetings.id, id))
        .run();
    }
    return id;
  };

  // The arbetsgrupp, every other week.
  // The second youth's consent names socialtjänsten only: linking it in the arbetsgrupp is refused.
  const [youthA] = consented;
  meeting(
    workingGroup,
    { title: "Arbetsgruppen KAA Nässjö", startsAt: at(-28, "13:00"), endsAt: at(-28, "14:30"), place: "KAA-enheten, Storgatan 12" },
    [
      {
        kind: "information",
        title: "Nytt från KAA-enheten",
        minutes: 10,
        notes: "Tolv nya anmälningar sedan förra mötet, varav fyra avbrott från introduktionsprogram.",
      },
      {
        kind: "case",
        title: "Ungdom 17 år som avbrutit studierna, behöver stöd från flera håll",
        minutes: 20,
        description: "Avidentifierat ärende: samtycke till att dela uppgifter saknas.",
        notes: "Socialtjänsten och Arbetsförmedlingen ger allmän information om vad de kan erbjuda.",
        decision: "KAA-enheten tar upp frågan om samtycke med ungdomen.",
      },
      { kind: "discussion", title: "Rutinen för remisser mellan enheterna", minutes: 20, decision: "Rutinen prövas fram till sommaren." },
    ],
    {
      held: true,
      adjuster: m.social,
      actions: [{ title: "Ta fram en kontaktlista till öppenvården", owner: m.social, due: dayOffset(-14), done: true, item: 2 }],
    },
  );
  meeting(
    workingGroup,
    { title: "Arbetsgruppen KAA Nässjö", startsAt: at(-14, "13:00"), endsAt: at(-14, "14:30"), place: "KAA-enheten, Storgatan 12" },
    [
      { kind: "information", title: "Nytt från KAA-enheten", minutes: 10 },
      ...(youthA
        ? [
            {
              kind: "case" as const,
              title: "Samordnad planering inför vårterminen",
              minutes: 25,
              youthId: youthA,
              caseSections: "identity,plan",
              notes: "Genomgång av planen. Ungdomen vill börja på Komvux.",
              decision: "Arbetsförmedlingen bjuder in till ett trepartssamtal.",
            },
          ]
        : []),
    ],
    {
      held: true,
      adjuster: m.social,
      actions: [{ title: "Boka trepartssamtal med ungdomen och KAA-enheten", owner: m.employment, due: dayOffset(7), item: 1 }],
    },
  );
  meeting(
    workingGroup,
    {
      title: "Arbetsgruppen KAA Nässjö",
      startsAt: at(14, "13:00"),
      endsAt: at(14, "14:30"),
      place: "KAA-enheten, Storgatan 12",
      videoLink: "https://mote.nassjo.example/arbetsgruppen",
    },
    [
      { kind: "information", title: "Nytt från KAA-enheten", minutes: 10 },
      ...(youthA ? [{ kind: "case" as const, title: "Uppföljning av planeringen", minutes: 15, youthId: youthA, caseSections: "identity,plan" }] : []),
    ],
    { held: false },
  );

  // The styrgrupp: quarterly, with key figures prepared by the samverkansforum.
  meeting(
    steeringGroup,
    { title: "Styrgruppen för aktivitetsansvaret", startsAt: at(-60, "09:00"), endsAt: at(-60, "11:00"), place: "Stadshuset, sammanträdesrum Höglandet" },
    [
      { kind: "key_figures", title: "Nyckeltal för aktivitetsansvaret", minutes: 20, keyFigures: true, notes: "Andelen som nås inom fyra veckor behöver öka." },
      { kind: "decision", title: "Handlingsplanen för aktivitetsansvaret", minutes: 30, decision: "Styrgruppen fastställer den reviderade handlingsplanen." },
    ],
    {
      held: true,
      adjuster: m.multiSteering,
      actions: [{ title: "Ta fram ett förslag på resursfördelning för uppsökande arbete", owner: m.coordinator, due: dayOffset(21), item: 0 }],
    },
  );
  meeting(
    steeringGroup,
    { title: "Styrgruppen för aktivitetsansvaret", startsAt: at(30, "09:00"), endsAt: at(30, "11:00"), place: "Stadshuset, sammanträdesrum Höglandet" },
    [{ kind: "information", title: "Rapport från samverkansforumet", minutes: 15 }],
    { held: false },
  );

  // The samverkansforum, monthly.
  meeting(
    collaborationForum,
    { title: "Samverkansforum för unga 16–20 år", startsAt: at(-35, "09:00"), endsAt: at(-35, "11:00"), place: "Stadshuset, sammanträdesrum Höglandet" },
    [
      {
        kind: "discussion",
        title: "Analys av underlaget till årsrapporten",
        minutes: 40,
        notes: "Skolorna anmäler frånvaro sent; KAA-enheten tar upp det med rektorerna.",
      },
      { kind: "decision", title: "Frågor till styrgruppen", minutes: 20, decision: "Resursfrågan för det uppsökande arbetet lyfts till styrgruppen." },
    ],
    { held: true, adjuster: m.social },
  );
  meeting(
    collaborationForum,
    { title: "Samverkansforum för unga 16–20 år", startsAt: at(21, "09:00"), endsAt: at(21, "11:00"), place: "Stadshuset, sammanträdesrum Höglandet" },
    [],
    { held: false },
  );

  // A few unread notices, so the demo shows them after sign-in.
  const userOf = (membershipId: number) => tx.select({ id: memberships.userId }).from(memberships).where(eq(memberships.id, membershipId)).get()!.id;
  tx.insert(notifications)
    .values([
      {
        userId: userOf(m.employment),
        membershipId: m.employment,
        kind: "action_item_assigned",
        title: "Ny åtgärdspunkt: Boka trepartssamtal med ungdomen och KAA-enheten",
        body: "Från Arbetsgruppen KAA Nässjö.",
      },
      { userId: userOf(m.social), membershipId: m.social, kind: "minutes_approved", title: "Protokollet är justerat: Arbetsgruppen KAA Nässjö" },
    ])
    .run();
}

/**
 * Two youths with an open enrollment and consents in force: the first names both socialtjänsten and
 * Arbetsförmedlingen for identity and plan (it can be linked in the arbetsgrupp), the second only
 * socialtjänsten for identity. The first gets a plan with interventions if it has none.
 */
function consentedYouths(tx: Tx, municipalityId: number, orgs: { kaa: number; soc: number; af: number }, recordedBy: number): string[] {
  const candidates = tx
    .select({ youthId: youths.id, enrollmentId: enrollments.id })
    .from(youths)
    .innerJoin(enrollments, and(eq(enrollments.youthId, youths.id), isNull(enrollments.endDate)))
    .where(
      and(
        eq(youths.homeMunicipalityId, municipalityId),
        eq(youths.protectedIdentity, false),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(consents)
            .where(eq(consents.youthId, youths.id)),
        ),
      ),
    )
    .orderBy(asc(youths.nameSort))
    .limit(2)
    .all();
  const give = (youthId: string, recipients: number[], sections: ("identity" | "plan")[], purpose: string) => {
    const consentId = tx
      .insert(consents)
      .values({
        youthId,
        municipalityId,
        givenBy: "youth",
        method: "written",
        documentRef: "KAA 2026/113",
        purpose,
        validFrom: dayOffset(-60),
        validUntil: dayOffset(300),
        recordedByMembershipId: recordedBy,
      })
      .returning({ id: consents.id })
      .get().id;
    tx.insert(consentRecipients)
      .values(recipients.map((organisationId) => ({ consentId, organisationId })))
      .run();
    tx.insert(consentSections)
      .values(sections.map((section) => ({ consentId, section })))
      .run();
  };
  const [first, second] = candidates;
  if (first) {
    give(first.youthId, [orgs.soc, orgs.af], ["identity", "plan"], "Samordnad planering i arbetsgruppen KAA Nässjö");
    ensurePlan(tx, municipalityId, first, recordedBy, orgs.af);
  }
  if (second) give(second.youthId, [orgs.soc], ["identity"], "Kontakt med socialtjänsten om stöd");
  return candidates.map((c) => c.youthId);
}

function ensurePlan(tx: Tx, municipalityId: number, youth: { youthId: string; enrollmentId: number }, by: number, employmentOrganisationId: number) {
  if (tx.select({ id: plans.id }).from(plans).where(eq(plans.enrollmentId, youth.enrollmentId)).get()) return;
  tx.insert(plans)
    .values({
      enrollmentId: youth.enrollmentId,
      youthId: youth.youthId,
      goal: "Börja på Komvux i januari och läsa in behörighet i svenska och engelska.",
      madeWithYouth: true,
      madeWithYouthDate: dayOffset(-40),
      updatedByMembershipId: by,
    })
    .run();
  const type = (name: string, position: number) => {
    tx.insert(interventionTypes).values({ municipalityId, name, position }).onConflictDoNothing().run();
    return tx
      .select({ id: interventionTypes.id })
      .from(interventionTypes)
      .where(and(eq(interventionTypes.municipalityId, municipalityId), eq(interventionTypes.name, name)))
      .get()!.id;
  };
  const common = { enrollmentId: youth.enrollmentId, youthId: youth.youthId, municipalityId, createdByMembershipId: by, updatedByMembershipId: by };
  tx.insert(interventions)
    .values([
      {
        ...common,
        typeId: type("Studie- och yrkesvägledning", 1),
        responsibleParty: "municipality",
        responsibleUnit: "KAA-enheten",
        startDate: dayOffset(-35),
        plannedEndDate: dayOffset(45),
      },
      {
        ...common,
        typeId: type("Jobbsökarstöd", 9),
        responsibleParty: "other_actor",
        responsibleOrganisationId: employmentOrganisationId,
        startDate: dayOffset(-20),
        plannedEndDate: dayOffset(70),
      },
    ])
    .run();
  // The checklist summary and the status follow the plan, as after any write of it.
  recomputeDocumentation(tx, { id: youth.enrollmentId, municipalityId });
  syncInterventionStatus({ enrollmentId: youth.enrollmentId }, dayOffset(0), tx);
}
