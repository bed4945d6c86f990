/**
 * A fake e-mail service (msw) for the tests and the demo. It accepts every message, except for
 * addresses in these domains, which play the ways a delivery can fail:
 *   @studs.example    → 422 (the service refuses the address)
 *   @trasig.example   → 500 (the service fails)
 *   @langsam.example  → answers after 10 s (time-out)
 *
 * Bundled into the server build like tests/mocks/population-register.ts: msw is only imported
 * dynamically, so a production install without devDependencies never loads it.
 */
import type { HttpHandler } from "msw";
import { DEMO_EMAIL_SERVICE_URL, EMAIL_MESSAGES_PATH } from "../../app/modules/integrations/email.server";

export const REFUSED_DOMAIN = "studs.example";
export const FAILING_DOMAIN = "trasig.example";
export const SLOW_DOMAIN = "langsam.example";
export const SLOW_DELAY_MS = 10_000;

let sequence = 0;

export async function createEmailServiceHandlers(baseUrl: string = DEMO_EMAIL_SERVICE_URL): Promise<HttpHandler[]> {
  const { http, HttpResponse, delay } = await import("msw");
  return [
    http.post(`${baseUrl.replace(/\/+$/, "")}${EMAIL_MESSAGES_PATH}`, async ({ request }) => {
      const body: unknown = await request.json().catch(() => null);
      const message = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
      const to = message.to;
      if (typeof to !== "string" || !/^[^@\s]+@[^@\s]+$/.test(to) || typeof message.subject !== "string" || typeof message.text !== "string") {
        return HttpResponse.json({ fel: "Ogiltig begäran: to, subject och text krävs." }, { status: 400 });
      }
      const domain = to.split("@")[1]!.toLowerCase();
      if (domain === REFUSED_DOMAIN) return HttpResponse.json({ fel: "Mottagaren finns inte." }, { status: 422 });
      if (domain === FAILING_DOMAIN) return HttpResponse.json({ fel: "Internt fel." }, { status: 500 });
      if (domain === SLOW_DOMAIN) await delay(SLOW_DELAY_MS);
      return HttpResponse.json({ id: `demo-${Date.now()}-${++sequence}` }, { status: 202 });
    }),
  ];
}
