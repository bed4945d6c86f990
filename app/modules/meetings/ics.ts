/**
 * One meeting as an iCalendar file (RFC 5545): one VEVENT with times in UTC, lines ended by CRLF
 * and folded at 75 octets, text values escaped. Carries no agenda: the file ends up in calendars
 * outside the portal's sekretess.
 */
export type IcsMeeting = {
  uid: string;
  /** The meeting's revision: calendars replace an event when SEQUENCE grows. */
  sequence: number;
  title: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  url: string;
  description: string;
  cancelled: boolean;
  /** When the file is made (DTSTAMP). */
  now: Date;
};

/** 2026-12-08T12:00:00.000Z → 20261208T120000Z */
export function icsUtc(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** TEXT values: backslash, semicolon, comma and newlines are escaped (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line so that no line is longer than 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = "";
  let currentBytes = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    // Continuation lines begin with a space, which counts towards their 75 octets.
    const limit = out.length === 0 ? 75 : 74;
    if (currentBytes + bytes > limit) {
      out.push(current);
      current = "";
      currentBytes = 0;
    }
    current += char;
    currentBytes += bytes;
  }
  out.push(current);
  return out.join("\r\n ");
}

export function meetingIcs(meeting: IcsMeeting): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Samverkansportalen//Samverkansmoten//SV",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${meeting.uid}`,
    `SEQUENCE:${meeting.sequence}`,
    `DTSTAMP:${icsUtc(meeting.now)}`,
    `DTSTART:${icsUtc(meeting.startsAt)}`,
    `DTEND:${icsUtc(meeting.endsAt)}`,
    `SUMMARY:${escapeText(meeting.title)}`,
    ...(meeting.location ? [`LOCATION:${escapeText(meeting.location)}`] : []),
    `DESCRIPTION:${escapeText(meeting.description)}`,
    `URL:${meeting.url}`,
    `STATUS:${meeting.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
