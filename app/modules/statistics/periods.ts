/**
 * The periods the follow-up (uppföljning) is read in, as Swedish calendar days (Stockholm time):
 * tertial (Jan–Apr, May–Aug, Sep–Dec), termin (VT Jan–Jun, HT Jul–Dec), läsår (1 Jul–30 Jun),
 * calendar year, SCB's reporting half-year (the register goes to SCB twice a year, per half-year:
 * 1 Jan–30 Jun and 1 Jul–31 Dec) and a free interval. Each period knows the one before it and the
 * same period a year earlier. Pure: no database, so the page's period picker can use it too.
 */
import { addDays, addYears, daysBetween } from "~/lib/dates";

export const PERIOD_KINDS = ["tertial", "termin", "lasar", "ar", "halvar", "intervall"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  tertial: "Tertial",
  termin: "Termin",
  lasar: "Läsår",
  ar: "Kalenderår",
  halvar: "Halvår (SCB)",
  intervall: "Eget intervall",
};

/** A period: its kind, first and last day (inclusive, YYYY-MM-DD) and its search-param value. */
export type Period = { kind: PeriodKind; from: string; to: string; label: string; value: string };

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** A free interval is at most this many days: longer than that, read it year by year. */
export const MAX_INTERVAL_DAYS = 5 * 366;

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const span = (year: number, fromMonth: number, toMonth: number) => ({
  from: `${year}-${pad(fromMonth)}-01`,
  to: `${year}-${pad(toMonth)}-${pad(lastDayOfMonth(year, toMonth))}`,
});
const swedishDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
};
const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

export function tertial(year: number, part: 1 | 2 | 3): Period {
  const first = (part - 1) * 4 + 1;
  return { kind: "tertial", ...span(year, first, first + 3), label: `Tertial ${part} ${year}`, value: `tertial-${year}-${part}` };
}

export function termin(year: number, part: "vt" | "ht"): Period {
  const dates = part === "vt" ? span(year, 1, 6) : span(year, 7, 12);
  return { kind: "termin", ...dates, label: `${part.toUpperCase()} ${year}`, value: `termin-${year}-${part}` };
}

/** Läsår `startYear`/`startYear + 1`: 1 July to 30 June. */
export function schoolYear(startYear: number): Period {
  return {
    kind: "lasar",
    from: `${startYear}-07-01`,
    to: `${startYear + 1}-06-30`,
    label: `Läsåret ${startYear}/${String(startYear + 1).slice(2)}`,
    value: `lasar-${startYear}`,
  };
}

export function calendarYear(year: number): Period {
  return { kind: "ar", ...span(year, 1, 12), label: `År ${year}`, value: `ar-${year}` };
}

/** SCB's reporting half-years: the first (Jan–Jun) and the second (Jul–Dec). */
export function scbHalfYear(year: number, part: 1 | 2): Period {
  const dates = part === 1 ? span(year, 1, 6) : span(year, 7, 12);
  return { kind: "halvar", ...dates, label: `${part === 1 ? "Första" : "Andra"} halvåret ${year} (SCB)`, value: `halvar-${year}-${part}` };
}

export function interval(from: string, to: string): Period {
  return { kind: "intervall", from, to, label: `${swedishDate(from)}–${swedishDate(to)}`, value: "intervall" };
}

function startYearOf(iso: string) {
  return Number(iso.slice(0, 4));
}

/** The period of the same kind that ends the day before this one starts. */
export function previousPeriod(p: Period): Period {
  const y = startYearOf(p.from);
  const month = Number(p.from.slice(5, 7));
  switch (p.kind) {
    case "tertial": {
      const part = (month - 1) / 4 + 1;
      return part === 1 ? tertial(y - 1, 3) : tertial(y, (part - 1) as 1 | 2);
    }
    case "termin":
      return month === 1 ? termin(y - 1, "ht") : termin(y, "vt");
    case "halvar":
      return month === 1 ? scbHalfYear(y - 1, 2) : scbHalfYear(y, 1);
    case "lasar":
      return schoolYear(y - 1);
    case "ar":
      return calendarYear(y - 1);
    case "intervall": {
      const length = daysBetween(p.from, p.to);
      return interval(addDays(p.from, -length - 1), addDays(p.from, -1));
    }
  }
}

/** The same period one year earlier. An interval ending on a leap day ends on 28 February. */
export function yearEarlier(p: Period): Period {
  const y = startYearOf(p.from);
  const month = Number(p.from.slice(5, 7));
  switch (p.kind) {
    case "tertial":
      return tertial(y - 1, ((month - 1) / 4 + 1) as 1 | 2 | 3);
    case "termin":
      return termin(y - 1, month === 1 ? "vt" : "ht");
    case "halvar":
      return scbHalfYear(y - 1, month === 1 ? 1 : 2);
    case "lasar":
      return schoolYear(y - 1);
    case "ar":
      return calendarYear(y - 1);
    case "intervall":
      return interval(addYears(p.from, -1), addYears(p.to, -1));
  }
}

