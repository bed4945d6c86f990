import { z } from "zod";
import { config } from "~/config.server";
import { parsePersonalNumber } from "~/modules/youth/personal-number";

/**
 * Look-up in the population register (folkbokföringen): name, address, home municipality and
 * the protected-identity flag for a personnummer, used when a youth is registered, and the
 * custody relations (vårdnad) in both directions, used when a guardian signs in to Mina sidor.
 * The service is optional for registration: when it is not configured, does not answer in time
 * or answers with an error, the caller gets a Swedish message and the user types the data by
 * hand. Guardian sign-in fails closed on the same answers (auth/citizen-sign-in.server.ts).
 *
 * Wire format (see tests/mocks/population-register.ts, which provides the service in tests and
 * in the demo):
 *   POST {base}/v1/personer/sok   Accept: application/json   Content-Type: application/json
 *   { "personnummer": "YYYYMMDDNNNN" }
 * The personnummer is only ever in the body, never in the URL (which ends up in proxy logs).
 *   200 { "personnummer", "fornamn", "efternamn",
 *         "folkbokforingsadress": { "utdelningsadress", "postnummer", "postort" } | null,
 *         "folkbokforingskommun": "NNNN", "skyddadIdentitet": boolean,
 *         "vardnadshavare"?:  [{ "personnummer", "namn", "telefon"? }]   (the person's guardians),
 *         "barnUnderVardnad"?: [{ "personnummer", "namn" }]             (the children in their custody) }
 *   The two lists have the extract's guardian shape (population-extract.server.ts) plus the number.
 *   They are optional: a service that does not send them has told nothing about custody, which
 *   is not the same as an empty list, and a guardian is then not let in.
 *   404 the number is not in the register; anything else is an error.
 */

/** Used in demo and test mode when POPULATION_REGISTER_URL is unset; msw answers there. */
export const DEMO_POPULATION_REGISTER_URL = "http://folkbokforing.demo.invalid";

export const POPULATION_REGISTER_PATH = "/v1/personer/sok";

export type RegisteredPerson = {
  /** Twelve digits, no separator. */
  personalNumber: string;
  firstName: string;
  lastName: string;
  streetAddress: string | null;
  /** "NNN NN". */
  postalCode: string | null;
  city: string | null;
  /** Four-digit SCB kommunkod of the home municipality (folkbokföringskommun). */
  municipalityCode: string;
  protectedIdentity: boolean;
  /** The person's guardians (vårdnadshavare); undefined when the answer did not say. */
  guardians?: RelatedPerson[];
  /** The children in the person's custody; undefined when the answer did not say. */
  childrenInCustody?: RelatedPerson[];
};

/** A guardian or a child in custody as the register names them. */
export type RelatedPerson = { personalNumber: string; name: string };

export type LookupResult = { ok: true; person: RegisteredPerson } | { ok: false; reason: "not_found" | "unavailable" | "not_configured"; message: string };

