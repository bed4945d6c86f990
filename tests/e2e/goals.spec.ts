import { addDays, todayIso } from "../../app/lib/dates";
import { expect, test } from "./fixtures";
import { STEERING_GROUP, expectAccessible, signIn } from "./helpers";

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

  // Done: edited in its own form, and the status moves on.
  await row.getByRole("link", { name: /Ändra/ }).click();
  const edit = page.getByRole("form", { name: "Ändra aktiviteten" });
  await expect(edit.getByRole("textbox", { name: "Aktivitet (obligatoriskt)" })).toHaveValue("Kartläggningsmall i portalen för alla nya inskrivningar");
  await expect(page.getByRole("form", { name: "Ny aktivitet" })).toHaveCount(0);
  await expectAccessible(page);
  await edit.getByLabel("Status (obligatoriskt)").selectOption("done");
  await edit.getByRole("button", { name: "Spara ändringen" }).click();
  await expect(page.getByRole("status")).toContainText("Aktiviteten är ändrad.");
  await expect(page.getByRole("row", { name: /Kartläggningsmall i portalen/ })).toContainText("Klar");
});

test("the styrgrupp's chair puts the goals and the plan on an agenda, and they are frozen when it is sent", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "styrgrupp@demo.example");
  await page.goto("/samverkan");
  await page.getByRole("link", { name: STEERING_GROUP }).first().click();
  await page.getByRole("link", { name: "Planera nytt möte" }).click();
  await page.getByLabel("Rubrik").fill("Styrgruppen: målen efter tertialet");
  await page.getByLabel("Datum").fill(addDays(todayIso(), 12));
  await page.getByRole("button", { name: "Skapa mötet" }).click();
  await expect(page).toHaveURL(/\/samverkan\/moten\/\d+$/);
  const meetingPath = new URL(page.url()).pathname;

  await page.goto(`${meetingPath}/punkt`);
  await page.getByLabel("Rubrik").fill("Mål och handlingsplan");
  await page.getByLabel("Typ av punkt").selectOption({ label: "Mål och handlingsplan" });
  await page.getByLabel("Tid (minuter)").fill("20");
  await page.getByRole("button", { name: "Lägg till på dagordningen" }).click();
  await expect(page).toHaveURL(new RegExp(`${meetingPath}#punkt-\\d+$`));
  await expect(page.getByText("Förhandsvisning med dagens läge.")).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Mål för aktivitetsansvaret" }).getByRole("rowheader", { name: "Kontakt inom fyra veckor ≥ 90 % per tertial" }),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: "Handlingsplanens aktiviteter" })).toContainText("Försenad");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Skicka dagordningen" }).click();
  await expect(page.getByText(/Ögonblicksbild fryst när dagordningen skickades/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Skriv ut dagordningen" }).click();
  await expect(page.getByRole("table", { name: "Mål för aktivitetsansvaret" })).toBeVisible();
  await expectAccessible(page);
});