/** The SCB half-year a Swedish day falls in. */
export function scbHalfYearOf(iso: string): Period {
  return scbHalfYear(startYearOf(iso), Number(iso.slice(5, 7)) <= 6 ? 1 : 2);
}

/** The tertial a Swedish day falls in: the default period of the page. */
export function tertialOf(iso: string): Period {
  const month = Number(iso.slice(5, 7));
  return tertial(startYearOf(iso), (Math.floor((month - 1) / 4) + 1) as 1 | 2 | 3);
}

export class PeriodError extends Error {}

export const INTERVAL_REFUSED = "Eget intervall finns bara i KAA-enhetens vy. Välj tertial, termin, läsår, kalenderår eller halvår.";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(raw: string | null, field: string): string {
  const match = ISO_DATE.exec(raw ?? "");
  if (!match) throw new PeriodError(`${field} måste vara ett datum som ÅÅÅÅ-MM-DD.`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (m < 1 || m > 12 || d < 1 || d > lastDayOfMonth(y, m)) throw new PeriodError(`${field} är inget giltigt datum.`);
  if (y < MIN_YEAR || y > MAX_YEAR) throw new PeriodError(`${field} måste ligga mellan år ${MIN_YEAR} och ${MAX_YEAR}.`);
  return raw!;
}

function parseYear(raw: string | undefined): number {
  const year = Number(raw);
  if (!raw || !/^\d{4}$/.test(raw) || year < MIN_YEAR || year > MAX_YEAR)
    throw new PeriodError(`Året måste vara ett årtal mellan ${MIN_YEAR} och ${MAX_YEAR}.`);
  return year;
}

/**
 * The period asked for in the search params (`period=tertial-2026-3`, `termin-2026-ht`, `lasar-2025`,
 * `ar-2026`, `halvar-2026-1`, or `period=intervall&fran=…&till=…`); the tertial of `today` when none is
 * asked for. Bad input throws a PeriodError with a Swedish message (the route answers 400), and so does
 * an interval where `allowInterval` is false.
 */
export function parsePeriod(params: URLSearchParams, today: string, options: { allowInterval?: boolean } = {}): Period {
  const raw = params.get("period");
  if (raw === null || raw === "") return tertialOf(today);
  if (raw === "intervall") {
    // Two free intervals a day apart would tell what happened on that day: outside the KAA unit only
    // the fixed periods are offered (ADR 0011).
    if (options.allowInterval === false) throw new PeriodError(INTERVAL_REFUSED);
    const from = parseDate(params.get("fran"), "Från och med");
    const to = parseDate(params.get("till"), "Till och med");
    if (to < from) throw new PeriodError("Till och med-datumet får inte vara före från och med-datumet.");
    if (daysBetween(from, to) >= MAX_INTERVAL_DAYS) throw new PeriodError("Intervallet får vara högst fem år.");
    return interval(from, to);
  }
  const [kind, yearRaw, part, ...rest] = raw.split("-");
  if (rest.length > 0) throw new PeriodError("Okänd period.");
  switch (kind) {
    case "tertial":
      if (part !== "1" && part !== "2" && part !== "3") throw new PeriodError("Tertialet måste vara 1, 2 eller 3.");
      return tertial(parseYear(yearRaw), Number(part) as 1 | 2 | 3);
    case "termin":
      if (part !== "vt" && part !== "ht") throw new PeriodError("Terminen måste vara VT eller HT.");
      return termin(parseYear(yearRaw), part);
    case "halvar":
      if (part !== "1" && part !== "2") throw new PeriodError("Halvåret måste vara 1 eller 2.");
      return scbHalfYear(parseYear(yearRaw), Number(part) as 1 | 2);
    case "lasar":
    case "ar":
      if (part !== undefined) throw new PeriodError("Okänd period.");
      return kind === "lasar" ? schoolYear(parseYear(yearRaw)) : calendarYear(parseYear(yearRaw));
    default:
      throw new PeriodError("Okänd period. Välj tertial, termin, läsår, kalenderår, halvår eller ett eget intervall.");
  }
}

/** The periods the picker offers: every kind, from the current one back `years` years, newest first. */
export function periodChoices(today: string, years = 3): Period[] {
  const year = startYearOf(today);
  const choices: Period[] = [];
  for (let y = year; y > year - years; y--) {
    choices.push(calendarYear(y));
    for (const part of [3, 2, 1] as const) choices.push(tertial(y, part));
    choices.push(termin(y, "ht"), termin(y, "vt"), scbHalfYear(y, 2), scbHalfYear(y, 1), schoolYear(y), schoolYear(y - 1));
  }
  const seen = new Set<string>();
  return choices.filter((p) => p.from <= today && !seen.has(p.value) && seen.add(p.value));
}
