// Open action items follow the forum: each later meeting's agenda carries them until done.
import { describe, expect, it } from "vitest";
import { actionItemsToCarryOver, type CarryCandidate } from "~/modules/meetings/carry-over";

const NEXT = { id: 3, startsAt: "2026-12-08T12:00:00.000Z" };
const item = (id: number, overrides: Partial<CarryCandidate> = {}): CarryCandidate => ({
  id,
  status: "open",
  dueDate: "2026-12-01",
  meetingId: 2,
  meetingStartsAt: "2026-11-24T12:00:00.000Z",
  minutesApproved: true,
  ...overrides,
});

describe("carrying over open action items", () => {
  it("carries every open item of earlier meetings with approved minutes, earliest due first", () => {
    const result = actionItemsToCarryOver(
      NEXT,
      [item(1, { dueDate: "2026-12-05" }), item(2, { dueDate: "2026-11-30", meetingId: 1, meetingStartsAt: "2026-11-10T12:00:00.000Z" })],
      new Set(),
    );
    expect(result.map((i) => i.id)).toEqual([2, 1]);
  });

  it("leaves out items that are done or struck", () => {
    expect(actionItemsToCarryOver(NEXT, [item(1, { status: "done" }), item(2, { status: "cancelled" }), item(3)], new Set()).map((i) => i.id)).toEqual([3]);
  });

  it("leaves out items from draft minutes (not yet justerade)", () => {
    expect(actionItemsToCarryOver(NEXT, [item(1, { minutesApproved: false })], new Set())).toEqual([]);
  });

  it("leaves out items already on the agenda, also when the chair withdrew the follow-up", () => {
    expect(actionItemsToCarryOver(NEXT, [item(1), item(2)], new Set([1])).map((i) => i.id)).toEqual([2]);
  });

  it("never carries an item to its own meeting or to an earlier one", () => {
    const own = item(1, { meetingId: NEXT.id, meetingStartsAt: NEXT.startsAt });
    const later = item(2, { meetingId: 4, meetingStartsAt: "2026-12-22T12:00:00.000Z" });
    expect(actionItemsToCarryOver(NEXT, [own, later], new Set())).toEqual([]);
  });

  it("keeps carrying an open item to every later meeting until it is done", () => {
    const open = item(1);
    const meetingAfterNext = { id: 4, startsAt: "2026-12-22T12:00:00.000Z" };
    expect(actionItemsToCarryOver(NEXT, [open], new Set())).toHaveLength(1);
    expect(actionItemsToCarryOver(meetingAfterNext, [open], new Set())).toHaveLength(1);
    expect(actionItemsToCarryOver(meetingAfterNext, [{ ...open, status: "done" }], new Set())).toHaveLength(0);
  });
});
