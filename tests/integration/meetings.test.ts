// Forums, agendas, minutes and action items on a real database: who may open what, the agenda sent
// with notices and e-mails (through the outbox to a real SMTP server), the frozen key-figure
// snapshot, locked minutes, and carried-over items.
import { runStatusJob } from "~/modules/jobs/status-job.server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client";
import { actionItems, agendaItems, enrollments, meetingParticipants, meetings, notices, notifications } from "#db/schema";
import { addDays, todayIso } from "~/lib/dates";
import { completeActionItem, myOpenActionItems } from "~/modules/meetings/action-items.server";
import { addAgendaItem, agendaRows, moveAgendaItem } from "~/modules/meetings/agenda.server";
import { acceptProposal } from "~/modules/meetings/agenda-proposals.server";
import { resendFailedEmails, sendAgenda } from "~/modules/meetings/agenda-send.server";
import { deliverDueMail } from "~/modules/notifications/mail-delivery.server";
import { addMember, createForum, requireForum } from "~/modules/meetings/forums.server";
import { addCaseItem } from "~/modules/meetings/case-items.server";
import { meetingView } from "~/modules/meetings/meeting-view.server";
import { addExternalGuest, addPortalParticipant, createMeeting } from "~/modules/meetings/meetings.server";
import { addActionItem, approveMinutes, LOCKED_MESSAGE, markHeld, saveMinutes } from "~/modules/meetings/minutes.server";
import { parseKeyFigures } from "~/modules/statistics/key-figures";
import { computeKeyFigures } from "~/modules/statistics/key-figures.server";
import { createWorkingGroupWorld, giveConsent, open, planMeeting, registerYouth, type WorkingGroupWorld } from "../factories/meetings";
import { createActor, createOrganisation } from "../factories/world";
import { startTestSmtp, useTestSmtp, type TestSmtp } from "../setup/smtp";

let world: WorkingGroupWorld;
let smtp: TestSmtp;
const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

beforeAll(async () => {
  smtp = await startTestSmtp();
  useTestSmtp(smtp.port);
  world = await createWorkingGroupWorld();
});
afterAll(async () => {
  await smtp.stop();
  warn.mockRestore();
});

const statusOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
  return 200;
};

