/**
 * The notification kinds in Swedish, who can receive each, and which kinds go by e-mail unless the
 * user says otherwise. One place for the preferences page, the e-mails and the notices' senders.
 * Imports no tables (only types), so the browser can use it.
 */
import type { NotificationKind, Role } from "#db/schema";

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  agenda_sent: "Dagordning skickad",
  meeting_cancelled: "Möte inställt",
  meeting_moved: "Möte flyttat",
  item_proposed: "Ny punkt föreslagen till dagordningen",
  proposal_decided: "Beslut om din föreslagna punkt",
  case_item_anonymised: "Ärendepunkt avidentifierad",
  minutes_approved: "Protokoll justerat",
  minutes_awaiting_approval: "Protokoll att justera",
  action_item_assigned: "Åtgärdspunkt tilldelad dig",
  referral_received: "Ny remiss",
  referral_accepted: "Remiss accepterad",
  referral_declined: "Remiss avböjd",
  referral_closed: "Remiss avslutad",
  referral_feedback: "Ny återkoppling på remiss",
  referral_revoked: "Remiss återkallad",
  notice_received: "Anmälan mottagen",
  concern_report_received: "Orosanmälan mottagen",
  concern_report_status: "Orosanmälans handläggning",
  email_failed: "E-post kunde inte levereras",
};

/**
 * Kinds that ask the receiver to act (or that the law says the receiver shall be told): e-mail is on
 * for them until the user turns it off. Everything else is in-app only by default.
 */
export const EMAIL_BY_DEFAULT: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
  // The agenda was always e-mailed: it is the calling to the meeting (and guests have only e-mail).
  "agenda_sent",
  "referral_received",
  "referral_accepted",
  "referral_declined",
  "referral_closed",
  "referral_feedback",
  "referral_revoked",
  "minutes_awaiting_approval",
  "meeting_moved",
  "meeting_cancelled",
  "action_item_assigned",
  "notice_received",
  "concern_report_received",
  "concern_report_status",
]);

/**
 * A failed e-mail is told in the portal only: telling it by e-mail would go the way that just failed.
 */
export const IN_APP_ONLY: ReadonlySet<NotificationKind> = new Set<NotificationKind>(["email_failed"]);

const MEETING_ROLES: readonly Role[] = ["kaa_coordinator", "kaa_caseworker", "school_staff", "social_worker", "employment_officer", "steering_member"];
const KAA: readonly Role[] = ["kaa_coordinator", "kaa_caseworker"];
const PARTNERS: readonly Role[] = ["social_worker", "employment_officer", "school_staff", ...KAA];
const REPORTERS: readonly Role[] = ["school_staff", "social_worker", ...KAA];

/** Which roles can receive each kind: the preferences page lists only the kinds that reach the user. */
export const NOTIFICATION_KIND_ROLES: Record<NotificationKind, readonly Role[]> = {
  agenda_sent: MEETING_ROLES,
  meeting_cancelled: MEETING_ROLES,
  meeting_moved: MEETING_ROLES,
  item_proposed: MEETING_ROLES,
  proposal_decided: MEETING_ROLES,
  case_item_anonymised: MEETING_ROLES,
  minutes_approved: MEETING_ROLES,
  minutes_awaiting_approval: MEETING_ROLES,
  action_item_assigned: MEETING_ROLES,
  referral_received: PARTNERS,
  referral_accepted: KAA,
  referral_declined: KAA,
  referral_closed: KAA,
  // Återkoppling goes both ways: the recipient organisation is told of the KAA unit's too.
  referral_feedback: PARTNERS,
  referral_revoked: PARTNERS,
  notice_received: ["school_staff", ...KAA],
  concern_report_received: REPORTERS,
  concern_report_status: REPORTERS,
  email_failed: [...MEETING_ROLES, "system_admin", "auditor"],
};

/**
 * Kinds that notifyOrganisation also e-mails to the organisation's functional mailbox (when it has
 * one): what the organisation as a whole must act on, whoever is at work.
 */
export const MAILBOX_KINDS: ReadonlySet<NotificationKind> = new Set<NotificationKind>(["referral_received", "referral_revoked", "concern_report_received"]);

export function defaultPreference(kind: NotificationKind): { inApp: boolean; email: boolean } {
  return { inApp: true, email: EMAIL_BY_DEFAULT.has(kind) && !IN_APP_ONLY.has(kind) };
}
