import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./helpers";

// The systemförvaltare's SS 12000 connections, against the fake school system (msw in the server,
// every body checked against the standard's schemas in test mode).

test("the systemförvaltare fetches from the demo school system and sees the outcome", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Skolsystem" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Skolsystem (SS 12000)");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Hämta nu från Nässjö kommuns skolsystem" }).click();
  await expect(page.getByRole("status")).toContainText(
    /Hämtningen lyckades: \d+ personer, \d+ inskrivningar, \d+ elever med frånvarouppgifter, 7 överhoppade poster/,
  );
  await expectAccessible(page);

  // The connection's page shows the counts and never the secret.
  await page.getByRole("link", { name: "Nässjö kommuns skolsystem" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nässjö kommuns skolsystem");
  await expect(page.getByText("Lyckades", { exact: true })).toBeVisible();
  await expect(page.getByText("Inskrivningar", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Klienthemlighet")).toHaveValue("");
  expect(await page.content()).not.toContain("demo-hemlighet");
  await expectAccessible(page);
});

test("a new connection: Swedish errors for bad input, then a refused secret is shown to the admin", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  await page.goto("/admin/skolsystem/ny");
  await expectAccessible(page);
  await page.getByLabel("Namn på kopplingen").fill("Fel hemlighet");
  await page.getByLabel("API-adress (SS 12000)").fill("http://skolsystem.example.se/v2.0");
  await page.getByRole("button", { name: "Spara kopplingen" }).click();
  await expect(page.locator("#f-baseUrl-error")).toContainText("https-adress");
  await expectAccessible(page);

  await page.getByLabel("Skola").selectOption({ label: "Nässjö Naturbruksgymnasium – Nässjö kommun (Nässjö kommun)" });
  await page.getByLabel("API-adress (SS 12000)").fill("http://skolsystem.demo.invalid/v2.0");
  await page.getByLabel("Tokenadress (OAuth2)").fill("http://skolsystem.demo.invalid/oauth2/token");
  await page.getByLabel("Klient-id").fill("samverkansportalen");
  await page.getByLabel("Klienthemlighet").fill("inte-den-hemligheten");
  await page.getByRole("button", { name: "Spara kopplingen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fel hemlighet");
  await page.getByRole("button", { name: "Hämta nu" }).click();
  await expect(page.getByRole("status")).toContainText("Tokentjänsten godkände inte klient-id eller klienthemlighet");
  await expect(page.getByText("Misslyckades", { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("fetching works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "admin@demo.example");
  await page.goto("/admin/skolsystem");
  await page.getByRole("button", { name: "Hämta nu från Nässjö kommuns skolsystem" }).click();
  await expect(page.getByRole("status")).toContainText("Hämtningen lyckades");
  await context.close();
});

test("a malformed fetch request is a Swedish 400, not a 500", async ({ page, baseURL }) => {
  await signIn(page, "admin@demo.example");
  const response = await page.request.post("/admin/skolsystem?index", { form: { connectionId: "x" }, headers: { Origin: baseURL! } });
  expect(response.status()).toBe(400);
});
