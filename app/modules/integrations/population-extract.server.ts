import { z } from "zod";
import { config } from "~/config.server";
import { guardianSchema, populationRegisterBaseUrl, populationRegisterTransport } from "./population-register.server";

/**
 * The bulk extract from the population register: everyone born in a range (the 16–19-year-olds)
 * folkbokförd in a municipality, plus those who moved out or died lately. Read page by page, so a
 * large municipality never sits in memory whole. Same service, transport and demo URL as the single
 * look-up (population-register.server.ts).
 *
 * Wire format (tests/mocks/population-extract.ts plays the service in tests and the demo):
 *   POST {base}/v1/personer/uttag   { kommunkod, fodd_fran, fodd_till, pageToken? }
 * No personnummer in the URL. The register fixes the extract's date on the first page.
 *   200 { uttagsdatum: "YYYY-MM-DD", personer: Person[], nextPageToken: string | null }
 *   Person: { personnummer (12 digits; samordningsnummer with day + 60), fornamn, efternamn,
 *             folkbokforingsadress: { utdelningsadress, postnummer, postort } | null (skyddad identitet),
 *             folkbokford_har: boolean, inflyttad: date | null,
 *             utflyttad: { datum, till_kommunkod: "NNNN" | null (abroad) } | null,
 *             avliden: date | null, skyddadIdentitet: boolean,
 *             vardnadshavare: [{ namn, telefon? }] (for those under 18) }
 */

export const POPULATION_EXTRACT_PATH = "/v1/personer/uttag";

export const POPULATION_EXTRACT_MESSAGES = {
  notConfigured: "Uttag ur folkbokföringen är inte konfigurerat.",
  unavailable: "Folkbokföringen kunde inte lämna uttaget just nu. Försök igen senare.",
  timeout: "Folkbokföringen svarade inte i tid på uttaget. Försök igen senare.",
  invalid: "Folkbokföringen skickade ett uttag i ett format som portalen inte känner igen. Kontakta systemförvaltaren.",
} as const;

/** A failed extract: `message` is Swedish and free of personal data (shown to the samordnare). */
export class PopulationExtractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PopulationExtractError";
  }
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const name = z.string().trim().min(1).max(200);

const personSchema = z.object({
  // Checked here only for shape; the store parses every number with parsePersonalNumber and
  // counts those that fail, so one bad row does not fail a whole page.
  personnummer: z.string().max(20),
  fornamn: name,
  efternamn: name,
  folkbokforingsadress: z
    .object({
      utdelningsadress: z.string().trim().max(200).nullable(),
      postnummer: z
        .string()
        .regex(/^\d{3} ?\d{2}$/)
        .nullable(),
      postort: z.string().trim().max(100).nullable(),
    })
    .nullable(),
  folkbokford_har: z.boolean(),
  inflyttad: isoDate.nullable(),
  utflyttad: z
    .object({
      datum: isoDate,
      till_kommunkod: z
        .string()
        .regex(/^\d{4}$/)
        .nullable(),
    })
    .nullable(),
  avliden: isoDate.nullable(),
  skyddadIdentitet: z.boolean(),
  vardnadshavare: z.array(guardianSchema).max(4).default([]),
});

const pageSchema = z.object({
  uttagsdatum: isoDate,
  personer: z.array(personSchema).max(10_000),
  nextPageToken: z.string().min(1).max(500).nullable(),
});

export type ExtractPerson = z.infer<typeof personSchema>;
export type ExtractPage = { takenOn: string; people: ExtractPerson[] };
export type ExtractRequest = { municipalityCode: string; bornFrom: string; bornTo: string };

/** Logs why an extract failed. Never pass personal data: only statuses, names of errors and paths. */
function logFailure(detail: string) {
  console.warn(`Uttag ur folkbokföringen misslyckades: ${detail}`);
}

/**
 * Yields the extract page by page. Throws PopulationExtractError (Swedish, no personal data) when
 * the service is not configured, fails, times out or answers something unexpected; the caller
 * keeps what it had. Each page has its own time-out.
 */
export async function* fetchPopulationExtract(request: ExtractRequest): AsyncGenerator<ExtractPage> {
  const base = populationRegisterBaseUrl();
  if (!base) throw new PopulationExtractError(POPULATION_EXTRACT_MESSAGES.notConfigured);
  const timeoutMs = config().POPULATION_REGISTER_TIMEOUT_MS * 5;
  let pageToken: string | null = null;
  let takenOn: string | null = null;
  let pageNumber = 0;
  do {
    pageNumber += 1;
    const page = await fetchPage(base, request, pageToken, pageNumber, timeoutMs);
    // An extract is one moment in the register: a page from another day is not part of it.
    if (takenOn !== null && page.uttagsdatum !== takenOn) {
      logFailure(`sida ${pageNumber} har ett annat uttagsdatum`);
      throw new PopulationExtractError(POPULATION_EXTRACT_MESSAGES.invalid);
    }
    takenOn = page.uttagsdatum;
    pageToken = page.nextPageToken;
    yield { takenOn, people: page.personer };
  } while (pageToken !== null);
}

async function fetchPage(base: string, request: ExtractRequest, pageToken: string | null, pageNumber: number, timeoutMs: number) {
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let body: unknown;
  try {
    response = await populationRegisterTransport()(`${base}${POPULATION_EXTRACT_PATH}`, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({
        kommunkod: request.municipalityCode,
        fodd_fran: request.bornFrom,
        fodd_till: request.bornTo,
        ...(pageToken ? { pageToken } : {}),
      }),
      redirect: "error",
      signal,
    });
    if (response.status !== 200) {
      response.body?.cancel().catch(() => {});
      logFailure(`sida ${pageNumber}: HTTP ${response.status}`);
      throw new PopulationExtractError(POPULATION_EXTRACT_MESSAGES.unavailable);
    }
    body = await response.json();
  } catch (error) {
    if (error instanceof PopulationExtractError) throw error;
    if (signal.aborted || (error instanceof Error && error.name === "TimeoutError")) {
      logFailure(`sida ${pageNumber}: inget svar inom ${timeoutMs} ms`);
      throw new PopulationExtractError(POPULATION_EXTRACT_MESSAGES.timeout);
    }
    // Network errors and invalid JSON: the error's name only, messages can echo data.
    logFailure(`sida ${pageNumber}: ${error instanceof Error ? error.name : "okänt fel"}`);
    throw new PopulationExtractError(POPULATION_EXTRACT_MESSAGES.unavailable);
  }
  const parsed = pageSchema.safeParse(body);
  if (!parsed.success) {
    // Only the paths of the invalid fields (row index and field name), never their values.
    const paths = [...new Set(parsed.error.issues.slice(0, 5).map((i) => i.path.join(".") || "(rot)"))];
    logFailure(`sida ${pageNumber}: oväntat svar (${paths.join(", ")})`);
    throw new PopulationExtractError(POPULATION_EXTRACT_MESSAGES.invalid);
  }
  return parsed.data;
}
