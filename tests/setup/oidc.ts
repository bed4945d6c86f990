/**
 * The real OpenID Connect provider for integration tests (tests/mocks/oidc-provider.ts) on a free port, the
 * portal's provider rows pointing at it, and a walker that plays the browser between them: it follows the
 * provider's redirects with a cookie jar, signs in on its page, and stops at the portal's callback.
 */
import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { identityProviders, userIdentities } from "#db/schema";
import { DEMO_IDENTITY_PROVIDERS, demoIdentityAccounts, demoIdentityClients } from "#db/demo-identity";
import { encryptSecret } from "~/modules/auth/secrets.server";
import { clientSecretAad } from "~/modules/integrations/oidc.server";
import { startDemoIdentityProvider, type DemoIdentityAccount, type DemoIdentityProvider } from "../mocks/oidc-provider";

/** The origin test requests use (tests/factories/requests.ts). */
export const TEST_ORIGIN = "http://localhost";

const [nassjoClient, , citizenClient] = DEMO_IDENTITY_PROVIDERS;

export type TestIdentityProvider = DemoIdentityProvider & {
  /** A staff provider row for a municipality, served by this provider. */
  staffProvider(municipalityId: number, options?: { matchClaim?: "sub" | "email"; enabled?: boolean }): typeof identityProviders.$inferSelect;
  /** The e-legitimation broker's row (one per database). */
  citizenProvider(): typeof identityProviders.$inferSelect;
};

export async function startTestIdentityProvider(options: { codeTtlSeconds?: number; accounts?: DemoIdentityAccount[] } = {}): Promise<TestIdentityProvider> {
  const idp = await startDemoIdentityProvider({
    port: 0,
    clients: demoIdentityClients([TEST_ORIGIN]),
    accounts: [...demoIdentityAccounts(), ...(options.accounts ?? [])],
    codeTtlSeconds: options.codeTtlSeconds ?? 60,
  });
  const insert = (values: Omit<typeof identityProviders.$inferInsert, "clientSecretEnc" | "issuer">, secret: string) => {
    const db = getDb();
    return db.transaction((tx) => {
      const row = tx
        .insert(identityProviders)
        .values({ ...values, issuer: idp.issuer, clientSecretEnc: "-" })
        .returning()
        .get();
      return tx
        .update(identityProviders)
        .set({ clientSecretEnc: encryptSecret(secret, clientSecretAad(row.id)) })
        .where(eq(identityProviders.id, row.id))
        .returning()
        .get();
    });
  };
  return {
    ...idp,
    staffProvider: (municipalityId, o = {}) =>
      insert(
        {
          purpose: "staff",
          municipalityId,
          displayName: "Testkommunens inloggning",
          clientId: nassjoClient.clientId,
          matchClaim: o.matchClaim ?? "sub",
          enabled: o.enabled ?? true,
        },
        nassjoClient.clientSecret,
      ),
    citizenProvider: () =>
      insert({ purpose: "citizen", municipalityId: null, displayName: "E-legitimation (test)", clientId: citizenClient.clientId }, citizenClient.clientSecret),
  };
}

/** Links a portal user to a subject (or e-mail) at a provider, as the admin does. */
export function linkIdentity(userId: number, providerId: number, value: string, claim: "sub" | "email" = "sub") {
  getDb().insert(userIdentities).values({ userId, providerId, claim, value }).run();
}

/** Cookies by name for one origin (the provider's); enough for a walk. */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join("="));
    }
  }
  header() {
    return [...this.cookies].map(([n, v]) => `${n}=${v}`).join("; ");
  }
}

/**
 * Plays the browser at the provider: from the authorization URL through its sign-in page (choosing `account`,
 * a subject or a personnummer) to the portal's callback, which it answers without calling. An existing
 * session at the provider (same jar) skips the page, as in a browser.
 */
export async function walkProvider(authorizationUrl: string, account: string, jar = new CookieJar()): Promise<URL> {
  let url = new URL(authorizationUrl);
  const providerOrigin = url.origin;
  for (let hop = 0; hop < 12; hop++) {
    if (url.origin !== providerOrigin) return url;
    const interaction = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
    const response = interaction
      ? await fetch(`${providerOrigin}/interaction/${interaction[1]}/login`, {
          method: "POST",
          redirect: "manual",
          headers: { Cookie: jar.header(), "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ account }).toString(),
        })
      : await fetch(url, { redirect: "manual", headers: { Cookie: jar.header() } });
    jar.take(response);
    const location = response.headers.get("Location") ?? (await autoSubmit(response, jar));
    if (!location) throw new Error(`The provider answered ${response.status} at ${url.pathname}: ${(await response.text()).slice(0, 1500)}`);
    url = new URL(location, url);
  }
  throw new Error("Too many redirects at the provider");
}

/**
 * Signing in as someone else than the provider's current session: the provider first ends that session with
 * a page that submits itself (JavaScript in a browser). Submits it, and answers where it leads.
 */
async function autoSubmit(response: Response, jar: CookieJar): Promise<string | null> {
  if (response.status !== 200) return null;
  const html = await response.clone().text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) return null;
  const fields = new URLSearchParams(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!] as [string, string]),
  );
  const submitted = await fetch(action, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: jar.header(), "Content-Type": "application/x-www-form-urlencoded" },
    body: fields.toString(),
  });
  jar.take(submitted);
  return submitted.headers.get("Location");
}

/** The cookie value to send back (name=value) from a Set-Cookie header. */
export function cookiePair(setCookie: string) {
  return setCookie.split(";")[0]!;
}
