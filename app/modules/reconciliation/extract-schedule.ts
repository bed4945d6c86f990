/**
 * The samordnare's schedule for the population-register extract: its form schema, labels and the
 * pure rule that says when it is due. No database here: the browser form imports this file.
 */
import { z } from "zod";
import { EXTRACT_FREQUENCIES, type ExtractFrequency } from "#db/schema/population-extract-values";

// The pages take the value list from here, not from db/.
export { EXTRACT_FREQUENCIES };
import { addDays, stockholmToUtc, todayIso } from "~/lib/dates";

export const FREQUENCY_LABELS: Record<ExtractFrequency, string> = {
  off: "Av (bara när någon hämtar)",
  weekdays: "Varje vardag (måndag–fredag)",
  weekly: "En gång i veckan",
};

/** ISO weekdays, Monday = 1. */
export const WEEKDAY_LABELS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"] as const;

export type ExtractSchedule = { frequency: ExtractFrequency; weekday: number | null; hour: number };

export const scheduleSchema = z
  .object({
    frequency: z.enum(EXTRACT_FREQUENCIES, { error: "Välj hur ofta uttaget ska hämtas." }),
    hour: z.coerce
      .number({ error: "Ange en hel timme mellan 0 och 23." })
      .int({ error: "Ange en hel timme mellan 0 och 23." })
      .min(0, { error: "Ange en hel timme mellan 0 och 23." })
      .max(23, { error: "Ange en hel timme mellan 0 och 23." }),
    weekday: z.preprocess(
      (v) => (v === "" || v === undefined || v === null ? null : v),
      z.coerce.number().int().min(1, { error: "Välj en veckodag." }).max(7, { error: "Välj en veckodag." }).nullable(),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.frequency === "weekly" && value.weekday === null)
      ctx.addIssue({ code: "custom", path: ["weekday"], message: "Välj vilken veckodag uttaget ska hämtas." });
  })
  .transform((value): ExtractSchedule => ({ ...value, weekday: value.frequency === "weekly" ? value.weekday : null }));

function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The latest scheduled start at or before `now` (UTC ISO), or null when the schedule is off. */
export function latestSlot(schedule: ExtractSchedule, now: Date): string | null {
  if (schedule.frequency === "off") return null;
  const today = todayIso(now);
  for (let back = 0; back <= 7; back++) {
    const date = addDays(today, -back);
    const weekday = isoWeekday(date);
    const matches = schedule.frequency === "weekdays" ? weekday <= 5 : weekday === schedule.weekday;
    if (!matches) continue;
    const slot = stockholmToUtc(date, `${String(schedule.hour).padStart(2, "0")}:00`);
    if (Date.parse(slot) <= now.getTime()) return slot;
  }
  return null;
}

/**
 * Due when a scheduled start has passed that is later than both the last run and the moment the
 * schedule was set (setting 04:00 at 10:00 does not start one at once). A server that was down at
 * the start time runs once when it is back, not once per missed start.
 */
export function isExtractDue(schedule: ExtractSchedule & { lastRunAt: string | null; updatedAt: string }, now: Date): boolean {
  const slot = latestSlot(schedule, now);
  if (slot === null) return false;
  const since = Math.max(Date.parse(schedule.updatedAt), schedule.lastRunAt ? Date.parse(schedule.lastRunAt) : 0);
  return Date.parse(slot) > since;
}

/** "Varje vardag kl. 04", "Varje tisdag kl. 06", "Av". */
export function describeSchedule(schedule: ExtractSchedule): string {
  const hour = `kl. ${String(schedule.hour).padStart(2, "0")}.00`;
  if (schedule.frequency === "weekdays") return `Varje vardag ${hour}`;
  if (schedule.frequency === "weekly" && schedule.weekday) return `Varje ${WEEKDAY_LABELS[schedule.weekday - 1]} ${hour}`;
  return "Av";
}
