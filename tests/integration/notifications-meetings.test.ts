// Issue 16: a moved or cancelled meeting tells its participants and restates the notices that gave
// the old time; the named justerare is asked to approve the minutes; an action item's owner is told.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client";
import { actionItems } from "#db/schema";
import { addDays, todayIso } from "~/lib/dates";
import { addAgendaItem } from "~/modules/meetings/agenda.server";
import { sendAgenda } from "~/modules/meetings/agenda-send.server";
import { meetingView } from "~/modules/meetings/meeting-view.server";
import { addExternalGuest, cancelMeeting, updateMeetingDetails } from "~/modules/meetings/meetings.server";
import { addActionItem, approveMinutes, markHeld, saveMinutes } from "~/modules/meetings/minutes.server";
import { createWorkingGroupWorld, open, planMeeting, type WorkingGroupWorld } from "../factories/meetings";
import { startTestSmtp, useTestSmtp, type TestSmtp } from "../setup/smtp";
import { expectMailed, noticesOn } from "../factories/notifications";

let world: WorkingGroupWorld;
const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startTestSmtp();
  useTestSmtp(smtp.port);
  world = await createWorkingGroupWorld();
  // The agenda's e-mails are only queued in the outbox here; delivery is tested in email-outbox.test.ts.
});
afterAll(async () => {
  warn.mockRestore();
  await smtp.stop();
});

const coordinator = () => world.actors.coordinator;
const others = () => [world.actors.caseworker, world.actors.social, world.actors.employment].map((a) => a.membershipId).sort();

const guestAddress = (meetingId: number) => `gast-${meetingId}@extern.example`;

async function meetingWithAgendaSent() {
  const meetingId = planMeeting(world, { daysAhead: 10 });
  const item = addAgendaItem(coordinator(), open(coordinator(), meetingId), {
    title: "Nytt från KAA-enheten",
    kind: "information",
    presenterParticipantId: null,
    minutesAllotted: 10,
    description: undefined,
  });
  expect(item.ok).toBe(true);
  // A guest outside the portal, who has only e-mail.
  addExternalGuest(coordinator(), open(coordinator(), meetingId), {
    guestName: "Gästa Gästsson",
    guestOrganisationId: world.orgs.school.id,
    guestOrganisationName: undefined,
    guestEmail: guestAddress(meetingId),
  });
  expect(await sendAgenda(coordinator(), open(coordinator(), meetingId), "https://portal.example")).toMatchObject({ ok: true });
  return meetingId;
}

const details = (overrides: Partial<Parameters<typeof updateMeetingDetails>[2]> = {}) => ({
  title: "Arbetsgruppen",
  date: addDays(todayIso(), 10),
  startTime: "13:00",
  endTime: "14:30",
  place: "KAA-enheten",
  videoLink: undefined,
  participantIds: [],
  ...overrides,
});

