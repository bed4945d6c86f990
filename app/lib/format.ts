/** Dates are stored in UTC and shown in Swedish time. */
const dateTime = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Stockholm" });
const dateOnly = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeZone: "Europe/Stockholm" });

export function formatDateTime(iso: string) {
  return dateTime.format(new Date(iso));
}

export function formatDate(iso: string) {
  return iso.length === 10 ? iso : dateOnly.format(new Date(iso));
}

export function parsePage(value: string | null) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}
