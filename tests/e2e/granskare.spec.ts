import { expect, test } from "./fixtures";
import { expectAccessible, lookup, NOT_DEMO_CITIZEN, reviewSampleId, signIn } from "./helpers";

/** A Nässjö youth in no demo stickprov: the granskare must not reach it however it asks. */
function youthOutsideEverySample(): string {
  return lookup<{ id: string }>(
    `SELECT y.id FROM youths y JOIN municipalities m ON m.id = y.home_municipality_id
     WHERE m.code = '0682' AND ${NOT_DEMO_CITIZEN} AND NOT EXISTS (SELECT 1 FROM internal_control_sample_cases c WHERE c.youth_id = y.id)
     ORDER BY y.id LIMIT 1`,
  ).id;
}

test("the samordnare gives the granskare a stickprov; the granskare reads its cases and nothing else", async ({ browser, page }) => {
  const sampleId = reviewSampleId("ungranted");
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signIn(coordinator, "samordnare@demo.example");
  await coordinator.goto(`/uppfoljning/stickprov/${sampleId}/granskare`);
  await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText(`Granskare för stickprov ${sampleId}`);
  await expectAccessible(coordinator);

  // A grant that runs too long is refused with a Swedish message next to the field.
  const until = coordinator.getByLabel("Gäller till och med");
  await coordinator.getByRole("combobox", { name: /^Granskare/ }).selectOption({ label: "Ingrid Sjöberg (granskare@demo.example)" });
  await until.fill("2099-12-31");
  await coordinator.getByRole("button", { name: "Ge behörighet" }).click();
  await expect(coordinator.getByText(/högst 90 dagar/).first()).toBeVisible();
  await expectAccessible(coordinator);

  const lastDay = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await until.fill(lastDay);
  await coordinator.getByRole("button", { name: "Ge behörighet" }).click();
  await expect(coordinator.getByRole("status")).toContainText("Ingrid Sjöberg kan granska stickprovet");
  await expect(coordinator.getByRole("row", { name: new RegExp(`Ingrid Sjöberg .* – ${lastDay} Gäller`) })).toBeVisible();
  await coordinatorContext.close();

  await signIn(page, "granskare@demo.example");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Granskning" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Granskning");
  // The earlier round that ran out is listed without a link.
  await expect(page.getByRole("cell", { name: "Har gått ut" }).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: `Granskning ${sampleId}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Granskning ${sampleId}`);
  const rows = page.getByRole("row").filter({ has: page.getByRole("link", { name: /^Ärende \d+$/ }) });
  expect(await rows.count()).toBeGreaterThan(0);
  const name = (await rows.first().getByRole("cell").nth(1).textContent())!;
  await expect(rows.first().getByRole("cell").nth(2)).toHaveText(/^\d{8}-\d{4}$/);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Ärende 1", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^Ärende 1 av \\d+: ${name}$`));
  for (const heading of ["Identitet", "Inskrivning", "Kontaktförsök", "Kartläggning", "Plan och insatser"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  // Read only: nothing on the page writes.
  await expect(page.locator("main form")).toHaveCount(0);
  await expectAccessible(page);

  // A youth outside the stickprov, a case number it does not have: the same 404 as for nothing at all.
  const outside = youthOutsideEverySample();
  for (const path of [`/ungdomar/${outside}`, `/delat/${outside}`, `${new URL(page.url()).pathname.replace(/\/1$/, "")}/999`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  expect((await page.goto("/ungdomar"))?.status()).toBe(403);
});
