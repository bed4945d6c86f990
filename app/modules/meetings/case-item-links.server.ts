/**
 * Keeping case items within sekretess over time: when a consent is withdrawn or expires, or the
 * participants change, a linked case item that is no longer covered loses its link, and the forum's
 * chair and secretary are told (without youth data).
 */
import { inArray } from "drizzle-orm";
import { getDb } from "#db/client";
import { meetings } from "#db/schema";
import type { OpenedFile } from "~/modules/access/gate.server";
import { reconcileMeetingCaseItems, unlinkCaseItemsOfYouth } from "~/modules/meetings/case-item-coverage.server";
import { notify } from "~/modules/notifications/notifications.server";
import { meetingLink, meetingNoticeTopic, plannerMembershipIds } from "./meeting-notices.server";

type Unlinked = { itemId: number; meetingId: number }[];

function tellPlanners(unlinked: Unlinked) {
  if (unlinked.length === 0) return;
  const db = getDb();
  const affected = db
    .select({ id: meetings.id, forumId: meetings.forumId, title: meetings.title })
    .from(meetings)
    .where(inArray(meetings.id, [...new Set(unlinked.map((u) => u.meetingId))]))
    .all();
  notify(
    db,
    affected.flatMap((m) =>
      plannerMembershipIds(m.forumId).map((membershipId) => ({
        membershipId,
        kind: "case_item_anonymised" as const,
        title: `En ärendepunkt har avidentifierats: ${m.title}`,
        body: "Samtycket omfattar inte längre alla organisationer som deltar i mötet.",
        link: meetingLink(m.id),
        topic: meetingNoticeTopic(m.id, "case_item_anonymised"),
      })),
    ),
  );
}

/**
 * For the consent module to call right after a consent is withdrawn (or changed), with the file it
 * opened to write the consents: every case item naming the youth on a meeting not yet held is
 * re-checked and, if no longer covered, unlinked.
 */
export function unlinkUncoveredCaseItems(file: OpenedFile<never, "consents">, now = new Date()): Unlinked {
  const unlinked = unlinkCaseItemsOfYouth(file, now);
  tellPlanners(unlinked);
  return unlinked;
}

/** The same for one meeting, whenever it is read before it is held or its participants change. */
export function recheckMeetingCaseItems(meetingId: number, now = new Date()): Unlinked {
  const unlinked = reconcileMeetingCaseItems(meetingId, now);
  tellPlanners(unlinked);
  return unlinked;
}
