// Case items within sekretess, on a real database: linking needs consent for every participating
// organisation; a withdrawn consent unlinks; each participant's view is decided and logged.
import { and, desc, eq, gt } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client";
import { agendaItems, auditEvents, meetings, notifications } from "#db/schema";
import { recheckMeetingCaseItems, unlinkUncoveredCaseItems } from "~/modules/meetings/case-item-links.server";
import { runStatusJob } from "~/modules/jobs/status-job.server";
import { withdrawConsent as withdrawInPortal } from "~/modules/consent/consents.server";
import { todayIso } from "~/lib/dates";
import { openYouthFile } from "~/modules/access/gate.server";
import { addCaseItem } from "~/modules/meetings/case-items.server";
import { meetingView } from "~/modules/meetings/meeting-view.server";
import { addExternalGuest, cancelMeeting } from "~/modules/meetings/meetings.server";
import type { CaseItemInput } from "~/modules/meetings/agenda-schemas";
import {
  createWorkingGroupWorld,
  giveConsent,
  givePlan,
  open,
  planMeeting,
  registerYouth,
  withdrawConsent,
  type WorkingGroupWorld,
} from "../factories/meetings";

let world: WorkingGroupWorld;

beforeAll(async () => {
  world = await createWorkingGroupWorld();
});

const linkInput = (personalNumber: string, overrides: Partial<CaseItemInput> = {}): CaseItemInput => ({
  mode: "link",
  title: "Samordnad planering",
  description: "Ärende om fortsatta studier.",
  personalNumber,
  showIdentity: true,
  showPlan: true,
  presenterParticipantId: null,
  minutesAllotted: 20,
  confirmAnonymous: false,
  ...overrides,
});

/** The youth's file opened to write its consents, as the consent module holds it when a consent changes. */
const consentsFile = (youthId: string) => openYouthFile(world.actors.caseworker, youthId, { write: ["consents"] });

function item(id: number) {
  return getDb().select().from(agendaItems).where(eq(agendaItems.id, id)).get()!;
}

function link(meetingId: number, personalNumber: string, overrides: Partial<CaseItemInput> = {}) {
  const result = addCaseItem(world.actors.caseworker, open(world.actors.caseworker, meetingId), linkInput(personalNumber, overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}

describe("linking a case item", () => {
  it("links when a consent covers socialtjänsten and Arbetsförmedlingen for both sections", () => {
    const youth = registerYouth(world);
    giveConsent(world, youth.id, [world.orgs.social.id, world.orgs.employment.id], ["identity", "plan"]);
    const meetingId = planMeeting(world);
    const id = link(meetingId, youth.personalNumber);
    expect(item(id)).toMatchObject({ youthId: youth.id, caseSections: "identity,plan", state: "accepted", anonymisedAt: null });
  });

  it("refuses when one participating organisation is not covered, names it, and stores nothing", () => {
    const youth = registerYouth(world);
    giveConsent(world, youth.id, [world.orgs.social.id], ["identity", "plan"]);
    const meetingId = planMeeting(world);
    const before = getDb().select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).all().length;
    const result = addCaseItem(world.actors.caseworker, open(world.actors.caseworker, meetingId), linkInput(youth.personalNumber));
    expect(result).toEqual({ ok: false, refused: [`${world.orgs.employment.name} (namn och ålder, planering)`] });
    expect(getDb().select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).all()).toHaveLength(before);
  });

  it("refuses a section the consent does not name, but links with the sections it does", () => {
    const youth = registerYouth(world);
    giveConsent(world, youth.id, [world.orgs.social.id, world.orgs.employment.id], ["identity"]);
    const meetingId = planMeeting(world);
    const refused = addCaseItem(world.actors.caseworker, open(world.actors.caseworker, meetingId), linkInput(youth.personalNumber));
    expect(refused).toMatchObject({ ok: false, refused: [expect.stringContaining("(planering)"), expect.stringContaining("(planering)")] });
    expect(item(link(meetingId, youth.personalNumber, { showPlan: false })).caseSections).toBe("identity");
  });

  it("links without consent when only the KAA unit takes part", () => {
    const youth = registerYouth(world);
    const meetingId = planMeeting(world, { participants: [world.actors.coordinator, world.actors.caseworker] });
    expect(item(link(meetingId, youth.personalNumber)).youthId).toBe(youth.id);
  });

  it("offers the anonymised item instead: free text, no link", () => {
    const meetingId = planMeeting(world);
    const result = addCaseItem(world.actors.social, open(world.actors.social, meetingId), {
      ...linkInput(""),
      mode: "anonymised",
      personalNumber: undefined,
      confirmAnonymous: true,
    });
    expect(result).toMatchObject({ ok: true, linked: false, state: "proposed" });
    if (result.ok) expect(item(result.id)).toMatchObject({ youthId: null, caseSections: null, kind: "case" });
  });

  it("lets only the KAA unit look a youth up, and logs the look-up", () => {
    const youth = registerYouth(world);
    const meetingId = planMeeting(world);
    const bySocial = addCaseItem(world.actors.social, open(world.actors.social, meetingId), linkInput(youth.personalNumber));
    expect(bySocial).toMatchObject({ ok: false, errors: { form: expect.stringContaining("Bara KAA-enhetens personal") } });
    addCaseItem(world.actors.caseworker, open(world.actors.caseworker, meetingId), linkInput(youth.personalNumber));
    const search = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.youthId, youth.id), eq(auditEvents.action, "search")))
      .orderBy(desc(auditEvents.id))
      .get();
    expect(search).toMatchObject({ userId: world.actors.caseworker.userId, section: "identity", outcome: "allowed" });
  });
});

