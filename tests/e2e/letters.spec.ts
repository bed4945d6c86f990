import { expect, test } from "./fixtures";
import { expectAccessible, lookup, nassjoYouthId, signIn } from "./helpers";

/**
 * A 17-year-old Nässjö youth with an open enrollment and at least one guardian, no documentation
 * and no consent (other specs pick documented youths, the first of the register, or those under 17).
 */
function seventeenWithGuardians() {
  return lookup<{ id: string; name: string }>(
    `SELECT y.id, y.first_name || ' ' || y.last_name AS name FROM youths y
       JOIN municipalities m ON m.id = y.home_municipality_id JOIN enrollments e ON e.youth_id = y.id AND e.end_date IS NULL
      WHERE m.code = '0682' AND y.protected_identity = 0 AND y.id <> ?
        AND y.birth_date <= date('now', '-17 years') AND y.birth_date > date('now', '-18 years')
        AND EXISTS (SELECT 1 FROM guardians g WHERE g.youth_id = y.id)
        AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.youth_id = y.id)
        AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.youth_id = y.id)
      ORDER BY y.name_sort LIMIT 1`,
    nassjoYouthId(),
  );
}

function guardiansOf(youthId: string): string[] {
  return lookup<{ names: string }>(
    "SELECT group_concat(name, '|') AS names FROM (SELECT name FROM guardians WHERE youth_id = ? ORDER BY position)",
    youthId,
  ).names.split("|");
}

function inDays(days: number) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test("the samordnare keeps the unit's contact details; a caseworker prints a home-visit letter with them, one letter per guardian, in Swedish and English", async ({
  page,
  browser,
}) => {
  test.slow();
  const youth = seventeenWithGuardians();
  const guardians = guardiansOf(youth.id);
  expect(guardians.length).toBeGreaterThan(0);

  // The samordnare finds the contact details in the menu and changes the phone number.
  await signIn(page, "samordnare@demo.example");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Kontaktuppgifter" }).click();
  await expect(page.getByRole("heading", { name: "Enhetens kontaktuppgifter" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Telefonnummer").fill("0380-51 82 77");
  await page.getByLabel("Postnummer").fill("5713");
  await page.getByRole("button", { name: "Spara kontaktuppgifterna" }).click();
  await expect(page.getByText("Ange postnumret med fem siffror, till exempel 571 31.").first()).toBeVisible();
  await page.getByLabel("Postnummer").fill("571 31");
  await page.getByRole("button", { name: "Spara kontaktuppgifterna" }).click();
  await expect(page.getByRole("status")).toContainText("Kontaktuppgifterna är sparade");
  await expectAccessible(page);

  // A caseworker opens the home-visit letter from the youth's page: first the visit's date and time.
  const context = await browser.newContext();
  const kaa = await context.newPage();
  await signIn(kaa, "handlaggare@demo.example");
  await kaa.goto(`/ungdomar/${youth.id}`);
  await kaa.getByRole("link", { name: "Brev som aviserar hembesök" }).click();
  await expect(kaa.getByRole("heading", { name: "Brev som aviserar hembesök", level: 1 })).toBeVisible();
  await expect(kaa.getByRole("article")).toHaveCount(0);
  await expectAccessible(kaa);
  await kaa.getByLabel("Datum för hembesöket").fill(inDays(-2));
  await kaa.getByLabel("Tid för hembesöket").fill("13:30");
  await kaa.getByRole("button", { name: "Visa brevet" }).click();
  await expect(kaa.getByText("Ett hembesök som aviseras kan inte ligga före i dag.")).toBeVisible();
  await kaa.getByLabel("Datum för hembesöket").fill(inDays(7));
  await kaa.getByRole("button", { name: "Visa brevet" }).click();

  const toYouth = kaa.getByRole("article", { name: `Brev till ${youth.name}` });
  await expect(toYouth).toContainText("0380-51 82 77");
  await expect(toYouth).toContainText("klockan 13:30");
  await expect(toYouth).toContainText("Det är frivilligt");
  await expect(toYouth).toContainText("Integritetsskyddsmyndigheten (IMY)");
  for (const guardian of guardians) {
    const letter = kaa.getByRole("article", { name: `Brev till vårdnadshavare ${guardian}` });
    await expect(letter).toContainText(`Hej ${guardian}!`);
    await expect(letter).toContainText(`Till vårdnadshavare för ${youth.name}`);
    await expect(letter).toContainText("klockan 13:30");
    await expect(letter).toContainText("0380-51 82 77");
  }
  await expect(kaa.getByRole("article")).toHaveCount(1 + guardians.length);
  await expectAccessible(kaa);

  // The same letters in English.
  await kaa.getByLabel("Brevets språk").selectOption("en");
  await kaa.getByRole("button", { name: "Visa brevet" }).click();
  await expect(toYouth).toContainText("We would like to come and see you");
  await expect(toYouth).toContainText("at 13:30");
  await expect(toYouth).toContainText("Phone");
  await expect(toYouth).toContainText("0380-51 82 77");
  await expect(kaa.getByRole("article", { name: `Brev till vårdnadshavare ${guardians[0]}` })).toContainText(`To the guardian of ${youth.name}`);
  await expectAccessible(kaa);

  // Registered as sent: a letter, recorded as sent (not as a message left), to the youth and the guardians.
  await kaa.getByRole("button", { name: "Registrera som skickat" }).click();
  const contacts = kaa.getByRole("region", { name: "Kontakter" });
  await expect(contacts.getByRole("row", { name: /Ungdomen/ }).first()).toContainText("Brev skickat");
  await expect(contacts.getByRole("row", { name: /Vårdnadshavare/ }).first()).toContainText("Brev skickat");
  await expect(contacts).toContainText("kl. 13:30, på engelska");
  await context.close();
});
