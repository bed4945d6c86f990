/**
 * The SMTP client (nodemailer) to the municipality's relay. One message per recipient, so that one
 * bad address stops nobody else and no recipient sees another's address. Only the outbox's delivery
 * run calls it (app/modules/notifications/mail-delivery.server.ts): nothing sends e-mail directly.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { config, type SmtpSettings } from "~/config.server";

export type MailMessage = { to: string; subject: string; text: string };

/**
 * permanent: the relay refused the message for good (a 5xx reply, e.g. no such mailbox): retrying
 * cannot help. Otherwise (4xx, no connection, time-out) the relay may take it later.
 */
export type SendResult = { ok: true } | { ok: false; permanent: boolean; reason: string };

let cached: { key: string; transporter: Transporter } | undefined;

function transporterFor(settings: SmtpSettings): Transporter {
  const key = JSON.stringify(settings);
  if (cached?.key === key) return cached.transporter;
  cached?.transporter.close();
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: settings.requireTls,
    // Without a TLS requirement (the local mail catcher), do not try STARTTLS at all.
    ignoreTLS: !settings.secure && !settings.requireTls,
    auth: settings.auth ?? undefined,
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
    // Addresses and texts stay out of the log.
    logger: false,
    debug: false,
  });
  cached = { key, transporter };
  return transporter;
}

/** Closes the pooled connection (tests that stop their relay; a configuration change). */
export function closeMailTransport() {
  cached?.transporter.close();
  cached = undefined;
}

export function mailConfigured(): boolean {
  return config().smtp !== null;
}

type SmtpError = Error & { responseCode?: number; code?: string };

/** What went wrong, in general terms: the reply code or the kind of failure, never the address. */
function describe(error: SmtpError): string {
  if (error.responseCode) return `SMTP ${error.responseCode}`;
  return error.code ? `anslutning (${error.code})` : "okänt fel";
}

export async function sendMail(message: MailMessage): Promise<SendResult> {
  const settings = config().smtp;
  if (!settings) return { ok: false, permanent: true, reason: "e-post är inte konfigurerad" };
  try {
    const info = await transporterFor(settings).sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text });
    // A relay that refuses the only recipient answers 5xx to RCPT TO; nodemailer reports it here.
    if ((info.rejected ?? []).length > 0) return { ok: false, permanent: true, reason: "mottagaren avvisades" };
    return { ok: true };
  } catch (error) {
    const e = error as SmtpError;
    // Final only when the relay refused this message or its recipient (the envelope). A 5xx at sign-in,
    // STARTTLS or the connection (535 wrong password, 530, 554 relay denied) says the portal's settings
    // are wrong: every message would fail the same way, so they wait for the settings to be mended.
    const refusedHere = e.code === "EENVELOPE" || e.code === "EMESSAGE";
    const permanent = refusedHere && (e.responseCode === undefined || e.responseCode >= 500);
    return { ok: false, permanent, reason: describe(e) };
  }
}
