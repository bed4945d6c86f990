import { makePersonalNumber } from "../../app/modules/youth/personal-number";
import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./helpers";

function birthDate(yearsAgo: number, monthDay: string) {
  return `${new Date().getUTCFullYear() - yearsAgo}-${monthDay}`;
}

function yesterday() {
  const d = new Date(Date.now() - 86_400_000);
  return d.toISOString().slice(0, 10);
}

test("a school files a notice, the KAA unit receives it, and the outreach starts", async ({ page, browser }) => {
  const personalNumber = makePersonalNumber(birthDate(17, "05-20"), 731);
  const formatted = `${personalNumber.slice(0, 8)}-${personalNumber.slice(8)}`;
  const wrong = formatted.slice(0, -1) + String((Number(formatted.at(-1)) + 1) % 10);

  // The school (in Nässjö) files a notice with one wrong field, corrects it and sends it.
  await signIn(page, "skola@demo.example");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Ny anmälan" }).click();
  await expectAccessible(page);
  await page.getByLabel("Anmälan gäller").selectOption({ label: "Avbrott i studierna" });
  await page.getByLabel("Personnummer eller samordningsnummer").fill(wrong);
  await page.getByLabel("Förnamn").fill("Nora");
  await page.getByLabel("Efternamn").fill("Anmäldsson");
  await page.getByLabel("Elevens hemkommun (folkbokföringskommun)").selectOption({ label: "Nässjö kommun" });
  await page.getByLabel("Program", { exact: false }).first().fill("Ekonomiprogrammet");
  await page.getByLabel("Datum för händelsen").fill(yesterday());
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  await expect(page.locator("#f-personalNumber-error")).toHaveText("Kontrollsiffran stämmer inte. Kontrollera att numret är rätt skrivet.");
  await expectAccessible(page);
  await page.getByLabel("Personnummer eller samordningsnummer").fill(formatted);
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  await expect(page.getByRole("status")).toContainText("Anmälan är skickad");
  await expect(page.getByRole("row", { name: /Anmäldsson, Nora/ })).toContainText("Skickad");
  await expectAccessible(page);

  // The KAA caseworker receives it from the inbox; the youth is registered with an enrollment.
  const kaaContext = await browser.newContext();
  const kaa = await kaaContext.newPage();
  await signIn(kaa, "handlaggare@demo.example");
  await kaa.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Inkorg" }).click();
  await expectAccessible(kaa);
  await kaa.getByRole("link", { name: "Anmäldsson, Nora" }).click();
  await expectAccessible(kaa);
  await kaa.getByRole("button", { name: "Hämta uppgifter från folkbokföringen" }).click();
  // The register's name differs from the school's: both are shown, and nothing is replaced silently.
  await expect(kaa.getByRole("status")).toContainText("Namnet i folkbokföringen skiljer sig från namnet i anmälan");
  await expect(kaa.getByLabel("Efternamn")).toHaveValue("Anmäldsson");
  await expectAccessible(kaa);
  // The caseworker chooses the register's name, which is then the one registered.
  await kaa.getByRole("button", { name: "Använd namnet från folkbokföringen" }).click();
  await expect(kaa.getByRole("status")).toContainText("hämtade från folkbokföringen");
  const lastName = await kaa.getByLabel("Efternamn").inputValue();
  expect(lastName).not.toBe("Anmäldsson");
  await kaa.getByRole("button", { name: "Registrera ungdomen och ta emot anmälan" }).click();
  await expect(kaa.getByRole("region", { name: "Inskrivning" })).toContainText("Ej kontaktad");
  await expect(kaa.getByRole("region", { name: "Anmälningar från skolor" })).toContainText("Avbrott i studierna");
  const youthUrl = kaa.url();
  await expectAccessible(kaa);

  // It is in the register and on the worklist: the first letter is due.
  await kaa.goto(`/ungdomar?q=${encodeURIComponent(lastName)}`);
  await expect(kaa.getByRole("link", { name: new RegExp(lastName) }).first()).toBeVisible();
  await kaa.goto("/att-gora?handlaggare=alla");
  await expect(kaa.getByRole("region", { name: /Kontaktrutinen/ })).toContainText("Brev till folkbokföringsadressen");
  await expectAccessible(kaa);

  // Recording the first letter moves the routine to the next step.
  await kaa.goto(youthUrl);
  await expect(kaa.getByRole("region", { name: "Kontakter" })).toContainText("Brev till folkbokföringsadressen");
  await kaa.getByRole("link", { name: "Första brevet" }).click();
  await expectAccessible(kaa);
  await kaa.getByRole("button", { name: "Registrera som skickat" }).click();
  await expect(kaa.getByRole("region", { name: "Kontakter" })).toContainText("Telefon, sms eller nytt brev");
  await kaaContext.close();

  // The school sees the notice as received, and still cannot open the youth.
  await page.goto("/anmalningar");
  await expect(page.getByRole("row", { name: /Anmäldsson, Nora/ })).toContainText("Mottagen");
  const response = await page.goto(new URL(youthUrl).pathname);
  expect(response?.status()).toBe(404);
});

