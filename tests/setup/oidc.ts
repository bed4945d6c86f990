/**
 * The real OpenID Connect provider for integration tests (tests/mocks/oidc-provider.ts) on a free port, the
 * portal's provider rows pointing at it, and the walk through the provider over fetch with a cookie jar.
 */
import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { identityProviders, userIdentities } from "#db/schema";
import { DEMO_IDENTITY_PROVIDERS, demoIdentityAccounts, demoIdentityClients } from "#db/demo-identity";
import { encryptSecret } from "~/modules/auth/secrets.server";
import { clientSecretAad } from "~/modules/integrations/oidc.server";
import { startDemoIdentityProvider, type DemoIdentityAccount, type DemoIdentityProvider } from "../mocks/oidc-provider";
import { walkProvider as walk } from "../mocks/oidc-walk";

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

/** The walk (tests/mocks/oidc-walk.ts) over fetch with a cookie jar, as a browser. */
export function walkProvider(authorizationUrl: string, account: string, jar = new CookieJar()): Promise<URL> {
  return walk(authorizationUrl, account, async (url, form) => {
    const response = await fetch(url, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: { Cookie: jar.header(), ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    jar.take(response);
    return { status: response.status, location: response.headers.get("Location"), text: () => response.text() };
  });
}

/** The cookie value to send back (name=value) from a Set-Cookie header. */
export function cookiePair(setCookie: string) {
  return setCookie.split(";")[0]!;
}