function addItem(meetingId: number, title: string, kind: "information" | "decision" | "discussion" | "key_figures" = "information", minutesAllotted = 10) {
  const result = addAgendaItem(world.actors.coordinator, open(world.actors.coordinator, meetingId), {
    title,
    kind,
    presenterParticipantId: null,
    minutesAllotted,
    description: undefined,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.id;
}

/** Holds a meeting (dated yesterday), writes an action item and has the justerare approve it. */
function holdAndApprove(meetingId: number, action?: { title: string; owner: number }) {
  const { actors } = world;
  const ctx = () => open(actors.caseworker, meetingId);
  expect(markHeld(actors.caseworker, ctx()).ok).toBe(true);
  const participants = meetingView(actors.caseworker, ctx()).participants;
  const saved = saveMinutes(actors.caseworker, ctx(), {
    minutesNote: "Inget övrigt.",
    adjusterMembershipId: actors.social.membershipId,
    items: [],
    present: participants.map((p) => p.id),
  });
  expect(saved).toEqual({ ok: true });
  if (action)
    expect(
      addActionItem(actors.caseworker, ctx(), {
        actionTitle: action.title,
        actionOwnerMembershipId: action.owner,
        actionDueDate: addDays(todayIso(), 14),
        actionAgendaItemId: null,
      }),
    ).toEqual({ ok: true });
  expect(approveMinutes(actors.social, open(actors.social, meetingId))).toEqual({ ok: true });
}

describe("who may open a forum and its meetings", () => {
  it("gives non-members the same 404 as a missing forum or meeting; members and invited guests get in", () => {
    const meetingId = planMeeting(world);
    for (const outsider of [world.actors.school, world.actors.steering]) {
      expect(statusOf(() => requireForum(outsider, world.forumId))).toBe(404);
      expect(statusOf(() => open(outsider, meetingId))).toBe(404);
    }
    expect(statusOf(() => requireForum(world.actors.social, 999_999))).toBe(404);
    expect(statusOf(() => open(world.actors.social, 999_999))).toBe(404);
    expect(statusOf(() => open(world.actors.social, meetingId))).toBe(200);
  });

  it("lets the samordnare of another municipality see nothing, and the own samordnare manage members without being a member", async () => {
    const other = await createWorkingGroupWorld();
    expect(statusOf(() => requireForum(world.actors.coordinator, other.forumId, "members"))).toBe(404);
    // A samordnare who is no member still administers the forum's members, but not its meetings.
    const secondCoordinator = await createActor("kaa_coordinator", world.orgs.kaa);
    expect(statusOf(() => requireForum(secondCoordinator, world.forumId, "members"))).toBe(200);
    expect(statusOf(() => requireForum(secondCoordinator, world.forumId))).toBe(404);
  });
});

describe("preparing and sending the agenda", () => {
  it("orders items, accepts a member's proposal, totals the time and reorders", () => {
    const meetingId = planMeeting(world);
    const first = addItem(meetingId, "Nytt från KAA-enheten", "information", 10);
    const second = addItem(meetingId, "Rutinen för remisser", "discussion", 25);
    const proposal = addAgendaItem(world.actors.social, open(world.actors.social, meetingId), {
      title: "Samverkan med öppenvården",
      kind: "discussion",
      presenterParticipantId: null,
      minutesAllotted: 15,
      description: undefined,
    });
    expect(proposal).toMatchObject({ ok: true, state: "proposed" });
    // The chair and secretary hear of the proposal.
    expect(
      getDb()
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, world.actors.coordinator.userId), eq(notifications.kind, "item_proposed")))
        .all().length,
    ).toBeGreaterThan(0);
    expect(meetingView(world.actors.coordinator, open(world.actors.coordinator, meetingId)).totalMinutes).toBe(35);
    if (!proposal.ok) return;
    expect(acceptProposal(world.actors.coordinator, open(world.actors.coordinator, meetingId), proposal.id)).toEqual({ ok: true, anonymised: false });
    expect(moveAgendaItem(world.actors.coordinator, open(world.actors.coordinator, meetingId), proposal.id, "up")).toEqual({ ok: true });
    const view = meetingView(world.actors.coordinator, open(world.actors.coordinator, meetingId));
    expect(view.agenda.map((i) => [i.number, i.id])).toEqual([
      [1, first],
      [2, proposal.id],
      [3, second],
    ]);
    expect(view.totalMinutes).toBe(50);
  });

  it("keeps key figures out of an arbetsgrupp: they belong to the styrgrupp and the samverkansforum", () => {
    const meetingId = planMeeting(world);
    const result = addAgendaItem(world.actors.coordinator, open(world.actors.coordinator, meetingId), {
      title: "Nyckeltal",
      kind: "key_figures",
      presenterParticipantId: null,
      minutesAllotted: 10,
      description: undefined,
    });
    expect(result).toMatchObject({ ok: false, errors: { kind: expect.any(String) } });
  });

  it("sends notices and e-mails; failed e-mails are reported and stored, and no e-mail carries case data", async () => {
    const youth = registerYouth(world);
    giveConsent(world, youth.id, [world.orgs.social.id, world.orgs.employment.id], ["identity", "plan"]);
    const meetingId = planMeeting(world);
    addItem(meetingId, "Nytt från KAA-enheten");
    const linked = addCaseItem(world.actors.caseworker, open(world.actors.caseworker, meetingId), {
      mode: "link",
      title: "Planering inför hösten",
      description: undefined,
      personalNumber: youth.personalNumber,
      showIdentity: true,
      showPlan: false,
      presenterParticipantId: null,
      minutesAllotted: 15,
      confirmAnonymous: false,
    });
    expect(linked).toMatchObject({ ok: true, linked: true });
    // A guest whose address the relay refuses (550).
    addExternalGuest(world.actors.coordinator, open(world.actors.coordinator, meetingId), {
      guestName: "Gästa Gästsson",
      guestOrganisationId: world.orgs.school.id,
      guestOrganisationName: undefined,
      guestEmail: "gasta@studs.example",
    });
    await deliverDueMail();
    smtp.messages.length = 0;

    const report = await sendAgenda(world.actors.coordinator, open(world.actors.coordinator, meetingId), "https://portal.example");

    expect(report).toMatchObject({ ok: true, notified: 4, queued: 5, withoutAddress: [], optedOut: [], notConfigured: false });
    expect(getDb().select().from(meetings).where(eq(meetings.id, meetingId)).get()!.status).toBe("agenda_sent");
    expect(
      getDb()
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, world.actors.employment.userId),
            eq(notifications.kind, "agenda_sent"),
            eq(notifications.link, `/samverkan/moten/${meetingId}`),
          ),
        )
        .all(),
    ).toHaveLength(1);
    const statuses = () =>
      meetingView(world.actors.coordinator, open(world.actors.coordinator, meetingId)).participants.map((p) => [p.name, p.agendaEmailStatus]);
    // Queued in the outbox until the delivery run has been.
    expect(new Set(statuses().map(([, status]) => status))).toEqual(new Set(["queued"]));

    expect(await deliverDueMail()).toEqual({ sent: 4, retrying: 0, failed: 1 });
    const view = meetingView(world.actors.coordinator, open(world.actors.coordinator, meetingId));
    expect(view.participants.find((p) => p.name === "Gästa Gästsson")).toMatchObject({ agendaEmailStatus: "failed" });
    expect(view.participants.filter((p) => p.agendaEmailStatus === "sent")).toHaveLength(4);
    expect(view.emailProblems).toMatchObject([{ name: "Gästa Gästsson", agendaEmailStatus: "failed", agendaEmailError: expect.stringContaining("SMTP 550") }]);
    // The sender is told in the portal too.
    expect(
      getDb()
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, world.actors.coordinator.userId), eq(notifications.kind, "email_failed")))
        .all(),
    ).toHaveLength(1);
    const sent = smtp.messages;
    expect(sent).toHaveLength(4);
    const toEmployment = sent.find((m) => m.to.includes(world.actors.employment.username))!;
    expect(toEmployment.subject).toMatch(/^Dagordning: /);
    expect(toEmployment.text).toContain(`https://portal.example/samverkan/moten/${meetingId}`);
    for (const message of sent) {
      expect(message.text).not.toContain(youth.lastName);
      expect(message.text).not.toContain(youth.personalNumber.slice(0, 8));
      expect(message.text).not.toContain("Planering inför hösten");
    }
    // Adding the guest from a school without consent unlinked the case item before sending.
    if (linked.ok) expect(getDb().select().from(agendaItems).where(eq(agendaItems.id, linked.id)).get()!.youthId).toBeNull();

    // Trying the failed one again queues it again (the relay still refuses).
    expect(resendFailedEmails(world.actors.coordinator, open(world.actors.coordinator, meetingId), "https://portal.example")).toMatchObject({
      ok: true,
      queued: 1,
    });
    expect(statuses().find(([name]) => name === "Gästa Gästsson")![1]).toBe("queued");
  });

  it("sends nothing without items", async () => {
    const meetingId = planMeeting(world);
    expect(await sendAgenda(world.actors.coordinator, open(world.actors.coordinator, meetingId), "https://portal.example")).toMatchObject({ ok: false });
  });
});

