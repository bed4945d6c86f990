/** A forum's meeting rhythm suggests the date of its next meeting. */
import type { MeetingRhythm } from "#db/schema";
import { addDays, addMonths } from "~/lib/dates";

function step(rhythm: MeetingRhythm, date: string): string {
  switch (rhythm) {
    case "weekly":
      return addDays(date, 7);
    case "biweekly":
      return addDays(date, 14);
    case "monthly":
      return addMonths(date, 1);
    case "bimonthly":
      return addMonths(date, 2);
    case "quarterly":
      return addMonths(date, 3);
    case "per_term":
      return addMonths(date, 6);
    case "as_needed":
      return addDays(date, 7);
  }
}

/**
 * The rhythm's next date after the forum's latest meeting, moved forward past today if the forum
 * has not met for a while; a week from today for a new forum or one that meets when needed.
 */
export function suggestNextMeetingDate(rhythm: MeetingRhythm, latestMeetingDate: string | null, today: string): string {
  if (!latestMeetingDate || rhythm === "as_needed") return addDays(today, 7);
  let next = step(rhythm, latestMeetingDate);
  while (next <= today) next = step(rhythm, next);
  return next;
}