test("a notice from a school in another municipality reaches the youth's home KAA unit only", async ({ page, browser }) => {
  // Teknikgymnasiet (Jönköping) has no account in the demo; the Nässjö school files for a Jönköping youth.
  const personalNumber = makePersonalNumber(birthDate(16, "09-09"), 642);
  await signIn(page, "skola@demo.example");
  await page.goto("/anmalningar/ny");
  await page.getByLabel("Anmälan gäller").selectOption({ label: "Betydande ogiltig frånvaro" });
  await page.getByLabel("Personnummer eller samordningsnummer").fill(personalNumber);
  await page.getByLabel("Förnamn").fill("Jonna");
  await page.getByLabel("Efternamn").fill("Grannkommunsson");
  await page.getByLabel("Elevens hemkommun (folkbokföringskommun)").selectOption({ label: "Jönköpings kommun" });
  await page.getByLabel("Program", { exact: false }).first().fill("El- och energiprogrammet");
  await page.getByLabel("Datum för händelsen").fill(yesterday());
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  await expect(page.getByRole("status")).toContainText("Anmälan är skickad");

  const jkpgContext = await browser.newContext();
  const jkpg = await jkpgContext.newPage();
  await signIn(jkpg, "kaa-jonkoping@demo.example");
  await jkpg.goto("/inkorg");
  await expect(jkpg.getByRole("link", { name: "Grannkommunsson, Jonna" })).toBeVisible();
  await jkpgContext.close();

  const nassjoContext = await browser.newContext();
  const nassjo = await nassjoContext.newPage();
  await signIn(nassjo, "handlaggare@demo.example");
  await nassjo.goto("/inkorg");
  await expect(nassjo.getByRole("heading", { level: 1 })).toContainText("Inkorg");
  await expect(nassjo.getByRole("link", { name: "Grannkommunsson, Jonna" })).toHaveCount(0);
  await nassjoContext.close();
});

/** Fills the notice form as a school would; the kind and the home municipality by their labels. */
async function fillNotice(
  page: import("@playwright/test").Page,
  n: { kind: string; personalNumber: string; firstName: string; lastName: string; municipality: string },
) {
  await page.getByLabel("Anmälan gäller").selectOption({ label: n.kind });
  await page.getByLabel("Personnummer eller samordningsnummer").fill(n.personalNumber);
  await page.getByLabel("Förnamn").fill(n.firstName);
  await page.getByLabel("Efternamn").fill(n.lastName);
  await page.getByLabel("Elevens hemkommun (folkbokföringskommun)").selectOption({ label: n.municipality });
  await page.getByLabel("Program", { exact: false }).first().fill("Ekonomiprogrammet");
  await page.getByLabel("Datum för händelsen").fill(yesterday());
}

