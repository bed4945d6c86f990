import { makePersonalNumber } from "../../app/modules/youth/personal-number";
import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./helpers";

const HEADER = "Personnummer;Skolenhetskod;Skolform;Programkod;Startdatum;Slutdatum;Utfall";
const year = new Date().getUTCFullYear();
const PN_A = makePersonalNumber(`${year - 17}-02-14`, 612);
const PN_B = makePersonalNumber(`${year - 18}-09-30`, 613);
const PN_C = makePersonalNumber(`${year - 16}-01-21`, 614);
const dashed = (pn: string) => `${pn.slice(0, 8)}-${pn.slice(8)}`;

const file = (rows: string[]) => ({ name: "elever.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${[HEADER, ...rows].join("\r\n")}\r\n`) });

test("a school uploads a list with a bad row, reads the report, fixes the file and sees the list", async ({ page }) => {
  await signIn(page, "skola@demo.example");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Skollistor" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Skollistor");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Läs in en lista" }).click();
  await expectAccessible(page);

  // One row with a school unit code of four digits: nothing is stored, the report names the row.
  await page.getByLabel("Sorts lista").selectOption("gymnasium");
  await page
    .getByLabel("CSV-fil")
    .setInputFiles(file([`${dashed(PN_A)};12345678;GY;NA;${year - 1}-08-19;;`, `${dashed(PN_B)};1234;GY;TE;${year - 2}-08-19;${year - 1}-02-01;avbrott`]));
  await page.getByRole("button", { name: "Läs in och kontrollera" }).click();
  await expect(page.getByRole("heading", { name: "Rapport: 1 rad har fel" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Ingenting har lagrats. 1 av 2 rader är rätt.");
  await expect(page.getByRole("row", { name: /^3 / })).toContainText("Skolenhetskod: Skolenhetskoden ska vara åtta siffror");
  await expect(page.getByRole("row", { name: /^2 / })).toContainText("Rätt");
  await expectAccessible(page);

  // Fixed, the file is stored and the list is the school's current one.
  await page
    .getByLabel("CSV-fil")
    .setInputFiles(file([`${dashed(PN_A)};12345678;GY;NA;${year - 1}-08-19;;`, `${dashed(PN_B)};12345679;GY;TE;${year - 2}-08-19;${year - 1}-02-01;avbrott`]));
  await page.getByRole("button", { name: "Läs in och kontrollera" }).click();
  await expect(page).toHaveURL(/\/skollistor\?lagrade=2$/);
  await expect(page.getByRole("status")).toContainText("Listan är inläst: 2 rader.");
  const row = page.getByRole("row").filter({ hasText: "elever.csv" }).filter({ hasText: "Gällande" }).first();
  await expect(row).toContainText("Gymnasieelever");
  await expectAccessible(page);
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gymnasieelever (GY/GYS)");
  await expect(page.getByRole("row", { name: new RegExp(dashed(PN_B)) })).toContainText("Avbrott");
  await expectAccessible(page);
});

test("the samordnare uploads the municipality's year-9 list and sees the schools' lists only as metadata", async ({ page }) => {
  await signIn(page, "samordnare@demo.example");
  await page.goto("/skollistor/ny");
  await expectAccessible(page);
  await page.getByLabel("Sorts lista").selectOption("year9");
  await page.getByLabel("Listan gäller").selectOption({ label: "Kommunens grundskolor (KAA-enhetens egen lista)" });
  await page.getByLabel("CSV-fil").setInputFiles({ ...file([`${PN_C};12345678;GR;;;${year}-06-12;studiebevis`]), name: "arskurs9.csv" });
  await page.getByRole("button", { name: "Läs in och kontrollera" }).click();
  await expect(page.getByRole("status")).toContainText("Listan är inläst: 1 rad.");
  const own = page.getByRole("table", { name: "Egna listor, senaste först" });
  await expect(own.getByRole("row").filter({ hasText: "arskurs9.csv" })).toContainText("Gällande");
  // The schools' lists have no link: their rows are the school's alone.
  await expect(page.getByRole("table", { name: "Skolornas listor, senaste först" }).getByRole("link")).toHaveCount(0);
  await expectAccessible(page);
  await own.getByRole("row").filter({ hasText: "arskurs9.csv" }).getByRole("link").click();
  await expect(page.getByRole("row", { name: new RegExp(dashed(PN_C)) })).toContainText("Studiebevis");
});
