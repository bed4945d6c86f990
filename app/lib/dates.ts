/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone shifts a day. */

// Built once: constructing an Intl.DateTimeFormat costs more than the formatting, and "today" is asked
// many times per request.
const STOCKHOLM_DATE = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" });
const STOCKHOLM_OFFSET = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Stockholm", timeZoneName: "shortOffset" });

export function todayIso(now = new Date()) {
  // The portal's users are in Sweden: "today" is today in Stockholm.
  return STOCKHOLM_DATE.format(now);
}

function parts(iso: string) {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return { y, m, d };
}

function toIso(date: Date) {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number) {
  const { y, m, d } = parts(iso);
  return toIso(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Adds months, clamping to the month's last day: 31 January + 1 month = 28 (or 29) February. */
export function addMonths(iso: string, months: number) {
  const { y, m, d } = parts(iso);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return toIso(new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))));
}

export function addYears(iso: string, years: number) {
  return addMonths(iso, years * 12);
}

export function daysBetween(fromIso: string, toIsoDate: string) {
  const a = parts(fromIso);
  const b = parts(toIsoDate);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

/** Minutes east of UTC that Stockholm is at `instant` (60 in winter, 120 in summer). */
function stockholmOffsetMinutes(instant: Date): number {
  const name = STOCKHOLM_OFFSET.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value; // "GMT+1", "GMT+2"
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name ?? "");
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

/** "2026-12-08" + "13:00" in Stockholm → "2026-12-08T12:00:00.000Z", summer time or not. */
export function stockholmToUtc(date: string, time: string): string {
  const { y, m, d } = parts(date);
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes: the offset of the guessed instant settles the real one (also at the DST change).
  let utc = wall - stockholmOffsetMinutes(new Date(wall)) * 60_000;
  utc = wall - stockholmOffsetMinutes(new Date(utc)) * 60_000;
  return new Date(utc).toISOString();
}

/** The UTC instant at which a Swedish calendar day begins (00:00 in Stockholm, summer time or not). */
export function stockholmDayStartUtc(iso: string): string {
  return stockholmToUtc(iso, "00:00");
}
