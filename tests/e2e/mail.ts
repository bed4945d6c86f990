/**
 * What the portal under test sent: the mail catcher (scripts/mail-catcher.js) started by
 * playwright.config.ts keeps it and serves it as JSON. Two tests run at once against one catcher:
 * match on something your own test made (its recipient, a title you chose), never on "the last".
 */
import { expect, type APIRequestContext } from "@playwright/test";
import { mailCatcherPorts } from "./paths";

export type CaughtMail = { id: number; to: string[]; from: string; subject: string; text: string; date: string };

export const MAIL_CATCHER_URL = `http://127.0.0.1:${mailCatcherPorts(Number(process.env.E2E_PORT ?? 3100)).http}`;

export async function caughtMail(request: APIRequestContext): Promise<CaughtMail[]> {
  const response = await request.get(`${MAIL_CATCHER_URL}/api/messages`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as CaughtMail[];
}

/** Waits (the portal delivers its outbox every half second in the tests) for a matching e-mail. */
export async function waitForMail(request: APIRequestContext, predicate: (m: CaughtMail) => boolean, timeoutMs = 15_000): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await caughtMail(request)).find(predicate);
        return found !== undefined;
      },
      { timeout: timeoutMs, message: "the e-mail reached the mail catcher" },
    )
    .toBe(true);
  return found!;
}
