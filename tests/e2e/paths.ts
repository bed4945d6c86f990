export const E2E_DATABASE = "tmp/e2e/portal.db";

/** The mail catcher's ports for a portal on `port` (playwright.config.ts starts it; tests/e2e/mail.ts reads it). */
export function mailCatcherPorts(port: number) {
  return { smtp: port + 20000, http: port + 21000 };
}
