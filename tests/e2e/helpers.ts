import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { DEMO_PASSWORD } from "../../db/demo-accounts";
import { E2E_DATABASE } from "./paths";


/** Signs in through the form, as a person would. */
export async function signIn(page: Page, username: string) {
  await page.goto("/logga-in");
  await page.getByLabel("Användarnamn (e-postadress)").fill(username);
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL((url) => url.pathname !== "/logga-in");
}

/** Signs in an API client (for the authorisation matrix). */
export async function signInRequest(request: APIRequestContext, baseURL: string, username: string) {
  const response = await request.post("/logga-in", {
    form: { username, password: DEMO_PASSWORD },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${username}`).toBe(302);
}

/** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

/** Reads ids from the test database (read-only) – only to know which URLs to visit. */
export function lookup<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(E2E_DATABASE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

export function nassjoYouthId(protectedIdentity = false): string {
  return lookup<{ id: string }>(
    "SELECT y.id FROM youths y JOIN municipalities m ON m.id = y.home_municipality_id WHERE m.code = '0682' AND y.protected_identity = ? ORDER BY y.name_sort LIMIT 1",
    protectedIdentity ? 1 : 0,
  ).id;
}

export function nassjoNoticeId(): number {
  return lookup<{ id: number }>(
    "SELECT n.id FROM notices n JOIN municipalities m ON m.id = n.home_municipality_id WHERE m.code = '0682' ORDER BY n.id LIMIT 1",
  ).id;
}

export function userId(username: string): number {
  return lookup<{ id: number }>("SELECT id FROM users WHERE username = ?", username).id;
}

/** A seeded forum of Nässjö by name. */
export function forumId(name: string): number {
  return lookup<{ id: number }>("SELECT id FROM forums WHERE name = ?", name).id;
}

/** The first seeded meeting of a forum in the given status (the browser tests add their own later). */
export function seededMeetingId(forumName: string, status: "planned" | "minutes_approved"): number {
  return lookup<{ id: number }>(
    "SELECT m.id FROM meetings m JOIN forums f ON f.id = m.forum_id WHERE f.name = ? AND m.status = ? ORDER BY m.id LIMIT 1",
    forumName,
    status,
  ).id;
}

export const STEERING_GROUP = "Styrgruppen för aktivitetsansvaret";
export const COLLABORATION_FORUM = "Samverkansforum för unga 16–20 år";
export const WORKING_GROUP = "Arbetsgruppen KAA Nässjö";
