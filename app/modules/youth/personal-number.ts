/**
 * Swedish personnummer and samordningsnummer (Skatteverket SKV 704 and 707), the one parser used
 * everywhere. Validity (date, Luhn check digit, serial, samordningsnummer day+60) is decided by the
 * `personnummer` package; our rules sit around it because the package is clock-bound and strict:
 * - we normalise first (whitespace, every kind of dash), since school lists and extracts vary;
 * - a 10-digit number gets its century from the full date against `today` (the package looks at the
 *   year only and at the system clock, and so places `2612311239` in the future on 2026-12-01);
 * - '+' belongs to the 10-digit form only; a birth date after `today` is rejected;
 * - interim numbers (a letter in the serial) are refused with their own message: they are not
 *   identities the register may hold.
 * tests/unit/personal-number-differential.test.ts lists where the package and these rules differ.
 */
import personnummerModule from "personnummer";

export type PersonalNumber = {
  /** Twelve digits, no separator: what is stored. */
  normalized: string;
  /** YYYYMMDD-NNNN, for display. */
  formatted: string;
  /** ISO date of birth (for a samordningsnummer, the day without the +60). */
  birthDate: string;
  isCoordinationNumber: boolean;
};

export type PersonalNumberResult = { ok: true; value: PersonalNumber } | { ok: false; error: string };

export const PERSONAL_NUMBER_ERRORS = {
  required: "Ange personnummer eller samordningsnummer.",
  format: "Personnumret ska ha 10 eller 12 siffror, till exempel ÅÅÅÅMMDD-NNNN.",
  date: "Personnumret innehåller inget giltigt datum.",
  checkDigit: "Kontrollsiffran stämmer inte. Kontrollera att numret är rätt skrivet.",
  future: "Födelsedatumet i personnumret ligger i framtiden.",
  serial: "Personnumret har födelsenummer 000, som Skatteverket aldrig tilldelar. Kontrollera numret.",
  interim: "Interimsnummer (med bokstav) kan inte användas. Ange personnummer eller samordningsnummer.",
} as const;

type PersonnummerClass = typeof personnummerModule;
// The package has no `exports` map: depending on the loader (Node on its CJS `main`, vite on its ESM
// `module`, esbuild's interop) the default import is the class or a namespace holding it.
const Personnummer: PersonnummerClass = (personnummerModule as unknown as { default?: PersonnummerClass }).default ?? personnummerModule;
const STRICT = { allowCoordinationNumber: true, allowInterimNumber: false };

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D_]/g;
const SHAPE = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;
/** The century group is optional; every other group always matches. */
type Groups = [string | undefined, string, string, string, string, string, string];
const INTERIM_SHAPE = /^(\d{2})?\d{6}[-+]?[TRSUWXJKLMN]\d{3}$/;

export function parsePersonalNumber(input: string, today: Date = new Date()): PersonalNumberResult {
  const raw = input.replace(/\s+/g, "").replace(DASHES, "-").toUpperCase();
  if (raw === "") return { ok: false, error: PERSONAL_NUMBER_ERRORS.required };
  if (INTERIM_SHAPE.test(raw)) return { ok: false, error: PERSONAL_NUMBER_ERRORS.interim };
  const match = SHAPE.exec(raw);
  if (!match) return { ok: false, error: PERSONAL_NUMBER_ERRORS.format };
  const [century, yy, mm, dd, separator, serial, check] = match.slice(1) as Groups;
  // '+' marks a person aged 100 or more and belongs to the 10-digit form only (the package accepts it).
  if (century && separator === "+") return { ok: false, error: PERSONAL_NUMBER_ERRORS.format };

  const year = century ? Number(century + yy) : centuryByFullDate(yy, mm, dd, separator === "+", today);
  // Always hand the package twelve digits, so its clock never chooses the century.
  const twelve = `${String(year).padStart(4, "0")}${mm}${dd}${serial}${check}`;
  let parsed: InstanceType<PersonnummerClass>;
  try {
    parsed = Personnummer.parse(twelve, STRICT);
  } catch {
    return { ok: false, error: diagnose(twelve) };
  }
  const isCoordinationNumber = parsed.isCoordinationNumber();
  const day = Number(dd) - (isCoordinationNumber ? 60 : 0);
  if (Date.UTC(year, Number(mm) - 1, day) > today.getTime()) {
    return { ok: false, error: PERSONAL_NUMBER_ERRORS.future };
  }
  const normalized = parsed.format(true);
  return {
    ok: true,
    value: {
      normalized,
      formatted: displayPersonalNumber(normalized),
      birthDate: `${normalized.slice(0, 4)}-${mm}-${String(day).padStart(2, "0")}`,
      isCoordinationNumber,
    },
  };
}

/**
 * The most recent year ending in `yy` whose birthday (day−60 for a samordningsnummer) is not after
 * today; '+' (aged 100 or more) a hundred years before that.
 */
function centuryByFullDate(yy: string, mm: string, dd: string, plus: boolean, today: Date): number {
  const todayYear = today.getUTCFullYear();
  let year = todayYear - ((((todayYear - Number(yy)) % 100) + 100) % 100);
  const day = Number(dd) > 60 ? Number(dd) - 60 : Number(dd);
  if (Date.UTC(year, Number(mm) - 1, day) > today.getTime()) year -= 100;
  return plus ? year - 100 : year;
}

/**
 * The package says only "invalid"; users need to know what to fix. The package still decides:
 * with a fresh serial and check digit it judges the date alone, with a fresh check digit the serial.
 */
function diagnose(twelve: string): string {
  const datePart = twelve.slice(0, 8);
  const withSerial = (serial: string) => `${datePart}${serial}${luhnCheckDigit(`${datePart.slice(2)}${serial}`)}`;
  if (!Personnummer.valid(withSerial("001"), STRICT)) return PERSONAL_NUMBER_ERRORS.date;
  if (twelve.slice(8, 11) === "000") return PERSONAL_NUMBER_ERRORS.serial;
  return PERSONAL_NUMBER_ERRORS.checkDigit;
}

/** Luhn (mod 10) check digit of the nine digits YYMMDDNNN (building numbers; the package checks). */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Builds a valid number from a birth date and a three-digit serial (demo data and tests). */
export function makePersonalNumber(birthDate: string, serial: number, coordination = false): string {
  const [y, m, d] = birthDate.split("-") as [string, string, string];
  const day = String(Number(d) + (coordination ? 60 : 0)).padStart(2, "0");
  const nine = `${y.slice(2)}${m}${day}${String(serial).padStart(3, "0")}`;
  return `${y}${m}${day}${String(serial).padStart(3, "0")}${luhnCheckDigit(nine)}`;
}

/** Whole years of age on a given ISO date. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onDate.split("-").map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** A stored personnummer (12 digits) as people read it: ÅÅÅÅMMDD-XXXX. */
export function displayPersonalNumber(twelveDigits: string): string {
  return `${twelveDigits.slice(0, 8)}-${twelveDigits.slice(8)}`;
}
