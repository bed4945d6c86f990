import { expect, test } from "./fixtures";
import { expectAccessible, lookup, NOT_DEMO_CITIZEN, signIn } from "./helpers";

const HEADER = "Personnummer;Skolenhetskod;Skolform;Programkod;Startdatum;Slutdatum;Utfall";
const today = new Date().toISOString().slice(0, 10);

/** A Nässjö register youth with an open enrollment whom the demo extract has as resident. */
function enrolledResident() {
  return lookup<{ personalNumber: string; name: string }>(
    `SELECT y.personal_number AS personalNumber, y.last_name || ', ' || y.first_name AS name FROM youths y
       JOIN municipalities m ON m.id = y.home_municipality_id JOIN enrollments e ON e.youth_id = y.id AND e.end_date IS NULL
      WHERE m.code = '0682' AND ${NOT_DEMO_CITIZEN} AND y.protected_identity = 0 AND e.start_date <= ? AND y.birth_date > date(?, '-19 years')
      ORDER BY y.name_sort DESC LIMIT 1`,
    today,
    today,
  );
}

test("the samordnare fetches the extract, uploads a school list, accepts proposals and finds the new youths in the register and the worklist", async ({
  page,
}) => {
  await signIn(page, "samordnare@demo.example");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Målgruppen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Målgruppen: avstämning");
  await expectAccessible(page);

  // 1. The population-register extract (msw answers as the register would).
  await page.getByRole("link", { name: "Hämta uttag och schema" }).click();
  await page.getByRole("button", { name: "Hämta uttag nu" }).click();
  await expect(page.getByRole("status")).toContainText("Uttaget är hämtat");
  await expectAccessible(page);

  // 2. A school's list: a registered youth has started a national programme.
  const student = enrolledResident();
  await page.goto("/skollistor/ny");
  await page.getByLabel("Sorts lista").selectOption("gymnasium");
  // Not Kvarnbäcksgymnasiet: its own staff and its school system replace that school's list in other tests running
  // beside this one, and only a school's current list is reconciled.
  await page.getByLabel("Listan gäller").selectOption({ label: "Nässjö Naturbruksgymnasium" });
  await page.getByLabel("CSV-fil").setInputFiles({
    name: "gymnasiet.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${HEADER}\r\n${student.personalNumber};12345678;GY;NA;${today};;\r\n`),
  });
  await page.getByRole("button", { name: "Läs in och kontrollera" }).click();
  await expect(page.getByRole("status")).toContainText("Listan är inläst: 1 rad.");

  // 3. Reconcile and review: the evidence is shown for each proposal.
  await page.goto("/malgrupp");
  await page.getByRole("button", { name: "Stäm av nu" }).click();
  await expect(page.getByRole("status")).toContainText("Avstämningen är klar");
  await page.getByRole("link", { name: /^Började nationellt program \(\d+\)$/ }).click();
  const ending = page.getByRole("row").filter({ hasText: student.name });
  await expect(ending).toContainText("GY NA");
  await expectAccessible(page);

  await page.getByRole("link", { name: /^I målgruppen men inte i registret \(\d+\)$/ }).click();
  const proposals = page.getByRole("table", { name: /I målgruppen men inte i registret/ });
  await expect(proposals).toContainText("Folkbokförd i kommunen.");
  const first = proposals.getByRole("row").nth(1);
  const name = (await first.getByRole("cell").nth(1).innerText()).split("\n")[0]!.trim();
  await first.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Godkänn markerade" }).click();
  await expect(page.getByRole("status")).toContainText("1 förslag genomfördes.");
  await expect(proposals).not.toContainText(name);
  await expectAccessible(page);

  // The ending, accepted row by row as well.
  await page.getByRole("link", { name: /^Började nationellt program \(\d+\)$/ }).click();
  await page.getByRole("row").filter({ hasText: student.name }).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Godkänn markerade" }).click();
  await expect(page.getByRole("status")).toContainText("1 förslag genomfördes.");

  // 4. The new youth is in the register, registered by "Registerkontroll", and on the worklist.
  await page.goto(`/ungdomar?q=${encodeURIComponent(name.split(",")[0]!)}`);
  await page.getByRole("link", { name }).first().click();
  await expect(page.getByText("Registerkontroll")).toBeVisible();
  await page.goto("/att-gora");
  await expect(page.getByRole("main")).toContainText(name);
});
