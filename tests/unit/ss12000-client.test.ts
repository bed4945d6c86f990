// The SS 12000 client's paging loop and failure messages, over a scripted transport.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { clearSs12000TokenCache, createSs12000Client, setSs12000Transport, Ss12000Error } from "~/modules/integrations/ss12000.server";
import { personsPage } from "~/modules/integrations/ss12000-mapping";
import { SS12000_MESSAGES } from "~/modules/integrations/ss12000-messages";

const settings = {
  baseUrl: "https://skolsystem.test/v2.0/",
  tokenUrl: "https://skolsystem.test/token",
  clientId: "portal",
  clientSecret: "h3ml1s",
  scope: "ss12000",
};
const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
const calls: { url: string; init: RequestInit }[] = [];

/** Answers the token endpoint, then the scripted API responses in order. */
function script(...answers: (() => Response)[]) {
  calls.length = 0;
  setSs12000Transport(async (url, init) => {
    calls.push({ url, init });
    if (url === settings.tokenUrl) return Response.json({ access_token: "t", token_type: "bearer", expires_in: 60 });
    const next = answers.shift();
    if (!next) throw new Error("no more answers");
    return next();
  });
}

async function drain(client = createSs12000Client(settings, { pageSize: 2 })) {
  const pages = [];
  for await (const page of client.pages("/persons", { "relationship.entity.type": "enrolment" }, personsPage)) pages.push(page.length);
  return pages;
}

beforeEach(() => clearSs12000TokenCache());
afterAll(() => {
  setSs12000Transport((url, init) => fetch(url, init));
  warn.mockRestore();
});

describe("the SS 12000 client", () => {
  it("asks for a token with client credentials and follows pageToken with the token and limit only", async () => {
    const person = { id: "p1" };
    script(
      () => Response.json({ data: [person, person], pageToken: "n1" }),
      () => Response.json({ data: [person], pageToken: null }),
    );
    expect(await drain()).toEqual([2, 1]);
    const [token, first, second] = calls;
    expect(token!.init.method).toBe("POST");
    expect(String(token!.init.body)).toBe("grant_type=client_credentials&scope=ss12000");
    expect((token!.init.headers as Record<string, string>).Authorization).toBe(`Basic ${Buffer.from("portal:h3ml1s").toString("base64")}`);
    expect(first!.url).toBe("https://skolsystem.test/v2.0/persons?relationship.entity.type=enrolment&limit=2");
    expect(second!.url).toBe("https://skolsystem.test/v2.0/persons?pageToken=n1&limit=2");
    expect((second!.init.headers as Record<string, string>).Authorization).toBe("Bearer t");
  });

  it("stops a server that repeats its pageToken", async () => {
    script(
      () => Response.json({ data: [], pageToken: "same" }),
      () => Response.json({ data: [], pageToken: "same" }),
    );
    await expect(drain()).rejects.toThrow(SS12000_MESSAGES.pagingLoop);
  });

  it("names the fields of a body that does not follow the standard, never their values", async () => {
    script(() => Response.json({ data: [{ id: "p1", civicNo: { value: 200901011234 } }] }));
    const error = await drain().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Ss12000Error);
    expect((error as Error).message).toBe(SS12000_MESSAGES.schemaMismatch("persons", ["data.[].civicNo.value"]));
    expect(JSON.stringify(warn.mock.calls)).not.toContain("200901011234");
  });

  it("reports a body that is not JSON, and a server that does not answer", async () => {
    script(() => new Response("<html>", { status: 200, headers: { "Content-Type": "text/html" } }));
    await expect(drain()).rejects.toThrow(SS12000_MESSAGES.invalidJson);
    setSs12000Transport((url, init) =>
      url === settings.tokenUrl
        ? Promise.resolve(Response.json({ access_token: "t", token_type: "Bearer" }))
        : new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(init.signal?.reason))),
    );
    await expect(drain(createSs12000Client(settings, { timeoutMs: 50 }))).rejects.toThrow(SS12000_MESSAGES.timeout);
  });

  it("refuses a token that is not a bearer token", async () => {
    setSs12000Transport(async () => Response.json({ access_token: "t", token_type: "mac" }));
    await expect(drain()).rejects.toThrow(SS12000_MESSAGES.tokenInvalid);
  });
});
