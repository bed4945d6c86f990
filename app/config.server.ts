import path from "node:path";
import { z } from "zod";

/**
 * Configuration from the environment, validated once. Everything that differs between a
 * municipality's production, the demo and the tests is here and nowhere else.
 */
const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  // production: real use (Secure cookies, HSTS, no demo accounts); demo: the local demo;
  // test: automated tests.
  PORTAL_MODE: z.enum(["production", "demo", "test"]).default("production"),
  DATABASE_PATH: z.string().min(1).default("data/portal.db"),
  // The portal's public origin, e.g. https://samverkan.kommun.se. When unset, the origin is
  // taken from the request (fine on localhost; set it behind a TLS-terminating proxy).
  PUBLIC_ORIGIN: z.url().optional(),
  // Number of reverse proxies in front of the portal whose X-Forwarded-For we trust for the
  // client address (login throttling per address). 0 = use no forwarded header.
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  POPULATION_REGISTER_URL: z.url().optional(),
  // How long to wait for the population register (folkbokföringen) before giving up.
  POPULATION_REGISTER_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  // The municipality's SMTP relay. Unset in production: no e-mail is sent and the in-app notices
  // are the only ones. Unset in demo/test: the mail catcher (scripts/mail-catcher.js) on
  // 127.0.0.1:2525 stands in.
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  // true: TLS from the first byte (usually port 465). false: plain connection upgraded by STARTTLS.
  SMTP_SECURE: booleanFlag.default(false),
  // Refuse to send unless the relay upgrades the connection with STARTTLS (default in production).
  SMTP_REQUIRE_TLS: booleanFlag.optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  // The sender address, e.g. "Samverkansportalen <no-reply@kommun.se>"; required with SMTP_HOST.
  SMTP_FROM: z.string().min(3).optional(),
  // How long to wait for the relay: to connect, to greet, and for each answer.
  SMTP_TIMEOUT_MS: z.coerce.number().int().positive().default(15000),
  // How often the outbox is checked for e-mail that is due.
  MAIL_DELIVERY_INTERVAL_MS: z.coerce.number().int().positive().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // 32 random bytes, base64 (`openssl rand -base64 32`). Encrypts TOTP seeds and identity providers' client
  // secrets, and keys the citizen accounts. Required in production; demo and test use a fixed key.
  AUTH_SECRETS_KEY: z.string().optional(),
  // The demo's OpenID Connect provider (tests/mocks/oidc-provider.ts), started inside the portal in demo and
  // test mode: staff single sign-on and e-legitimation for the demo youths. Default: PORT + 1000.
  DEMO_IDP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  // The address browsers and the portal reach it at, if not http://127.0.0.1:DEMO_IDP_PORT.
  DEMO_IDP_ISSUER: z.url().optional(),
});

/** The mail catcher the demo and the browser tests start (scripts/mail-catcher.js). */
export const MAIL_CATCHER = { host: "127.0.0.1", smtpPort: 2525, httpPort: 1080, from: "Samverkansportalen <no-reply@samverkan.demo.invalid>" } as const;

export type SmtpSettings = {
  host: string;
  port: number;
  secure: boolean;
  requireTls: boolean;
  auth: { user: string; pass: string } | null;
  from: string;
  timeoutMs: number;
};

type Env = z.infer<typeof envSchema>;

