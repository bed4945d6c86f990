/** The notice states, in a file without drizzle so that the browser can import them. */
export const NOTICE_STATUSES = ["sent", "received", "handled"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
