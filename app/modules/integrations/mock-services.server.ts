import type { HttpHandler } from "msw";
import { config } from "~/config.server";
// Imported statically so that the server bundle contains them; the files themselves load msw only
// when their handlers are created, so production (no devDependencies) never imports msw.
import { createPopulationRegisterHandlers } from "../../../tests/mocks/population-register";
import { createSs12000Handlers } from "../../../tests/mocks/ss12000/handlers";
import { startDemoIdentityProvider } from "../../../tests/mocks/oidc-provider";
import { demoIdentityAccounts, demoIdentityClients } from "../../../db/demo-identity";
import { setPopulationRegisterTransport } from "./population-register.server";
import { setSs12000Transport } from "./ss12000.server";
import { demoPopulationRoster } from "~/modules/youth/demo-roster.server";

type Transport = (url: string, init: RequestInit) => Promise<Response>;

/** A transport that asks msw's handlers instead of the network, honouring the caller's time-out. */
async function mswTransport(handlers: HttpHandler[]): Promise<Transport> {
  const { getResponse } = await import("msw");
  return async (url, init) => {
    const request = new Request(url, init);
    const aborted = new Promise<never>((_, reject) => {
      init.signal?.addEventListener("abort", () => reject(init.signal?.reason ?? new Error("aborted")), { once: true });
    });
    const response = await Promise.race([getResponse(handlers, request), aborted]);
    if (!response) throw new TypeError("Ingen tjänst svarade på adressen");
    return response;
  };
}

/**
 * In demo and test mode, each external service without a configured URL (the population register)
 * is answered by its msw handlers in tests/mocks. E-mail is not mocked: it goes over SMTP to the
 * mail catcher (scripts/mail-catcher.js). They are called through msw's
 * getResponse rather than setupServer: setupServer patches the process's fetch and Headers, which
 * broke Remix's redirects in the same process.
 */
export async function startDemoMockServices(): Promise<void> {
  const { PORTAL_MODE, POPULATION_REGISTER_URL } = config();
  if (PORTAL_MODE !== "demo" && PORTAL_MODE !== "test") return;
  await startDemoIdentityProviderOnce();
  // The fake register's extract knows the youths the portal registered (the demo's overlap).
  if (!POPULATION_REGISTER_URL)
    setPopulationRegisterTransport(await mswTransport(await createPopulationRegisterHandlers(undefined, { roster: demoPopulationRoster })));
  // School systems are configured per connection: addresses under .demo.invalid (the seeded demo
  // connection) are answered by the fake SS 12000 system, any other address by the network. In test
  // mode the fake checks each body against the standard's schemas; the demo skips that for speed.
  const schoolSystem = await mswTransport((await createSs12000Handlers({ validate: PORTAL_MODE === "test", regularStudents: 24 })).handlers);
  setSs12000Transport((url, init) => (new URL(url).hostname.endsWith(".demo.invalid") ? schoolSystem(url, init) : fetch(url, init)));
}

let demoIdentityProvider: Promise<unknown> | undefined;

/**
 * The demo's OpenID Connect provider (staff sign-in and e-legitimation), a real one, in this process on
 * config().demoIdentityProvider. It lets the portal back on each address the portal may be browsed at.
 * A provider that cannot start (the port is taken) leaves the portal running: password sign-in still works.
 */
function startDemoIdentityProviderOnce() {
  const { demoIdentityProvider: demo, PORT, PUBLIC_ORIGIN, DEMO_IDP_ISSUER } = config();
  if (!demo) return;
  const origins = [`http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`, ...(PUBLIC_ORIGIN ? [PUBLIC_ORIGIN.replace(/\/+$/, "")] : [])];
  demoIdentityProvider ??= startDemoIdentityProvider({
    port: demo.port,
    // Reached from other machines only when an issuer address is configured for it.
    host: DEMO_IDP_ISSUER ? "0.0.0.0" : "127.0.0.1",
    issuer: demo.issuer,
    clients: demoIdentityClients(origins),
    accounts: demoIdentityAccounts(),
  }).catch((error: unknown) => {
    console.error(`Demons inloggningstjänst startar inte på port ${demo.port}: ${error instanceof Error ? error.message : error}`);
  });
  return demoIdentityProvider;
}
