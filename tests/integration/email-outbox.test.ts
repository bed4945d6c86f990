// E-mail over real SMTP (smtp-server started here) through the outbox on a real database: the
// user's choice per kind, the functional mailbox, no personnummer, retries while the relay is down,
// delivery after it comes back (also after a restart), final refusals told to the sender, and no
// message sent twice by two delivery runs.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "#db/client";
import { emailOutbox, NOTIFICATION_KINDS, notifications, organisations } from "#db/schema";
import { resetConfigForTests } from "~/config.server";
import { NOTIFICATION_KIND_LABELS } from "~/modules/notifications/labels";
import { deliverDueMail, MAX_ATTEMPTS, RETRY_DELAYS_MS, STALE_CLAIM_MS } from "~/modules/notifications/mail-delivery.server";
import { notify, notifyOrganisation } from "~/modules/notifications/notifications.server";
import { containsPersonalNumber, enqueueEmail, PersonalDataInEmailError } from "~/modules/notifications/outbox.server";
import { kindsFor, preferenceRows, savePreferences } from "~/modules/notifications/preferences.server";
import { makePersonalNumber } from "~/modules/youth/personal-number";
import { mailboxSchema } from "~/modules/organizations/admin-schemas";
import { organisationForMailbox, setFunctionalMailbox } from "~/modules/organizations/mailbox.server";
import { createActor, createWorld } from "../factories/world";
import { startTestSmtp, useTestSmtp, type TestSmtp } from "../setup/smtp";

let smtp: TestSmtp;
const log = vi.spyOn(console, "warn").mockImplementation(() => {});

beforeAll(async () => {
  smtp = await startTestSmtp();
  useTestSmtp(smtp.port);
});
afterAll(async () => {
  await smtp.stop();
  log.mockRestore();
});
beforeEach(() => {
  // Every test starts with an empty outbox, so one test's queue never feeds another's run.
  getDb().delete(emailOutbox).run();
  smtp.messages.length = 0;
});

const outboxRows = () => getDb().select().from(emailOutbox).all();
const minutes = (n: number) => n * 60_000;

