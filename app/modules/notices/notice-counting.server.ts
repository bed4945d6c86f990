/**
 * Which stored notices count as a school's notice received by the KAA unit, for the follow-up and the
 * key figures: one sent, received or handled (not one to send by hand, sent by hand elsewhere, or
 * withdrawn), and a school's (not another KAA unit's move notice).
 */
import { and, inArray, ne, type SQL } from "drizzle-orm";
import { notices } from "#db/schema";
import { INBOX_STATUSES } from "#db/schema/notices-values";

export function schoolNoticeReceived(): SQL {
  return and(inArray(notices.status, [...INBOX_STATUSES]), ne(notices.kind, "moved"))!;
}