describe("the key-figure snapshot", () => {
  it("is frozen when the agenda is sent and does not change afterwards", async () => {
    // A samverkansforum in the same municipality (key figures belong there).
    const forum = createForum(world.actors.coordinator, {
      name: "Samverkansforum",
      kind: "collaboration_forum",
      purpose: "Förbereder styrgruppen.",
      rhythm: "monthly",
      rhythmNote: undefined,
      defaultPlace: undefined,
      chairMembershipId: world.actors.steering.membershipId,
      organisationIds: [world.orgs.kaa.id],
    });
    if (!forum.ok) throw new Error("forum");
    expect(addMember(world.actors.coordinator, forum.id, { membershipId: world.actors.coordinator.membershipId, forumRole: "secretary" })).toEqual({
      ok: true,
    });
    const created = createMeeting(world.actors.steering, forum.id, {
      title: "Samverkansforum",
      date: addDays(todayIso(), 5),
      startTime: "09:00",
      endTime: "11:00",
      place: "Stadshuset",
      videoLink: undefined,
      participantIds: [world.actors.steering.membershipId, world.actors.coordinator.membershipId],
    });
    if (!created.ok) throw new Error("meeting");
    const ctx = () => open(world.actors.steering, created.id);
    const item = addAgendaItem(world.actors.steering, ctx(), {
      title: "Nyckeltal",
      kind: "key_figures",
      presenterParticipantId: null,
      minutesAllotted: 15,
      description: undefined,
    });
    if (!item.ok) throw new Error("item");

    // Before sending: a preview, nothing stored.
    const preview = meetingView(world.actors.steering, ctx()).agenda[0]!.keyFigures!;
    expect(preview.frozen).toBe(false);
    expect(getDb().select().from(agendaItems).where(eq(agendaItems.id, item.id)).get()!.keyFigures).toBeNull();

    expect(await sendAgenda(world.actors.steering, ctx(), "https://portal.example", new Date("2026-11-30T08:00:00.000Z"))).toMatchObject({ ok: true });
    const stored = getDb().select().from(agendaItems).where(eq(agendaItems.id, item.id)).get()!;
    const frozen = parseKeyFigures(stored.keyFigures)!;
    expect(frozen.computedAt).toBe("2026-11-30T08:00:00.000Z");
    expect(stored.keyFiguresFrozenAt).toBe("2026-11-30T08:00:00.000Z");
    // Aggregates only: the snapshot names no youth.
    expect(Object.keys(frozen.figures).sort()).toEqual([
      "contactedWithin4Weeks",
      "inIntervention",
      "newEnrollments",
      "notContacted",
      "noticesReceived",
      "returnedToStudies",
      "targetGroup",
    ]);

    // The register changes: more youths, a notice, someone back in studies.
    const youth = registerYouth(world);
    getDb().update(enrollments).set({ endDate: todayIso(), endReason: "komvux" }).where(eq(enrollments.id, youth.enrollmentId)).run();
    registerYouth(world);
    getDb()
      .insert(notices)
      .values({
        schoolOrganisationId: world.orgs.school.id,
        submittedByMembershipId: world.actors.school.membershipId,
        kind: "dropout",
        personalNumber: "200801011234",
        firstName: "A",
        lastName: "B",
        homeMunicipalityId: world.municipality.id,
        programme: "EK",
        eventDate: todayIso(),
        contactName: "C",
      })
      .run();

    // Sent again after a change, and read again: the snapshot is the same, and marked frozen.
    addAgendaItem(world.actors.steering, ctx(), {
      title: "Övrigt",
      kind: "information",
      presenterParticipantId: null,
      minutesAllotted: 5,
      description: undefined,
    });
    expect(await sendAgenda(world.actors.steering, ctx(), "https://portal.example")).toMatchObject({ ok: true });
    expect(getDb().select().from(agendaItems).where(eq(agendaItems.id, item.id)).get()!.keyFigures).toBe(stored.keyFigures);
    const shown = meetingView(world.actors.steering, ctx()).agenda.find((i) => i.id === item.id)!.keyFigures!;
    expect(shown.frozen).toBe(true);
    expect(shown.computedAt).toBe("2026-11-30T08:00:00.000Z");
    // …while the live figures have moved on.
    expect(computeKeyFigures(world.municipality.id).figures).not.toEqual(frozen.figures);
  });
});

