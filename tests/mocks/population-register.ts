/**
 * A fake folkbokföring service (msw) for the tests and the demo. It answers at the demo URL with
 * deterministic people derived from the personnummer, and its serial number (digits 9–11 of
 * the twelve) selects the other paths:
 *   999 → 404 (not in the register)     998 → answers after 10 s (time-out)
 *   997 → 500 (service error)           996 → skyddad identitet (address still sent)
 *   anything else → found, living in Nässjö (kommunkod 0682)
 * Custody (vardnadshavare, barnUnderVardnad) comes from a table: the demo's families by default
 * (demo-families.ts), or the test's own.
 *
 * This file is bundled into the server build (app/modules/integrations/mock-services.server.ts
 * imports it), so msw is only ever imported dynamically: a production install without
 * devDependencies never loads it.
 */
import type { HttpHandler } from "msw";
import type { SetupServer } from "msw/node";
import { DEMO_POPULATION_REGISTER_URL, POPULATION_REGISTER_PATH } from "../../app/modules/integrations/population-register.server";

import { POPULATION_EXTRACT_PATH } from "../../app/modules/integrations/population-extract.server";
import { createPopulationExtractHandler, type ExtractOptions } from "./population-extract";
import { demoFamilies } from "./demo-families";
import { fakeRegisteredPerson, SERIAL_ERROR, SERIAL_NOT_FOUND, SERIAL_TIMEOUT, type FakeFamilies } from "./fake-people";

export {
  fakeRegisteredPerson,
  SERIAL_ERROR,
  SERIAL_NOT_FOUND,
  SERIAL_PROTECTED,
  SERIAL_TIMEOUT,
  type FakeFamilies,
  type PopulationRegisterResponse,
} from "./fake-people";
/** Longer than any sensible client time-out. */
export const TIMEOUT_DELAY_MS = 10_000;

/**
 * The msw handlers of the fake service: the single look-up (custody from `families`) and the bulk
 * extract (population-extract.ts, shaped by `extract`). msw is loaded here, not at the top of the file.
 */
export async function createPopulationRegisterHandlers(
  baseUrl: string = DEMO_POPULATION_REGISTER_URL,
  extract: ExtractOptions = {},
  families: FakeFamilies = demoFamilies(),
): Promise<HttpHandler[]> {
  const { http, HttpResponse, delay } = await import("msw");
  return [
    createPopulationExtractHandler({ http, HttpResponse }, `${baseUrl.replace(/\/+$/, "")}${POPULATION_EXTRACT_PATH}`, extract),
    http.post(`${baseUrl.replace(/\/+$/, "")}${POPULATION_REGISTER_PATH}`, async ({ request }) => {
      const body: unknown = await request.json().catch(() => null);
      const personnummer = typeof body === "object" && body !== null ? (body as { personnummer?: unknown }).personnummer : undefined;
      if (typeof personnummer !== "string" || !/^\d{12}$/.test(personnummer)) {
        return HttpResponse.json({ fel: "Ogiltig begäran: personnummer med tolv siffror krävs." }, { status: 400 });
      }
      switch (personnummer.slice(8, 11)) {
        case SERIAL_NOT_FOUND:
          return HttpResponse.json({ fel: "Personen finns inte i folkbokföringen." }, { status: 404 });
        case SERIAL_ERROR:
          return HttpResponse.json({ fel: "Internt fel." }, { status: 500 });
        case SERIAL_TIMEOUT:
          await delay(TIMEOUT_DELAY_MS);
          break;
      }
      return HttpResponse.json(fakeRegisteredPerson(personnummer, families));
    }),
  ];
}

// On globalThis so that a re-evaluated module (a rebuilt dev bundle) does not start a second one.
const SERVER_KEY = Symbol.for("samverkansportalen.mockServices");
type WithServer = typeof globalThis & { [SERVER_KEY]?: Promise<SetupServer> };

/** Starts the fake services in this process, once; later calls return the same server. */
export function startMockServices(): Promise<SetupServer> {
  const holder = globalThis as WithServer;
  const existing = holder[SERVER_KEY];
  if (existing) return existing;
  const started = (async () => {
    const [{ setupServer }, handlers] = await Promise.all([import("msw/node"), createPopulationRegisterHandlers()]);
    const server = setupServer(...handlers);
    server.listen({ onUnhandledRequest: "bypass" });
    return server;
  })().catch((error: unknown) => {
    delete holder[SERVER_KEY]; // let a later call try again
    throw error;
  });
  holder[SERVER_KEY] = started;
  return started;
}
