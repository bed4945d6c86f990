import { test as base, expect } from "@playwright/test";

/** Every browser test fails if the page throws: a render error would otherwise hide behind the error page. */
export const test = base.extend<{ failOnPageError: void }>({
  failOnPageError: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await use();
      expect(errors, "errors thrown in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
