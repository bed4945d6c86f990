/** The value lists of the goals and the handlingsplan (issue 13), without drizzle, so that browser code can import them. */

/** A goal is met when the figure is at least (gte) or at most (lte) the target. */
export const GOAL_COMPARATORS = ["gte", "lte"] as const;
export type GoalComparator = (typeof GOAL_COMPARATORS)[number];
/** The fixed periods of the follow-up a goal is judged in (a free interval is no rhythm to follow). */
export const GOAL_PERIOD_KINDS = ["tertial", "termin", "lasar", "ar", "halvar"] as const;
export type GoalPeriodKind = (typeof GOAL_PERIOD_KINDS)[number];
/** What happened to a goal: each change is kept as a revision. */
export const GOAL_EVENTS = ["created", "updated", "archived", "restored"] as const;
export type GoalEvent = (typeof GOAL_EVENTS)[number];
export const ACTIVITY_STATUSES = ["planned", "in_progress", "done", "cancelled"] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
