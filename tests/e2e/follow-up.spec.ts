import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./helpers";

test("a styrgrupp member opens the follow-up, changes the period and reads the figures without small numbers", async ({ page }) => {
  await signIn(page, "styrgrupp@demo.example");
  await page.goto("/start");
  await page.getByRole("link", { name: "Till uppföljningen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Uppföljning" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Översikt" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Period", { exact: true }).selectOption("lasar-2025");
  await page.getByRole("button", { name: "Visa" }).click();
  await page.waitForURL(/period=lasar-2025/);
  await expect(page.getByRole("heading", { level: 2, name: "Läsåret 2025/26" })).toBeVisible();
  const overview = page.getByRole("table", { name: "Översikt" });
  await expect(overview.getByRole("columnheader").nth(1)).toContainText("Läsåret 2025/26");
  await expect(overview.getByRole("columnheader").nth(2)).toContainText("Föregående: Läsåret 2024/25");
  await expect(overview.getByRole("rowheader", { name: "Ungdomar i målgruppen under perioden" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Målgruppen efter handläggare" })).toHaveCount(0);
  // A chart drawn on the server, with its numbers as a table: three läsår, the chosen one last.
  await expect(page.getByRole("img", { name: /Målgruppen över tid/ })).toBeVisible();
  const chartTable = page.getByRole("table", { name: "Målgruppen över tid: siffrorna i diagrammet" });
  await expect(chartTable.getByRole("rowheader")).toHaveText(["Läsåret 2023/24", "Läsåret 2024/25", "Läsåret 2025/26"]);
  await expect(page.getByRole("table", { name: "Utveckling över tid" })).toBeVisible();
  // No count from 1 to 4 on the page: such a cell reads "färre än 5".
  const cells = await page.locator("td").allInnerTexts();
  expect(cells.length).toBeGreaterThan(50);
  expect(cells.filter((text) => /^[1-4]$/.test(text.trim()))).toEqual([]);
  await expectAccessible(page);

  // Free intervals are the KAA unit's: two a day apart would tell what happened on that day.
  await expect(page.getByLabel("Period", { exact: true }).locator("option[value=intervall]")).toHaveCount(0);
  await expect(page.getByLabel("Från och med")).toHaveCount(0);
});

test("the samordnare sees exact figures, the caseworker breakdown, and enters the population 16–19", async ({ page }) => {
  await signIn(page, "samordnare@demo.example");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Uppföljning" }).click();
  await expect(page.getByRole("table", { name: "Målgruppen efter handläggare" })).toBeVisible();
  // A free interval the wrong way round: 400 with the message beside the picker.
  await page.getByLabel("Period", { exact: true }).selectOption("intervall");
  await page.getByLabel("Från och med").fill("2026-03-01");
  await page.getByLabel("Till och med").fill("2026-02-01");
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page.getByRole("alert")).toContainText("Till och med-datumet får inte vara före från och med-datumet.");
  await expectAccessible(page);
  await page.getByLabel("Från och med").fill("2026-01-01");
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "1 januari 2026–1 februari 2026" })).toBeVisible();
  await page.getByLabel("År", { exact: true }).fill("2026");
  await page.getByLabel("Antal invånare 16–19 år").fill("2400");
  await page.getByRole("button", { name: "Spara befolkningstal" }).click();
  await expect(page.getByRole("status")).toContainText("Befolkningstalet för 2026 är sparat.");
  await expect(page.getByRole("rowheader", { name: "Andel av kommunens befolkning 16–19 år" })).toBeVisible();
  await expectAccessible(page);
});
