// The caseworker prepares a consent for the youth to accept; the youth (noah, 17) reads it on a phone-sized
// screen and says yes; the caseworker sees the answer and the consent it recorded.
import { signInCitizen, youthIdOf } from "./citizen";
import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./helpers";

test("a caseworker asks noah for consent, noah accepts on Mina sidor, the caseworker sees the answer", async ({ page, browser }) => {
  const youthId = youthIdOf("noah");
  // Unique per run: other tests and earlier runs share the demo database.
  const purpose = `Stöd med boende ${Date.now()}`;

  await signIn(page, "handlaggare@demo.example");
  await page.goto(`/ungdomar/${youthId}/samtycken/forfragan`);
  await page.getByLabel("Bedömning av ungdomens ålder och mognad").fill("Noah förstår vad frågan gäller och vill själv bestämma.");
  await page.getByRole("group", { name: "Mottagare som får ta del av uppgifterna" }).getByRole("checkbox").first().check();
  await page.getByRole("checkbox", { name: "Plan och insatser" }).check();
  await page.getByLabel("Syfte").fill(purpose);
  await expectAccessible(page);
  await page.getByRole("button", { name: /^Skicka frågan till/ }).click();
  await expect(page).toHaveURL(new RegExp(`/ungdomar/${youthId}/samtycken`));
  await expect(page.getByRole("listitem").filter({ hasText: purpose })).toContainText("Väntar på ungdomens svar");

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const youth = await phone.newPage();
  await signInCitizen(youth, "noah");
  await youth.goto(`/mina-sidor/${youthId}/samtycken`);
  const question = youth.getByRole("region").filter({ hasText: purpose });
  await expect(question.getByRole("heading", { name: "Din handläggare frågar om ditt samtycke" })).toBeVisible();
  await expectAccessible(youth);
  await question.getByRole("link", { name: "Läs frågan och svara" }).click();
  await expect(youth.getByText(purpose)).toBeVisible();
  await expectAccessible(youth);
  await youth.getByRole("button", { name: "Ja, jag samtycker" }).click();
  await expect(youth.getByRole("heading", { level: 1, name: /^Samtycke till/ })).toBeVisible();
  await expect(youth.getByText(/^Gäller nu/)).toBeVisible();
  await expectAccessible(youth);
  expect(await youth.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.close();

  await page.reload();
  const answer = page.getByRole("listitem").filter({ hasText: purpose });
  await expect(answer).toContainText("Ungdomen samtyckte");
  await expect(answer.getByRole("link", { name: /^Samtycke \d+$/ })).toBeVisible();
});
