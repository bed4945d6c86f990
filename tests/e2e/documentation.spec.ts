import { makePersonalNumber } from "../../app/modules/youth/personal-number";
import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./helpers";

function birthDate(yearsAgo: number, monthDay: string) {
  return `${new Date().getUTCFullYear() - yearsAgo}-${monthDay}`;
}

test("a caseworker documents assessment, plan and two interventions, ends one, and the checklist and the samordnare's list follow", async ({
  page,
  browser,
}) => {
  // A whole working day in one test: several people, many pages, axe on each.
  test.slow();
  const personalNumber = makePersonalNumber(birthDate(17, "06-11"), 623);

  // A youth comes to the register and is reached by phone.
  await signIn(page, "handlaggare@demo.example");
  await page.goto("/ungdomar/ny");
  await page.getByLabel("Personnummer eller samordningsnummer").fill(personalNumber);
  await page.getByLabel("Förnamn").fill("Doris");
  await page.getByLabel("Efternamn").fill("Dokumentsson");
  await page.getByRole("button", { name: "Registrera" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Doris Dokumentsson");
  const youthUrl = page.url();
  await page.getByRole("link", { name: "Registrera kontaktförsök" }).click();
  await page.getByLabel("Kontaktsätt").selectOption({ label: "Telefon" });
  await page.getByLabel("Utfall").selectOption({ label: "Fick kontakt" });
  await page.getByLabel("Sysselsättning vid kontakten").selectOption({ label: "Ingen sysselsättning" });
  await page.getByRole("button", { name: "Registrera" }).click();
  await page.getByRole("link", { name: "Ändra status, handläggare eller avsluta" }).click();
  await page.getByLabel("Handläggare", { exact: true }).selectOption({ label: "Ali Hassan" });
  await page.getByRole("button", { name: "Spara" }).click();

  const documentation = page.getByRole("region", { name: "Kartläggning, plan och insatser" });
  await expect(documentation).toContainText("7 av 7 punkter saknas i dokumentationen.");
  await expectAccessible(page);

  // The samordnare sees the youth among the unit's incomplete documentation.
  const context = await browser.newContext();
  const coordinator = await context.newPage();
  await signIn(coordinator, "samordnare@demo.example");
  await coordinator.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Dokumentation" }).click();
  await coordinator.getByLabel("Handläggare").selectOption({ label: "Ali Hassan" });
  await coordinator.getByLabel("Ordning").selectOption({ label: "Senast inskrivna först" });
  await coordinator.getByRole("button", { name: "Visa" }).click();
  const row = coordinator.getByRole("row").filter({ has: coordinator.getByRole("link", { name: "Dokumentsson, Doris" }) });
  await expect(row).toContainText("1. Plan och mål");
  await expect(row).toContainText("7. Uppföljning och utvärdering");
  await expect(coordinator.getByText(/Andel komplett dokumentation/)).toBeVisible();
  await expectAccessible(coordinator);

  // Kartläggning, with the warning against sensitive data in view.
  await documentation.getByRole("link", { name: "Gör kartläggning" }).click();
  await expect(page.getByRole("note")).toContainText("Skriv inga känsliga personuppgifter.");
  await expectAccessible(page);
  await page.getByRole("combobox", { name: "Sysselsättning (obligatoriskt)" }).selectOption({ label: "Ingen sysselsättning" });
  await page.getByLabel("Avslutade årskurser").fill("Åk 9, gymnasiet åk 1");
  await page.getByLabel("Har ungdomen studiebevis från gymnasiet?").selectOption({ label: "Nej" });
  await page.getByLabel("Ungdomens egna önskemål och mål").fill("Vill bli elektriker.");
  await page.getByRole("button", { name: "Spara kartläggningen" }).click();
  await expect(documentation).toContainText("Kartläggning (");

  // The plan, made with the youth; the municipality has no insats of its own here, and says why.
  await documentation.getByRole("link", { name: "Gör plan" }).click();
  await expectAccessible(page);
  await page.getByLabel("Målet med insatserna").fill("Börja på El- och energiprogrammet till hösten.");
  await page.getByLabel("Planen är gjord tillsammans med ungdomen").check();
  await page.getByLabel("Datum då planen gjordes med ungdomen").fill(new Date().toISOString().slice(0, 10));
  await page.getByLabel("Ingen insats som kommunen ansvarar för, eftersom").fill("Vägledningen görs av ungdomen själv med stöd av AF.");
  await page.getByRole("button", { name: "Spara planen" }).click();

  // Two interventions: the youth's own, and one Arbetsförmedlingen is responsible for.
  await page.getByRole("link", { name: "Lägg till insats" }).click();
  await expectAccessible(page);
  await page.getByLabel("Typ av insats").selectOption({ label: "Studie- och yrkesvägledning" });
  await page.getByRole("combobox", { name: "Ansvarig (obligatoriskt)" }).selectOption({ label: "Ungdomen" });
  await page.getByRole("button", { name: "Lägg till insatsen" }).click();
  await page.getByRole("link", { name: "Lägg till insats" }).click();
  await page.getByLabel("Typ av insats").selectOption({ label: "Insatser via Arbetsförmedlingen" });
  await page.getByRole("combobox", { name: "Ansvarig (obligatoriskt)" }).selectOption({ label: "Annan aktör" });
  await page.getByRole("button", { name: "Lägg till insatsen" }).click();
  // A responsible other actor must be named: the form says so beside the field.
  await expect(page.locator("#f-responsibleOrganisationId-error")).toHaveText("Välj organisationen som ansvarar, eller skriv dess namn.");
  await page.getByLabel("Organisation (om en annan aktör ansvarar)").selectOption({ label: "Arbetsförmedlingen Nässjö (Nässjö kommun)" });
  await page.getByLabel("Anordnare (frivilligt)").fill("Arbetsförmedlingen, Rusta och matcha");
  // No follow-up date yet: point 7 of the checklist will say so.
  await page.getByLabel("Första uppföljning").fill("");
  await page.getByRole("button", { name: "Lägg till insatsen" }).click();

  const interventions = page.getByRole("region", { name: "Insatser", exact: true });
  await expect(interventions.getByRole("row")).toHaveCount(3);
  await expect(interventions).toContainText("Annan aktör (Arbetsförmedlingen Nässjö)");
  const checklist = page.getByRole("region", { name: "Dokumentationens sju punkter" });
  await expect(checklist).toContainText("1 av 7 punkter saknas");
  await expect(checklist).toContainText("Insatser via Arbetsförmedlingen: inget datum för uppföljning.");
  await expectAccessible(page);

  // Ending the youth's intervention needs a reason and an evaluation.
  await interventions.getByRole("link", { name: "Studie- och yrkesvägledning" }).click();
  await expectAccessible(page);
  const endForm = page.getByRole("region", { name: "Avsluta insatsen" });
  await endForm.getByRole("button", { name: "Avsluta insatsen" }).click();
  await expect(page.locator("#f-endReason-error")).toHaveText("Välj orsaken till att insatsen avslutas.");
  await expect(page.locator("#f-evaluationText-error")).toHaveText("Ange en kort utvärdering.");
  await endForm.getByLabel("Orsak till att insatsen avslutas").selectOption({ label: "Genomförd enligt plan" });
  await endForm.getByLabel("Sysselsättning efter insatsen").selectOption({ label: "Studerar" });
  await endForm.getByLabel("Utvärdering: nådde insatsen sitt mål?").selectOption({ label: "Målet uppnått" });
  await endForm.getByLabel("Utvärdering, kort").fill("Doris har valt program och sökt till hösten.");
  await endForm.getByRole("button", { name: "Avsluta insatsen" }).click();
  await expect(checklist).toContainText("1 av 7 punkter saknas");

  // The missing point links to where it is filled in.
  await checklist.getByRole("link", { name: "Insatser via Arbetsförmedlingen: inget datum för uppföljning." }).click();
  await page.getByLabel("Datum för uppföljning").fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Lägg till uppföljning" }).click();
  await page.getByRole("link", { name: /Tillbaka till planen/ }).click();

  await expect(checklist).toContainText("Dokumentationen är komplett.");
  const history = page.getByRole("region", { name: "Ändringshistorik för kartläggning, plan och insatser" });
  await expect(history).toContainText("Ali Hassan (KAA-handläggare): Avslutade insatsen Studie- och yrkesvägledning");
  await expect(history).toContainText("Orsak till avslut: Genomförd enligt plan");
  await expectAccessible(page);

  await page.goto(youthUrl);
  await expect(documentation).toContainText("Dokumentationen är komplett.");
  await expect(page.getByRole("region", { name: "Inskrivning" })).toContainText("I insats");

  // The plan as handed to the youth.
  await page.goto(`${youthUrl}/plan/utskrift`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Din plan, Doris Dokumentsson");
  await expect(page.getByRole("article")).toContainText("Börja på El- och energiprogrammet till hösten.");
  await expect(page.getByRole("article")).not.toContainText("Vill bli elektriker.");
  await expectAccessible(page);

  // The samordnare's list no longer has the youth.
  await coordinator.reload();
  await expect(coordinator.getByRole("link", { name: "Dokumentsson, Doris" })).toHaveCount(0);
  await expectAccessible(coordinator);
  await context.close();
});

test("the samordnare keeps the intervention catalogue; a caseworker only reads it", async ({ page }) => {
  await signIn(page, "samordnare@demo.example");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Insatskatalog" }).click();
  await expectAccessible(page);
  await page.getByLabel("Namn", { exact: true }).fill("Sommarjobb via kommunen");
  await page.getByLabel("SCB-typ", { exact: true }).selectOption({ label: "Praktik eller arbetsträning" });
  await page.getByRole("button", { name: "Lägg till" }).click();
  await expect(page.getByRole("status")).toHaveText("Sommarjobb via kommunen är tillagd.");
  await page.getByLabel("Namn", { exact: true }).fill("Praktik");
  await page.getByRole("button", { name: "Lägg till" }).click();
  await expect(page.locator("#new-name-error")).toHaveText("Det finns redan en insatstyp med det namnet.");
  const row = page.getByRole("row").filter({ hasText: "Sommarjobb via kommunen" });
  await row.getByRole("button", { name: "Avveckla" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Sommarjobb via kommunen" })).toContainText("Nej, avvecklad");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Logga ut" }).click();
  await signIn(page, "handlaggare@demo.example");
  await page.goto("/insatstyper");
  await expect(page.getByRole("button", { name: "Lägg till" })).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: "Sommarjobb via kommunen" })).toBeVisible();
  const refused = await page.request.post("/insatstyper", { form: { intent: "add", name: "Smygtyp" }, headers: { Origin: new URL(page.url()).origin } });
  expect(refused.status()).toBe(403);
});