export const POPULATION_REGISTER_MESSAGES = {
  notConfigured: "Uppslag i folkbokföringen är inte konfigurerat. Fyll i uppgifterna för hand.",
  notFound: "Personnumret finns inte i folkbokföringen. Kontrollera numret eller fyll i uppgifterna för hand.",
  unavailable: "Folkbokföringen svarar inte just nu. Fyll i uppgifterna för hand.",
  timeout: "Folkbokföringen svarade inte i tid. Försök igen senare eller fyll i uppgifterna för hand.",
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const twelveDigits = z.string().regex(/^\d{12}$/);

/** A guardian as the register sends one: in the extract, and with the personnummer in the look-up. */
export const guardianSchema = z.object({ namn: text(200), telefon: z.string().trim().max(40).optional() });

const responseSchema = z.object({
  personnummer: twelveDigits,
  fornamn: text(200),
  efternamn: text(200),
  folkbokforingsadress: z
    .object({
      utdelningsadress: text(200).nullable(),
      postnummer: z
        .string()
        .regex(/^\d{3} ?\d{2}$/)
        .nullable(),
      postort: text(100).nullable(),
    })
    .nullable(),
  folkbokforingskommun: z.string().regex(/^\d{4}$/),
  skyddadIdentitet: z.boolean(),
  vardnadshavare: z
    .array(guardianSchema.extend({ personnummer: twelveDigits }))
    .max(20)
    .optional(),
  barnUnderVardnad: z
    .array(z.object({ personnummer: twelveDigits, namn: text(200) }))
    .max(20)
    .optional(),
});

const related = (list: { personnummer: string; namn: string }[] | undefined): RelatedPerson[] | undefined =>
  list?.map((r) => ({ personalNumber: r.personnummer, name: r.namn }));

/** The service's base URL, or null when the look-up is not configured (production without a URL). */
type Transport = (url: string, init: RequestInit) => Promise<Response>;
let transport: Transport = (url, init) => fetch(url, init);

/**
 * Replaces the HTTP transport (demo and test mode: msw answers without a network and without
 * patching this process's fetch, which would disturb Remix's own responses).
 */
export function setPopulationRegisterTransport(next: Transport) {
  transport = next;
}

/** The transport in use, shared by the bulk extract (population-extract.server.ts). */
export function populationRegisterTransport(): Transport {
  return transport;
}

export function populationRegisterBaseUrl(): string | null {
  const { POPULATION_REGISTER_URL, PORTAL_MODE } = config();
  if (POPULATION_REGISTER_URL) return POPULATION_REGISTER_URL.replace(/\/+$/, "");
  return PORTAL_MODE === "demo" || PORTAL_MODE === "test" ? DEMO_POPULATION_REGISTER_URL : null;
}

const failure = (reason: "not_found" | "unavailable" | "not_configured", message: string): LookupResult => ({
  ok: false,
  reason,
  message,
});

/** "57131" or "571 31" → "571 31", as the register form expects. */
function formatPostalCode(code: string) {
  const digits = code.replace(" ", "");
  return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}

/** Frees the connection. Not awaited: cancelling an msw-mocked body never settles. */
function discardBody(response: Response) {
  response.body?.cancel().catch(() => {});
}

/** Logs why a look-up failed. Never pass the personnummer or anything derived from it. */
function logFailure(detail: string) {
  console.warn(`Uppslag i folkbokföringen misslyckades: ${detail}`);
}

export async function lookupPerson(personalNumber: string): Promise<LookupResult> {
  const base = populationRegisterBaseUrl();
  if (!base) return failure("not_configured", POPULATION_REGISTER_MESSAGES.notConfigured);

  const parsed = parsePersonalNumber(personalNumber);
  if (!parsed.ok) return failure("not_found", parsed.error);
  const number = parsed.value.normalized;

  const signal = AbortSignal.timeout(config().POPULATION_REGISTER_TIMEOUT_MS);
  try {
    const response = await transport(`${base}${POPULATION_REGISTER_PATH}`, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({ personnummer: number }),
      redirect: "error",
      signal,
    });
    if (response.status === 404) {
      discardBody(response);
      return failure("not_found", POPULATION_REGISTER_MESSAGES.notFound);
    }
    if (response.status !== 200) {
      discardBody(response);
      logFailure(`HTTP ${response.status}`);
      return failure("unavailable", POPULATION_REGISTER_MESSAGES.unavailable);
    }
    const body: unknown = await response.json();
    const result = responseSchema.safeParse(body);
    if (!result.success) {
      // Only the paths of the invalid fields: the values may be personal data.
      logFailure(`oväntat svar (${result.error.issues.map((i) => i.path.join(".") || "(rot)").join(", ")})`);
      return failure("unavailable", POPULATION_REGISTER_MESSAGES.unavailable);
    }
    const data = result.data;
    if (data.personnummer !== number) {
      logFailure("svaret gällde ett annat personnummer");
      return failure("unavailable", POPULATION_REGISTER_MESSAGES.unavailable);
    }
    const address = data.folkbokforingsadress;
    return {
      ok: true,
      person: {
        personalNumber: data.personnummer,
        firstName: data.fornamn,
        lastName: data.efternamn,
        streetAddress: address?.utdelningsadress ?? null,
        postalCode: address?.postnummer ? formatPostalCode(address.postnummer) : null,
        city: address?.postort ?? null,
        municipalityCode: data.folkbokforingskommun,
        protectedIdentity: data.skyddadIdentitet,
        ...(data.vardnadshavare ? { guardians: related(data.vardnadshavare) } : {}),
        ...(data.barnUnderVardnad ? { childrenInCustody: related(data.barnUnderVardnad) } : {}),
      },
    };
  } catch (error) {
    if (signal.aborted || (error instanceof Error && error.name === "TimeoutError")) {
      logFailure(`inget svar inom ${config().POPULATION_REGISTER_TIMEOUT_MS} ms`);
      return failure("unavailable", POPULATION_REGISTER_MESSAGES.timeout);
    }
    // Network errors and invalid JSON. The error's name only: messages can echo request data.
    logFailure(error instanceof Error ? error.name : "okänt fel");
    return failure("unavailable", POPULATION_REGISTER_MESSAGES.unavailable);
  }
}