describe("participants see a linked youth only through the access layer", () => {
  it("shows identity and plan to the KAA unit and to consented organisations, logging each section", () => {
    const youth = registerYouth(world);
    givePlan(world, youth, "Börja på Komvux i januari.");
    const consentId = giveConsent(world, youth.id, [world.orgs.social.id, world.orgs.employment.id], ["identity", "plan"]);
    const meetingId = planMeeting(world);
    const id = link(meetingId, youth.personalNumber);
    const since = getDb().select().from(auditEvents).orderBy(desc(auditEvents.id)).get()!.id;

    const asSocial = meetingView(world.actors.social, open(world.actors.social, meetingId)).agenda.find((i) => i.id === id)!;
    expect(asSocial.caseItem).toMatchObject({
      status: "linked",
      view: {
        kind: "linked",
        identity: { name: `${youth.firstName} ${youth.lastName}` },
        plan: { goal: "Börja på Komvux i januari.", interventions: [expect.objectContaining({ responsible: "Kommunen (KAA-enheten)" })] },
        hiddenSections: [],
      },
    });
    const logged = getDb()
      .select()
      .from(auditEvents)
      .where(and(gt(auditEvents.id, since), eq(auditEvents.youthId, youth.id)))
      .all();
    expect(logged.map((r) => [r.userId, r.section, r.action, r.outcome, r.basis, r.basisRef])).toEqual([
      [world.actors.social.userId, "identity", "read", "allowed", "consent", String(consentId)],
      [world.actors.social.userId, "plan", "read", "allowed", "consent", String(consentId)],
    ]);

    const asKaa = meetingView(world.actors.coordinator, open(world.actors.coordinator, meetingId)).agenda.find((i) => i.id === id)!;
    expect(asKaa.caseItem).toMatchObject({ status: "linked", view: { kind: "linked", identity: { name: `${youth.firstName} ${youth.lastName}` } } });
  });

  it("hides the youth, and the notes about the case, from a forum member whose organisation has no consent", async () => {
    const youth = registerYouth(world);
    giveConsent(world, youth.id, [world.orgs.social.id], ["identity"]);
    // The meeting is held without Arbetsförmedlingen, whose officer still sits in the forum.
    const meetingId = planMeeting(world, { participants: [world.actors.coordinator, world.actors.caseworker, world.actors.social] });
    const id = link(meetingId, youth.personalNumber, { showPlan: false });
    const asEmployment = meetingView(world.actors.employment, open(world.actors.employment, meetingId)).agenda.find((i) => i.id === id)!;
    expect(asEmployment.caseItem).toMatchObject({ status: "linked", view: { kind: "hidden", hiddenSections: ["identity"] } });
    expect(asEmployment.minutes).toBeNull();
    expect(JSON.stringify(asEmployment)).not.toContain(youth.lastName);
    expect(
      getDb()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.youthId, youth.id), eq(auditEvents.userId, world.actors.employment.userId)))
        .orderBy(desc(auditEvents.id))
        .get(),
    ).toMatchObject({
      outcome: "denied",
      basisRef: "no_consent",
    });
  });
});

