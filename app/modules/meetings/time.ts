/**
 * Meeting times are typed and shown in Swedish time and stored as UTC instants, so that a meeting
 * stays at 13.00 in Nässjö across the change to and from summer time.
 */
const ZONE = "Europe/Stockholm";

/** Minutes east of UTC that Stockholm is at `instant` (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, timeZoneName: "shortOffset" })
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName")?.value; // "GMT+1", "GMT+2"
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name ?? "");
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

/** "2026-12-08" + "13:00" in Stockholm → "2026-12-08T12:00:00.000Z". */
export function stockholmToUtc(date: string, time: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes: the offset of the guessed instant settles the real one (also at the DST change).
  let utc = wall - offsetMinutes(new Date(wall)) * 60_000;
  utc = wall - offsetMinutes(new Date(utc)) * 60_000;
  return new Date(utc).toISOString();
}

/** A UTC instant as Stockholm date and time, for the forms. */
export function utcToStockholm(iso: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

const longDate = new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" });
const clock = new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const monthName = new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, month: "long", year: "numeric" });

/** Swedish style: "tisdag 8 december 2026 kl. 13.00–15.00". */
export function formatMeetingTime(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const time = (d: Date) => clock.format(d).replace(":", ".");
  const sameDay = utcToStockholm(startsAt).date === utcToStockholm(endsAt).date;
  return sameDay
    ? `${longDate.format(start)} kl. ${time(start)}–${time(end)}`
    : `${longDate.format(start)} kl. ${time(start)} – ${longDate.format(end)} kl. ${time(end)}`;
}

/** "december 2026": the heading of a month in a forum's calendar. */
export function formatMonth(iso: string): string {
  return monthName.format(new Date(iso));
}

export function minutesBetween(startsAt: string, endsAt: string): number {
  return Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000);
}
