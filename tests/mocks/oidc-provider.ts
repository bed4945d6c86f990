/**
 * A real OpenID Connect provider (oidc-provider) for the demo and the tests: the municipality's staff sign-in
 * and the e-legitimation broker in one issuer, one client per purpose. Authorization code with PKCE
 * (required), ID tokens with auth_time, RP-initiated logout. Its sign-in page lists the demo people as
 * buttons, plus a free field (an unknown subject, any personnummer); nobody is asked for consent.
 * Loaded only by dynamic import: production installs no devDependencies.
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { KoaContextWithOIDC } from "oidc-provider";
import { renderInteraction, renderLogout, renderLogoutDone } from "./oidc-provider-pages";

export const PERSONAL_IDENTITY_NUMBER_CLAIM = "https://id.oidc.se/claim/personalIdentityNumber";
export const NATURAL_PERSON_NUMBER_SCOPE = "https://id.oidc.se/scope/naturalPersonNumber";

export type DemoIdentityAccount =
  | { kind: "staff"; sub: string; name: string; email: string; emailVerified?: boolean }
  | { kind: "citizen"; sub: string; givenName: string; familyName: string; personalNumber: string; note?: string };

export type DemoIdentityClient = {
  clientId: string;
  clientSecret: string;
  kind: "staff" | "citizen";
  /** Shown on the sign-in page, e.g. "Nässjö kommuns inloggning (demo)". */
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
};

export type DemoIdentityProviderOptions = {
  port: number;
  host?: string;
  /** The address browsers and the portal reach it at; default http://host:port. */
  issuer?: string;
  clients: DemoIdentityClient[];
  accounts: DemoIdentityAccount[];
  codeTtlSeconds?: number;
};

export type DemoIdentityProvider = { issuer: string; port: number; close: () => Promise<void> };

/** Someone typed in the free field: twelve digits are a personnummer, anything else a staff subject. */
function freeAccount(id: string): DemoIdentityAccount {
  if (/^\d{12}$/.test(id))
    return {
      kind: "citizen",
      sub: `pnr-${crypto.createHash("sha256").update(id).digest("hex").slice(0, 16)}`,
      givenName: "Okänd",
      familyName: "Person",
      personalNumber: id,
    };
  return { kind: "staff", sub: id, name: id, email: "", emailVerified: false };
}

function claimsOf(account: DemoIdentityAccount): Record<string, unknown> {
  if (account.kind === "staff") {
    return account.email
      ? { sub: account.sub, name: account.name, email: account.email, email_verified: account.emailVerified ?? true }
      : { sub: account.sub, name: account.name };
  }
  return {
    sub: account.sub,
    name: `${account.givenName} ${account.familyName}`,
    given_name: account.givenName,
    family_name: account.familyName,
    [PERSONAL_IDENTITY_NUMBER_CLAIM]: account.personalNumber,
  };
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error("För stor begäran");
  }
  return new URLSearchParams(body);
}

export async function startDemoIdentityProvider(options: DemoIdentityProviderOptions): Promise<DemoIdentityProvider> {
  const { default: Provider } = await import("oidc-provider");
  const host = options.host ?? "127.0.0.1";
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = (options.issuer ?? `http://${host}:${port}`).replace(/\/+$/, "");
  const bySub = new Map(options.accounts.map((a) => [a.sub, a]));
  const accountOf = (id: string) => bySub.get(id) ?? freeAccount(id);
  const clientKind = new Map(options.clients.map((c) => [c.clientId, c]));
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });

  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      client_name: c.name,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      require_auth_time: true,
    })),
    async findAccount(_ctx, id) {
      const account = accountOf(id);
      return { accountId: id, claims: async () => ({ ...claimsOf(account), sub: id }) } as never;
    },
    claims: {
      openid: ["sub"],
      profile: ["name", "given_name", "family_name"],
      email: ["email", "email_verified"],
      [NATURAL_PERSON_NUMBER_SCOPE]: [PERSONAL_IDENTITY_NUMBER_CLAIM],
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = "html";
          ctx.body = renderLogout(form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = "html";
          ctx.body = renderLogoutDone();
        },
      },
    },
    pkce: { required: () => true },
    ttl: {
      AuthorizationCode: options.codeTtlSeconds ?? 60,
      AccessToken: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    cookies: {
      keys: [crypto.randomBytes(32).toString("base64url")],
      names: { session: "demo_idp_session", interaction: "demo_idp_interaction", resume: "demo_idp_resume" },
    },
    jwks: { keys: [{ ...(privateKey.export({ format: "jwk" }) as Record<string, string>), kid: "demo-idp", use: "sig", alg: "RS256" }] as never },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // First-party clients: the grant is made here, without a consent screen, with the scopes asked for.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const oidc = ctx.oidc;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(oidc.client!.clientId);
      const grant =
        (grantId ? await oidc.provider.Grant.find(grantId) : undefined) ??
        new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId! });
      grant.addOIDCScope([...oidc.requestParamScopes].join(" "));
      await grant.save();
      return grant;
    },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Fel vid inloggningen</title></head><body><main><h1>Något gick fel vid inloggningen</h1><p>${String(out.error).replace(/[<>&"]/g, "")}</p></main></body></html>`;
    },
  });

  provider.use(async (ctx, next) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(ctx.path);
    if (!match) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (ctx.method === "GET" && !match[2]) {
      const client = clientKind.get(String(details.params["client_id"]));
      ctx.type = "html";
      ctx.set("Cache-Control", "no-store");
      ctx.body = renderInteraction({ uid: details.uid, client, accounts: options.accounts.filter((a) => a.kind === (client?.kind ?? "staff")) });
      return;
    }
    if (ctx.method === "POST" && match[2]) {
      const form = await readForm(ctx.req);
      const accountId = (form.get("account") || form.get("free") || "").trim();
      if (!accountId || accountId.length > 100) {
        ctx.redirect(`/interaction/${details.uid}`);
        return;
      }
      const target = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId } }, { mergeWithLastSubmission: false });
      ctx.status = 303;
      ctx.redirect(target);
      return;
    }
    return next();
  });

  server.on("request", provider.callback());
  return {
    issuer,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
