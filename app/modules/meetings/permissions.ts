/**
 * Who may do what in a forum and its meetings: pure rules over the actor's standing, so that the
 * loaders, the actions and the pages ask the same question the same way.
 */
import type { ForumKind, ForumRole, MeetingStatus, Role } from "#db/schema";

/** Every portal role can sit in a forum except the systemförvaltare, who never sees case work. */
export const FORUM_PORTAL_ROLES = [
  "kaa_coordinator",
  "kaa_caseworker",
  "school_staff",
  "social_worker",
  "employment_officer",
  "steering_member",
] as const satisfies readonly Role[];

export type ForumStanding = {
  /** The actor's role in the forum, or null if the actor's membership is not a member. */
  forumRole: ForumRole | null;
  /** The KAA samordnare of the forum's municipality: creates forums and manages their members. */
  isAdministrator: boolean;
};

export type MeetingStanding = ForumStanding & {
  /** Invited to this meeting (a member, or a guest with a portal account). */
  isParticipant: boolean;
  /** Named to approve (justera) the minutes. */
  isAdjuster: boolean;
};

export const mayOpenForum = (s: ForumStanding) => s.forumRole !== null;
/** The members page: members read it; the chair and the samordnare change it. */
export const mayOpenMembers = (s: ForumStanding) => s.forumRole !== null || s.isAdministrator;
export const mayManageForum = (s: ForumStanding) => s.forumRole === "chair" || s.isAdministrator;
/** The chair and the secretary plan meetings, set the agenda, send it and write the minutes. */
export const mayPlan = (s: ForumStanding) => s.forumRole === "chair" || s.forumRole === "secretary";
export const mayOpenMeeting = (s: MeetingStanding) => s.forumRole !== null || s.isParticipant;
/** Any member may propose an agenda item; the chair or secretary accepts it. */
export const mayPropose = (s: MeetingStanding) => s.forumRole !== null;

export const agendaEditable = (status: MeetingStatus) => status === "planned" || status === "agenda_sent";
export const minutesEditable = (status: MeetingStatus) => status === "held";
export const mayCancel = (status: MeetingStatus) => status === "planned" || status === "agenda_sent";
export const maySendAgenda = (status: MeetingStatus) => status === "planned" || status === "agenda_sent";
/** Case items are re-checked against consents until the meeting is held. */
export const consentsRechecked = (status: MeetingStatus) => status === "planned" || status === "agenda_sent";

/** A meeting can be marked held from its start date (Stockholm) on, not before. */
export function mayMarkHeld(status: MeetingStatus, startDate: string, today: string) {
  return (status === "planned" || status === "agenda_sent") && startDate <= today;
}

/** The styrgrupp and the samverkansforum follow the KAA work in key figures. */
export const KEY_FIGURE_FORUM_KINDS: readonly ForumKind[] = ["steering_group", "collaboration_forum"];
export const mayHaveKeyFigures = (kind: ForumKind) => KEY_FIGURE_FORUM_KINDS.includes(kind);
