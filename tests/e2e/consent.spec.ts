import { expect, test } from "./fixtures";
import { expectAccessible, lookup, NOT_DEMO_CITIZEN, signIn } from "./helpers";

/** A Nässjö youth with an assessment, a plan and contacts, and no consent yet (a seeded one, not used by other tests). */
function documentedYouthWithoutConsent() {
  return lookup<{ id: string; name: string; age: number }>(
    `SELECT y.id, y.last_name || ', ' || y.first_name AS name, CAST((julianday('now') - julianday(y.birth_date)) / 365.25 AS INTEGER) AS age
     FROM youths y JOIN municipalities m ON m.id = y.home_municipality_id
     JOIN assessments a ON a.youth_id = y.id JOIN plans p ON p.youth_id = y.id
     WHERE m.code = '0682' AND ${NOT_DEMO_CITIZEN} AND y.protected_identity = 0
       AND EXISTS (SELECT 1 FROM contact_attempts c WHERE c.youth_id = y.id)
       AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.youth_id = y.id)
     ORDER BY y.name_sort DESC LIMIT 1`,
  );
}

test("consent opens plan and contacts to socialtjänsten for a referral, and withdrawing it closes them again", async ({ page, browser }) => {
  // A whole working day in one test: several people, many pages, axe on each.
  test.slow();
  const youth = documentedYouthWithoutConsent();

  // The KAA caseworker records the youth's consent: socialtjänsten may see the plan and the contacts.
  await signIn(page, "handlaggare@demo.example");
  await page.goto(`/ungdomar/${youth.id}`);
  await page.getByRole("link", { name: "Registrera eller återkalla samtycke" }).click();
  await expectAccessible(page);
  await page.getByLabel("Samtycket gavs av").selectOption({ label: "Ungdomen" });
  if (youth.age < 18) await page.getByLabel("Bedömning av ungdomens ålder och mognad").fill("Ungdomen är 17 år och förstår vad samtycket innebär.");
  await page.getByLabel("Hur samtycket gavs").selectOption({ label: "Muntligt" });
  const recipients = page.getByRole("group", { name: "Mottagare som får ta del av uppgifterna" });
  await recipients.getByLabel("Socialtjänsten Nässjö, barn och unga (Nässjö kommun)").check();
  const sections = page.getByRole("group", { name: "Delar av akten som får lämnas ut" });
  await sections.getByLabel("Plan och insatser").check();
  await sections.getByLabel("Kontakter (kontaktförsök och deras utfall)").check();
  await page.getByLabel("Syfte").fill("Socialtjänsten ska kunna ta ställning till stödsamtal.");
  await page.getByRole("button", { name: "Registrera samtycket" }).click();
  const history = page.getByRole("region", { name: "Registrerade samtycken" });
  await expect(history.getByRole("row")).toHaveCount(2);
  await expect(history).toContainText("Socialtjänsten Nässjö, barn och unga");
  await expect(history).toContainText("Kontakter, Plan och insatser");
  await expectAccessible(page);

  // The referral: asking to share the assessment too is refused, as the consent does not cover it.
  await page.goto(`/ungdomar/${youth.id}/remisser/ny`);
  await expectAccessible(page);
  await page.getByLabel("Mottagare").selectOption({ label: "Socialtjänsten Nässjö, barn och unga (Nässjö kommun)" });
  await page.getByLabel("Fråga eller behov").fill("Ungdomen har det svårt hemma och orkar inte med studierna. Kan ni erbjuda stödsamtal?");
  await page.getByLabel("Insats som efterfrågas").fill("Stödsamtal");
  const shared = page.getByRole("group", { name: "Delar av akten som delas med remissen" });
  await shared.getByLabel("Plan och insatser").check();
  await shared.getByLabel("Kartläggning").check();
  await page.getByRole("button", { name: "Skicka remissen" }).click();
  await expect(page.locator("#f-sections-error")).toContainText("Det finns inget gällande samtycke som omfattar Socialtjänsten Nässjö, barn och unga");
  await expectAccessible(page);
  await shared.getByLabel("Kartläggning").uncheck();
  await shared.getByLabel("Kontakter (kontaktförsök och deras utfall)").check();
  await page.getByRole("button", { name: "Skicka remissen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Skickad");
  const referralUrl = new URL(page.url()).pathname;

  // The socialsekreterare finds it in the inbox, accepts it, and sees plan and contacts but not the assessment.
  const socialContext = await browser.newContext();
  const social = await socialContext.newPage();
  await signIn(social, "socialtjanst@demo.example");
  await social.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Remisser" }).click();
  await expect(social.getByRole("row").filter({ hasText: youth.name })).toBeVisible();
  await expectAccessible(social);
  await social.goto(referralUrl);
  await expect(social.getByRole("heading", { level: 1 })).toContainText("Mottagen");
  await social.getByLabel("Ansvarig handläggare hos er").selectOption({ label: "Johan Ek" });
  await social.getByLabel("Insats ni tar på er").fill("Stödsamtal varannan vecka");
  await social.getByRole("button", { name: "Acceptera" }).click();
  await expect(social.getByRole("heading", { level: 1 })).toContainText("Accepterad");
  await expectAccessible(social);
  await social.getByRole("link", { name: "Visa de uppgifter som delas med er" }).click();
  await social.waitForURL(/\/delat\//);
  const sharedUrl = new URL(social.url()).pathname;
  await expect(social.getByRole("region", { name: "Det här delas med er" })).toContainText("Kontakter, Plan och insatser");
  await expect(social.getByRole("region", { name: "Plan och insatser" })).toBeVisible();
  await expect(social.getByRole("region", { name: "Kontakter" })).toBeVisible();
  await expect(social.getByRole("heading", { name: "Kartläggning" })).toHaveCount(0);
  await expect(social.getByRole("heading", { name: "Identitet och kontaktuppgifter" })).toHaveCount(0);
  await expectAccessible(social);

  // The KAA unit sees the decision on the youth page, and then the youth withdraws the consent.
  await page.goto(`/ungdomar/${youth.id}`);
  await expect(page.getByRole("region", { name: "Remisser" })).toContainText("Accepterad, ansvarig Johan Ek");
  await page.getByRole("link", { name: "Registrera eller återkalla samtycke" }).click();
  await page
    .getByRole("region", { name: "Registrerade samtycken" })
    .getByRole("link", { name: /^Samtycke \d+$/ })
    .first()
    .click();
  await expectAccessible(page);
  await page.getByLabel("Hur återkallelsen meddelades").selectOption({ label: "Muntligt" });
  await page.getByRole("button", { name: "Återkalla samtycket" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Återkallat");
  await expect(page.getByRole("region", { name: "Remisser som vilar på samtycket" })).toContainText("Återkallad");

  // The socialsekreterare's next page load: the youth is no longer available.
  const gone = await social.goto(sharedUrl);
  expect(gone?.status()).toBe(404);
  await expect(social.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
  await social.goto(referralUrl);
  await expect(social.getByRole("status")).toContainText("inte längre tillgängliga");
  await expect(social.getByText(youth.name.split(", ")[0]!)).toHaveCount(0);
  await expectAccessible(social);
  await socialContext.close();

  // Arbetsförmedlingen never sees the youth.
  const employmentContext = await browser.newContext();
  const employment = await employmentContext.newPage();
  await signIn(employment, "arbetsformedlingen@demo.example");
  await employment.goto("/remisser");
  await expect(employment.getByText(youth.name)).toHaveCount(0);
  expect((await employment.goto(sharedUrl))?.status()).toBe(404);
  expect((await employment.goto(referralUrl))?.status()).toBe(404);
  expect((await employment.goto(`/ungdomar/${youth.id}`))?.status()).toBe(404);
  await employmentContext.close();

  // The samordnare's log review shows socialtjänstens reads and the consent they rested on.
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signIn(coordinator, "samordnare@demo.example");
  await coordinator.goto("/loggkontroll");
  await coordinator.getByLabel("Grund").selectOption({ label: "Samtycke" });
  await coordinator.getByLabel("Bara andra organisationer än KAA-enheten").check();
  await coordinator.getByLabel("Användare").selectOption({ label: "Johan Ek" });
  await coordinator.getByRole("button", { name: "Filtrera" }).click();
  const row = coordinator.getByRole("row").filter({ hasText: "Plan och insatser" }).first();
  await expect(row).toContainText("Socialsekreterare, Socialtjänsten Nässjö, barn och unga");
  await expect(row).toContainText(/Samtycke \d+/);
  await expectAccessible(coordinator);
  const download = coordinator.waitForEvent("download");
  await coordinator.getByRole("link", { name: "Exportera urvalet (CSV)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^loggkontroll-\d{4}-\d{2}-\d{2}\.csv$/);
  await coordinatorContext.close();
});

test("a school files a report of concern; socialtjänsten receives it and it opens nothing else", async ({ page, browser }) => {
  const youth = lookup<{ id: string; personalNumber: string; firstName: string; lastName: string }>(
    `SELECT y.id, y.personal_number AS personalNumber, y.first_name AS firstName, y.last_name AS lastName FROM youths y
     JOIN municipalities m ON m.id = y.home_municipality_id
     WHERE m.code = '0682' AND ${NOT_DEMO_CITIZEN} AND y.birth_date > date('now', '-17 years') AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.youth_id = y.id)
     ORDER BY y.name_sort LIMIT 1`,
  );
  await signIn(page, "skola@demo.example");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Orosanmälan" }).click();
  await page.getByRole("link", { name: "Ny orosanmälan" }).click();
  await expectAccessible(page);
  await page.getByLabel("Personnummer eller samordningsnummer").fill(youth.personalNumber);
  await page.getByLabel("Förnamn").fill(youth.firstName);
  await page.getByLabel("Efternamn").fill(youth.lastName);
  await page.getByLabel("Barnets hemkommun (folkbokföringskommun)").selectOption({ label: "Nässjö kommun" });
  await page.getByLabel("Vad har du sett, hört eller fått veta?").fill("Eleven har blåmärken på armarna och vill inte gå hem efter skolan.");
  await page.getByRole("button", { name: "Skicka orosanmälan" }).click();
  await expect(page.getByRole("status")).toContainText("Anmälan är skickad till Socialtjänsten Nässjö, barn och unga och har ännu inte öppnats");
  await expect(page).not.toHaveURL(new RegExp(youth.personalNumber.slice(0, 8)));
  const reportUrl = new URL(page.url()).pathname;
  await expectAccessible(page);

  const context = await browser.newContext();
  const social = await context.newPage();
  await signIn(social, "socialtjanst@demo.example");
  await social.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Orosanmälningar" }).click();
  await expectAccessible(social);
  await social.goto(reportUrl);
  await expect(social.getByText("Eleven har blåmärken på armarna")).toBeVisible();
  await expectAccessible(social);
  // The report is no key to the KAA unit's file.
  expect((await social.goto(`/delat/${youth.id}`))?.status()).toBe(404);
  await context.close();

  await page.reload();
  await expect(page.getByRole("status")).toContainText("och öppnades");
});