test("a school notifies Eksjö, which has no KAA unit in the portal, and gets the printable notice instead of 'skickad'", async ({ page }) => {
  const personalNumber = makePersonalNumber(birthDate(17, "03-14"), 412);
  const formatted = `${personalNumber.slice(0, 8)}-${personalNumber.slice(8)}`;
  await signIn(page, "skola@demo.example");
  await page.goto("/anmalningar/ny");
  // All 290 municipalities, grouped by län.
  const select = page.getByLabel("Elevens hemkommun (folkbokföringskommun)");
  await expect(select.locator("option:not([value=''])")).toHaveCount(290);
  await expect(select.locator("optgroup")).toHaveCount(21);
  await fillNotice(page, { kind: "Avbrott i studierna", personalNumber: formatted, firstName: "Ella", lastName: "Eksjöberg", municipality: "Eksjö kommun" });
  await page.getByRole("button", { name: "Skicka anmälan" }).click();

  await expect(page).toHaveURL(/\/anmalningar\/\d+\?ny=manuell$/);
  await expect(page.getByRole("alert")).toContainText("Anmälan är inte skickad");
  await expect(page.getByRole("alert")).toContainText("Eksjö kommun har ingen KAA-enhet i Samverkansportalen");
  await expect(page.locator(".status")).toHaveText("Att skicka manuellt");
  await expect(page.getByText("Skickad", { exact: true })).toHaveCount(0);
  await expectAccessible(page);
  const noticeUrl = new URL(page.url()).pathname;

  await page.getByRole("link", { name: "Skriv ut anmälan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anmälan till hemkommunen enligt skollagen 15 kap. 15 §");
  const letter = page.locator("article");
  await expect(letter).toContainText("Till Eksjö kommun (kommunkod 0686)");
  await expect(letter).toContainText("ansvarig för det kommunala aktivitetsansvaret");
  for (const text of ["Ella Eksjöberg", formatted, "Avbrott i studierna", "Ekonomiprogrammet", yesterday(), "Huvudman", "Kontaktperson på skolan"])
    await expect(letter).toContainText(text);
  expect(page.url()).not.toContain(personalNumber.slice(2, 8));
  await expectAccessible(page);

  await page.goto(noticeUrl);
  await page.getByRole("button", { name: "Markera som skickad" }).click();
  await expect(page.getByRole("status")).toContainText("Anmälan är markerad som skickad");
  await expect(page.locator(".status")).toHaveText("Skickad manuellt");
  await expect(page.locator(".facts")).toContainText(/Skickad manuellt.*av Eva Berg/);
  await expectAccessible(page);
  await page.goto("/anmalningar");
  await expect(page.getByRole("row", { name: /Eksjöberg, Ella/ })).toContainText("Skickad manuellt");
});

test("a school is warned of a duplicate, corrects its notice and withdraws it before it is received", async ({ page }) => {
  const personalNumber = makePersonalNumber(birthDate(18, "11-02"), 268);
  const notice = { kind: "Betydande ogiltig frånvaro", personalNumber, firstName: "Dan", lastName: "Dubblettsson", municipality: "Nässjö kommun" };
  await signIn(page, "skola@demo.example");
  await page.goto("/anmalningar/ny");
  await fillNotice(page, notice);
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  await expect(page.getByRole("status")).toContainText("Anmälan är skickad");

  // The same notice again: flagged, and sent only with "Skicka ändå".
  await page.goto("/anmalningar/ny");
  await fillNotice(page, notice);
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Möjlig dubblett" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /^Anmälan skickad/ }).click();

  // The earlier notice: opened, corrected, withdrawn.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anmälan: Betydande ogiltig frånvaro");
  await expect(page.locator(".facts")).toContainText("Inte ännu");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Rätta anmälan" }).click();
  await expectAccessible(page);
  await page.getByLabel("Program", { exact: false }).first().fill("Handels- och administrationsprogrammet");
  await page.getByRole("button", { name: "Spara rättelsen" }).click();
  await expect(page.getByRole("status")).toContainText("Anmälan är rättad");
  await expect(page.locator(".facts")).toContainText("Handels- och administrationsprogrammet");
  await expect(page.getByRole("region", { name: "Ändringar" })).toContainText("Rättad");
  await page.getByRole("button", { name: "Återkalla anmälan" }).click();
  await expect(page.getByRole("status")).toContainText("Anmälan är återkallad");
  await expect(page.locator(".status")).toHaveText("Återkallad");
  await expect(page.getByRole("button", { name: "Återkalla anmälan" })).toHaveCount(0);
  await expectAccessible(page);

  // Withdrawn, it is no longer open: a new notice goes through without a warning.
  await page.goto("/anmalningar/ny");
  await fillNotice(page, notice);
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  await expect(page.getByRole("status")).toContainText("Anmälan är skickad");
  // ... and a duplicate of that one is sent when the school confirms it.
  await page.goto("/anmalningar/ny");
  await fillNotice(page, notice);
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  await page.getByLabel("Skicka ändå, det är en ny händelse").check();
  await page.getByRole("button", { name: "Skicka anmälan" }).click();
  await expect(page.getByRole("status")).toContainText("Anmälan är skickad");
  await expect(page.getByRole("row", { name: /Dubblettsson, Dan/ })).toHaveCount(3);
});
