import { DEMO_MFA_ACCOUNTS } from "../../db/demo-accounts";
import { expect, test } from "./fixtures";
import { expectAccessible } from "./helpers";
import { appCode, enrolApp, passwordStep, signOut } from "./mfa-helpers";

// Each test its own seeded account (db/demo-accounts.ts DEMO_MFA_ACCOUNTS): enrolling a factor changes how it signs in.
const [APP_ACCOUNT, PASSKEY_ACCOUNT] = DEMO_MFA_ACCOUNTS;

test("a role with youth data sets up the app at its first sign-in, then signs in with the app's code", async ({ page, baseURL }) => {
  await passwordStep(page, baseURL!, APP_ACCOUNT.username);
  await expect(page).toHaveURL(/\/logga-in\/tvastegsverifiering\/aktivera$/);
  await expectAccessible(page);
  // No session yet: a staff page sends back to sign-in.
  const secret = await enrolApp(page);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Jag har sparat koderna – fortsätt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Välkommen|Start/ })).toBeVisible();

  await signOut(page);
  await passwordStep(page, baseURL!, APP_ACCOUNT.username);
  await expect(page).toHaveURL(/\/logga-in\/tvastegsverifiering$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tvåstegsverifiering" })).toBeVisible();
  await expectAccessible(page);
  // The enrolment used this 30-second step's code; a code works once, so the app's next one.
  await page.getByLabel("Kod från autentiseringsappen").fill(appCode(secret, Date.now() + 30_000));
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));

  await page.goto("/konto/tvastegsverifiering");
  await expect(page.getByText("10 av 10 reservkoder kvar.")).toBeVisible();
  await expectAccessible(page);
});

test("a passkey added on the account page signs in as the second factor", async ({ page, baseURL }) => {
  // WebAuthn refuses an IP address as the relying party: this test browses the portal as localhost.
  const origin = baseURL!.replace("127.0.0.1", "localhost");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  await passwordStep(page, origin, PASSKEY_ACCOUNT.username);
  await enrolApp(page);
  await page.getByRole("link", { name: "Jag har sparat koderna – fortsätt" }).click();

  await page.goto(`${origin}/konto/tvastegsverifiering`);
  await page.getByLabel("Namn på nyckeln").fill("Testdatorn");
  await page.getByRole("button", { name: "Lägg till nyckel" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nyckeln ”Testdatorn” är tillagd." })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Testdatorn" })).toContainText("inte använd än");
  await expectAccessible(page);

  await signOut(page);
  await passwordStep(page, origin, PASSKEY_ACCOUNT.username);
  await expect(page).toHaveURL(/\/logga-in\/tvastegsverifiering$/);
  await page.getByRole("button", { name: "Använd nyckel" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));

  await page.goto(`${origin}/konto/tvastegsverifiering`);
  await expect(page.getByRole("listitem").filter({ hasText: "Testdatorn" })).toContainText("senast använd");
});
