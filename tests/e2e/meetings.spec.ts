import type { Browser, Page } from "@playwright/test";
import { addDays, todayIso } from "../../app/lib/dates";
import { expect, test } from "./fixtures";
import { COLLABORATION_FORUM, STEERING_GROUP, WORKING_GROUP, expectAccessible, lookup, NOT_DEMO_CITIZEN, seededMeetingId, signIn } from "./helpers";
import { waitForMail } from "./mail";

/** The demo's youth whose consent in force names socialtjänsten and Arbetsförmedlingen for identity and plan. */
function consentedYouth() {
  return lookup<{ personalNumber: string; firstName: string; lastName: string }>(`
    SELECT y.personal_number AS personalNumber, y.first_name AS firstName, y.last_name AS lastName
    FROM youths y JOIN consents c ON c.youth_id = y.id
    WHERE c.withdrawn_date IS NULL AND c.valid_from <= date('now') AND c.valid_until >= date('now')
      AND EXISTS (SELECT 1 FROM consent_recipients r JOIN organisations o ON o.id = r.organisation_id WHERE r.consent_id = c.id AND o.kind = 'social_services')
      AND EXISTS (SELECT 1 FROM consent_recipients r JOIN organisations o ON o.id = r.organisation_id WHERE r.consent_id = c.id AND o.kind = 'employment_service')
      AND EXISTS (SELECT 1 FROM consent_sections s WHERE s.consent_id = c.id AND s.section = 'identity')
      AND EXISTS (SELECT 1 FROM consent_sections s WHERE s.consent_id = c.id AND s.section = 'plan')
    LIMIT 1`);
}

/** A Nässjö youth with no consent at all. */
function youthWithoutConsent() {
  return lookup<{ personalNumber: string; firstName: string; lastName: string }>(`
    SELECT y.personal_number AS personalNumber, y.first_name AS firstName, y.last_name AS lastName
    FROM youths y JOIN municipalities m ON m.id = y.home_municipality_id
    WHERE m.code = '0682' AND ${NOT_DEMO_CITIZEN} AND y.protected_identity = 0 AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.youth_id = y.id)
    ORDER BY y.name_sort DESC LIMIT 1`);
}

async function asUser(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  return page;
}

