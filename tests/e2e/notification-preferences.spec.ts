import { expect, test } from "./fixtures";
import { expectAccessible, signIn } from "./helpers";

// Arbetsförmedlingen's account: no other browser test changes its choices.
// The form is a plain post (no client code), so it works without JavaScript; axe needs JavaScript to run.
test("a user chooses per kind of notice: in the portal and by e-mail", async ({ page }) => {
  await signIn(page, "arbetsformedlingen@demo.example");
  await page.goto("/meddelanden");
  await page.getByRole("link", { name: "Välj vilka meddelanden du får i portalen och med e-post" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inställningar för meddelanden");
  await expectAccessible(page);

  // Defaults: in the portal for everything, e-mail for what asks for action.
  const proposed = page.getByRole("group", { name: "Ny punkt föreslagen till dagordningen" });
  const moved = page.getByRole("group", { name: "Möte flyttat" });
  await expect(proposed.getByRole("checkbox", { name: "I portalen" })).toBeChecked();
  await expect(proposed.getByRole("checkbox", { name: "Med e-post" })).not.toBeChecked();
  await expect(moved.getByRole("checkbox", { name: "Med e-post" })).toBeChecked();
  // A failed e-mail is told in the portal only.
  await expect(page.getByRole("group", { name: "E-post kunde inte levereras" }).getByRole("checkbox", { name: "Med e-post" })).toHaveCount(0);
  // Kinds of other roles are not offered.
  await expect(page.getByRole("group", { name: "Remiss accepterad" })).toHaveCount(0);

  await proposed.getByRole("checkbox", { name: "Med e-post" }).check();
  await moved.getByRole("checkbox", { name: "I portalen" }).uncheck();
  await page.getByRole("button", { name: "Spara valen" }).click();
  await expect(page.getByRole("status")).toHaveText("Dina val är sparade.");
  await expectAccessible(page);

  await page.goto("/installningar/meddelanden");
  await expect(proposed.getByRole("checkbox", { name: "Med e-post" })).toBeChecked();
  await expect(moved.getByRole("checkbox", { name: "I portalen" })).not.toBeChecked();
  await expect(moved.getByRole("checkbox", { name: "Med e-post" })).toBeChecked();
});
