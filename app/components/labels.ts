import type { NoticeStatus } from "#db/schema";

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  sent: "Skickad",
  received: "Mottagen",
  handled: "Hanterad",
};
export { NOTICE_STATUSES, type NoticeStatus, type Role } from "#db/schema";
