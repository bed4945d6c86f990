/**
 * A real SMTP server for the integration tests: the mail catcher of the demo (scripts/mail-catcher.js,
 * smtp-server + mailparser) on 127.0.0.1, a free port, no TLS, no web page, signing in required.
 * Like a relay it refuses @studs.example for good (550) and @trasig.example for now (451).
 *
 *   const smtp = await startTestSmtp();      // then useTestSmtp(smtp.port) points the portal at it
 *   await deliverDueMail();
 *   const mail = await smtp.waitFor((m) => m.to.includes("a@kommun.se"));
 *   await smtp.stop();
 */
import { resetConfigForTests } from "~/config.server";
import { closeMailTransport } from "~/modules/integrations/smtp.server";
import { DEFERRED_DOMAIN, REFUSED_DOMAIN, startMailCatcher, type CaughtMail } from "../../scripts/mail-catcher.js";

export { DEFERRED_DOMAIN, REFUSED_DOMAIN, type CaughtMail };
export const TEST_SMTP_USER = "portal";
export const TEST_SMTP_PASSWORD = "relay-secret";

export type TestSmtp = {
  port: number;
  messages: CaughtMail[];
  /** Resolves with the first message (already caught or still to come) that matches. */
  waitFor: (predicate: (m: CaughtMail) => boolean, timeoutMs?: number) => Promise<CaughtMail>;
  stop: () => Promise<void>;
};

/** Starts the server; `port` may be given to start it again where it was (the relay coming back). */
export async function startTestSmtp(options: { port?: number } = {}): Promise<TestSmtp> {
  const waiting = new Set<{ predicate: (m: CaughtMail) => boolean; resolve: (m: CaughtMail) => void }>();
  const catcher = await startMailCatcher({
    smtpPort: options.port ?? 0,
    httpPort: null,
    credentials: { user: TEST_SMTP_USER, pass: TEST_SMTP_PASSWORD },
    onMessage(mail) {
      for (const w of waiting) {
        if (!w.predicate(mail)) continue;
        waiting.delete(w);
        w.resolve(mail);
      }
    },
  });
  return {
    port: catcher.smtpPort,
    messages: catcher.messages,
    waitFor(predicate, timeoutMs = 5000) {
      const found = catcher.messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const entry = { predicate, resolve };
        waiting.add(entry);
        setTimeout(() => {
          if (waiting.delete(entry)) reject(new Error(`No matching mail within ${timeoutMs} ms (caught ${catcher.messages.length})`));
        }, timeoutMs).unref();
      });
    },
    stop: () => {
      closeMailTransport();
      return catcher.stop();
    },
  };
}

/** Points the portal's SMTP settings at a test server (with the test credentials). */
export function useTestSmtp(port: number, extra: Record<string, string> = {}) {
  Object.assign(process.env, {
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(port),
    SMTP_USER: TEST_SMTP_USER,
    SMTP_PASSWORD: TEST_SMTP_PASSWORD,
    SMTP_FROM: "Samverkansportalen <no-reply@portal.test>",
    SMTP_REQUIRE_TLS: "false",
    SMTP_TIMEOUT_MS: "2000",
    PUBLIC_ORIGIN: "https://portal.example",
    ...extra,
  });
  resetConfigForTests();
  closeMailTransport();
}
