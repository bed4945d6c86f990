/**
 * A fake folkbokföring service (msw) for the tests and the demo. It answers at the demo URL with
 * deterministic people derived from the personnummer, and its serial number (digits 9–11 of
 * the twelve) selects the other paths:
 *   999 → 404 (not in the register)     998 → answers after 10 s (time-out)
 *   997 → 500 (service error)           996 → skyddad identitet (address still sent)
 *   anything else → found, living in Nässjö (kommunkod 0682)
 *
 * This file is bundled into the server build (app/modules/integrations/mock-services.server.ts
 * imports it), so msw is only ever imported dynamically: a production install without
 * devDependencies never loads it.
 */
import type { HttpHandler } from "msw";
import type { SetupServer } from "msw/node";
import { DEMO_POPULATION_REGISTER_URL, POPULATION_REGISTER_PATH } from "../../app/modules/integrations/population-register.server";

export const SERIAL_NOT_FOUND = "999";
export const SERIAL_TIMEOUT = "998";
export const SERIAL_ERROR = "997";
export const SERIAL_PROTECTED = "996";
/** Longer than any sensible client time-out. */
export const TIMEOUT_DELAY_MS = 10_000;

const FEMALE_NAMES = [
  "Alice",
  "Maja",
  "Elsa",
  "Astrid",
  "Wilma",
  "Freja",
  "Olivia",
  "Ebba",
  "Alma",
  "Selma",
  "Saga",
  "Agnes",
  "Linnea",
  "Klara",
  "Ella",
  "Stella",
];
const MALE_NAMES = [
  "William",
  "Liam",
  "Noah",
  "Hugo",
  "Lucas",
  "Oliver",
  "Elias",
  "Adam",
  "Alexander",
  "Nils",
  "Viktor",
  "Oskar",
  "Axel",
  "Leo",
  "Theo",
  "Isak",
];
const LAST_NAMES = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Pettersson",
  "Jonsson",
  "Lindberg",
  "Lindström",
  "Bergström",
  "Sandberg",
  "Åberg",
  "Öberg",
  "Ekström",
  "Holm",
];
const STREETS = [
  "Storgatan",
  "Brogatan",
  "Rådhusgatan",
  "Järnvägsgatan",
  "Fabriksgatan",
  "Esplanaden",
  "Skogsgatan",
  "Norra Storgatan",
  "Södra Storgatan",
  "Västra Torggatan",
  "Kvarnbäcksvägen",
  "Höglandsvägen",
];
const POSTAL_CODES = ["57131", "57132", "57133", "57134", "57135", "57136", "57137", "57138", "57139", "57140", "57141", "57142"];

/** The wire format of a found person (see population-register.server.ts). */
export type PopulationRegisterResponse = {
  personnummer: string;
  fornamn: string;
  efternamn: string;
  folkbokforingsadress: { utdelningsadress: string | null; postnummer: string | null; postort: string | null } | null;
  folkbokforingskommun: string;
  skyddadIdentitet: boolean;
};

/** FNV-1a, 32 bit: a stable spread of the digits over the lists. */
function hash(value: string, salt: number) {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const pick = <T>(list: readonly T[], value: string, salt: number): T => list[hash(value, salt) % list.length]!;

/** The fake person for a twelve-digit personnummer (no special-serial handling). */
export function fakeRegisteredPerson(personnummer: string): PopulationRegisterResponse {
  // Digit 11 of 12 (the second-to-last): odd for men, even for women.
  const female = Number(personnummer[10]) % 2 === 0;
  return {
    personnummer,
    fornamn: pick(female ? FEMALE_NAMES : MALE_NAMES, personnummer, 1),
    efternamn: pick(LAST_NAMES, personnummer, 2),
    folkbokforingsadress: {
      utdelningsadress: `${pick(STREETS, personnummer, 3)} ${(hash(personnummer, 4) % 60) + 1}`,
      postnummer: pick(POSTAL_CODES, personnummer, 5),
      postort: "Nässjö",
    },
    folkbokforingskommun: "0682",
    skyddadIdentitet: personnummer.slice(8, 11) === SERIAL_PROTECTED,
  };
}

/** The msw handlers of the fake service. msw is loaded here, not at the top of the file. */
export async function createPopulationRegisterHandlers(baseUrl: string = DEMO_POPULATION_REGISTER_URL): Promise<HttpHandler[]> {
  const { http, HttpResponse, delay } = await import("msw");
  return [
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
      return HttpResponse.json(fakeRegisteredPerson(personnummer));
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
