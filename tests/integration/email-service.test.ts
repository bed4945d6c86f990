// The e-mail client against the fake service in msw (real HTTP interception): accepted, refused,
// failing, too slow, and not configured; and what travels in the request.
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetConfigForTests } from "~/config.server";
import { DEMO_EMAIL_SERVICE_URL, EMAIL_MESSAGES, EMAIL_MESSAGES_PATH, emailServiceBaseUrl, sendEmail } from "~/modules/integrations/email.server";
import { createEmailServiceHandlers } from "../mocks/email-service";

const server = setupServer(...(await createEmailServiceHandlers()));
const seen: { url: string; body: Promise<unknown> }[] = [];
server.events.on("request:start", ({ request }) => {
  seen.push({ url: request.url, body: request.clone().json() });
});
const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

async function withEnv<T>(env: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetConfigForTests();
  };
  apply(env);
  try {
    return await fn();
  } finally {
    apply(saved);
  }
}

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  seen.length = 0;
  warn.mockClear();
});
afterAll(() => {
  server.close();
  warn.mockRestore();
});

const message = (to: string) => ({ to, subject: "Dagordning: Arbetsgruppen", text: "Hej!\nDagordningen finns i portalen." });

describe("the e-mail client", () => {
  it("posts one JSON message to {base}/v1/messages and returns the service's id", async () => {
    const result = await sendEmail(message("karin@kommun.example"));
    expect(result).toMatchObject({ ok: true, id: expect.stringMatching(/^demo-/) });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe(`${DEMO_EMAIL_SERVICE_URL}${EMAIL_MESSAGES_PATH}`);
    expect(await seen[0]!.body).toEqual(message("karin@kommun.example"));
  });

  it("reports a refused address in Swedish, without logging the address", async () => {
    expect(await sendEmail(message("ingen@studs.example"))).toEqual({ ok: false, reason: "rejected", message: EMAIL_MESSAGES.rejected });
    expect(warn.mock.calls.flat().join(" ")).not.toContain("studs.example");
  });

  it("reports a failing service", async () => {
    expect(await sendEmail(message("x@trasig.example"))).toEqual({ ok: false, reason: "unavailable", message: EMAIL_MESSAGES.unavailable });
  });

  it("gives up after the configured time", async () => {
    const started = Date.now();
    const result = await withEnv({ EMAIL_SERVICE_TIMEOUT_MS: "200" }, () => sendEmail(message("x@langsam.example")));
    expect(result).toEqual({ ok: false, reason: "unavailable", message: EMAIL_MESSAGES.timeout });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("sends to the configured service, and not at all in production without one", async () => {
    const { http, HttpResponse } = await import("msw");
    server.use(http.post("https://epost.kommun.example/api/v1/messages", () => HttpResponse.json({ id: "k-1" }, { status: 202 })));
    await withEnv({ EMAIL_SERVICE_URL: "https://epost.kommun.example/api/" }, async () => {
      expect(emailServiceBaseUrl()).toBe("https://epost.kommun.example/api");
      expect(await sendEmail(message("karin@kommun.example"))).toEqual({ ok: true, id: "k-1" });
    });
    server.resetHandlers();
    await withEnv({ PORTAL_MODE: "production", EMAIL_SERVICE_URL: undefined }, async () => {
      expect(await sendEmail(message("karin@kommun.example"))).toEqual({ ok: false, reason: "not_configured", message: EMAIL_MESSAGES.notConfigured });
    });
    expect(seen.filter((s) => s.url.includes("kommun.example/api")).length).toBe(1);
  });
});
