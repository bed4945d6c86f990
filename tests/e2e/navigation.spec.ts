import { expect, test } from "./fixtures";
import { DEMO_ACCOUNTS, DEMO_MULTI_ROLE } from "../../db/demo-accounts";
import { expectAccessible, signIn } from "./helpers";

const EXPECTED_NAVIGATION: Record<string, string[]> = {
  "samordnare@demo.example": [
    "Start",
    "Att göra",
    "Inkorg",
    "Ungdomsregistret",
    "Registrera ungdom",
    "Dokumentation",
    "Målgruppen",
    "Skollistor",
    "Remisser",
    "Samverkan",
    "Uppföljning",
    "Loggkontroll",
    "Kontaktrutin",
    "Insatskatalog",
    "Kontaktuppgifter",
  ],
  "handlaggare@demo.example": [
    "Start",
    "Att göra",
    "Inkorg",
    "Ungdomsregistret",
    "Registrera ungdom",
    "Dokumentation",
    "Remisser",
    "Samverkan",
    "Uppföljning",
    "Kontaktrutin",
    "Insatskatalog",
  ],
  "kaa-jonkoping@demo.example": [
    "Start",
    "Att göra",
    "Inkorg",
    "Ungdomsregistret",
    "Registrera ungdom",
    "Dokumentation",
    "Remisser",
    "Samverkan",
    "Uppföljning",
    "Kontaktrutin",
    "Insatskatalog",
  ],
  "skola@demo.example": ["Start", "Anmälningar", "Ny anmälan", "Importera", "Skollistor", "Remisser", "Orosanmälan", "Samverkan"],
  "socialtjanst@demo.example": ["Start", "Remisser", "Orosanmälningar", "Samverkan"],
  "arbetsformedlingen@demo.example": ["Start", "Remisser", "Samverkan"],
  "styrgrupp@demo.example": ["Start", "Uppföljning", "Samverkan"],
  "admin@demo.example": ["Start", "Organisationer", "Användare", "Kommuner", "Skolsystem", "Tvåstegsverifiering", "Inloggning"],
  "granskare@demo.example": ["Start", "Granskning"],
};

test("the sign-in page is accessible and refuses a wrong password without saying which part was wrong", async ({ page }) => {
  await page.goto("/logga-in");
  await expectAccessible(page);
  await page.getByLabel("Användarnamn (e-postadress)").fill("skola@demo.example");
  await page.getByLabel("Lösenord").fill("fel-lösenord-igen");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("alert")).toContainText("Fel användarnamn eller lösenord.");
  await expectAccessible(page);
});

for (const account of DEMO_ACCOUNTS) {
  test(`${account.username} signs in and sees the navigation of the role`, async ({ page }) => {
    await signIn(page, account.username);
    await expect(page).toHaveURL(/\/start$/);
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    await expect(nav.getByRole("link")).toHaveText(EXPECTED_NAVIGATION[account.username]!);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(account.displayName);
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();
    await expectAccessible(page);

    // On a fresh load the skip link is first in tab order, and it moves focus to the main content.
    await page.goto("/start");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Hoppa till huvudinnehållet" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();

    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page).toHaveURL(/\/logga-in(\?utloggad=1.*)?$/);
    await page.goto("/start");
    await expect(page).toHaveURL(/\/logga-in/);
  });
}

test("the samordnare's long menu is grouped under headings, each group a list of its own", async ({ page }) => {
  await signIn(page, "samordnare@demo.example");
  const nav = page.getByRole("navigation", { name: "Huvudmeny" });
  await expect(nav.getByRole("heading", { level: 2 })).toHaveText(["Arbete", "Ungdomar", "Samverkan", "Uppföljning", "Inställningar"]);
  await expect(nav.getByRole("list", { name: "Uppföljning" }).getByRole("link")).toHaveText(["Uppföljning", "Loggkontroll"]);
  // On a wide screen the menu is open as it is; the "Meny" button is for phones.
  await expect(nav.getByText("Meny", { exact: true })).toBeHidden();
  await expectAccessible(page);
});

test("a person with two roles chooses one, and can switch", async ({ page }) => {
  await signIn(page, DEMO_MULTI_ROLE.username);
  await expect(page).toHaveURL(/\/valj-roll/);
  await expectAccessible(page);
  await page.getByLabel(/Ledamot i styrgrupp/).check();
  await page.getByRole("button", { name: "Fortsätt" }).click();
  await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link")).toHaveText(["Start", "Uppföljning", "Samverkan"]);
  await page.getByRole("link", { name: "Byt roll" }).click();
  await page.getByLabel(/KAA-handläggare/).check();
  await page.getByRole("button", { name: "Fortsätt" }).click();
  await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link")).toHaveText([
    "Start",
    "Att göra",
    "Inkorg",
    "Ungdomsregistret",
    "Registrera ungdom",
    "Dokumentation",
    "Remisser",
    "Samverkan",
    "Uppföljning",
    "Kontaktrutin",
    "Insatskatalog",
  ]);
});

test("works on a phone-sized screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, "handlaggare@demo.example");
  await page.goto("/ungdomar");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
