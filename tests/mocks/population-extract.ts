/**
 * The fake folkbokföring's bulk extract (POST /v1/personer/uttag), for tests, the demo and the bench.
 * Pages are computed on demand from the page token (an offset), so 30 000 people cost no more memory
 * than one page. The people are, in this order:
 * 1. a roster of people the register already knows (in the demo: the portal's own register youths
 *    of that municipality, so the extract overlaps the seed): most live here; every 12th has moved
 *    out, the fourth has died; those born outside the asked range (turned 20) are not in the extract;
 * 2. `count` generated people, deterministic from (kommunkod, index), with fixed shares of every case
 *    by index % 20: ordinary residents, moved in lately, moved out (to a portal municipality, to one
 *    outside the portal, abroad), skyddad identitet, samordningsnummer; one in a thousand has died.
 * Or, for a test that needs a specific extract, an explicit list of people (`people`).
 * Like population-register.ts this file is in the server build: it never imports msw itself.
 */
import type { HttpHandler, HttpResponse as MswHttpResponse, http as mswHttp } from "msw";
import type { ExtractPerson } from "../../app/modules/integrations/population-extract.server";
import { makePersonalNumber } from "../../app/modules/youth/personal-number";
import { DEMO_CITIZENS } from "../../db/demo-accounts";
import { demoCitizenPersonalNumber } from "../../app/modules/youth/demo-citizens";
import { FEMALE_NAMES, fakeRegisteredPerson, hash, MALE_NAMES, pick } from "./fake-people";

/** A person the register already knows (the roster): who they are; the mock decides what happened. */
export type RosterPerson = { personnummer: string; fornamn: string; efternamn: string; birthDate: string; skyddadIdentitet: boolean };
export type Roster = (municipalityCode: string) => RosterPerson[];

export type ExtractOptions = {
  /** Generated people after the roster (default: env POPULATION_EXTRACT_DEMO_COUNT, else 60). */
  count?: number;
  pageSize?: number;
  roster?: Roster;
  /** An explicit extract instead of roster and generated people. */
  people?: ExtractPerson[];
  /** The extract's date (default: today in Stockholm). */
  today?: () => string;
};

export const DEFAULT_EXTRACT_PAGE_SIZE = 500;
/** Municipalities the moved-out go to: one with a KAA unit in the demo portal, one without. */
const PORTAL_NEIGHBOUR: Record<string, string> = { "0682": "0680", "0680": "0682" };
const OUTSIDE_PORTAL = "0687"; // Tranås

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const under18 = (birthDate: string, on: string) => `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}` > on;

/** A person as the register sends them: defaults for a resident with an address. Tests override. */
export function extractPerson(overrides: Partial<ExtractPerson> & { personnummer: string }): ExtractPerson {
  const fake = fakeRegisteredPerson(overrides.personnummer);
  return {
    fornamn: fake.fornamn,
    efternamn: fake.efternamn,
    folkbokforingsadress: fake.folkbokforingsadress,
    folkbokford_har: true,
    inflyttad: null,
    utflyttad: null,
    avliden: null,
    skyddadIdentitet: false,
    vardnadshavare: [],
    ...overrides,
  };
}

function guardiansFor(p: { personnummer: string; efternamn: string }, birthDate: string, takenOn: string): ExtractPerson["vardnadshavare"] {
  if (!under18(birthDate, takenOn)) return [];
  const first = {
    namn: `${pick(FEMALE_NAMES, p.personnummer, 11)} ${p.efternamn}`,
    telefon: `070-${String(hash(p.personnummer, 12) % 1_000_000).padStart(6, "0")}`,
  };
  return hash(p.personnummer, 13) % 3 === 0 ? [first] : [first, { namn: `${pick(MALE_NAMES, p.personnummer, 14)} ${p.efternamn}` }];
}

/** What happened to a roster person, by their place in the roster. */
function fromRoster(r: RosterPerson, index: number, municipalityCode: string, takenOn: string): ExtractPerson {
  const base = extractPerson({
    personnummer: r.personnummer,
    fornamn: r.fornamn,
    efternamn: r.efternamn,
    skyddadIdentitet: r.skyddadIdentitet,
    folkbokforingsadress: r.skyddadIdentitet ? null : fakeRegisteredPerson(r.personnummer).folkbokforingsadress,
    vardnadshavare: guardiansFor(r, r.birthDate, takenOn),
  });
  if (index === 3) return { ...base, folkbokford_har: false, folkbokforingsadress: null, avliden: addDays(takenOn, -20) };
  if (index % 12 === 5) {
    const to = index % 24 === 5 ? (PORTAL_NEIGHBOUR[municipalityCode] ?? OUTSIDE_PORTAL) : null;
    return { ...base, folkbokford_har: false, folkbokforingsadress: null, utflyttad: { datum: addDays(takenOn, -(index % 60) - 1), till_kommunkod: to } };
  }
  return base;
}

