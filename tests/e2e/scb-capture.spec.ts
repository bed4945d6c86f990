import { makePersonalNumber } from "../../app/modules/youth/personal-number";
import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./helpers";

// The SCB variables captured where the work happens (issue 15). The youth is this test's own
// (registered here), and so is the catalogue type it maps: other tests share the demo database.
test("a caseworker records the SCB variables at registration, contact and the end of an insats; the samordnare maps a catalogue type", async ({ page }) => {
  test.slow();
  const personalNumber = makePersonalNumber(`${new Date().getUTCFullYear() - 18}-03-15`, 815);

  await signIn(page, "handlaggare@demo.example");
  await page.goto("/ungdomar/ny");
  await page.getByLabel("Personnummer eller samordningsnummer").fill(personalNumber);
  await page.getByLabel("Förnamn").fill("Sara");
  await page.getByLabel("Efternamn").fill("Scbsson");
  await page.getByRole("button", { name: "Registrera" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sara Scbsson");
  const youthUrl = page.url();
  const enrollment = page.getByRole("region", { name: "Inskrivning", exact: true });
  // Registered by hand with no source that says why: the SCB values are missing, and say so.
  await expect(enrollment).toContainText("Orsak till registreringUppgift saknas");

  // That enrollment ends; a new one is opened, and the form asks the SCB reason.
  await page.getByRole("link", { name: "Ändra status, handläggare eller avsluta" }).click();
  const close = page.getByRole("region", { name: "Avsluta inskrivningen" });
  await close.getByLabel("Anledning").selectOption({ label: "Fick arbete" });
  await close.getByLabel("Ungdomens sysselsättning när inskrivningen avslutas").selectOption({ label: "Arbetar" });
  await close.getByRole("button", { name: "Avsluta inskrivning" }).click();
  await enrollment.getByRole("link", { name: "Öppna en inskrivning" }).click();
  await page.getByLabel("Anledning").selectOption({ label: "Ungdomen eller vårdnadshavare tog kontakt" });
  await page.getByRole("button", { name: "Öppna inskrivning" }).click();
  await expect(page.locator("#f-registrationReason-error")).toHaveText("Välj orsak till registrering (välj Uppgift saknas om ni inte vet).");
  await expect(page.locator("#f-lastSchoolOccupation-error")).toHaveText(
    "Välj den senaste skolrelaterade sysselsättningen (välj Uppgift saknas om ni inte vet).",
  );
  await expectAccessible(page);
  await page.getByLabel("Orsak till registrering").selectOption({ label: "Avbrott på nationellt program" });
  await page.getByLabel("Senaste skolrelaterade sysselsättning vid registrering").selectOption({ label: "Nationellt program" });
  await page.getByRole("button", { name: "Öppna inskrivning" }).click();
  await expect(enrollment).toContainText("Orsak till registreringAvbrott på nationellt program");
  await expect(enrollment).toContainText("Senaste skolrelaterade sysselsättningNationellt program");
  await expectAccessible(page);

  // The earlier, ended enrollment is corrected through its SCB form.
  const earlier = enrollment.getByRole("listitem").filter({ hasText: "avslutad: Fick arbete" });
  await earlier.getByRole("link", { name: /Ändra SCB-uppgifter/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("SCB-uppgifter för inskrivningen");
  await expect(page.getByLabel("Orsak till att ansvaret upphörde")).toHaveValue("work");
  await expectAccessible(page);
  await page.getByLabel("Orsak till registrering").selectOption({ label: "Flyttat till kommunen utan studier" });
  await page.getByLabel("Senaste skolrelaterade sysselsättning vid registrering").selectOption({ label: "Grundskola eller anpassad grundskola" });
  await page.getByRole("button", { name: "Spara SCB-uppgifterna" }).click();
  await expect(page).toHaveURL(`${youthUrl}#inskrivning`);
  await expect(earlier).toContainText("Orsak till registreringFlyttat till kommunen utan studier");

  // A contact made needs the occupation at the contact.
  await page.getByRole("link", { name: "Registrera kontaktförsök" }).click();
  await page.getByLabel("Kontaktsätt").selectOption({ label: "Telefon" });
  await page.getByLabel("Utfall").selectOption({ label: "Fick kontakt" });
  await page.getByRole("button", { name: "Registrera" }).click();
  await expect(page.locator("#f-occupation-error")).toHaveText("Ange sysselsättning vid kontakten när ni fick kontakt (välj Okänt om ni inte vet).");
  await expectAccessible(page);
  await page.getByLabel("Sysselsättning vid kontakten").selectOption({ label: "Ingen sysselsättning" });
  await page.getByRole("button", { name: "Registrera" }).click();
  await expect(page.getByRole("region", { name: "Kontakter", exact: true })).toContainText("Ingen sysselsättning");

  // Ending an insats needs the occupation afterwards; it is shown, and can be corrected.
  await page.goto(`${youthUrl}/insatser/ny`);
  await page.getByLabel("Typ av insats").selectOption({ label: "Praktik" });
  await page.getByRole("combobox", { name: "Ansvarig (obligatoriskt)" }).selectOption({ label: "Ungdomen" });
  await page.getByRole("button", { name: "Lägg till insatsen" }).click();
  await page.getByRole("region", { name: "Insatser", exact: true }).getByRole("link", { name: "Praktik" }).click();
  const end = page.getByRole("region", { name: "Avsluta insatsen" });
  await end.getByLabel("Orsak till att insatsen avslutas").selectOption({ label: "Genomförd enligt plan" });
  await end.getByLabel("Utvärdering: nådde insatsen sitt mål?").selectOption({ label: "Målet uppnått" });
  await end.getByLabel("Utvärdering, kort").fill("Praktiken gav en bild av yrket.");
  await end.getByRole("button", { name: "Avsluta insatsen" }).click();
  await expect(page.locator("#f-occupationAfter-error")).toHaveText("Ange sysselsättning efter insatsen (välj Okänt om ni inte vet).");
  await expectAccessible(page);
  await end.getByLabel("Sysselsättning efter insatsen").selectOption({ label: "Studerar" });
  await end.getByRole("button", { name: "Avsluta insatsen" }).click();
  await page.getByRole("region", { name: "Insatser", exact: true }).getByRole("link", { name: "Praktik" }).click();
  await expect(page.locator("dl.facts")).toContainText("Sysselsättning efter insatsenStuderar");
  const correct = page.getByRole("region", { name: "Sysselsättning efter insatsen", exact: true });
  await correct.getByLabel("Sysselsättning efter insatsen").selectOption({ label: "Arbetar" });
  await correct.getByRole("button", { name: "Spara sysselsättningen" }).click();
  await expect(page.locator("dl.facts")).toContainText("Sysselsättning efter insatsenArbetar");
  await expectAccessible(page);

  // The samordnare maps the catalogue type that has no SCB type.
  await page.getByRole("button", { name: "Logga ut" }).click();
  await signIn(page, "samordnare@demo.example");
  await page.goto("/insatstyper");
  const row = page.getByRole("row").filter({ hasText: "Sommarpraktik (äldre typ)" });
  await expect(row).toContainText("Saknar SCB-typ");
  await expectAccessible(page);
  await row.getByLabel("SCB-typ för Sommarpraktik (äldre typ)").selectOption({ label: "Praktik eller arbetsträning" });
  await row.getByRole("button", { name: "Spara SCB-typ" }).click();
  await expect(page.getByRole("status")).toHaveText("SCB-typen är ändrad till Praktik eller arbetsträning.");
  await expect(row).not.toContainText("Saknar SCB-typ");
  await expect(row.getByRole("cell").nth(1)).toHaveText("Praktik eller arbetsträning");
});
