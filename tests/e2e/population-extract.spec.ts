import { expect, test } from "./fixtures";
import { expectAccessible, lookup, signIn } from "./helpers";

test("the samordnare fetches the population extract and sets its schedule, also without JavaScript", async ({ browser, page }) => {
  // Without JavaScript the fetch is a plain post (axe needs JavaScript, so it runs on the page below).
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await signIn(plain, "samordnare@demo.example");
  await plain.goto("/malgrupp/folkbokforing");
  await expect(plain.getByRole("heading", { level: 1 })).toHaveText("Uttag ur folkbokföringen");
  await plain.getByRole("button", { name: "Hämta uttag nu" }).click();
  await expect(plain.getByRole("status")).toContainText("Uttaget är hämtat");
  await noScript.close();

  await signIn(page, "samordnare@demo.example");
  await page.goto("/malgrupp/folkbokforing");
  await expectAccessible(page);
  // The demo extract knows the seeded register youths of Nässjö, plus new people.
  const { n } = lookup<{ n: number }>("SELECT count(*) AS n FROM youths JOIN municipalities m ON m.id = youths.home_municipality_id WHERE m.code = '0682'");
  const overlap = lookup<{ n: number }>(
    `SELECT count(*) AS n FROM population_snapshot_people p JOIN youths y ON y.personal_number = p.personal_number
     WHERE p.snapshot_id = (SELECT max(id) FROM population_snapshots WHERE status = 'complete')`,
  ).n;
  expect(overlap).toBeGreaterThan(n * 0.8);
  const latest = page.getByRole("table").getByRole("row").nth(1);
  await expect(latest).toContainText("Klart");
  await expectAccessible(page);

  // Weekly without a day: a Swedish message at the field, HTTP 400, nothing saved.
  await page.getByRole("radio", { name: "En gång i veckan" }).check();
  await page.getByLabel("Klockslag (hel timme, 0–23)").fill("6");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Spara schemat" }).click(),
  ]);
  expect(response.status()).toBe(400);
  await expect(page.locator("#weekday-error")).toHaveText("Välj vilken veckodag uttaget ska hämtas.");
  await expectAccessible(page);

  await page.getByRole("radio", { name: "En gång i veckan" }).check();
  await page.getByLabel("Veckodag (vid en gång i veckan)").selectOption({ label: "tisdag" });
  await page.getByLabel("Klockslag (hel timme, 0–23)").fill("6");
  await page.getByRole("button", { name: "Spara schemat" }).click();
  await expect(page.getByRole("status")).toContainText("Schemat är sparat: Varje tisdag kl. 06.00.");
  await page.goto("/malgrupp/folkbokforing");
  await expect(page.getByText("Nu: Varje tisdag kl. 06.00.")).toBeVisible();
});
