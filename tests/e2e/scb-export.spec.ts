import { createHash } from "node:crypto";
import fs from "node:fs";
import { scbDemoHalfYear } from "../../db/seed-scb-export";
import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./helpers";

// The demo's SCB half-year holds only the two youths of db/seed-scb-export.ts (long before the rest of the demo,
// last names that sort last), so no other browser test changes what this one checks.
const period = scbDemoHalfYear(new Date().toISOString().slice(0, 10));

test("the samordnare checks an SCB half-year, fixes the youth that lacks values and downloads the file", async ({ page }) => {
  await signIn(page, "samordnare@demo.example");
  await page.goto("/uppfoljning");
  await page.getByRole("link", { name: "SCB-rapporten (halvår)" }).click();
  await expect(page.getByRole("heading", { name: /Portalen följer SCB-version 2026-1 \(ej verifierad/ })).toBeVisible();
  await expect(page.getByText("Ej verifierad.")).toBeVisible();

  await page.getByLabel("Halvår", { exact: true }).selectOption(period.value);
  await page.getByRole("button", { name: "Kontrollera" }).click();
  await expect(page.getByRole("heading", { name: `Kontroll av ${period.label}` })).toBeVisible();
  await expect(page.getByText("2 ungdomar i registret under perioden")).toBeVisible();
  const missing = page.getByRole("table", { name: "Uppgift saknas" });
  await expect(missing.getByRole("row")).toHaveCount(3);
  await expect(missing).toContainText("Orsak till registrering saknas");
  await expect(missing).toContainText("Senaste skolrelaterade sysselsättning vid registrering saknas");
  await expect(missing).not.toContainText("Ylva Östberg");
  await expectAccessible(page);

  // Without accepting an exceptions report, no file is made.
  await page.getByRole("button", { name: "Skapa SCB-filen" }).click();
  await expect(page.getByRole("alert")).toContainText("Filen skapades inte: kontrollerna hittade 2 fel");

  // The fix link leads to the enrollment's SCB form.
  await missing.getByRole("link", { name: "Rätta SCB-uppgifterna: Tove Öhrström" }).first().click();
  await page.getByLabel("Orsak till registrering").selectOption({ label: "Avbrott på nationellt program" });
  await page.getByLabel("Senaste skolrelaterade sysselsättning vid registrering").selectOption({ label: "Nationellt program" });
  await page.getByRole("button", { name: "Spara SCB-uppgifterna" }).click();
  await page.waitForURL(/\/ungdomar\/scbdemo/);

  await page.goto(`/uppfoljning/scb?period=${period.value}`);
  await expect(page.getByText("Ingen uppgift saknas.")).toBeVisible();
  await expect(page.getByText("Alla kontroller är godkända.")).toBeVisible();
  await page.getByRole("button", { name: "Skapa SCB-filen" }).click();
  const made = page.getByRole("status").filter({ hasText: "Filen är skapad" });
  await expect(made).toBeVisible();
  const checksum = (await made.locator("code").textContent())!;
  expect(checksum).toMatch(/^[0-9a-f]{64}$/);

  const [download] = await Promise.all([page.waitForEvent("download"), made.getByRole("link", { name: "Hämta datafilen" }).click()]);
  expect(download.suggestedFilename()).toBe(`kaa-0682-${period.value}-v2026-1.txt`);
  const bytes = fs.readFileSync((await download.path())!);
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(checksum);
  const lines = bytes.toString("latin1").split("\r\n").filter(Boolean);
  // Two youths: block 1, a contact (block 2) and the end of the responsibility (block 5) each.
  expect(lines.map((l) => l.split(";")[0])).toEqual(["1", "2", "5", "1", "2", "5"]);
  expect(lines.filter((l) => l.startsWith("1;0682;")).every((l) => /;2;2$/.test(l))).toBe(true);

  // The history keeps the export with its checksum.
  await page.reload();
  await expect(page.getByRole("table", { name: "Tidigare exporter till SCB" })).toContainText(checksum);
  await expectAccessible(page);
});