/** The relay to send through, or null: no e-mail at all (production without SMTP settings). */
function smtpSettings(env: Env): SmtpSettings | null {
  const auth = env.SMTP_USER && env.SMTP_PASSWORD ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : null;
  if (env.SMTP_HOST) {
    if (!env.SMTP_FROM) throw new Error("Ogiltig konfiguration: SMTP_FROM (avsändaradress) krävs när SMTP_HOST är satt.");
    if (env.PORTAL_MODE === "production" && !env.PUBLIC_ORIGIN)
      throw new Error("Ogiltig konfiguration: PUBLIC_ORIGIN krävs när SMTP_HOST är satt, för länkarna i e-posten.");
    if (Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASSWORD)) throw new Error("Ogiltig konfiguration: SMTP_USER och SMTP_PASSWORD anges tillsammans.");
    return {
      host: env.SMTP_HOST,
      port: env.SMTP_PORT ?? (env.SMTP_SECURE ? 465 : 587),
      secure: env.SMTP_SECURE,
      requireTls: env.SMTP_REQUIRE_TLS ?? (!env.SMTP_SECURE && env.PORTAL_MODE === "production"),
      auth,
      from: env.SMTP_FROM,
      timeoutMs: env.SMTP_TIMEOUT_MS,
    };
  }
  if (env.PORTAL_MODE === "production") return null;
  return {
    host: MAIL_CATCHER.host,
    port: env.SMTP_PORT ?? MAIL_CATCHER.smtpPort,
    secure: false,
    requireTls: false,
    auth,
    from: env.SMTP_FROM ?? MAIL_CATCHER.from,
    timeoutMs: env.SMTP_TIMEOUT_MS,
  };
}

export type Config = Env & {
  databasePath: string;
  secureCookies: boolean;
  smtp: SmtpSettings | null;
  /** Where links in e-mail point: PUBLIC_ORIGIN, or in demo/test this machine's portal. */
  mailOrigin: string;
  mailDeliveryIntervalMs: number;
  authSecretsKey: Buffer;
  /** The demo identity provider, in demo and test mode; null in production. */
  demoIdentityProvider: { port: number; issuer: string } | null;
};

/** Demo and tests: a fixed key, so a re-seeded demo database and a restarted server agree. Never in production. */
const DEMO_AUTH_SECRETS_KEY = Buffer.alloc(32, "samverkansportalen-demo-nyckel");

function authSecretsKey(env: Env): Buffer {
  if (!env.AUTH_SECRETS_KEY) {
    if (env.PORTAL_MODE === "production")
      throw new Error("Ogiltig konfiguration: AUTH_SECRETS_KEY krävs (32 slumpade byte i base64, t.ex. `openssl rand -base64 32`).");
    return DEMO_AUTH_SECRETS_KEY;
  }
  const key = Buffer.from(env.AUTH_SECRETS_KEY, "base64");
  if (key.length !== 32) throw new Error("Ogiltig konfiguration: AUTH_SECRETS_KEY ska vara 32 byte i base64.");
  return key;
}

function demoIdentityProvider(env: Env): Config["demoIdentityProvider"] {
  if (env.PORTAL_MODE === "production") return null;
  const port = env.DEMO_IDP_PORT ?? env.PORT + 1000;
  return { port, issuer: env.DEMO_IDP_ISSUER?.replace(/\/+$/, "") ?? `http://127.0.0.1:${port}` };
}

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    // Fail at start rather than run half-configured.
    throw new Error(`Ogiltig konfiguration: ${z.prettifyError(parsed.error)}`);
  }
  const env = parsed.data;
  cached = {
    ...env,
    databasePath: path.resolve(process.cwd(), env.DATABASE_PATH),
    secureCookies: env.PORTAL_MODE === "production",
    smtp: smtpSettings(env),
    mailOrigin: env.PUBLIC_ORIGIN?.replace(/\/+$/, "") ?? `http://localhost:${env.PORT}`,
    // The demo and the browser tests want to see mail within seconds; production checks twice a minute.
    mailDeliveryIntervalMs: env.MAIL_DELIVERY_INTERVAL_MS ?? (env.PORTAL_MODE === "production" ? 30_000 : 1_000),
    authSecretsKey: authSecretsKey(env),
    demoIdentityProvider: demoIdentityProvider(env),
  };
  return cached;
}

/** Tests change the environment between files; let them re-read it. */
export function resetConfigForTests() {
  cached = undefined;
}
