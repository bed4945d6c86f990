import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./helpers";

/** Clicks a download link and gives back the file's bytes and name. */
async function download(page: Page, link: string | RegExp) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

test("the samordnare writes an annual report, fastställer it, prints it and downloads it", async ({ page }) => {
  const year = new Date().getFullYear() - 1;
  await signIn(page, "samordnare@demo.example");
  await page.goto("/uppfoljning");
  await page.getByRole("link", { name: "Årsrapporter till nämnden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Årsrapporter" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("combobox", { name: /Period/ }).selectOption(`ar-${year}`);
  await page.getByRole("button", { name: "Skapa årsrapport" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Årsrapport om det kommunala aktivitetsansvaret: År ${year}` })).toBeVisible();
  await expect(page.getByRole("table", { name: "Översikt" })).toBeVisible();
  await expect(page.getByText("Utkast", { exact: true })).toBeVisible();
  // The report goes to the nämnd: no count from 1 to 4 in it, the draft included.
  const cells = await page.locator("td").allInnerTexts();
  expect(cells.length).toBeGreaterThan(50);
  expect(cells.filter((text) => /^[1-4]$/.test(text.trim()))).toEqual([]);
  await expectAccessible(page);

  await page.getByLabel("Analys: Målgruppen").fill("Målgruppen är ungefär lika stor som året före.\n\nFler anmälningar kommer nu från skolorna.");
  await page.getByLabel("Analys: Sammanfattande analys").fill("Arbetet har blivit mer systematiskt. Nästa år: snabbare första kontakt.");
  await page.getByRole("button", { name: "Spara texten" }).first().click();
  await expect(page.getByRole("status")).toHaveText("Texten är sparad.");

  await page.getByLabel("Rapporten är färdig och ska fastställas.").check();
  await page.getByRole("button", { name: "Fastställ årsrapporten" }).click();
  await expect(page.getByRole("status")).toHaveText("Årsrapporten är fastställd och låst.");
  await expect(page.getByText("Fastställd", { exact: true })).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByText("Fler anmälningar kommer nu från skolorna.")).toBeVisible();
  await expectAccessible(page);

  const csv = await download(page, "Alla tabeller som CSV");
  expect(csv.name).toBe(`arsrapport-ar-${year}.csv`);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.bytes.toString("utf8")).toContain('"Status";"Fastställd');
  const one = await download(page, "Ladda ner ”Kontaktförsök per kanal” som CSV");
  expect(one.bytes.toString("utf8")).toContain('"Kontaktförsök per kanal"');
  const xlsx = await download(page, "Hela rapporten som Excel-fil (XLSX)");
  expect(xlsx.name).toBe(`arsrapport-ar-${year}.xlsx`);
  expect(xlsx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");

  await page.getByRole("link", { name: "Utskrift och PDF" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Årsrapport om det kommunala aktivitetsansvaret: År ${year}` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Sammanfattande analys" })).toBeVisible();
  await expect(page.getByText(/Fastställd: .+ \(elektroniskt i Samverkansportalen\)/)).toBeVisible();
  await expectAccessible(page);
  // In print: no menus, no buttons, no download links; a page per area.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.getByRole("button", { name: "Skriv ut årsrapporten" })).toBeHidden();
  expect(await page.locator("#omrade-kontakt").evaluate((h) => getComputedStyle(h.closest("section")!).breakBefore)).toBe("page");
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
});

test("a styrgrupp member reads the approved report, never a draft, and downloads the follow-up", async ({ page }) => {
  await signIn(page, "styrgrupp@demo.example");
  await page.goto("/uppfoljning/arsrapport");
  const reports = page.getByRole("table", { name: "Fastställda årsrapporter" });
  await expect(reports.getByRole("row")).not.toHaveCount(1);
  await expect(reports.getByText("Utkast")).toHaveCount(0);
  await reports.getByRole("link").first().click();
  await expect(page.getByText("Fastställd", { exact: true })).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Fastställ årsrapporten" })).toHaveCount(0);
  // The trend as charts with their numbers, and the goals as they were met, frozen with the report.
  await expect(page.getByRole("img", { name: /Målgruppen över tid/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /Målen och hur de uppfylldes/ })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/uppfoljning");
  const csv = await download(page, "CSV");
  expect(csv.name).toMatch(/^uppfoljning-tertial-\d{4}-[123]\.csv$/);
  expect(csv.bytes.toString("utf8")).toContain('"Mått"');
});
