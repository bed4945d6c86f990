/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone shifts a day. */

export function todayIso(now = new Date()) {
  // The portal's users are in Sweden: "today" is today in Stockholm.
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(now);
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

/** The UTC instant at which a Swedish calendar day begins (00:00 in Stockholm, summer time or not). */
export function stockholmDayStartUtc(iso: string): string {
  const { y, m, d } = parts(iso);
  const guess = new Date(Date.UTC(y, m - 1, d));
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Stockholm", timeZoneName: "shortOffset" })
    .formatToParts(guess)
    .find((p) => p.type === "timeZoneName")?.value; // "GMT+1" or "GMT+2"
  const hours = Number(/GMT([+-]\d+)/.exec(offset ?? "")?.[1] ?? 0);
  return new Date(guess.getTime() - hours * 3_600_000).toISOString();
}
