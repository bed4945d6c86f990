/**
 * Meeting times are typed and shown in Swedish time and stored as UTC instants, so that a meeting
 * stays at 13.00 in Nässjö across the change to and from summer time.
 */
import { stockholmToUtc } from "~/lib/dates";

export { stockholmToUtc };

const ZONE = "Europe/Stockholm";

/** A UTC instant as Stockholm date and time, for the forms. */
export function utcToStockholm(iso: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
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
