/** The notice states, in a file without drizzle so that the browser can import them. */
export const NOTICE_STATUSES = [
  "sent",
  "received",
  "handled",
  // The home municipality has no KAA unit in the portal: the school sends the printed notice itself.
  "to_send_manually",
  // ... and the school has marked it sent by post or e-mail (when and by whom on the notice).
  "sent_manually",
  // The school took the notice back before it was received.
  "withdrawn",
] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** The states a KAA unit's inbox shows: a notice to send by hand or withdrawn never reaches it. */
export const INBOX_STATUSES = ["sent", "received", "handled"] as const satisfies readonly NoticeStatus[];
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/** The states in which the school may still correct or withdraw its notice: not yet received. */
export const SCHOOL_EDITABLE_STATUSES = ["sent", "to_send_manually"] as const satisfies readonly NoticeStatus[];

/** Open notices: a new one like them is likely a duplicate. */
export const OPEN_NOTICE_STATUSES = ["sent", "to_send_manually", "sent_manually", "received"] as const satisfies readonly NoticeStatus[];

/** Why a notice's earlier values were kept. */
export const NOTICE_REVISION_ACTIONS = ["corrected", "withdrawn"] as const;
export type NoticeRevisionAction = (typeof NOTICE_REVISION_ACTIONS)[number];
