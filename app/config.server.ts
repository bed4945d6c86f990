import path from "node:path";
import { z } from "zod";

/**
 * Configuration from the environment, validated once. Everything that differs between a
 * municipality's production, the demo and the tests is here and nowhere else.
 */
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
  // The municipality's e-mail service (agendas of samverkan meetings). Unset in production: no
  // e-mail is sent and the in-app notices are the only ones; unset in demo/test: msw answers.
  EMAIL_SERVICE_URL: z.url().optional(),
  EMAIL_SERVICE_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
});

export type Config = z.infer<typeof envSchema> & {
  databasePath: string;
  secureCookies: boolean;
};

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
  };
  return cached;
}

/** Tests change the environment between files; let them re-read it. */
export function resetConfigForTests() {
  cached = undefined;
}