describe("a moved meeting", () => {
  it("tells the participants the new time and place, and restates the agenda notice that gave the old one", async () => {
    const meetingId = await meetingWithAgendaSent();
    const topic = `meeting:${meetingId}`;
    const agenda = noticesOn(topic, ["agenda_sent"]);
    expect(agenda).toHaveLength(4);
    expect(agenda.every((n) => n.body?.includes("13.00") && n.body.includes("KAA-enheten"))).toBe(true);
    // Someone has read theirs: the restated notice counts as new again.
    getDb().$client.prepare("UPDATE notifications SET read_at = ? WHERE topic = ?").run(new Date().toISOString(), topic);

    // A new title alone moves nothing.
    expect(updateMeetingDetails(coordinator(), open(coordinator(), meetingId), details({ title: "Arbetsgruppen (vecka 50)" }))).toEqual({ ok: true });
    expect(noticesOn(topic, ["meeting_moved"])).toEqual([]);

    expect(
      updateMeetingDetails(
        coordinator(),
        open(coordinator(), meetingId),
        details({ title: "Arbetsgruppen (vecka 50)", startTime: "15:00", endTime: "16:00", place: "Stadshuset" }),
      ),
    ).toEqual({ ok: true });
    const moved = noticesOn(topic, ["meeting_moved"]);
    // Everyone invited but the one who moved it.
    expect(moved.map((n) => n.membershipId).sort()).toEqual(others());
    expect(moved[0]).toMatchObject({ title: "Ny tid eller plats: Arbetsgruppen (vecka 50)", link: `/samverkan/moten/${meetingId}` });
    for (const n of noticesOn(topic)) {
      expect(n.body).toContain("15.00–16.00");
      expect(n.body).toContain("Stadshuset");
      expect(n.body).not.toContain("13.00");
    }
    expect(noticesOn(topic, ["agenda_sent"]).every((n) => n.readAt === null)).toBe(true);
    await expectMailed(smtp, moved, []);
    const guestMail = await smtp.waitFor((m) => m.to.includes(guestAddress(meetingId)) && m.subject === "Ny tid eller plats: Arbetsgruppen (vecka 50)");
    expect(guestMail.text).toContain("15.00–16.00");
    expect(guestMail.text).toContain("Stadshuset");
  });

  it("cancelled: the participants are told why, and the notices that gave its time say it is cancelled", async () => {
    const meetingId = await meetingWithAgendaSent();
    const topic = `meeting:${meetingId}`;
    expect(cancelMeeting(coordinator(), open(coordinator(), meetingId), "Ordföranden är sjuk.")).toEqual({ ok: true });
    const cancelled = noticesOn(topic, ["meeting_cancelled"]);
    expect(cancelled.map((n) => n.membershipId).sort()).toEqual(others());
    expect(cancelled[0]).toMatchObject({ title: "Inställt: Arbetsgruppen", body: "Anledningen står på mötets sida." });
    for (const n of noticesOn(topic, ["agenda_sent"])) expect(n.body).toMatch(/^Mötet är inställt \(var .*13\.00/);
    await expectMailed(smtp, cancelled, ["Ordföranden är sjuk."]);
    const guestMail = await smtp.waitFor((m) => m.to.includes(guestAddress(meetingId)) && m.subject === "Inställt: Arbetsgruppen");
    expect(guestMail.text).not.toContain("Ordföranden är sjuk.");
  });
});

describe("the minutes", () => {
  it("ask the named justerare, once, to approve them; an approved action item tells its owner without its text", async () => {
    const meetingId = planMeeting(world, { daysAhead: -1 });
    const secretary = world.actors.caseworker;
    const ctx = () => open(secretary, meetingId);
    expect(markHeld(secretary, ctx())).toEqual({ ok: true });
    const present = meetingView(secretary, ctx()).participants.map((p) => p.id);
    const save = () => saveMinutes(secretary, ctx(), { minutesNote: undefined, adjusterMembershipId: world.actors.social.membershipId, items: [], present });
    expect(save()).toEqual({ ok: true });
    expect(save()).toEqual({ ok: true });
    const asked = noticesOn(`meeting:${meetingId}:minutes_awaiting_approval`);
    expect(asked.map((n) => [n.kind, n.membershipId, n.link])).toEqual([
      ["minutes_awaiting_approval", world.actors.social.membershipId, `/samverkan/moten/${meetingId}/protokoll`],
    ]);

    expect(
      addActionItem(secretary, ctx(), {
        actionTitle: "Ring HEMLIG-PERSON om praktikplatsen",
        actionOwnerMembershipId: world.actors.employment.membershipId,
        actionDueDate: addDays(todayIso(), 14),
        actionAgendaItemId: null,
      }),
    ).toEqual({ ok: true });
    expect(approveMinutes(world.actors.social, open(world.actors.social, meetingId))).toEqual({ ok: true });
    const action = getDb().select().from(actionItems).where(eq(actionItems.meetingId, meetingId)).get()!;
    const told = noticesOn(`action-item:${action.id}`);
    expect(told.map((n) => [n.kind, n.membershipId])).toEqual([["action_item_assigned", world.actors.employment.membershipId]]);
    expect(`${told[0]!.title} ${told[0]!.body}`).not.toContain("HEMLIG-PERSON");
    expect(noticesOn(`meeting:${meetingId}:minutes_approved`)).toHaveLength(4);
    await expectMailed(smtp, [...asked, ...told], ["HEMLIG-PERSON"]);
  });
});
