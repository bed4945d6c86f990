/**
 * Who is told what about a referral (issue 16). Each notice is written in the transaction of the
 * step it tells about, says only what happened in general terms (the referral's number and the
 * organisations, never the youth or the case) and links to the referral page, which checks access
 * again. Every notice carries the topic `referral:<id>`.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "#db/client";
import { enrollments, memberships, referrals } from "#db/schema";
import type { NotificationKind } from "#db/schema";
import { notify, notifyOrganisation } from "~/modules/notifications/notifications.server";
import type { Actor } from "~/modules/auth/actor.server";
import { isMembershipActive } from "~/modules/organizations/memberships.server";

type ReferralRow = typeof referrals.$inferSelect;
type Conn = Db | Tx;

export const referralTopic = (referralId: number) => `referral:${referralId}`;
const referralLink = (referralId: number) => `/remisser/${referralId}`;
/** The organisation that took the step, as the notice names it (never a person). */
const orgName = (by: Actor) => by.organisationName ?? "KAA-enheten";
const READ_MORE = "Öppna remissen i portalen för att se mer.";

/**
 * The person on the KAA side to tell: whoever sent the referral, or, once that membership has ended,
 * the youth's current caseworker in the register that sent it. Null when neither is there.
 */
function senderToTell(tx: Conn, row: ReferralRow): number | null {
  if (isMembershipActive(tx, row.senderMembershipId)) return row.senderMembershipId;
  const current = tx
    .select({ caseworker: enrollments.caseworkerMembershipId })
    .from(enrollments)
    .innerJoin(memberships, eq(memberships.id, enrollments.caseworkerMembershipId))
    .where(
      and(eq(enrollments.youthId, row.youthId), eq(enrollments.municipalityId, row.municipalityId), isNull(enrollments.endDate), isNull(memberships.endedAt)),
    )
    .orderBy(desc(enrollments.startDate))
    .get();
  return current?.caseworker ?? null;
}

/** Tells the sender side; with nobody left to tell, the sending unit's samordnare are told instead. */
function tellSender(tx: Conn, row: ReferralRow, kind: NotificationKind, title: string, causedBy: number) {
  const notice = { kind, title, body: READ_MORE, link: referralLink(row.id), topic: referralTopic(row.id) };
  const membershipId = senderToTell(tx, row);
  if (membershipId !== null) notify(tx, [{ ...notice, membershipId }], { causedBy });
  else notifyOrganisation(tx, row.senderOrganisationId, notice, { roles: ["kaa_coordinator"], causedBy });
}

/** Tells the recipient organisation: its responsible handläggare when one is named and still there, else all its members. */
function tellRecipient(
  tx: Conn,
  row: ReferralRow,
  kind: NotificationKind,
  title: string,
  causedBy: number | null,
  options: { responsibleOnly?: boolean } = {},
) {
  const notice = { kind, title, body: READ_MORE, link: referralLink(row.id), topic: referralTopic(row.id) };
  if (options.responsibleOnly && isMembershipActive(tx, row.responsibleMembershipId)) {
    notify(tx, [{ ...notice, membershipId: row.responsibleMembershipId }], { causedBy });
    return;
  }
  notifyOrganisation(tx, row.recipientOrganisationId, notice, { causedBy });
}

export function tellReferralSent(tx: Conn, row: ReferralRow, by: Actor) {
  tellRecipient(tx, row, "referral_received", `Ny remiss ${row.id} från ${orgName(by)}`, by.membershipId);
}

const SENDER_NEWS = {
  accepted: { kind: "referral_accepted", verb: "accepterats" },
  declined: { kind: "referral_declined", verb: "avböjts" },
  closed: { kind: "referral_closed", verb: "avslutats" },
} as const;

/** The recipient accepted, declined or closed the referral: the sender is told. */
export function tellReferralDecided(tx: Conn, row: ReferralRow, outcome: keyof typeof SENDER_NEWS, by: Actor) {
  const { kind, verb } = SENDER_NEWS[outcome];
  tellSender(tx, row, kind, `Remiss ${row.id} har ${verb} av ${orgName(by)}`, by.membershipId);
}

/**
 * The sender revoked the referral (or the consent it rested on was withdrawn, by staff or by the youth
 * on Mina sidor: "data_subject"): the recipient organisation is told.
 */
export function tellReferralRevoked(tx: Conn, row: ReferralRow, by: Actor | "data_subject") {
  if (by === "data_subject") tellRecipient(tx, row, "referral_revoked", `Remiss ${row.id} har återkallats: samtycket återkallades`, null);
  else tellRecipient(tx, row, "referral_revoked", `Remiss ${row.id} har återkallats av ${orgName(by)}`, by.membershipId);
}

/** New återkoppling goes to the other side: from the recipient to the sender, from the sender to the recipient's handläggare. */
export function tellReferralFeedback(tx: Conn, row: ReferralRow, writtenBy: "sender" | "recipient", by: Actor) {
  const title = `Ny återkoppling på remiss ${row.id} från ${orgName(by)}`;
  if (writtenBy === "recipient") tellSender(tx, row, "referral_feedback", title, by.membershipId);
  else tellRecipient(tx, row, "referral_feedback", title, by.membershipId, { responsibleOnly: true });
}
