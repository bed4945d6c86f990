import type { ActionItemStatus, AgendaItemKind, AgendaItemState, CaseItemSection, ForumKind, ForumRole, MeetingRhythm, MeetingStatus } from "#db/schema";

/** Swedish names of the meeting concepts, shown in the interface. */
export const FORUM_KIND_LABELS: Record<ForumKind, string> = {
  steering_group: "Styrgrupp",
  collaboration_forum: "Samverkansforum",
  working_group: "Arbetsgrupp",
  other: "Annat forum",
};

export const FORUM_ROLE_LABELS: Record<ForumRole, string> = {
  chair: "Ordförande",
  secretary: "Sekreterare",
  member: "Ledamot",
};

export const RHYTHM_LABELS: Record<MeetingRhythm, string> = {
  weekly: "Varje vecka",
  biweekly: "Varannan vecka",
  monthly: "En gång i månaden",
  bimonthly: "Varannan månad",
  quarterly: "En gång per kvartal",
  per_term: "En gång per termin",
  as_needed: "Vid behov",
};

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: "Planerat",
  agenda_sent: "Dagordning skickad",
  held: "Hållet, protokoll pågår",
  minutes_approved: "Protokollet justerat",
  cancelled: "Inställt",
};

export const AGENDA_KIND_LABELS: Record<AgendaItemKind, string> = {
  information: "Information",
  decision: "Beslut",
  discussion: "Diskussion",
  case: "Ärende",
  follow_up: "Uppföljning av åtgärdspunkt",
  key_figures: "Nyckeltal",
  goals: "Mål och handlingsplan",
};

export const AGENDA_STATE_LABELS: Record<AgendaItemState, string> = {
  proposed: "Föreslagen",
  accepted: "På dagordningen",
  declined: "Avböjd",
  withdrawn: "Borttagen",
};

export const ACTION_STATUS_LABELS: Record<ActionItemStatus, string> = {
  open: "Öppen",
  done: "Klar",
  cancelled: "Struken",
};

export const CASE_SECTION_LABELS: Record<CaseItemSection, string> = {
  identity: "Namn och ålder",
  plan: "Planens mål och pågående insatser",
};

/** Short forms for lists of missing consent sections. */
export const CASE_SECTION_SHORT: Record<CaseItemSection, string> = {
  identity: "namn och ålder",
  plan: "planering",
};
export { FORUM_ROLES } from "#db/schema/meetings-values";
