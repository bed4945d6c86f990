import type { Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { DEMO_PASSWORD } from "../../db/demo-accounts";
import { expect } from "./fixtures";

/** The code an authenticator app with this key shows at `at` (ms), as the person's phone would compute it. */
export function appCode(secret: string, at = Date.now()): string {
  return new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret.replace(/\s/g, "")) }).generate({ timestamp: at });
}

/** The password step of sign-in, on whatever origin the page is on (the passkey test uses localhost). */
export async function passwordStep(page: Page, origin: string, username: string) {
  await page.goto(`${origin}/logga-in`);
  await page.getByLabel("Användarnamn (e-postadress)").fill(username);
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL((url) => url.pathname !== "/logga-in");
}

/** The forced enrolment of the app: reads the key the page shows, types the app's code, returns the key. */
export async function enrolApp(page: Page): Promise<string> {
  await expect(page.getByRole("heading", { level: 1, name: "Aktivera tvåstegsverifiering" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR-kod att skanna med autentiseringsappen" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Kod från appen").fill(appCode(secret));
  await page.getByRole("button", { name: "Aktivera" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tvåstegsverifieringen är aktiverad" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Reservkoder" }).getByRole("listitem")).toHaveCount(10);
  return secret;
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Logga ut" }).click();
  await page.waitForURL((url) => url.pathname === "/logga-in");
}
