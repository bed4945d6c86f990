import { expect, test } from "./fixtures";
import { expectAccessible, lookup, signIn } from "./helpers";
import { signInCitizen } from "./citizen";

// Noah (17, seeded by db/seed-citizens.ts): only this test writes his evaluations. Never Elin: the lead's
// test withdraws her consent.
function noah() {
  return lookup<{ id: string; endedId: number }>(
    `SELECT y.id, i.id AS endedId FROM youths y JOIN interventions i ON i.youth_id = y.id AND i.end_date IS NOT NULL
      WHERE y.first_name = 'Noah' AND y.last_name = 'Wikström' LIMIT 1`,
  );
}

async function expectNoSidewaysScroll(page: import("@playwright/test").Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test.use({ viewport: { width: 390, height: 844 } });

test("a youth reads the plan on a phone, says what they think of it, and the caseworker reads it", async ({ page, browser }) => {
  test.slow();
  const youth = noah();
  await signInCitizen(page, "noah");
  await page.goto("/mina-sidor");
  await expect(page).toHaveURL(`/mina-sidor/${youth.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hej Noah!");
  // The citizen's own header: no staff menu.
  await expect(page.getByRole("banner")).toContainText("Mina sidor");
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toHaveCount(0);
  const contact = page.getByRole("region", { name: "Din kontaktperson" });
  await expect(contact).toContainText("Ali Hassan");
  await expect(contact).toContainText("kaa@nassjo.se");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await page.getByRole("link", { name: "Din plan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Din plan");
  await expect(page.getByRole("region", { name: "Ditt mål" })).toContainText("el- och energiprogrammet");
  // The caseworker's working notes stay with the caseworker.
  await expect(page.getByRole("main")).not.toContainText("Inget stöd från andra aktörer");
  await expect(page.getByRole("main")).not.toContainText("Behöver påminnelse");
  const ended = page.getByRole("article", { name: "Studie- och yrkesvägledning" });
  await expect(ended).toContainText("Målet uppnått");
  await expect(page.getByRole("article", { name: "Praktik" })).toContainText("Pågår");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // Sending without choosing an answer: a message in Swedish, nothing stored.
  const aboutPlan = page.getByRole("form", { name: "Hjälper planen dig?" });
  await aboutPlan.getByRole("button", { name: "Skicka" }).click();
  await expect(aboutPlan).toContainText("Välj ett av svaren");
  await expectAccessible(page);

  const aboutIntervention = ended.getByRole("form", { name: "Vad tyckte du om insatsen?" });
  await aboutIntervention.getByLabel("Det hjälper mig").check();
  await aboutIntervention.getByLabel("Vill du berätta mer? (frivilligt)").fill("Jag vet nu vilken utbildning jag vill gå.");
  await aboutIntervention.getByRole("button", { name: "Skicka" }).click();
  await expect(page.getByRole("status")).toContainText("Tack!");
  await expect(page.getByRole("article", { name: "Studie- och yrkesvägledning" })).toContainText("Jag vet nu vilken utbildning jag vill gå.");
  await expectAccessible(page);

  // The caseworker reads it on the intervention's page.
  const caseworker = await (await browser.newContext()).newPage();
  await signIn(caseworker, "handlaggare@demo.example");
  await caseworker.goto(`/ungdomar/${youth.id}/insatser/${youth.endedId}`);
  const own = caseworker.getByRole("region", { name: "Ungdomens egen bedömning" });
  await expect(own).toContainText("Det hjälper mig");
  await expect(own).toContainText("Jag vet nu vilken utbildning jag vill gå.");
  await expectAccessible(caseworker);
});
