/**
 * In-app notices (meddelanden) to users, and the e-mail each user asked for. Written inside the
 * transaction of what they tell about, so a notice (and its e-mail in the outbox) never exists
 * without its cause; they hold a title and a link, never youth data.
 */
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Db, type Tx } from "#db/client";
import { memberships, notifications, organisations, users, type NotificationKind, type Role } from "#db/schema";
import { config } from "~/config.server";
import { IN_APP_ONLY, MAILBOX_KINDS } from "./labels";
import { noticeEmailText } from "./notice-email";
import { enqueueEmail } from "./outbox.server";
import { preferencesOf } from "./preferences.server";

/**
 * `topic` names what the notice is about ("meeting:12", "referral:7") so that a later change can
 * restate the notices already sent (see `restateNotices`). `email: false`: the caller mails this
 * itself (the agenda) and notify stores the in-app notice only.
 */
export type NewNotification = {
  membershipId: number;
  kind: NotificationKind;
  title: string;
  body?: string;
  link?: string;
  topic?: string;
  email?: false;
};

/** `causedBy`: the membership whose action this tells of; told in the portal if an e-mail fails for good. */
export type NotifyOptions = { causedBy?: number | null };

/**
 * Stores notices for the users behind the given memberships, each as the user chose for the kind:
 * in the portal, and/or by e-mail to their work address (the outbox; sent by the delivery run).
 */
export function notify(tx: Db | Tx, list: NewNotification[], options: NotifyOptions = {}) {
  if (list.length === 0) return;
  const owners = tx
    .select({ id: memberships.id, userId: memberships.userId, address: users.username })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    // Someone who has left the role, or whose account is disabled, is told nothing (and gets no e-mail).
    .where(and(inArray(memberships.id, [...new Set(list.map((n) => n.membershipId))]), isNull(memberships.endedAt), isNull(users.disabledAt)))
    .all();
  const ownerOf = new Map(owners.map((o) => [o.id, o]));
  const wanted = list.filter((n) => ownerOf.has(n.membershipId));
  const preference = preferencesOf(
    tx,
    owners.map((o) => o.userId),
    wanted.map((n) => n.kind),
  );
  const rows = [];
  // One e-mail per person and notice, even when two of their memberships are told the same.
  const mailed = new Set<string>();
  for (const n of wanted) {
    const owner = ownerOf.get(n.membershipId)!;
    const choice = preference(owner.userId, n.kind);
    if (choice.inApp) {
      rows.push({
        userId: owner.userId,
        membershipId: n.membershipId,
        kind: n.kind,
        title: n.title,
        body: n.body ?? null,
        link: n.link ?? null,
        topic: n.topic ?? null,
      });
    }
    const key = `${owner.userId}\n${n.kind}\n${n.title}\n${n.link ?? ""}`;
    if (choice.email && n.email !== false && !IN_APP_ONLY.has(n.kind) && !mailed.has(key)) {
      mailed.add(key);
      mailNotice(tx, n, owner.address, "person", options);
    }
  }
  if (rows.length > 0) tx.insert(notifications).values(rows).run();
}

function mailNotice(tx: Db | Tx, n: Omit<NewNotification, "membershipId">, to: string, kind: "person" | "mailbox", options: NotifyOptions) {
  enqueueEmail(tx, {
    to,
    subject: n.title,
    text: noticeEmailText(n, config().mailOrigin, kind),
    kind: n.kind,
    causedByMembershipId: options.causedBy ?? null,
    link: n.link ?? null,
  });
}

/**
 * Notifies every current member of an organisation (optionally only some roles), e.g. a new referral
 * to socialtjänsten's members, and e-mails its functional mailbox for the kinds in MAILBOX_KINDS (or
 * when `mailbox: true`). Returns how many members were notified.
 */
export function notifyOrganisation(
  tx: Db | Tx,
  organisationId: number,
  notice: Omit<NewNotification, "membershipId">,
  options: { roles?: readonly Role[]; exceptMembershipId?: number; mailbox?: boolean } & NotifyOptions = {},
): number {
  const members = tx
    .select({ id: memberships.id, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), isNull(memberships.endedAt)))
    .all()
    .filter((m) => (!options.roles || options.roles.includes(m.role)) && m.id !== options.exceptMembershipId);
  notify(
    tx,
    members.map((m) => ({ ...notice, membershipId: m.id })),
    options,
  );
  if (notice.email !== false && (options.mailbox ?? MAILBOX_KINDS.has(notice.kind))) {
    const mailbox = tx.select({ address: organisations.functionalMailbox }).from(organisations).where(eq(organisations.id, organisationId)).get()?.address;
    if (mailbox) mailNotice(tx, notice, mailbox, "mailbox", options);
  }
  return members.length;
}

/**
 * Rewrites the notices already sent about a topic (a moved meeting's old time), so that nobody acts
 * on a stale notice. The rewritten notice counts as unread again.
 */
export function restateNotices(tx: Db | Tx, topic: string, next: { title?: string; body?: string | null; link?: string | null }) {
  tx.update(notifications)
    .set({ ...next, readAt: null })
    .where(eq(notifications.topic, topic))
    .run();
}

export function unreadCount(userId: number): number {
  return (
    getDb()
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

export const NOTIFICATION_PAGE_SIZE = 50;

/**
 * The user's latest notices. Opening the page reads them: the unread ones are marked read, and are
 * returned still flagged `unread` so the page can show which are new.
 */
export function readNotifications(userId: number) {
  const db = getDb();
  const rows = db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATION_PAGE_SIZE)
    .all();
  const unreadIds = rows.filter((r) => r.readAt === null).map((r) => r.id);
  if (unreadIds.length > 0) {
    db.update(notifications)
      .set({ readAt: new Date().toISOString() })
      .where(and(eq(notifications.userId, userId), inArray(notifications.id, unreadIds)))
      .run();
  }
  return rows.map(({ readAt, ...r }) => ({ ...r, unread: readAt === null }));
}