async function planMeeting(page: Page, forumName: string, values: { title: string; date: string; start?: string; end?: string }) {
  await page.goto("/samverkan");
  await page.getByRole("link", { name: forumName }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(forumName);
  await page.getByRole("link", { name: "Planera nytt möte" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Planera nytt möte");
  await page.getByLabel("Rubrik").fill(values.title);
  await page.getByLabel("Datum").fill(values.date);
  if (values.start) await page.getByLabel("Starttid").fill(values.start);
  if (values.end) await page.getByLabel("Sluttid").fill(values.end);
  await page.getByRole("button", { name: "Skapa mötet" }).click();
  await expect(page).toHaveURL(/\/samverkan\/moten\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(values.title);
  return new URL(page.url()).pathname;
}

async function addItem(page: Page, meetingPath: string, title: string, kind: string, minutes: string) {
  await page.goto(`${meetingPath}/punkt`);
  await page.getByLabel("Rubrik").fill(title);
  await page.getByLabel("Typ av punkt").selectOption({ label: kind });
  await page.getByLabel("Tid (minuter)").fill(minutes);
  await page.getByRole("button", { name: "Lägg till på dagordningen" }).click();
  await expect(page).toHaveURL(new RegExp(`${meetingPath}#punkt-\\d+$`));
}

// Each flow visits many pages, each checked with axe: more than the default minute on two cores.
test.describe.configure({ timeout: 180_000 });

const agendaTitles = (page: Page) => page.locator("table.agenda > tbody > tr > td:nth-child(2) > strong.block");

test("a styrgrupp member prepares a samverkansforum meeting with a key-figure snapshot and sends the agenda", async ({ page, browser, request }) => {
  // Besides the pages, it waits for the outbox's background delivery to reach the relay.
  test.setTimeout(240_000);
  await signIn(page, "styrgrupp@demo.example");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Samverkan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Samverkan");
  await expectAccessible(page);
  await page.getByRole("link", { name: COLLABORATION_FORUM }).first().click();
  await expect(page.getByRole("table", { name: /Kommande möten/ })).toBeVisible();
  await expectAccessible(page);

  const title = "Samverkansforum: underlag till styrgruppen";
  const meetingPath = await planMeeting(page, COLLABORATION_FORUM, { title, date: addDays(todayIso(), 10), start: "09:00", end: "11:00" });
  await expectAccessible(page);

  await addItem(page, meetingPath, "Nyckeltal för aktivitetsansvaret", "Nyckeltal", "15");
  await expect(page.getByRole("table", { name: /Nyckeltal för aktivitetsansvaret, Nässjö kommun/ })).toBeVisible();
  await expect(page.getByText("Förhandsvisning med dagens siffror")).toBeVisible();
  await addItem(page, meetingPath, "Revidering av handlingsplanen", "Beslut", "30");
  await addItem(page, meetingPath, "Frågor till styrgruppen", "Diskussion", "20");
  await expect(page.locator("table.agenda > caption")).toHaveText("Dagordning, total tid 1 tim 5 min");

  // Reordered with buttons that post.
  await page.getByRole("button", { name: "Flytta upp Frågor till styrgruppen" }).click();
  await expect(agendaTitles(page)).toHaveText(["Nyckeltal för aktivitetsansvaret", "Frågor till styrgruppen", "Revidering av handlingsplanen"]);
  await expectAccessible(page);

  // A guest from outside the portal, whose address the relay (the mail catcher) refuses.
  await page.getByRole("link", { name: "Mötesuppgifter och deltagare" }).click();
  await page.getByRole("textbox", { name: "Namn (obligatoriskt)" }).fill("Gästa Gästsson");
  await page.getByLabel("Eller: annan organisation").fill("Region Jönköpings län");
  await page.getByLabel("E-postadress (frivilligt)").fill("gasta@studs.example");
  await page.getByRole("button", { name: "Bjud in gästen" }).click();
  await expect(page.getByRole("status")).toHaveText(/Gästen är inbjuden/);
  await expect(page.getByRole("table", { name: "Mötets deltagare" })).toContainText("Gästa Gästsson");
  await expectAccessible(page);

  await page.goto(meetingPath);
  await page.getByRole("button", { name: "Skicka dagordningen" }).click();
  const report = page.getByRole("status");
  await expect(report).toContainText("5 deltagare har fått ett meddelande i portalen.");
  await expect(report).toContainText(/\d+ e-postmeddelanden skickas nu\./);
  await expect(page.locator(".status-tag")).toHaveText("Dagordning skickad");
  await expect(page.getByText(/Ögonblicksbild fryst när dagordningen skickades/)).toBeVisible();
  // The outbox is delivered in the background: the agenda reaches the SMTP relay, the refused guest shows up here.
  const mail = await waitForMail(request, (m) => m.subject === `Dagordning: ${title}`);
  expect(mail.text).toContain(meetingPath);
  await expect(async () => {
    await page.goto(meetingPath);
    await expect(page.getByText("Dagordningen nådde inte alla med e-post")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByText(/Gästa Gästsson: e-posten kom inte fram \(SMTP 550/)).toBeVisible();
  await expectAccessible(page);

  // The printable agenda and the calendar file.
  await page.getByRole("link", { name: "Skriv ut dagordningen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Dagordning: ${title}`);
  await expect(agendaTitles(page)).toHaveText(["Nyckeltal för aktivitetsansvaret", "Frågor till styrgruppen", "Revidering av handlingsplanen"]);
  await expectAccessible(page);
  const ics = await page.request.get(`${meetingPath}/kalender.ics`);
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const calendar = await ics.text();
  expect(calendar).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(calendar).toContain("\r\nBEGIN:VEVENT\r\n");
  expect(calendar).toMatch(/\r\nDTSTART:\d{8}T0[78]0000Z\r\n/);
  expect(calendar).not.toContain("Frågor till styrgruppen");

  // A participant finds the notice after signing in.
  const school = await asUser(browser, "skola@demo.example");
  await school.getByRole("link", { name: /Meddelanden: \d+ olästa?/ }).click();
  await expect(school.getByRole("link", { name: `Dagordning: ${title}` })).toBeVisible();
  await expectAccessible(school);
  await school.getByRole("link", { name: `Dagordning: ${title}` }).click();
  await expect(school.getByRole("heading", { level: 1 })).toHaveText(title);
  await school.context().close();
});

test("an arbetsgrupp case item names a youth whose consent covers every participant; without it the link is refused and an anonymised item offered", async ({
  page,
  browser,
}) => {
  const consented = consentedYouth();
  const other = youthWithoutConsent();
  await signIn(page, "samordnare@demo.example");
  const title = "Arbetsgruppen: ärendegenomgång";
  const meetingPath = await planMeeting(page, WORKING_GROUP, { title, date: addDays(todayIso(), 9) });

  await page.getByRole("link", { name: "Lägg till ärendepunkt" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lägg till ärendepunkt");
  await expectAccessible(page);
  await page.getByLabel("Rubrik").fill("Samordnad planering inför vårterminen");
  await page.getByLabel("Ungdomens personnummer").fill(consented.personalNumber);
  await expect(page.getByLabel("Namn och ålder")).toBeChecked();
  await expect(page.getByLabel("Planens mål och pågående insatser")).toBeChecked();
  await page.getByRole("button", { name: "Koppla och lägg till" }).click();
  await expect(page).toHaveURL(new RegExp(`${meetingPath}#punkt-\\d+$`));
  const linkedRow = page.getByRole("row", { name: /Samordnad planering inför vårterminen/ });
  await expect(linkedRow).toContainText(`${consented.firstName} ${consented.lastName}`);
  await expect(linkedRow).toContainText("Planens mål");
  await expectAccessible(page);

  // A youth without consent: refused, listing who is not covered, and offered anonymised.
  await page.getByRole("link", { name: "Lägg till ärendepunkt" }).click();
  await page.getByLabel("Rubrik").fill("Stöd vid återgång till studier");
  await page.getByLabel("Ungdomens personnummer").fill(other.personalNumber);
  const refused = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "Koppla och lägg till" }).click();
  expect((await refused).status()).toBe(400);
  const alert = page.getByRole("alert").filter({ hasText: "Ärendepunkten kan inte kopplas till ungdomen." });
  await expect(alert).toContainText("Socialtjänsten Nässjö, barn och unga (namn och ålder, planering)");
  await expect(alert).toContainText("Arbetsförmedlingen Nässjö (namn och ålder, planering)");
  await expect(page.getByText("Avidentifierad ärendepunkt.", { exact: false }).first()).toBeVisible();
  await expect(page.getByLabel("Ungdomens personnummer")).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "Rubrik (obligatoriskt)" })).toHaveValue("Stöd vid återgång till studier");
  await expectAccessible(page);
  await page.getByLabel("Beskrivning av ärendet, avidentifierad").fill("Ungdom som vill tillbaka till studier och behöver stöd från flera håll.");
  await page.getByLabel("Jag har kontrollerat att rubriken och beskrivningen inte kan identifiera ungdomen.").check();
  await page.getByRole("button", { name: "Lägg till avidentifierad ärendepunkt" }).click();
  await expect(page).toHaveURL(new RegExp(`${meetingPath}#punkt-\\d+$`));
  const anonymisedRow = page.getByRole("row", { name: /Stöd vid återgång till studier/ });
  await expect(anonymisedRow).toContainText("Avidentifierad ärendepunkt: ingen koppling till någon ungdom.");
  await expect(page.locator("main")).not.toContainText(other.lastName);
  expect(page.url()).not.toContain(other.personalNumber.slice(0, 8));
  await expectAccessible(page);

  // Socialtjänsten sees the linked youth on the strength of the consent; a non-member gets 404.
  const social = await asUser(browser, "socialtjanst@demo.example");
  await social.goto(meetingPath);
  await expect(social.getByRole("row", { name: /Samordnad planering inför vårterminen/ })).toContainText(`${consented.firstName} ${consented.lastName}`);
  await expectAccessible(social);
  await social.context().close();
  const steering = await asUser(browser, "styrgrupp@demo.example");
  const response = await steering.goto(meetingPath);
  expect(response?.status()).toBe(404);
  await expect(steering.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
  await steering.context().close();
});

test("minutes with an action item are approved and locked; the action item reaches the owner's worklist and the next agenda", async ({ page, browser }) => {
  await signIn(page, "samordnare@demo.example");
  const title = "Arbetsgruppen: protokollfört möte";
  const meetingPath = await planMeeting(page, WORKING_GROUP, { title, date: addDays(todayIso(), -1) });
  await addItem(page, meetingPath, "Aktuella ärenden", "Information", "15");
  await page.getByRole("button", { name: "Mötet har hållits – skriv protokollet" }).click();
  await expect(page).toHaveURL(new RegExp(`${meetingPath}/protokoll$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Protokoll: ${title}`);
  await expectAccessible(page);

  const item = page.getByRole("group", { name: /Aktuella ärenden/ });
  await item.getByLabel("Anteckningar").fill("Genomgång av nya anmälningar.");
  await item.getByLabel("Beslut").fill("KAA-enheten bokar studiebesök.");
  await page.getByLabel("Justerare").selectOption({ label: "Johan Ek (Socialtjänsten Nässjö, barn och unga)" });
  await page.getByRole("button", { name: "Spara protokollet" }).click();
  await expect(page.getByRole("status")).toHaveText("Protokollet är sparat.");

  await page.getByLabel("Vad ska göras").fill("Boka studiebesök på Komvux");
  await page.getByLabel("Ansvarig").selectOption({ label: "Ali Hassan (KAA-enheten Nässjö)" });
  await page.getByLabel("Klart senast").fill(addDays(todayIso(), 14));
  await page.getByRole("button", { name: "Lägg till åtgärdspunkten" }).click();
  await expect(page.getByRole("table", { name: "Åtgärdspunkter som beslutades på mötet" })).toContainText("Boka studiebesök på Komvux");
  await expectAccessible(page);

  // The justerare approves; then the minutes are locked.
  const social = await asUser(browser, "socialtjanst@demo.example");
  await social.goto(`${meetingPath}/protokoll`);
  await expect(social.getByText("Genomgång av nya anmälningar.")).toBeVisible();
  await social.getByLabel("Jag har läst protokollet och justerar det.").check();
  await social.getByRole("button", { name: "Justera protokollet" }).click();
  await expect(social.getByText(/Protokollet justerades .* av Johan Ek\. Det är låst och kan inte ändras\./)).toBeVisible();
  await expectAccessible(social);
  await social.context().close();
  await page.reload();
  await expect(page.getByRole("button", { name: "Spara protokollet" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Lägg till åtgärdspunkten" })).toHaveCount(0);
  await page.getByRole("link", { name: "Skriv ut protokollet" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Protokoll: ${title}`);
  await expect(page.getByText(/Justerat: Johan Ek/)).toBeVisible();
  await expectAccessible(page);

  // The owner's worklist and start page.
  const owner = await asUser(browser, "handlaggare@demo.example");
  await owner.goto("/att-gora");
  await expect(owner.getByRole("region", { name: /Mina åtgärdspunkter från samverkansmöten/ })).toContainText("Boka studiebesök på Komvux");
  await expectAccessible(owner);
  await owner.goto("/start");
  await expect(owner.getByRole("region", { name: "Mina åtgärdspunkter" })).toContainText("Boka studiebesök på Komvux");

  // The secretary plans the next meeting: the action item is followed up there, and marked done.
  const nextPath = await planMeeting(owner, WORKING_GROUP, { title: "Arbetsgruppen: nästa möte", date: addDays(todayIso(), 13) });
  const followUp = owner.getByRole("row", { name: /Uppföljning: Boka studiebesök på Komvux/ });
  await expect(followUp).toContainText("ansvarig Ali Hassan");
  await expect(followUp).toContainText("Öppen");
  await expectAccessible(owner);
  await owner.getByRole("button", { name: "Markera som klar Boka studiebesök på Komvux" }).click();
  await expect(owner.getByRole("row", { name: /Uppföljning: Boka studiebesök på Komvux/ })).toContainText("Klar");
  expect(nextPath).not.toBe(meetingPath);
  await owner.context().close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the agenda is reordered with buttons that post", async ({ page }) => {
    await signIn(page, "samordnare@demo.example");
    await page.goto(`/samverkan/moten/${seededMeetingId(STEERING_GROUP, "planned")}`);
    const before = await agendaTitles(page).allTextContents();
    expect(before.length).toBeGreaterThan(1);
    await page.getByRole("button", { name: `Flytta upp ${before[1]}` }).click();
    await expect(agendaTitles(page)).toHaveText([before[1]!, before[0]!, ...before.slice(2)]);
  });
});
