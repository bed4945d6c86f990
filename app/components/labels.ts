import type { NoticeStatus } from "#db/schema/notices-values";

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  sent: "Skickad",
  received: "Mottagen",
  handled: "Hanterad",
};
export { NOTICE_STATUSES, type NoticeStatus } from "#db/schema/notices-values";
export type { Role } from "#db/schema/organizations-values";