describe("a withdrawn consent anonymises a linked case item", () => {
  it("unlinks the item at once when the consent module calls unlinkUncoveredCaseItems", () => {
    const youth = registerYouth(world);
    const consentId = giveConsent(world, youth.id, [world.orgs.social.id, world.orgs.employment.id], ["identity", "plan"]);
    const meetingId = planMeeting(world);
    const id = link(meetingId, youth.personalNumber);

    withdrawConsent(world, consentId);
    const removed = unlinkUncoveredCaseItems(consentsFile(youth.id));

    expect(removed).toEqual([{ itemId: id, meetingId }]);
    // The chair hears of it, without youth data.
    const notice = getDb()
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, world.actors.coordinator.userId),
          eq(notifications.kind, "case_item_anonymised"),
          eq(notifications.link, `/samverkan/moten/${meetingId}`),
        ),
      )
      .get()!;
    expect(`${notice.title} ${notice.body}`).not.toContain(youth.lastName);
    const row = item(id);
    expect(row).toMatchObject({
      youthId: null,
      caseSections: null,
      state: "accepted",
      title: "Samordnad planering",
      description: "Ärende om fortsatta studier.",
    });
    expect(row.anonymisedAt).not.toBeNull();
    expect(row.anonymisedReason).toContain("inget samtycke i kraft omfattar");
    const view = meetingView(world.actors.social, open(world.actors.social, meetingId)).agenda.find((i) => i.id === id)!;
    expect(view.caseItem).toMatchObject({ status: "anonymised" });
    expect(JSON.stringify(view)).not.toContain(youth.lastName);
  });

  it("unlinks at once when the KAA unit withdraws the consent in the portal", () => {
    const youth = registerYouth(world);
    const consentId = giveConsent(world, youth.id, [world.orgs.social.id, world.orgs.employment.id], ["identity", "plan"]);
    const meetingId = planMeeting(world);
    const id = link(meetingId, youth.personalNumber);
    const result = withdrawInPortal(consentsFile(youth.id), consentId, { withdrawnDate: todayIso(), withdrawalMethod: "written", withdrawalNote: undefined });
    expect(result.ok).toBe(true);
    // No read of the meeting in between: the withdrawal itself removed the link.
    expect(item(id)).toMatchObject({ youthId: null, caseSections: null });
    expect(item(id).anonymisedAt).not.toBeNull();
  });

  it("unlinks when the status job runs, even if nobody called the hook", () => {
    const youth = registerYouth(world);
    const consentId = giveConsent(world, youth.id, [world.orgs.social.id, world.orgs.employment.id], ["identity", "plan"]);
    const meetingId = planMeeting(world);
    const id = link(meetingId, youth.personalNumber);
    withdrawConsent(world, consentId);
    // Reading changes nothing (and shows the youth to no one: each viewer is decided on the consent in force)…
    const view = meetingView(world.actors.employment, open(world.actors.employment, meetingId)).agenda.find((i) => i.id === id)!;
    expect(view.caseItem).toMatchObject({ status: "linked", view: { kind: "hidden" } });
    expect(item(id).youthId).toBe(youth.id);
    // …the status job unlinks it.
    expect(runStatusJob({ municipalityId: world.municipality.id })).toMatchObject([{ caseItemsUnlinked: 1 }]);
    expect(item(id)).toMatchObject({ youthId: null });
  });

  it("unlinks when a guest from outside the portal is invited", () => {
    const youth = registerYouth(world);
    giveConsent(world, youth.id, [world.orgs.social.id, world.orgs.employment.id], ["identity", "plan"]);
    const meetingId = planMeeting(world);
    const id = link(meetingId, youth.personalNumber);
    const added = addExternalGuest(world.actors.coordinator, open(world.actors.coordinator, meetingId), {
      guestName: "Eva Ek",
      guestOrganisationId: null,
      guestOrganisationName: "Region Jönköpings län",
      guestEmail: undefined,
    });
    expect(added.ok).toBe(true);
    // The participants page re-checks the case items after every change of who takes part.
    expect(recheckMeetingCaseItems(meetingId)).toEqual([{ itemId: id, meetingId }]);
    expect(item(id).anonymisedReason).toContain("utanför portalen");
  });

  it("leaves a meeting that has been held as it was: the minutes record what was discussed", () => {
    const youth = registerYouth(world);
    const consentId = giveConsent(world, youth.id, [world.orgs.social.id, world.orgs.employment.id], ["identity", "plan"]);
    const meetingId = planMeeting(world);
    const id = link(meetingId, youth.personalNumber);
    getDb().update(meetings).set({ status: "held" }).where(eq(meetings.id, meetingId)).run();
    withdrawConsent(world, consentId);
    expect(unlinkUncoveredCaseItems(consentsFile(youth.id))).toEqual([]);
    expect(item(id).youthId).toBe(youth.id);
    // …but the withdrawn consent no longer lets socialtjänsten see the youth there.
    const view = meetingView(world.actors.social, open(world.actors.social, meetingId)).agenda.find((i) => i.id === id)!;
    expect(view.caseItem).toMatchObject({ status: "linked", view: { kind: "hidden" } });
  });

  it("drops every link when the meeting is cancelled", () => {
    const youth = registerYouth(world);
    giveConsent(world, youth.id, [world.orgs.social.id, world.orgs.employment.id], ["identity", "plan"]);
    const meetingId = planMeeting(world);
    const id = link(meetingId, youth.personalNumber);
    expect(cancelMeeting(world.actors.coordinator, open(world.actors.coordinator, meetingId), "För få deltagare")).toEqual({ ok: true });
    expect(item(id)).toMatchObject({ youthId: null, anonymisedReason: expect.stringContaining("ställdes in") });
  });
});
