import { expect, test } from "./fixtures";
import { expectAccessible } from "./helpers";

const NASSJO = "Nässjö kommuns inloggning (demo)";

test("a staff member signs in with the municipality's sign-in and out of both again", async ({ page }) => {
  await page.goto("/logga-in");
  await expectAccessible(page);
  await page.getByRole("link", { name: `Logga in med ${NASSJO}` }).click();

  // The demo provider's own page (another origin): pick the demo account.
  await expect(page.getByRole("heading", { name: "Demokommunens inloggning" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: /styrgrupp@demo\.example/ }).click();
  await page.waitForURL((url) => url.pathname === "/start");
  await expect(page.getByText("Per Holm").first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page.getByText("Du är utloggad från Samverkansportalen.")).toBeVisible();
  await expectAccessible(page);
  // Single logout: the provider's session ends too, and the browser comes back.
  await page.getByRole("link", { name: `logga ut från ${NASSJO} också` }).click();
  await expect(page.getByRole("heading", { name: /Vill du logga ut/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ja, logga ut" }).click();
  await page.waitForURL((url) => url.pathname === "/logga-in" && url.searchParams.get("utloggad") === "1");
  await expect(page.getByText("Du är utloggad från Samverkansportalen.")).toBeVisible();

  // Nobody is signed in at the provider any more: it asks who again.
  await page.getByRole("link", { name: `Logga in med ${NASSJO}` }).click();
  await expect(page.getByRole("heading", { name: "Demokommunens inloggning" })).toBeVisible();
});
