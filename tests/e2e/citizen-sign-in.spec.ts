// Youths and guardians sign in to Mina sidor with the demo e-legitimation (the real local OIDC provider),
// on a phone-sized screen: the youth reaches their own page, the guardian the child's, and a person the
// portal holds nothing about is told so, with no session.
import { signInCitizen, signInCitizenRequest, youthIdOf } from "./citizen";
import { expect, test } from "./fixtures";
import { expectAccessible } from "./helpers";

test.use({ viewport: { width: 390, height: 844 } });

async function expectNoSideways(page: import("@playwright/test").Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test("a youth reads what Mina sidor is, signs in with e-legitimation and reaches their own page", async ({ page }) => {
  await page.goto("/mina-sidor/logga-in");
  await expect(page.getByRole("heading", { level: 1, name: "Mina sidor" })).toBeVisible();
  await expect(page.getByText("kommunens aktivitetsansvar (KAA)").first()).toBeVisible();
  await expectAccessible(page);
  await expectNoSideways(page);

  await signInCitizen(page, "noah");
  await expect(page).toHaveURL(new RegExp(`/mina-sidor/${youthIdOf("noah")}$`));
  await expectAccessible(page);
  await expectNoSideways(page);
});

test("a guardian signs in and reaches the child's page", async ({ page }) => {
  await signInCitizen(page, "anna");
  await expect(page).toHaveURL(new RegExp(`/mina-sidor/${youthIdOf("noah")}$`));
  await expectAccessible(page);
});

test("a person the portal holds nothing about is told so, whom to ask, and is not signed in", async ({ page }) => {
  await signInCitizen(page, "okand");
  await expect(page).toHaveURL(/\/mina-sidor\/inga-uppgifter$/);
  await expect(page.getByRole("heading", { level: 1, name: "Portalen har inga uppgifter om dig" })).toBeVisible();
  await expect(page.getByText("Nässjö", { exact: false }).first()).toBeVisible();
  await expectAccessible(page);
  await expectNoSideways(page);
  await page.goto("/mina-sidor/logga-in");
  await expect(page.getByRole("link", { name: "Logga in med BankID eller Freja eID" })).toBeVisible();
});

test("the guardian of a youth with skyddad identitet sees the same page as someone unknown", async ({ page }) => {
  await signInCitizen(page, "petra");
  await expect(page).toHaveURL(/\/mina-sidor\/inga-uppgifter$/);
});

test("an API client signs in the same way (the authorisation matrix's youths and guardians)", async ({ request, baseURL }) => {
  expect(await signInCitizenRequest(request, baseURL!, "elin")).toBe(`/mina-sidor/${youthIdOf("elin")}`);
  expect((await request.get("/mina-sidor/logga-in", { maxRedirects: 0 })).status()).toBe(302);
});
