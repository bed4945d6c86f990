import { defineConfig } from "@playwright/test";

import { E2E_DATABASE, mailCatcherPorts } from "./tests/e2e/paths";

// E2E_PORT lets two checkouts run their browser tests side by side; the mail catcher's ports follow it.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const MAIL = mailCatcherPorts(PORT);

/**
 * Browser tests in the system's Chromium (Debian package; no browser download). The server is the
 * real production build on a fresh database with demo data.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Whole flows with axe on every page, two workers on two cores: give each test room, CI included.
  timeout: 120_000,
  reporter: "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    trace: "off",
  },
  webServer: [
    // The SMTP relay the portal sends to; tests/e2e/mail.ts reads what it caught.
    {
      command: "node scripts/mail-catcher.js",
      url: `http://127.0.0.1:${MAIL.http}/api/messages`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { MAIL_CATCHER_SMTP_PORT: String(MAIL.smtp), MAIL_CATCHER_HTTP_PORT: String(MAIL.http) },
    },
    {
      command: `rm -rf tmp/e2e && node build/setup/setup.js && node --max-old-space-size=256 server.js`,
      url: `http://127.0.0.1:${PORT}/logga-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(PORT),
        HOST: "127.0.0.1",
        DATABASE_PATH: E2E_DATABASE,
        PORTAL_MODE: "test",
        SEED_YOUTHS: "120",
        NODE_ENV: "production",
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(MAIL.smtp),
        SMTP_FROM: "Samverkansportalen <no-reply@samverkan.test>",
        MAIL_DELIVERY_INTERVAL_MS: "500",
        // The demo identity provider runs inside the portal; its own port per checkout, like the mail catcher.
        DEMO_IDP_PORT: String(PORT + 1000),
      },
    },
  ],
});
