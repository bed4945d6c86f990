import type { Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_MULTI_ROLE } from "../../db/demo-accounts";
import { expect, test } from "./fixtures";
import { expectAccessible, seededMeetingId, signIn, WORKING_GROUP, nassjoYouthId } from "./helpers";

/**
 * The portal on a phone (issue 16): at 390 × 844 no page of any role scrolls sideways, the menu
 * folds behind a "Meny" button that works without JavaScript, and tables reflow into rows.
 */
const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

// Files, not pages; and signing out ends the session the walk needs.
const NOT_A_PAGE = /\.(csv|xlsx|ics|txt)$|^\/logga-ut/;
// Reading /meddelanden marks the notices read, and another browser test waits for an unread one of
// its own accounts: the walk leaves it to the one account no other test uses (below).
const LEFT_OUT = /^\/meddelanden$/;
// A recipient opening a referral or a report of concern marks it received (and tells the sender), which
// other browser tests check: the recipient roles leave those pages to the senders' walks.
const RECEIVING = /^\/(remisser|orosanmalningar)\/\d+$/;
const RECIPIENT_ROLES: readonly string[] = ["social_worker", "employment_officer"];
// Each kind of page once: an id in the path, or another value of the same query, is the same page.
const OPAQUE_SEGMENT = /^(\d+|[A-Za-z0-9_-]{16,})$/;
const MAX_DEPTH = 3;
const MAX_PAGES = 150;

function pageKind(url: URL): string {
  const path = url.pathname
    .split("/")
    .map((segment) => (OPAQUE_SEGMENT.test(segment) ? ":id" : segment))
    .join("/");
  return `${path}?${[...url.searchParams.keys()].sort().join("&")}`;
}

type Finding = { url: string; problem: string };

/** What is wrong with the page as it is now: a sideways scroll (naming what sticks out), or table cells without their header. */
async function phoneProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width) {
      const wide = [...document.querySelectorAll<HTMLElement>("main *, header *, nav *")]
        .filter((element) => element.getBoundingClientRect().right > width + 1)
        .filter((element) => !element.parentElement || element.parentElement.getBoundingClientRect().right <= width + 1)
        .slice(0, 3)
        .map(
          (element) =>
            `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).replace(/ /g, ".")}` : ""} "${(element.textContent ?? "").trim().slice(0, 40)}"`,
        );
      problems.push(`scrolls sideways: ${document.documentElement.scrollWidth} > ${width} (${wide.join("; ")})`);
    }
    const unlabelled = document.querySelectorAll("table.stacked:has(> thead) > tbody > tr > td:not([data-label])").length;
    if (unlabelled > 0) problems.push(`${unlabelled} table cells without their column header`);
    return problems;
  });
}

/**
 * Walks what a role can reach: the main menu, then the links on each page (in the main content),
 * each kind of page once, up to three steps from the menu.
 */
async function walk(page: Page, startPaths: string[], leftOut: RegExp[]): Promise<{ visited: string[]; findings: Finding[] }> {
  const origin = new URL(page.url()).origin;
  const seen = new Set<string>();
  const queue = startPaths.map((path) => ({ url: new URL(path, origin), depth: 0 }));
  const visited: string[] = [];
  const findings: Finding[] = [];
  while (queue.length > 0 && visited.length < MAX_PAGES) {
    const { url, depth } = queue.shift()!;
    const kind = pageKind(url);
    if (seen.has(kind)) continue;
    seen.add(kind);
    await page.goto(url.pathname + url.search);
    const where = `${url.pathname}${url.search}`;
    visited.push(where);
    for (const problem of await phoneProblems(page)) findings.push({ url: where, problem });
    if (depth >= MAX_DEPTH) continue;
    const links = await page.locator("main a[href]").evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    for (const href of links) {
      const next = new URL(href);
      next.hash = "";
      if (next.origin !== origin || NOT_A_PAGE.test(next.pathname) || leftOut.some((r) => r.test(next.pathname))) continue;
      if (!seen.has(pageKind(next))) queue.push({ url: next, depth: depth + 1 });
    }
  }
  return { visited, findings };
}

async function menuPaths(page: Page): Promise<string[]> {
  return page
    .getByRole("navigation", { name: "Huvudmeny" })
    .locator("a[href]")
    .evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

for (const account of DEMO_ACCOUNTS) {
  test(`${account.username}: no page scrolls sideways at 390 px`, async ({ page }) => {
    test.setTimeout(600_000);
    await signIn(page, account.username);
    const leftOut = RECIPIENT_ROLES.includes(account.role) ? [LEFT_OUT, RECEIVING] : [LEFT_OUT];
    const { visited, findings } = await walk(page, ["/start", ...(await menuPaths(page)), "/konto/losenord"], leftOut);
    expect(visited.length).toBeGreaterThan(2);
    expect(findings, `pages visited: ${visited.join(", ")}`).toEqual([]);
  });
}

test("the notices page and the role choice fit a phone", async ({ page }) => {
  await signIn(page, DEMO_MULTI_ROLE.username);
  for (const path of ["/valj-roll", "/meddelanden"]) {
    await page.goto(path);
    expect(await phoneProblems(page), path).toEqual([]);
  }
});

test("without JavaScript the menu button opens the menu and its links navigate", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "samordnare@demo.example");
  const nav = page.getByRole("navigation", { name: "Huvudmeny" });
  const registerLink = nav.getByRole("link", { name: "Ungdomsregistret" });
  // Folded: only the button shows, so the page starts with its own content.
  await expect(registerLink).toBeHidden();
  await nav.getByText("Meny", { exact: true }).click();
  await expect(nav.getByRole("heading", { name: "Ungdomar" })).toBeVisible();
  await registerLink.click();
  await expect(page).toHaveURL(/\/ungdomar$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // A new page starts with the menu folded again.
  await expect(nav.getByRole("link", { name: "Ungdomsregistret" })).toBeHidden();
  await context.close();
});

test("with JavaScript the menu folds again after a link in it is followed", async ({ page }) => {
  await signIn(page, "handlaggare@demo.example");
  const nav = page.getByRole("navigation", { name: "Huvudmeny" });
  await nav.getByText("Meny", { exact: true }).click();
  await expectAccessible(page);
  await nav.getByRole("link", { name: "Samverkan" }).click();
  await expect(page).toHaveURL(/\/samverkan$/);
  await expect(nav.getByRole("link", { name: "Samverkan" })).toBeHidden();
});

test("tables reflow into one block per row, each cell under its header, and pass axe", async ({ page }) => {
  await signIn(page, "samordnare@demo.example");
  await page.goto(`/samverkan/moten/${seededMeetingId(WORKING_GROUP, "planned")}`);
  const agenda = page.locator("table.agenda").first();
  const firstRow = agenda.locator("tbody tr").first();
  const cells = firstRow.locator("td");
  // Stacked: the cells of a row sit one under the other, not side by side.
  const first = await cells.nth(0).boundingBox();
  const second = await cells.nth(1).boundingBox();
  expect(second!.y).toBeGreaterThan(first!.y);
  await expect(cells.nth(2)).toHaveAttribute("data-label", "Föredragande");
  await expectAccessible(page);
  await page.goto(`/ungdomar/${nassjoYouthId()}`);
  await expectAccessible(page);
  await page.goto("/samverkan");
  await expectAccessible(page);
});
