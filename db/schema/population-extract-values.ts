/**
 * The value lists of the population-extract schedule, in a file without drizzle so that the
 * samordnare's form in the browser can import them.
 */

/** Off, every weekday (Monday–Friday, as Stockholm's BER runs), or once a week on a chosen day. */
export const EXTRACT_FREQUENCIES = ["off", "weekdays", "weekly"] as const;
export type ExtractFrequency = (typeof EXTRACT_FREQUENCIES)[number];
