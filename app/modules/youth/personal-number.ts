/**
 * Swedish personnummer and samordningsnummer (Skatteverket SKV 704 and 707).
 * Accepts 10 or 12 digits, with or without separator; validates the date and the Luhn check
 * digit. A samordningsnummer has 60 added to the day of birth.
 */

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
} as const;

const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

export function parsePersonalNumber(input: string, today: Date = new Date()): PersonalNumberResult {
  const raw = input.replace(/\s+/g, "");
  if (raw === "") return { ok: false, error: PERSONAL_NUMBER_ERRORS.required };
  const match = PATTERN.exec(raw);
  if (!match) return { ok: false, error: PERSONAL_NUMBER_ERRORS.format };
  const [, century, yy, mm, dd, separator, serial, check] = match as unknown as string[];
  // '+' marks a person aged 100 or more and belongs to the 10-digit form only.
  if (century && separator === "+") return { ok: false, error: PERSONAL_NUMBER_ERRORS.format };

  const month = Number(mm);
  const rawDay = Number(dd);
  const isCoordinationNumber = rawDay > 60;
  const day = isCoordinationNumber ? rawDay - 60 : rawDay;

  const todayYear = today.getUTCFullYear();
  let year: number;
  if (century) {
    year = Number(century + yy);
  } else {
    // The most recent year ending in yy; '+' means a hundred years before that.
    year = todayYear - ((((todayYear - Number(yy)) % 100) + 100) % 100);
    const birthdayThisCentury = Date.UTC(year, month - 1, day);
    if (birthdayThisCentury > today.getTime()) year -= 100;
    if (separator === "+") year -= 100;
  }

  if (!isValidDate(year, month, day)) return { ok: false, error: PERSONAL_NUMBER_ERRORS.date };
  const tenDigits = `${yy}${mm}${dd}${serial}${check}`;
  if (luhnCheckDigit(tenDigits.slice(0, 9)) !== Number(check)) {
    return { ok: false, error: PERSONAL_NUMBER_ERRORS.checkDigit };
  }
  if (Date.UTC(year, month - 1, day) > today.getTime()) {
    return { ok: false, error: PERSONAL_NUMBER_ERRORS.future };
  }
  const normalized = `${String(year).padStart(4, "0")}${mm}${dd}${serial}${check}`;
  return {
    ok: true,
    value: {
      normalized,
      formatted: `${normalized.slice(0, 8)}-${normalized.slice(8)}`,
      birthDate: `${String(year).padStart(4, "0")}-${mm}-${String(day).padStart(2, "0")}`,
      isCoordinationNumber,
    },
  };
}

/** Luhn (mod 10) check digit of the nine digits YYMMDDNNN. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function isValidDate(year: number, month: number, day: number) {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
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
