import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./helpers";

test("a styrgrupp member opens the effect of interventions, reads the chart and its table, with no small numbers", async ({ page }) => {
  await signIn(page, "styrgrupp@demo.example");
  await page.goto("/uppfoljning");
  await page.getByRole("link", { name: "Insatsernas effekt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Insatsernas effekt" })).toBeVisible();

  const year = String(new Date().getFullYear() - 1);
  await page.getByLabel("Period", { exact: true }).selectOption(`ar-${year}`);
  await page.getByRole("button", { name: "Visa" }).click();
  await page.waitForURL(new RegExp(`period=ar-${year}`));
  await expect(page.getByRole("heading", { level: 2, name: `År ${year}` })).toBeVisible();

  // The trend: an image named by its title, described in words, with the numbers as a table.
  const chart = page.getByRole("img", { name: "Påbörjade och avslutade insatser över tid" });
  await expect(chart).toBeVisible();
  const description = await chart.evaluate((svg) => svg.querySelector("desc")?.textContent ?? "");
  expect(description).toContain("Påbörjade insatser:");
  const numbers = page.getByRole("table", { name: "Påbörjade och avslutade insatser över tid: siffrorna i diagrammet" });
  // Folded away for sighted readers (a screen reader reads it all the same) until asked for.
  await expect(numbers).toBeAttached();
  const fold = page.locator(".chart__data").first();
  expect((await fold.boundingBox())?.width).toBeLessThanOrEqual(1);
  await page.getByText("Visa siffrorna i en tabell").first().click();
  expect((await fold.boundingBox())?.width).toBeGreaterThan(100);
  await expect(numbers.getByRole("rowheader", { name: `${year}`, exact: true })).toBeVisible();
  await expect(numbers.getByRole("columnheader", { name: "Påbörjade insatser" })).toBeVisible();

  await expect(page.getByRole("table", { name: "Påbörjade, avslutade och avböjda insatser per insatstyp" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Sysselsättning efter avslutad insats, alla insatstyper" })).toBeVisible();
  // The types × outcomes detail is the KAA unit's own.
  await expect(page.getByRole("table", { name: "Sysselsättning 6 månader efter avslutad insats, per insatstyp" })).toHaveCount(0);
  const cells = await page.locator("main td").allInnerTexts();
  expect(cells.length).toBeGreaterThan(20);
  expect(cells.filter((text) => /^[1-4]$/.test(text.trim()))).toEqual([]);
  await expectAccessible(page);
});

test("the samordnare reads the exact figures and the detail per type, and the chart prints with its table", async ({ page }) => {
  await signIn(page, "samordnare@demo.example");
  await page.goto("/uppfoljning/insatser");
  await expect(page.getByRole("heading", { level: 1, name: "Insatsernas effekt" })).toBeVisible();
  await expect(page.getByText("Siffrorna är exakta")).toBeVisible();
  await expect(page.getByRole("img", { name: "Påbörjade och avslutade insatser över tid" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Sysselsättning 6 och 12 månader efter avslutad insats" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Sysselsättning 6 månader efter avslutad insats, per insatstyp" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Så räknas sysselsättningen efter insatsen" })).toBeVisible();
  await expectAccessible(page);

  // On paper the numbers are printed under each chart, without the fold.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("table", { name: "Påbörjade och avslutade insatser över tid: siffrorna i diagrammet" })).toBeVisible();
  await expect(page.getByText("Visa siffrorna i en tabell").first()).toBeHidden();
});
