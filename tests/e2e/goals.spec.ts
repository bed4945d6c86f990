import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./helpers";

const JUDGEMENT = /^(Uppfyllt|Inte uppfyllt|Kan inte bedömas)$/;

test("a styrgrupp member opens the follow-up, opens a goal and reads whether it is met and its trend", async ({ page }) => {
  await signIn(page, "styrgrupp@demo.example");
  await page.goto("/uppfoljning");
  const goals = page.getByRole("region", { name: "Mål och handlingsplan" });
  await expect(goals).toBeVisible();
  await expectAccessible(page);
  await goals.getByRole("link", { name: "Kontakt inom fyra veckor ≥ 90 % per tertial" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Kontakt inom fyra veckor ≥ 90 % per tertial" })).toBeVisible();
  const status = page.getByRole("region", { name: "Läget" });
  await expect(status.locator(".status-tag")).toHaveCount(2);
  for (const tag of await status.locator(".status-tag").allInnerTexts()) expect(tag.trim()).toMatch(JUDGEMENT);
  const trend = page.getByRole("table", { name: "Kontakt inom fyra veckor per tertial, de senaste perioderna" });
  await expect(trend.getByRole("row")).toHaveCount(7);
  await expect(trend.getByRole("rowheader").last()).toContainText("(pågår)");
  for (const tag of await trend.locator(".status-tag").allInnerTexts()) expect(tag.trim()).toMatch(JUDGEMENT);
  // Small numbers stay hidden here too.
  const values = await trend.locator("td:nth-child(2)").allInnerTexts();
  expect(values.filter((text) => /^[1-4]$/.test(text.trim()))).toEqual([]);
  await expect(page.getByRole("table", { name: "Handlingsplanens aktiviteter kopplade till målet" })).toBeVisible();
  await expectAccessible(page);
});

test("the samordnare sets a goal and adds an activity to the handlingsplan", async ({ page }) => {
  await signIn(page, "samordnare@demo.example");
  await page.goto("/uppfoljning/mal");
  await expect(page.getByRole("heading", { level: 1, name: "Mål för aktivitetsansvaret" })).toBeVisible();
  const form = page.getByRole("form", { name: "Nytt mål" });
  await form.getByLabel("Mått").selectOption({ label: "Andel med dokumenterad kartläggning (procent)" });
  await form.getByLabel("Värdet ska vara").selectOption("gte");
  await form.getByLabel("Målvärde").fill("120");
  await form.getByLabel("Följs per").selectOption("termin");
  await form.getByRole("button", { name: "Spara målet" }).click();
  await expect(form.getByText("En andel kan vara högst 100 %.")).toBeVisible();
  await expectAccessible(page);
  await form.getByLabel("Målvärde").fill("75,5");
  await form.getByRole("button", { name: "Spara målet" }).click();
  await page.waitForURL(/\/uppfoljning\/mal\/\d+$/);
  const name = "Andel med dokumenterad kartläggning ≥ 75,5 % per termin";
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("table", { name: /Andel med dokumenterad kartläggning per termin/ }).getByRole("row")).toHaveCount(7);
  await expect(page.getByRole("region", { name: "Historik" })).toContainText("Målet sattes");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Hela handlingsplanen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Handlingsplan för aktivitetsansvaret" })).toBeVisible();
  // The seed's overdue activity is marked in words.
  await expect(page.getByRole("row", { name: /Gemensam rutin för hembesök/ })).toContainText("Försenad");
  const add = page.getByRole("form", { name: "Ny aktivitet" });
  await add.getByRole("textbox", { name: "Aktivitet (obligatoriskt)" }).fill("Kartläggningsmall i portalen för alla nya inskrivningar");
  await add.getByRole("textbox", { name: "Ansvarig (obligatoriskt)" }).fill("Samordnaren");
  await add.getByLabel("Klart senast (obligatoriskt)").fill("2030-06-30");
  await add.getByLabel("Status (obligatoriskt)").selectOption("in_progress");
  await add.getByLabel("Mål som aktiviteten ska bidra till (frivilligt)").selectOption({ label: name });
  await add.getByRole("button", { name: "Lägg till aktiviteten" }).click();
  await expect(page.getByRole("status")).toContainText("Aktiviteten är tillagd.");
  const row = page.getByRole("row", { name: /Kartläggningsmall i portalen/ });
  await expect(row).toContainText("Pågår");
  await expect(row.getByRole("link", { name })).toBeVisible();
  await expectAccessible(page);
});