describe("minutes and action items", () => {
  it("approved minutes cannot be changed, on the server or in the database", () => {
    const meetingId = planMeeting(world, { daysAhead: -1 });
    const itemId = addItem(meetingId, "Aktuella ärenden");
    holdAndApprove(meetingId, { title: "Boka studiebesök på Komvux", owner: world.actors.caseworker.membershipId });
    const { actors } = world;
    const ctx = open(actors.caseworker, meetingId);
    expect(ctx.meeting.status).toBe("minutes_approved");

    expect(
      saveMinutes(actors.caseworker, ctx, {
        minutesNote: "Ändrat i efterhand",
        adjusterMembershipId: null,
        items: [{ id: itemId, notes: "x", decision: undefined }],
        present: [],
      }),
    ).toEqual({ ok: false, errors: { form: LOCKED_MESSAGE } });
    expect(
      addActionItem(actors.caseworker, ctx, {
        actionTitle: "Ny",
        actionOwnerMembershipId: actors.social.membershipId,
        actionDueDate: todayIso(),
        actionAgendaItemId: null,
      }),
    ).toEqual({ ok: false, errors: { form: LOCKED_MESSAGE } });
    expect(approveMinutes(actors.social, ctx)).toEqual({ ok: false, errors: { form: LOCKED_MESSAGE } });
    expect(
      addAgendaItem(actors.coordinator, ctx, {
        title: "Sent tillägg",
        kind: "information",
        presenterParticipantId: null,
        minutesAllotted: 5,
        description: undefined,
      }).ok,
    ).toBe(false);

    const db = getDb();
    const action = db.select().from(actionItems).where(eq(actionItems.meetingId, meetingId)).get()!;
    const locked = /Protokollet är justerat/;
    expect(() => db.update(meetings).set({ minutesNote: "Ändrat" }).where(eq(meetings.id, meetingId)).run()).toThrow(locked);
    expect(() => db.update(agendaItems).set({ minutesNotes: "Ändrat" }).where(eq(agendaItems.id, itemId)).run()).toThrow(locked);
    expect(() =>
      db
        .insert(agendaItems)
        .values({
          meetingId,
          position: 9,
          kind: "information",
          state: "accepted",
          title: "x",
          minutesAllotted: 1,
          proposedByMembershipId: actors.coordinator.membershipId,
        })
        .run(),
    ).toThrow(locked);
    expect(() => db.update(meetingParticipants).set({ attendance: "absent" }).where(eq(meetingParticipants.meetingId, meetingId)).run()).toThrow(locked);
    expect(() => db.update(actionItems).set({ title: "Annat" }).where(eq(actionItems.id, action.id)).run()).toThrow(locked);
    expect(() => db.update(actionItems).set({ ownerMembershipId: actors.social.membershipId }).where(eq(actionItems.id, action.id)).run()).toThrow(locked);
    expect(() => db.update(actionItems).set({ status: "cancelled" }).where(eq(actionItems.id, action.id)).run()).toThrow(locked);
    expect(() =>
      db
        .insert(actionItems)
        .values({
          forumId: world.forumId,
          meetingId,
          title: "x",
          ownerMembershipId: actors.social.membershipId,
          dueDate: todayIso(),
          createdByMembershipId: actors.caseworker.membershipId,
        })
        .run(),
    ).toThrow(locked);
    expect(() => db.delete(meetings).where(eq(meetings.id, meetingId)).run()).toThrow(/tas inte bort/);
    expect(() => db.delete(agendaItems).where(eq(agendaItems.id, itemId)).run()).toThrow(/tas inte bort/);
    // Only the status of an action item moves on.
    expect(completeActionItem(actors.caseworker, action.id)).toEqual({ ok: true });
  });

  it("only the named justerare approves, and only after the meeting is held", () => {
    const meetingId = planMeeting(world, { daysAhead: -1 });
    addItem(meetingId, "Aktuella ärenden");
    expect(approveMinutes(world.actors.social, open(world.actors.social, meetingId))).toMatchObject({ ok: false });
    expect(markHeld(world.actors.caseworker, open(world.actors.caseworker, meetingId))).toEqual({ ok: true });
    expect(approveMinutes(world.actors.social, open(world.actors.social, meetingId))).toEqual({
      ok: false,
      errors: { form: "Sekreteraren har inte utsett någon justerare." },
    });
    const view = meetingView(world.actors.caseworker, open(world.actors.caseworker, meetingId));
    saveMinutes(world.actors.caseworker, open(world.actors.caseworker, meetingId), {
      minutesNote: undefined,
      adjusterMembershipId: world.actors.social.membershipId,
      items: [],
      present: view.participants.map((p) => p.id),
    });
    expect(statusOf(() => approveMinutes(world.actors.employment, open(world.actors.employment, meetingId)))).toBe(403);
  });

  it("cannot mark a meeting held before its day", () => {
    const meetingId = planMeeting(world, { daysAhead: 3 });
    expect(markHeld(world.actors.caseworker, open(world.actors.caseworker, meetingId))).toMatchObject({ ok: false });
  });

  it("puts an open action item on its owner's list and on the forum's next agenda until it is done", () => {
    const meetingId = planMeeting(world, { daysAhead: -2 });
    addItem(meetingId, "Aktuella ärenden");
    // Planned before the approval, and one planned after: both carry the item.
    const next = planMeeting(world, { daysAhead: 12 });
    holdAndApprove(meetingId, { title: "Ordna praktikplats hos kommunen", owner: world.actors.employment.membershipId });
    const action = getDb().select().from(actionItems).where(eq(actionItems.meetingId, meetingId)).get()!;

    expect(myOpenActionItems(world.actors.employment).map((a) => a.id)).toContain(action.id);
    expect(
      getDb()
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, world.actors.employment.userId), eq(notifications.kind, "action_item_assigned")))
        .all().length,
    ).toBeGreaterThan(0);

    const agenda = meetingView(world.actors.coordinator, open(world.actors.coordinator, next)).agenda;
    const followUp = agenda.find((i) => i.followUp?.actionItemId === action.id)!;
    expect(followUp).toMatchObject({
      kind: "follow_up",
      title: "Uppföljning: Ordna praktikplats hos kommunen",
      followUp: { status: "open", ownerName: expect.any(String) },
    });
    // Bringing it up to date again (the status job) adds it once only, and reading adds nothing.
    runStatusJob({ municipalityId: world.municipality.id });
    open(world.actors.coordinator, next);
    expect(agendaRows(next).filter((r) => r.actionItemId === action.id)).toHaveLength(1);

    // Marked done at the next meeting by the chair: off the owner's list.
    expect(completeActionItem(world.actors.coordinator, action.id, next)).toEqual({ ok: true });
    expect(myOpenActionItems(world.actors.employment).map((a) => a.id)).not.toContain(action.id);
    const later = planMeeting(world, { daysAhead: 26 });
    expect(agendaRows(later).filter((r) => r.actionItemId === action.id)).toHaveLength(0);
    open(world.actors.coordinator, later);
    expect(agendaRows(later).filter((r) => r.actionItemId === action.id)).toHaveLength(0);
  });

  it("lets nobody outside the forum mark an action item done", () => {
    const meetingId = planMeeting(world, { daysAhead: -1 });
    addItem(meetingId, "Aktuella ärenden");
    holdAndApprove(meetingId, { title: "Skicka inbjudan", owner: world.actors.social.membershipId });
    const action = getDb().select().from(actionItems).where(eq(actionItems.meetingId, meetingId)).get()!;
    expect(statusOf(() => completeActionItem(world.actors.school, action.id))).toBe(404);
    expect(statusOf(() => completeActionItem(world.actors.employment, action.id))).toBe(403);
  });
});

describe("guests", () => {
  it("lets an invited portal user from outside the forum open the meeting, but not the forum", async () => {
    const guestOrg = createOrganisation("school", world.municipality.id);
    const guest = await createActor("school_staff", guestOrg);
    const meetingId = planMeeting(world);
    expect(statusOf(() => open(guest, meetingId))).toBe(404);
    expect(addPortalParticipant(world.actors.coordinator, open(world.actors.coordinator, meetingId), guest.membershipId)).toEqual({ ok: true });
    expect(statusOf(() => open(guest, meetingId))).toBe(200);
    expect(statusOf(() => requireForum(guest, world.forumId))).toBe(404);
  });
});