/** The generated person number `index` (0-based), born in [bornFrom, bornTo]; deterministic. */
export function generatedPerson(municipalityCode: string, index: number, bornFrom: string, bornTo: string, takenOn: string): ExtractPerson {
  const span = daysBetween(bornFrom, bornTo) + 1;
  // 7919 is prime: index ↦ day is a bijection within each `span`, and the level keeps serials apart.
  const birthDate = addDays(bornFrom, (index * 7919) % span);
  const level = Math.floor(index / span);
  const share = index % 20;
  const serial = 100 + level * 5 + (hash(`${municipalityCode}:${index}`, 1) % 5);
  const personnummer = makePersonalNumber(birthDate, serial, share === 17);
  const person = extractPerson({ personnummer, vardnadshavare: guardiansFor(fakeRegisteredPerson(personnummer), birthDate, takenOn) });
  if (index % 1000 === 5) return { ...person, folkbokford_har: false, folkbokforingsadress: null, avliden: addDays(takenOn, -(index % 50) - 3) };
  switch (share) {
    case 12:
    case 13:
      return { ...person, inflyttad: addDays(takenOn, -(index % 80) - 1) };
    case 14:
    case 15:
    case 16: {
      const to = [PORTAL_NEIGHBOUR[municipalityCode] ?? OUTSIDE_PORTAL, OUTSIDE_PORTAL, null][share - 14]!;
      return { ...person, folkbokford_har: false, folkbokforingsadress: null, utflyttad: { datum: addDays(takenOn, -(index % 70) - 1), till_kommunkod: to } };
    }
    case 18:
      return { ...person, skyddadIdentitet: true, folkbokforingsadress: null };
    default:
      return person;
  }
}

type Token = { takenOn: string; offset: number };
const encodeToken = (t: Token) => Buffer.from(JSON.stringify(t)).toString("base64url");
function decodeToken(token: string): Token | null {
  try {
    const t = JSON.parse(Buffer.from(token, "base64url").toString()) as Token;
    return typeof t.takenOn === "string" && Number.isInteger(t.offset) && t.offset >= 0 ? t : null;
  } catch {
    return null;
  }
}

const stockholmToday = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
const defaultCount = () => Number(process.env.POPULATION_EXTRACT_DEMO_COUNT ?? 60);

/** One page of the extract: people [offset, offset + pageSize). */
export function extractPage(
  request: { kommunkod: string; fodd_fran: string; fodd_till: string },
  token: Token,
  options: ExtractOptions = {},
): { uttagsdatum: string; personer: ExtractPerson[]; nextPageToken: string | null } {
  const pageSize = options.pageSize ?? DEFAULT_EXTRACT_PAGE_SIZE;
  const { takenOn, offset } = token;
  let total: number;
  let personer: ExtractPerson[];
  if (options.people) {
    total = options.people.length;
    personer = options.people.slice(offset, offset + pageSize);
  } else {
    const asked = (options.roster?.(request.kommunkod) ?? []).filter((r) => r.birthDate >= request.fodd_fran && r.birthDate <= request.fodd_till);
    // The demo citizens (Mina sidor) simply live here: they come last and take no place in the fates
    // by index, so that the rest of the demo's extract stays as it was and no test moves them away.
    const demo = new Set(DEMO_CITIZENS.map((c) => demoCitizenPersonalNumber(c)));
    const roster = [...asked.filter((r) => !demo.has(r.personnummer)), ...asked.filter((r) => demo.has(r.personnummer))];
    const fated = roster.length - asked.filter((r) => demo.has(r.personnummer)).length;
    const known = new Set(roster.map((r) => r.personnummer));
    const count = options.count ?? defaultCount();
    total = roster.length + count;
    personer = [];
    for (let i = offset; i < Math.min(total, offset + pageSize); i++) {
      if (i < roster.length) personer.push(fromRoster(roster[i]!, i < fated ? i : -1, request.kommunkod, takenOn));
      else {
        const person = generatedPerson(request.kommunkod, i - roster.length, request.fodd_fran, request.fodd_till, takenOn);
        // A generated number that happens to be a roster person's would be the same person twice.
        if (!known.has(person.personnummer)) personer.push(person);
      }
    }
  }
  const next = offset + pageSize;
  return { uttagsdatum: takenOn, personer, nextPageToken: next < total ? encodeToken({ takenOn, offset: next }) : null };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The msw handler of the extract; `msw` is the caller's (dynamically imported) module. */
export function createPopulationExtractHandler(
  msw: { http: typeof mswHttp; HttpResponse: typeof MswHttpResponse },
  url: string,
  options: ExtractOptions = {},
): HttpHandler {
  return msw.http.post(url, async ({ request }) => {
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    const kommunkod = body?.kommunkod;
    const from = body?.fodd_fran;
    const to = body?.fodd_till;
    if (
      typeof kommunkod !== "string" ||
      !/^\d{4}$/.test(kommunkod) ||
      typeof from !== "string" ||
      !DATE.test(from) ||
      typeof to !== "string" ||
      !DATE.test(to)
    ) {
      return msw.HttpResponse.json({ fel: "Ogiltig begäran: kommunkod, fodd_fran och fodd_till krävs." }, { status: 400 });
    }
    const token = typeof body?.pageToken === "string" ? decodeToken(body.pageToken) : { takenOn: (options.today ?? stockholmToday)(), offset: 0 };
    if (!token) return msw.HttpResponse.json({ fel: "Ogiltig sidmarkör." }, { status: 400 });
    return msw.HttpResponse.json(extractPage({ kommunkod, fodd_fran: from, fodd_till: to }, token, options));
  });
}
