import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./helpers";

test("the samordnare draws a stickprov with a stated seed, reads the result and prints it anonymised", async ({ page }) => {
  await signIn(page, "samordnare@demo.example");
  await page.goto("/uppfoljning");
  await page.getByRole("link", { name: "Stickprov (intern kontroll)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stickprov (intern kontroll)" })).toBeVisible();
  // A random seed is offered; the samordnare states one instead.
  await expect(page.getByLabel("Frö")).not.toHaveValue("");
  await expectAccessible(page);

  // Bad input first: a clear Swedish message beside the field, nothing drawn.
  await page.getByLabel(/Antal ärenden/).fill("500");
  await page.getByLabel("Frö").fill("revision-e2e");
  await page.getByRole("button", { name: "Dra stickprov" }).click();
  await expect(page.getByText("Ange hur många ärenden som ska dras, ett heltal från 1 till 100.").first()).toBeVisible();

  await page.getByLabel(/Antal ärenden/).fill("5");
  await page.getByRole("button", { name: "Dra stickprov" }).click();
  await page.waitForURL(/\/uppfoljning\/stickprov\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Stickprov \d+$/ })).toBeVisible();
  await expect(page.getByText("revision-e2e").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Sammanställt resultat av stickprovet" })).toContainText(/Kontakt \d+ av 5/);
  await expect(page.getByText(/SHA-256 av texten ”revision-e2e:<inskrivningens nummer>”/)).toBeVisible();
  await expectAccessible(page);

  // The named page shows who was drawn, with links to the record; remember them to look for on the print.
  const headings = await page.getByRole("heading", { level: 3, name: /^Ärende \d+: / }).allTextContents();
  expect(headings).toHaveLength(5);
  const named = headings.map((h) => /^Ärende \d+: (.+) \((.+)\)$/.exec(h)!).map((m) => ({ name: m[1]!, personalNumber: m[2]! }));
  await expect(page.getByRole("link", { name: "Granskare" })).toBeVisible();

  await page.getByRole("link", { name: "Utskrift, anonymiserad (för revisorer och nämnd)" }).click();
  await page.waitForURL(/\/utskrift\?anonym=1$/);
  await expect(page.getByRole("heading", { level: 1, name: /intern kontroll av aktivitetsansvaret/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Ärende 5", exact: true })).toBeVisible();
  const text = await page.locator("body").innerText();
  for (const youth of named) {
    expect(text).not.toContain(youth.name);
    expect(text).not.toContain(youth.personalNumber);
  }
  expect(text).not.toMatch(/\d{6}[-+]\d{4}/);
  await expect(page.getByRole("link", { name: /Ungdomen|ungdomar\// })).toHaveCount(0);
  await expectAccessible(page);
});
