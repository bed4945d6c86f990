import { afterAll, beforeAll, expect, it } from "vitest";
import { beginOidc, finishOidc } from "~/modules/auth/oidc-flow.server";
import { oidcConfiguration } from "~/modules/integrations/oidc.server";
import { createMunicipality } from "../factories/world";
import { cookiePair, startTestIdentityProvider, TEST_ORIGIN, walkProvider, type TestIdentityProvider } from "../setup/oidc";

let idp: TestIdentityProvider;
beforeAll(async () => {
  idp = await startTestIdentityProvider();
});
afterAll(() => idp.close());

it("discovers the local provider and completes a code flow with PKCE, state and nonce", async () => {
  const provider = idp.staffProvider(createMunicipality().id);
  expect((await oidcConfiguration(provider)).serverMetadata().issuer).toBe(idp.issuer);
  const start = await beginOidc(new Request(`${TEST_ORIGIN}/logga-in/sso/${provider.id}`), provider, "staff_sign_in", { returnTo: "/start" });
  expect(new URL(start.location).searchParams.get("code_challenge_method")).toBe("S256");
  const callback = await walkProvider(start.location, "demo-handlaggare");
  const result = await finishOidc(new Request(callback, { headers: { Cookie: cookiePair(start.cookie) } }), "staff_sign_in", "127.0.0.1");
  expect(result.ok && result.claims).toMatchObject({ sub: "demo-handlaggare", email: "handlaggare@demo.example", email_verified: true, name: "Ali Hassan" });
  expect(result.ok && typeof result.claims.auth_time).toBe("number");
});
