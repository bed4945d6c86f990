import { z } from "zod";
import { config } from "~/config.server";

/**
 * The municipality's e-mail service: one message per recipient, so that one bad address does not
 * stop the others and no recipient sees another's address. Used for the agendas of samverkan
 * meetings, which carry the meeting's title, time, place and a link, never youth data.
 *
 * Wire format (tests/mocks/email-service.ts provides the service in tests and in the demo):
 *   POST {base}/v1/messages   Accept: application/json   Content-Type: application/json
 *   { "to": "namn@kommun.se", "subject": "…", "text": "…" }
 *   202 { "id": "…" }  accepted for delivery
 *   4xx { "fel": "…" } the message was refused (e.g. the address does not exist)
 *   anything else      the service failed
 */

/** Used in demo and test mode when EMAIL_SERVICE_URL is unset; msw answers there. */
export const DEMO_EMAIL_SERVICE_URL = "http://epost.demo.invalid";
export const EMAIL_MESSAGES_PATH = "/v1/messages";

export type EmailMessage = { to: string; subject: string; text: string };

export type EmailResult = { ok: true; id: string } | { ok: false; reason: "not_configured" | "rejected" | "unavailable"; message: string };

export const EMAIL_MESSAGES = {
  notConfigured: "E-post är inte konfigurerad i portalen.",
  rejected: "E-posttjänsten tog inte emot meddelandet (kontrollera adressen).",
  unavailable: "E-posttjänsten svarar inte just nu.",
  timeout: "E-posttjänsten svarade inte i tid.",
} as const;

type Transport = (url: string, init: RequestInit) => Promise<Response>;
let transport: Transport = (url, init) => fetch(url, init);

/** Replaces the HTTP transport (demo and test mode: msw answers without a network). */
export function setEmailTransport(next: Transport) {
  transport = next;
}

export function emailServiceBaseUrl(): string | null {
  const { EMAIL_SERVICE_URL, PORTAL_MODE } = config();
  if (EMAIL_SERVICE_URL) return EMAIL_SERVICE_URL.replace(/\/+$/, "");
  return PORTAL_MODE === "demo" || PORTAL_MODE === "test" ? DEMO_EMAIL_SERVICE_URL : null;
}

const acceptedSchema = z.object({ id: z.string().min(1).max(200) });

/** Logs why a message was not sent. Never the address or the text: only what went wrong. */
function logFailure(detail: string) {
  console.warn(`E-post kunde inte skickas: ${detail}`);
}

function discardBody(response: Response) {
  response.body?.cancel().catch(() => {});
}

export async function sendEmail(message: EmailMessage): Promise<EmailResult> {
  const base = emailServiceBaseUrl();
  if (!base) return { ok: false, reason: "not_configured", message: EMAIL_MESSAGES.notConfigured };
  const signal = AbortSignal.timeout(config().EMAIL_SERVICE_TIMEOUT_MS);
  try {
    const response = await transport(`${base}${EMAIL_MESSAGES_PATH}`, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({ to: message.to, subject: message.subject, text: message.text }),
      redirect: "error",
      signal,
    });
    if (response.status >= 400 && response.status < 500) {
      discardBody(response);
      logFailure(`HTTP ${response.status}`);
      return { ok: false, reason: "rejected", message: EMAIL_MESSAGES.rejected };
    }
    if (response.status !== 200 && response.status !== 202) {
      discardBody(response);
      logFailure(`HTTP ${response.status}`);
      return { ok: false, reason: "unavailable", message: EMAIL_MESSAGES.unavailable };
    }
    const parsed = acceptedSchema.safeParse(await response.json());
    if (!parsed.success) {
      logFailure("oväntat svar");
      return { ok: false, reason: "unavailable", message: EMAIL_MESSAGES.unavailable };
    }
    return { ok: true, id: parsed.data.id };
  } catch (error) {
    if (signal.aborted || (error instanceof Error && error.name === "TimeoutError")) {
      logFailure(`inget svar inom ${config().EMAIL_SERVICE_TIMEOUT_MS} ms`);
      return { ok: false, reason: "unavailable", message: EMAIL_MESSAGES.timeout };
    }
    logFailure(error instanceof Error ? error.name : "okänt fel");
    return { ok: false, reason: "unavailable", message: EMAIL_MESSAGES.unavailable };
  }
}
