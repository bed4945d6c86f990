// The demo's and the browser tests' mail catcher: an SMTP server (smtp-server) that keeps what the
// portal sends, parsed with mailparser, and shows it over HTTP. It never delivers anything onward.
//
//   SMTP  127.0.0.1:2525 (MAIL_CATCHER_SMTP_PORT), no TLS, any or no credentials
//   HTTP  http://127.0.0.1:1080/ (MAIL_CATCHER_HTTP_PORT): the caught mail, newest first
//         GET /api/messages → [{ id, to, from, subject, text, date }]; DELETE /api/messages clears
//
// Like a relay it refuses some recipients, so that failures can be shown: @studs.example for good
// (550), @trasig.example for now (451). Run alone (`node scripts/mail-catcher.js`) or started by
// server.js in demo mode. Plain JavaScript: it runs without a build.
import http from "node:http";
import url from "node:url";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export const REFUSED_DOMAIN = "studs.example";
export const DEFERRED_DOMAIN = "trasig.example";
const KEEP = 500;

/** @typedef {{ id: number, to: string[], from: string, subject: string, text: string, date: string }} CaughtMail */

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const addresses = (value) => (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => v.address).filter(Boolean));

function page(messages) {
  const items = messages
    .slice()
    .reverse()
    .map(
      (m) => `<article>
  <h2>${escape(m.subject || "(utan ämne)")}</h2>
  <p class="meta">Till ${escape(m.to.join(", "))} · från ${escape(m.from)} · ${escape(new Date(m.date).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" }))}</p>
  <pre>${escape(m.text)}</pre>
</article>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fångad e-post – Samverkansportalen (demo)</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem;color:#1b1b1b}
article{border-top:1px solid #888;padding:.5rem 0}.meta{color:#444}pre{white-space:pre-wrap;font:inherit;background:#f3f3f3;padding:.75rem}
button{font:inherit;padding:.4rem .8rem}</style></head>
<body><main>
<h1>Fångad e-post</h1>
<p>E-post som demoportalen har skickat. Inget skickas vidare till riktiga mottagare. ${messages.length} meddelanden.</p>
<form method="post" action="/clear"><button type="submit">Töm listan</button></form>
${items || "<p>Ingen e-post ännu.</p>"}
</main></body></html>`;
}

/**
 * Starts the SMTP server and (unless httpPort is null) the web page; resolves with their ports, the
 * caught messages and a stop function. Port 0 picks a free port. With `credentials`, only that user
 * may sign in (the integration tests check that the portal signs in); without, anyone or no one.
 * `onMessage` hears each message as it is caught.
 * @param {{ smtpPort?: number, httpPort?: number | null, host?: string, log?: (m: string) => void,
 *   credentials?: { user: string, pass: string }, onMessage?: (m: CaughtMail) => void }} [options]
 */
export async function startMailCatcher({ smtpPort = 2525, httpPort = 1080, host = "127.0.0.1", log = console.log, credentials, onMessage } = {}) {
  /** @type {CaughtMail[]} */
  const messages = [];
  let sequence = 0;
  const smtp = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (!credentials || (auth.username === credentials.user && auth.password === credentials.pass)) return callback(null, { user: auth.username });
      callback(new Error("Fel användarnamn eller lösenord"));
    },
    onRcptTo(address, _session, callback) {
      const domain = address.address.split("@")[1]?.toLowerCase();
      if (domain === REFUSED_DOMAIN) return callback(Object.assign(new Error("Mottagaren finns inte"), { responseCode: 550 }));
      if (domain === DEFERRED_DOMAIN) return callback(Object.assign(new Error("Försök igen senare"), { responseCode: 451 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail = {
            id: ++sequence,
            to: addresses(parsed.to),
            from: addresses(parsed.from)[0] ?? "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            date: new Date().toISOString(),
          };
          messages.push(mail);
          if (messages.length > KEEP) messages.shift();
          onMessage?.(mail);
          callback();
        })
        .catch(callback);
    },
  });
  const web = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/api/messages" && req.method === "GET") {
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
      return res.end(JSON.stringify(messages));
    }
    if ((path === "/api/messages" && req.method === "DELETE") || (path === "/clear" && req.method === "POST")) {
      messages.length = 0;
      if (path === "/clear") {
        res.writeHead(303, { Location: "/" });
        return res.end();
      }
      res.writeHead(204);
      return res.end();
    }
    if (path === "/" && req.method === "GET") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      return res.end(page(messages));
    }
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Finns inte");
  });
  const listen = (server, port) =>
    new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve(server.address().port));
    });
  const ports = { smtpPort: await listen(smtp.server, smtpPort), httpPort: httpPort === null ? null : await listen(web, httpPort) };
  if (ports.httpPort !== null) log(`E-post fångas: SMTP ${host}:${ports.smtpPort}, läs den på http://localhost:${ports.httpPort}/`);
  return {
    ...ports,
    messages,
    /** @returns {Promise<void>} */
    stop: () =>
      Promise.all([
        new Promise((r) => smtp.close(() => r(undefined))),
        ports.httpPort === null ? undefined : new Promise((r) => web.close(() => r(undefined))),
      ]).then(() => undefined),
  };
}

// Run as a program: ports from the environment; stops on SIGTERM/SIGINT.
if (process.argv[1] && url.pathToFileURL(process.argv[1]).href === import.meta.url) {
  const catcher = await startMailCatcher({
    smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 2525),
    httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080),
  });
  for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => catcher.stop().then(() => process.exit(0)));
}
