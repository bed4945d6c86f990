// The must-show: a youth signs in with the demo e-legitimation on a phone, sees the plan, writes what
// they think of it and withdraws a consent. Socialtjänsten's next page load no longer shows the youth, and the
// caseworker sees the withdrawal and the youth's evaluation. Elin (19) is this test's alone: no other test
// writes her file (db/seed-citizens.ts gives her a consent to socialtjänsten and a received referral).
import { signInCitizen, youthIdOf } from "./citizen";
import { expect, test } from "./fixtures";
import { expectAccessible, signIn, signInRequest } from "./helpers";

test.use({ viewport: { width: 390, height: 844 } });

// As the referral list names a youth.
const ELIN = "Sandberg, Elin";

async function noSidewaysScroll(page: import("@playwright/test").Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test("a youth reads the plan, evaluates it and withdraws a consent; socialtjänsten loses the youth at once, the caseworker sees both", async ({
  page,
  playwright,
  baseURL,
  browser,
}) => {
  const youthId = youthIdOf("elin");
  const words = `Praktiken passar mig, men jag vill börja tidigare på dagen (${Date.now()}).`;

  // Before: socialtjänsten sees Elin through the consent and the referral.
  const social = await playwright.request.newContext({ baseURL });
  await signInRequest(social, baseURL!, "socialtjanst@demo.example");
  expect((await social.get(`/delat/${youthId}`, { maxRedirects: 0 })).status()).toBe(200);
  expect(await (await social.get("/remisser")).text()).toContain(ELIN);

  // The youth signs in with the demo e-legitimation and lands on her own start page.
  await signInCitizen(page, "elin");
  await expect(page).toHaveURL(new RegExp(`/mina-sidor/${youthId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Hej Elin!" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Din kontaktperson" })).toContainText("Ali Hassan");
  await expectAccessible(page);
  await noSidewaysScroll(page);

  // The plan, as the caseworker documented it, and what she thinks of it.
  await page.getByRole("link", { name: "Din plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Din plan" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Ditt mål" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Det här ska göras" })).toBeVisible();
  await expectAccessible(page);
  await noSidewaysScroll(page);
  const planForm = page.getByRole("form", { name: "Hjälper planen dig?" });
  await planForm.getByLabel("Delvis").check();
  await planForm.getByLabel("Vill du berätta mer? (frivilligt)").fill(words);
  await planForm.getByRole("button", { name: "Skicka" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await expectAccessible(page);

  // Her consents: withdraw the one to socialtjänsten. She signed in a moment ago, so no new sign-in is asked.
  await page.goto(`/mina-sidor/${youthId}`);
  await page.getByRole("link", { name: "Dina samtycken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dina samtycken" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("link", { name: /^Till .*Socialtjänst/i })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: /^Samtycke till/ })).toBeVisible();
  await page.getByRole("link", { name: "Återkalla samtycket" }).click();
  await expect(page.getByRole("heading", { name: "Vill du ta tillbaka samtycket?" })).toBeVisible();
  await expectAccessible(page);
  await noSidewaysScroll(page);
  await page.getByRole("button", { name: "Ja, ta tillbaka samtycket" }).click();
  await expect(page.getByText(/Återkallat|tagit tillbaka/).first()).toBeVisible();
  await expectAccessible(page);

  // Socialtjänsten's very next page load: the shared view is gone, and the referral list no longer names her.
  expect((await social.get(`/delat/${youthId}`, { maxRedirects: 0 })).status()).toBe(404);
  expect(await (await social.get("/remisser")).text()).not.toContain(ELIN);
  await social.dispose();

  // The caseworker sees the withdrawal, how it was made, and the youth's own words on the plan.
  const desk = await browser.newContext();
  const caseworker = await desk.newPage();
  await signIn(caseworker, "handlaggare@demo.example");
  await caseworker.goto(`/ungdomar/${youthId}/samtycken`);
  const row = caseworker
    .getByRole("row")
    .filter({ hasText: /Socialtjänst/ })
    .first();
  await expect(row).toContainText("Återkallat");
  await row.getByRole("link", { name: /^Samtycke \d+$/ }).click();
  await expect(caseworker.getByText("Digitalt av ungdomen")).toBeVisible();
  await expectAccessible(caseworker);
  await caseworker.goto(`/ungdomar/${youthId}/plan`);
  const own = caseworker.getByRole("region", { name: "Ungdomens egen bedömning" });
  await expect(own).toContainText(words);
  await expect(own).toContainText("Delvis");
  await expectAccessible(caseworker);
  await desk.close();
});
