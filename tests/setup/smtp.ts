/**
 * A real SMTP server for the integration tests (smtp-server on 127.0.0.1, a free port, no TLS).
 * Messages are parsed with mailparser. It plays the relay's ways to fail: a recipient in
 * @studs.example is refused for good (550), one in @trasig.example for now (451).
 *
 *   const smtp = await startTestSmtp();      // then useTestSmtp(smtp.port) points the portal at it
 *   await deliverDueMail();
 *   const mail = await smtp.waitFor((m) => m.to.includes("a@kommun.se"));
 *   await smtp.stop();
 */
import type { AddressObject } from "mailparser";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { resetConfigForTests } from "~/config.server";
import { closeMailTransport } from "~/modules/integrations/smtp.server";

export const TEST_SMTP_USER = "portal";
export const TEST_SMTP_PASSWORD = "relay-secret";
export const REFUSED_DOMAIN = "studs.example";
export const DEFERRED_DOMAIN = "trasig.example";

export type CaughtMail = { to: string[]; from: string; subject: string; text: string };

export type TestSmtp = {
  port: number;
  messages: CaughtMail[];
  /** Resolves with the first message (already caught or still to come) that matches. */
  waitFor: (predicate: (m: CaughtMail) => boolean, timeoutMs?: number) => Promise<CaughtMail>;
  stop: () => Promise<void>;
};

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => v.address ?? "").filter(Boolean));

/** Starts the server; `port` may be given to start it again where it was (the relay coming back). */
export async function startTestSmtp(options: { port?: number } = {}): Promise<TestSmtp> {
  const messages: CaughtMail[] = [];
  const waiting: { predicate: (m: CaughtMail) => boolean; resolve: (m: CaughtMail) => void }[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === TEST_SMTP_USER && auth.password === TEST_SMTP_PASSWORD) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      const domain = address.address.split("@")[1]?.toLowerCase();
      if (domain === REFUSED_DOMAIN) return callback(Object.assign(new Error("No such user"), { responseCode: 550 }));
      if (domain === DEFERRED_DOMAIN) return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: CaughtMail = { to: addresses(parsed.to), from: addresses(parsed.from)[0] ?? "", subject: parsed.subject ?? "", text: parsed.text ?? "" };
          messages.push(mail);
          for (const w of [...waiting]) {
            if (w.predicate(mail)) {
              waiting.splice(waiting.indexOf(w), 1);
              w.resolve(mail);
            }
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  return {
    port,
    messages,
    waitFor(predicate, timeoutMs = 5000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const entry = { predicate, resolve };
        waiting.push(entry);
        setTimeout(() => {
          const index = waiting.indexOf(entry);
          if (index >= 0) {
            waiting.splice(index, 1);
            reject(new Error(`No matching mail within ${timeoutMs} ms (caught ${messages.length})`));
          }
        }, timeoutMs).unref();
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        closeMailTransport();
        server.close(() => resolve());
      }),
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
