import type { NoticeStatus } from "#db/schema/notices-values";

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  sent: "Skickad",
  received: "Mottagen",
  handled: "Hanterad",
  to_send_manually: "Att skicka manuellt",
  sent_manually: "Skickad manuellt",
  withdrawn: "Återkallad",
};
export { INBOX_STATUSES, NOTICE_STATUSES, type InboxStatus, type NoticeStatus } from "#db/schema/notices-values";
export type { Role } from "#db/schema/organizations-values";
