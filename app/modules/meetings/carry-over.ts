/**
 * Åtgärdspunkter follow the forum until they are done: every open action item decided in the
 * approved minutes of an earlier meeting of the forum is followed up on the agenda of each later
 * meeting, until someone marks it done. Pure: the caller loads the items and stores the result.
 */
import type { ActionItemStatus } from "#db/schema";

export type CarryCandidate = {
  id: number;
  status: ActionItemStatus;
  dueDate: string;
  /** The meeting whose minutes decided the item. */
  meetingId: number;
  meetingStartsAt: string;
  /** Draft minutes can still change; only justerade protokoll give action items to follow up. */
  minutesApproved: boolean;
};

/**
 * The action items the agenda of `meeting` must carry and does not yet, oldest due date first.
 * `onAgenda` holds the action items the meeting already follows up (in any state, so a follow-up the
 * chair withdrew is not added again).
 */
export function actionItemsToCarryOver<T extends CarryCandidate>(
  meeting: { id: number; startsAt: string },
  candidates: readonly T[],
  onAgenda: ReadonlySet<number>,
): T[] {
  return candidates
    .filter(
      (item) =>
        item.status === "open" && item.minutesApproved && item.meetingId !== meeting.id && item.meetingStartsAt < meeting.startsAt && !onAgenda.has(item.id),
    )
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id);
}

/** Minutes a follow-up is given on the agenda, unless the chair changes it. */
export const FOLLOW_UP_MINUTES = 5;

export function followUpTitle(actionTitle: string) {
  return `Uppföljning: ${actionTitle}`;
}
