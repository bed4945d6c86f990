/**
 * Deterministic fake people for the folkbokföring mocks: names and a Nässjö address derived from the
 * personnummer, so the single look-up and the bulk extract agree on who a number is.
 */
/** The single look-up's special serials (digits 9–11 of the twelve); see population-register.ts. */
export const SERIAL_NOT_FOUND = "999";
export const SERIAL_TIMEOUT = "998";
export const SERIAL_ERROR = "997";
export const SERIAL_PROTECTED = "996";
export const FEMALE_NAMES = [
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
export const MALE_NAMES = [
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
export const LAST_NAMES = [
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
  vardnadshavare?: { personnummer: string; namn: string; telefon?: string }[];
  barnUnderVardnad?: { personnummer: string; namn: string }[];
};

/**
 * Custody as the fake register knows it (the demo's families, or a test's own). The fake answers the
 * table as given, even a custody the real register would have ended at 18: the portal checks age,
 * skyddad identitet and both directions itself, and the tests show that it does.
 */
export type FakeFamilies = {
  guardianships: readonly { guardian: string; child: string }[];
  /** People whose name and skyddad identitet must not be made up from the number (the demo's citizens). */
  people?: readonly { personnummer: string; fornamn: string; efternamn: string; skyddadIdentitet?: boolean }[];
};

/** FNV-1a, 32 bit: a stable spread of the digits over the lists. */
export function hash(value: string, salt: number) {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const pick = <T>(list: readonly T[], value: string, salt: number): T => list[hash(value, salt) % list.length]!;

/** The fake person for a twelve-digit personnummer (no special-serial handling), with their custody relations. */
export function fakeRegisteredPerson(personnummer: string, families: FakeFamilies = { guardianships: [] }): PopulationRegisterResponse {
  const { guardianships } = families;
  return {
    ...fakeIdentity(personnummer, families),
    vardnadshavare: guardianships.filter((g) => g.child === personnummer).map((g) => ({ personnummer: g.guardian, namn: fakeName(g.guardian, families) })),
    barnUnderVardnad: guardianships.filter((g) => g.guardian === personnummer).map((g) => ({ personnummer: g.child, namn: fakeName(g.child, families) })),
  };
}

function fakeName(personnummer: string, families: FakeFamilies) {
  const { fornamn, efternamn } = fakeIdentity(personnummer, families);
  return `${fornamn} ${efternamn}`;
}

function fakeIdentity(personnummer: string, families: FakeFamilies): PopulationRegisterResponse {
  // Digit 11 of 12 (the second-to-last): odd for men, even for women.
  const female = Number(personnummer[10]) % 2 === 0;
  const made: PopulationRegisterResponse = {
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
  const known = families.people?.find((p) => p.personnummer === personnummer);
  if (!known) return made;
  return { ...made, fornamn: known.fornamn, efternamn: known.efternamn, skyddadIdentitet: known.skyddadIdentitet ?? made.skyddadIdentitet };
}
