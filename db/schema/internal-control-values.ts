/** The value lists of the internal-control tables, without drizzle, so that browser code can import them. */

/** Which enrollments a stickprov is drawn from: open at the as-of date, ended in the period, or both. */
export const SAMPLE_STATES = ["all", "open", "ended"] as const;
export type SampleState = (typeof SAMPLE_STATES)[number];
