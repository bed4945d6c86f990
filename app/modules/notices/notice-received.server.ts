/**
 * The school is told when the home municipality's KAA unit has received its notice: the one who
 * filed it, or, once that membership has ended, the school's staff. The notice says only that it
 * was received, with a link to the school's own page of it.
 */
import type { Tx } from "#db/client";
import type { notices } from "#db/schema";
import { notify, notifyOrganisation } from "~/modules/notifications/notifications.server";
import { isMembershipActive } from "~/modules/organizations/memberships.server";

type Notice = Pick<typeof notices.$inferSelect, "id" | "submittedByMembershipId" | "schoolOrganisationId">;

export const noticeTopic = (noticeId: number) => `notice:${noticeId}`;

export function tellSchoolReceived(tx: Tx, notice: Notice, receiverOrganisationName: string, causedBy: number) {
  const message = {
    kind: "notice_received" as const,
    title: `Anmälan ${notice.id} har tagits emot av ${receiverOrganisationName}`,
    body: "Hemkommunen har tagit emot anmälan och ansvarar nu för den fortsatta kontakten.",
    link: `/anmalningar/${notice.id}`,
    topic: noticeTopic(notice.id),
  };
  if (isMembershipActive(tx, notice.submittedByMembershipId)) notify(tx, [{ ...message, membershipId: notice.submittedByMembershipId }], { causedBy });
  else notifyOrganisation(tx, notice.schoolOrganisationId, message, { roles: ["school_staff"], causedBy });
}
