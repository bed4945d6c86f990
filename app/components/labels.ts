import type { NoticeStatus } from "#db/schema";

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  sent: "Skickad",
  received: "Mottagen",
  handled: "Hanterad",
};
