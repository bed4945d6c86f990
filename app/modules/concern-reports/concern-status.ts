/**
 * Socialtjänsten's handling of a report of concern (SoL 14 kap. 1 a §): received when socialtjänsten
 * first opens it, then the förhandsbedömning, then whether an investigation is opened or not. Pure,
 * so the page and the action ask the same question.
 */
import { z } from "zod";
import { CONCERN_HANDLING_STATUSES, type ConcernHandlingStatus } from "#db/schema/consent-values";
import { optionalText } from "~/lib/form-fields";

export { CONCERN_HANDLING_STATUSES, type ConcernHandlingStatus };

export const CONCERN_STATUS_LABELS: Record<ConcernHandlingStatus, string> = {
  received: "Mottagen",
  preliminary_assessment: "Förhandsbedömning",
  investigation_opened: "Utredning inleds",
  investigation_not_opened: "Utredning inleds inte",
};

const NEXT: Record<ConcernHandlingStatus, readonly ConcernHandlingStatus[]> = {
  received: ["preliminary_assessment"],
  preliminary_assessment: ["investigation_opened", "investigation_not_opened"],
  investigation_opened: [],
  investigation_not_opened: [],
};

/** The statuses a report may be given next; a report not yet received can only be received. */
export function nextConcernStatuses(current: ConcernHandlingStatus | null): readonly ConcernHandlingStatus[] {
  return current === null ? ["received"] : NEXT[current];
}

export const concernStatusSchema = z.object({
  status: z.enum(CONCERN_HANDLING_STATUSES, { error: "Välj status." }),
  note: optionalText(500),
});
export type ConcernStatusInput = z.output<typeof concernStatusSchema>;
