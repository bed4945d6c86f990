/** The value lists of the meeting tables, without drizzle, so that browser code can import them. */

export const FORUM_KINDS = ["steering_group", "collaboration_forum", "working_group", "other"] as const;
export type ForumKind = (typeof FORUM_KINDS)[number];
export const FORUM_ROLES = ["chair", "secretary", "member"] as const;
export type ForumRole = (typeof FORUM_ROLES)[number];
export const MEETING_RHYTHMS = ["weekly", "biweekly", "monthly", "bimonthly", "quarterly", "per_term", "as_needed"] as const;
export type MeetingRhythm = (typeof MEETING_RHYTHMS)[number];
export const MEETING_STATUSES = ["planned", "agenda_sent", "held", "minutes_approved", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const AGENDA_ITEM_KINDS = ["information", "decision", "discussion", "case", "follow_up", "key_figures", "goals"] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];
export const AGENDA_ITEM_STATES = ["proposed", "accepted", "declined", "withdrawn"] as const;
export type AgendaItemState = (typeof AGENDA_ITEM_STATES)[number];
/** The parts of a youth file a case item can show (a subset of the consentable sections). */
export const CASE_ITEM_SECTIONS = ["identity", "plan"] as const;
export type CaseItemSection = (typeof CASE_ITEM_SECTIONS)[number];
export const ACTION_ITEM_STATUSES = ["open", "done", "cancelled"] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
// queued: in the e-mail outbox (delivery under way); opted_out: the participant wants notices in the portal only.
export const AGENDA_EMAIL_STATUSES = ["queued", "sent", "failed", "no_address", "not_configured", "opted_out"] as const;
export type AgendaEmailStatus = (typeof AGENDA_EMAIL_STATUSES)[number];
export const ATTENDANCE = ["present", "absent"] as const;
export type Attendance = (typeof ATTENDANCE)[number];
