import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAccessible, lookup, signIn } from "./helpers";
import { waitForMail } from "./mail";

const SOCIAL_SERVICES = "Socialtjänsten Nässjö, barn och unga";

/**
 * The demo youth whose consent in force names socialtjänsten and Arbetsförmedlingen for identity and
 * plan (meetings.spec.ts names it on a case item but changes nothing of it). This test only sends it
 * new referrals of its own; the consent and the seeded referrals stay as they are.
 */
function consentedYouth() {
  return lookup<{ id: string; firstName: string; lastName: string }>(`
    SELECT y.id, y.first_name AS firstName, y.last_name AS lastName
    FROM youths y JOIN consents c ON c.youth_id = y.id
    WHERE c.withdrawn_date IS NULL AND c.valid_from <= date('now') AND c.valid_until >= date('now')
      AND EXISTS (SELECT 1 FROM consent_recipients r JOIN organisations o ON o.id = r.organisation_id WHERE r.consent_id = c.id AND o.kind = 'social_services')
      AND EXISTS (SELECT 1 FROM consent_recipients r JOIN organisations o ON o.id = r.organisation_id WHERE r.consent_id = c.id AND o.kind = 'employment_service')
      AND EXISTS (SELECT 1 FROM consent_sections s WHERE s.consent_id = c.id AND s.section = 'plan')
    LIMIT 1`);
}

async function asUser(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  return page;
}

/** The KAA caseworker sends a referral sharing the plan with socialtjänsten; returns its number. */
async function sendReferral(page: Page, youthId: string, question: string) {
  await page.goto(`/ungdomar/${youthId}/remisser/ny`);
  await page.getByLabel("Mottagare").selectOption({ label: `${SOCIAL_SERVICES} (Nässjö kommun)` });
  await page.getByLabel("Fråga eller behov").fill(question);
  await page.getByLabel("Insats som efterfrågas").fill("Stödsamtal");
  await page.getByRole("group", { name: "Delar av akten som delas med remissen" }).getByLabel("Plan och insatser").check();
  await page.getByRole("button", { name: "Skicka remissen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Skickad");
  return Number(new URL(page.url()).pathname.split("/").pop());
}

test("socialtjänsten accepts a referral and the KAA caseworker is told, in the portal and by e-mail; a revoked referral shows the recipient when, and its own återkoppling", async ({
  page,
  browser,
  request,
}) => {
  test.slow();
  const youth = consentedYouth();
  await signIn(page, "handlaggare@demo.example");
  const accepted = await sendReferral(page, youth.id, "Behöver ungdomen stödsamtal? (notiser, accepteras)");
  const revoked = await sendReferral(page, youth.id, "Behöver ungdomen stödsamtal? (notiser, återkallas)");

  // Socialtjänsten is told of both, and accepts the first.
  const social = await asUser(browser, "socialtjanst@demo.example");
  await social.goto("/meddelanden");
  await expect(social.getByRole("link", { name: `Ny remiss ${accepted} från` })).toBeVisible();
  await social.getByRole("link", { name: `Ny remiss ${accepted} från` }).click();
  await social.getByLabel("Ansvarig handläggare hos er").selectOption({ label: "Johan Ek" });
  await social.getByLabel("Insats ni tar på er").fill("Stödsamtal varannan vecka");
  await social.getByRole("button", { name: "Acceptera" }).click();
  await expect(social.getByRole("heading", { level: 1 })).toContainText("Accepterad");

  // The KAA caseworker's meddelanden say so, naming neither the youth nor the case.
  await page.goto("/meddelanden");
  const notice = page.getByRole("link", { name: `Remiss ${accepted} har accepterats av ${SOCIAL_SERVICES}` });
  await expect(notice).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(youth.lastName);
  await expectAccessible(page);
  await notice.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Accepterad");

  // And by e-mail over SMTP (the mail catcher): the same news, a link, nothing of the youth.
  const mail = await waitForMail(
    request,
    (m) => m.to.includes("handlaggare@demo.example") && m.subject === `Remiss ${accepted} har accepterats av ${SOCIAL_SERVICES}`,
  );
  expect(mail.text).toContain(`/remisser/${accepted}`);
  for (const word of [youth.firstName, youth.lastName, "stödsamtal?"]) expect(mail.text).not.toContain(word);

  // Socialtjänsten writes återkoppling on the second; then the KAA unit revokes it.
  await social.goto(`/remisser/${revoked}`);
  await social.getByLabel("Ny återkoppling").fill("Vi har bokat ett första samtal (notiser).");
  await social.getByRole("button", { name: "Skicka återkoppling" }).click();
  await expect(social.getByRole("region", { name: "Återkoppling" })).toContainText("Vi har bokat ett första samtal (notiser).");
  await page.goto(`/remisser/${revoked}`);
  await expect(page.getByRole("region", { name: "Återkoppling" })).toContainText("Vi har bokat ett första samtal (notiser).");
  await page.getByLabel("Varför remissen återkallas").fill("Ungdomen vill vänta (notiser).");
  await page.getByRole("button", { name: "Återkalla" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Återkallad");

  // Socialtjänsten is told, and its page says when it was revoked and keeps its own återkoppling, nothing of the youth.
  await social.goto("/meddelanden");
  await social.getByRole("link", { name: new RegExp(`^Remiss ${revoked} har återkallats av `) }).click();
  await expect(social.getByRole("heading", { level: 1 })).toContainText("Återkallad");
  await expect(social.getByRole("status")).toContainText("Remissen återkallades");
  await expect(social.getByRole("region", { name: "Er återkoppling" })).toContainText("Vi har bokat ett första samtal (notiser).");
  const main = social.getByRole("main");
  for (const hidden of [youth.firstName, youth.lastName, "Ungdomen vill vänta", "återkallas)"]) await expect(main).not.toContainText(hidden);
  await expectAccessible(social);

  // An organisation that never was the recipient finds nothing there.
  const employment = await asUser(browser, "arbetsformedlingen@demo.example");
  expect((await employment.goto(`/remisser/${revoked}`))?.status()).toBe(404);
});