describe("a notice by e-mail", () => {
  it("arrives over SMTP for a kind the user gets by e-mail, with its title as subject and an absolute link, and no youth data", async () => {
    const world = await createWorld();
    getDb().transaction((tx) =>
      notify(tx, [
        {
          membershipId: world.actors.caseworker.membershipId,
          kind: "referral_accepted",
          title: "Remissen till socialtjänsten är accepterad",
          body: "Socialtjänsten har tagit emot remissen.",
          link: "/remisser/41",
        },
      ]),
    );
    expect(await deliverDueMail()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const mail = await smtp.waitFor((m) => m.to.includes(world.actors.caseworker.username));
    expect(mail.subject).toBe("Remissen till socialtjänsten är accepterad");
    expect(mail.from).toBe("no-reply@portal.test");
    expect(mail.text).toContain("https://portal.example/remisser/41");
    expect(mail.text).toContain("https://portal.example/installningar/meddelanden");
    expect(containsPersonalNumber(mail.text)).toBe(false);
    // The in-app notice is there too, and the outbox row is done.
    expect(getDb().select().from(notifications).where(eq(notifications.userId, world.actors.caseworker.userId)).all()).toHaveLength(1);
    expect(outboxRows()).toMatchObject([{ state: "sent", attempts: 1 }]);
  });

  it("every kind that may go by e-mail arrives with its title as subject when the user asks for it", async () => {
    const world = await createWorld();
    const actor = world.actors.coordinator;
    const kinds = NOTIFICATION_KINDS.filter((k) => k !== "email_failed");
    savePreferences(actor.userId, ["kaa_coordinator", "school_staff", "social_worker"], { inApp: [], email: [...kinds] });
    getDb().transaction((tx) =>
      notify(
        tx,
        kinds.map((kind) => ({ membershipId: actor.membershipId, kind, title: `Test: ${NOTIFICATION_KIND_LABELS[kind]}`, link: "/start" })),
      ),
    );
    expect((await deliverDueMail()).sent).toBe(kinds.length);
    expect(smtp.messages.map((m) => m.subject).sort()).toEqual(kinds.map((k) => `Test: ${NOTIFICATION_KIND_LABELS[k]}`).sort());
    // In-app was turned off for all of them.
    expect(getDb().select().from(notifications).where(eq(notifications.userId, actor.userId)).all()).toEqual([]);
  });

  it("sends nothing for a kind the user keeps in the portal, and nothing by default for in-app kinds", async () => {
    const world = await createWorld();
    const actor = world.actors.caseworker;
    savePreferences(actor.userId, ["kaa_caseworker"], { inApp: ["referral_declined", "item_proposed"], email: [] });
    getDb().transaction((tx) =>
      notify(tx, [
        { membershipId: actor.membershipId, kind: "referral_declined", title: "Remissen är avböjd" },
        // item_proposed is in-app only unless the user asks for e-mail.
        { membershipId: actor.membershipId, kind: "item_proposed", title: "Ny punkt föreslagen" },
      ]),
    );
    expect(outboxRows()).toEqual([]);
    expect(await deliverDueMail()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(getDb().select().from(notifications).where(eq(notifications.userId, actor.userId)).all()).toHaveLength(2);
  });

  it("goes to the organisation's functional mailbox for a new referral", async () => {
    const world = await createWorld();
    getDb().update(organisations).set({ functionalMailbox: "mottagning@soc.test" }).where(eq(organisations.id, world.orgs.social.id)).run();
    getDb().transaction((tx) =>
      notifyOrganisation(tx, world.orgs.social.id, { kind: "referral_received", title: "Ny remiss från KAA-enheten", link: "/remisser/7" }),
    );
    await deliverDueMail();
    const mailbox = await smtp.waitFor((m) => m.to.includes("mottagning@soc.test"));
    expect(mailbox.subject).toBe("Ny remiss från KAA-enheten");
    expect(mailbox.text).toContain("funktionsbrevlåda");
    await smtp.waitFor((m) => m.to.includes(world.actors.social.username));
  });

  it("is set by the systemförvaltare with a valid address, and removed when left empty", async () => {
    const world = await createWorld();
    expect(mailboxSchema.safeParse({ functionalMailbox: "inte en adress" }).success).toBe(false);
    const parsed = mailboxSchema.parse({ functionalMailbox: " Mottagning@Soc.test " });
    setFunctionalMailbox(world.orgs.social.id, parsed.functionalMailbox, null);
    expect(organisationForMailbox(world.orgs.social.id).functionalMailbox).toBe("mottagning@soc.test");
    setFunctionalMailbox(world.orgs.social.id, mailboxSchema.parse({ functionalMailbox: "" }).functionalMailbox, null);
    expect(organisationForMailbox(world.orgs.social.id).functionalMailbox).toBeNull();
  });

  it("refuses a text holding a personnummer, writing nothing", async () => {
    const world = await createWorld();
    const personalNumber = makePersonalNumber("2008-03-14", 123);
    expect(() =>
      getDb().transaction((tx) =>
        notify(tx, [{ membershipId: world.actors.caseworker.membershipId, kind: "referral_accepted", title: "Remiss", body: `Gäller ${personalNumber}` }]),
      ),
    ).toThrow(PersonalDataInEmailError);
    expect(outboxRows()).toEqual([]);
    expect(getDb().select().from(notifications).where(eq(notifications.userId, world.actors.caseworker.userId)).all()).toEqual([]);
    expect(containsPersonalNumber(`Mötet ${personalNumber.slice(2, 8)}-${personalNumber.slice(8)}`)).toBe(true);
    expect(containsPersonalNumber("Mötet 2026-12-02 kl. 10.00, rum 1234")).toBe(false);
  });
});

describe("when the relay is down", () => {
  it("keeps the mail queued with its attempts and next attempt, and delivers it when the relay is back, also after a restart", async () => {
    const world = await createWorld();
    const port = smtp.port;
    await smtp.stop();
    getDb().transaction((tx) =>
      notify(tx, [{ membershipId: world.actors.caseworker.membershipId, kind: "referral_closed", title: "Remissen är avslutad", link: "/remisser/3" }]),
    );
    const start = new Date(Date.now() + 1000);
    expect(await deliverDueMail({ now: start })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [queued] = outboxRows();
    expect(queued).toMatchObject({ state: "queued", attempts: 1, lastError: expect.stringMatching(/anslutning/) });
    expect(queued!.nextAttemptAt).toBe(new Date(start.getTime() + RETRY_DELAYS_MS[0]!).toISOString());
    // Not due yet: the run leaves it alone.
    expect(await deliverDueMail({ now: new Date(start.getTime() + 1000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    // Still down at the next attempt: the pause grows.
    const second = new Date(start.getTime() + minutes(2));
    expect((await deliverDueMail({ now: second })).retrying).toBe(1);
    expect(outboxRows()[0]).toMatchObject({ attempts: 2, nextAttemptAt: new Date(second.getTime() + RETRY_DELAYS_MS[1]!).toISOString() });

    // The portal restarts (the connection closes and opens again) and the relay comes back.
    closeDb();
    resetConfigForTests();
    smtp = await startTestSmtp({ port });
    expect(await deliverDueMail({ now: new Date(start.getTime() + minutes(10)) })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect((await smtp.waitFor((m) => m.to.includes(world.actors.caseworker.username))).subject).toBe("Remissen är avslutad");
    expect(outboxRows()[0]).toMatchObject({ state: "sent", attempts: 3 });
  });

  it("takes again a message whose sender died mid-send, once the claim is stale, and not before", async () => {
    const world = await createWorld();
    getDb().transaction((tx) => enqueueEmail(tx, { to: world.actors.school.username, subject: "Anmälan mottagen", text: "Hej", kind: "notice_received" }));
    const claimedAt = new Date();
    getDb().update(emailOutbox).set({ state: "sending", claimToken: "a-run-that-died", claimedAt: claimedAt.toISOString() }).run();
    closeDb();
    expect(await deliverDueMail({ now: new Date(claimedAt.getTime() + 1000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await deliverDueMail({ now: new Date(claimedAt.getTime() + STALE_CLAIM_MS + 1000) })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.messages.filter((m) => m.subject === "Anmälan mottagen")).toHaveLength(1);
  });
});

describe("a final failure", () => {
  it("is final at once on a 5xx refusal, and the sender is told in the portal", async () => {
    const world = await createWorld();
    const sender = world.actors.coordinator;
    getDb().transaction((tx) =>
      enqueueEmail(tx, {
        to: "finns-inte@studs.example",
        subject: "Dagordning: Arbetsgruppen",
        text: "Hej",
        kind: "agenda_sent",
        causedByMembershipId: sender.membershipId,
        link: "/samverkan/moten/9",
      }),
    );
    expect(await deliverDueMail()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(outboxRows()[0]).toMatchObject({ state: "failed", attempts: 1, lastError: "SMTP 550" });
    const told = getDb()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, sender.userId), eq(notifications.kind, "email_failed")))
      .all();
    expect(told).toMatchObject([{ title: "E-post kunde inte levereras: Dagordning: Arbetsgruppen", link: "/samverkan/moten/9" }]);
    expect(told[0]!.body).toContain("finns-inte@studs.example");
  });

  it("is not final when the relay refuses the portal itself (a wrong password): the mail waits for the settings to be mended", async () => {
    getDb().transaction((tx) => enqueueEmail(tx, { to: "a@kommun.example", subject: "Ny remiss 1", text: "Hej", kind: "referral_received" }));
    useTestSmtp(smtp.port, { SMTP_PASSWORD: "fel-losenord" });
    try {
      expect(await deliverDueMail()).toEqual({ sent: 0, retrying: 1, failed: 0 });
      expect(outboxRows()[0]).toMatchObject({ state: "queued", attempts: 1 });
    } finally {
      useTestSmtp(smtp.port);
    }
    expect(await deliverDueMail({ now: new Date(Date.now() + RETRY_DELAYS_MS[0]! + 1000) })).toEqual({ sent: 1, retrying: 0, failed: 0 });
  });

  it("retries a 4xx deferral until the last attempt, then gives up", async () => {
    const world = await createWorld();
    getDb().transaction((tx) =>
      enqueueEmail(tx, { to: "senare@trasig.example", subject: "Remiss", text: "Hej", causedByMembershipId: world.actors.caseworker.membershipId }),
    );
    let now = new Date();
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect((await deliverDueMail({ now })).retrying).toBe(1);
      now = new Date(now.getTime() + RETRY_DELAYS_MS[attempt - 1]!);
    }
    expect(await deliverDueMail({ now })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(outboxRows()[0]).toMatchObject({ state: "failed", attempts: MAX_ATTEMPTS, lastError: "SMTP 451" });
  });
});

describe("two delivery runs at once", () => {
  it("never send one message twice", async () => {
    const world = await createWorld();
    const other = await createActor("kaa_caseworker", world.orgs.kaa);
    getDb().transaction((tx) => {
      for (let i = 0; i < 6; i++) enqueueEmail(tx, { to: i % 2 ? other.username : world.actors.caseworker.username, subject: `Meddelande ${i}`, text: "Hej" });
    });
    const reports = await Promise.all([deliverDueMail(), deliverDueMail(), deliverDueMail({ limit: 2 })]);
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(6);
    expect(smtp.messages.map((m) => m.subject).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `Meddelande ${i}`));
  });
});

describe("the preferences", () => {
  it("list the kinds of the user's roles with the defaults, and save as submitted", async () => {
    const world = await createWorld();
    const school = world.actors.school;
    const rows = preferenceRows(school.userId, ["school_staff"]);
    expect(rows.map((r) => r.kind)).toEqual(kindsFor(["school_staff"]));
    expect(rows.find((r) => r.kind === "notice_received")).toMatchObject({ inApp: true, email: true, label: "Anmälan mottagen" });
    expect(rows.find((r) => r.kind === "item_proposed")).toMatchObject({ inApp: true, email: false });
    expect(rows.find((r) => r.kind === "email_failed")).toMatchObject({ emailPossible: false });
    expect(rows.some((r) => r.kind === "referral_accepted")).toBe(false);
    savePreferences(school.userId, ["school_staff"], { inApp: ["notice_received"], email: ["item_proposed", "email_failed", "referral_accepted"] });
    const saved = preferenceRows(school.userId, ["school_staff"]);
    expect(saved.find((r) => r.kind === "notice_received")).toMatchObject({ inApp: true, email: false });
    expect(saved.find((r) => r.kind === "item_proposed")).toMatchObject({ inApp: false, email: true });
    expect(saved.find((r) => r.kind === "email_failed")).toMatchObject({ inApp: false, email: false });
  });
});
