/**
 * In-app notices (meddelanden) to users. Written inside the transaction of what they tell about, so
 * a notice never exists without its cause; they hold a title and a link, never youth data.
 */
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Db, type Tx } from "#db/client";
import { memberships, notifications, type NotificationKind, type Role } from "#db/schema";

/**
 * `topic` names what the notice is about ("meeting:12", "referral:7") so that a later change can
 * restate the notices already sent (see `restateNotices`).
 */
export type NewNotification = { membershipId: number; kind: NotificationKind; title: string; body?: string; link?: string; topic?: string };

/** Stores notices for the users behind the given memberships. */
export function notify(tx: Db | Tx, list: NewNotification[]) {
  if (list.length === 0) return;
  const owners = tx
    .select({ id: memberships.id, userId: memberships.userId })
    .from(memberships)
    .where(inArray(memberships.id, [...new Set(list.map((n) => n.membershipId))]))
    .all();
  const userOf = new Map(owners.map((o) => [o.id, o.userId]));
  const rows = list
    .filter((n) => userOf.has(n.membershipId))
    .map((n) => ({
      userId: userOf.get(n.membershipId)!,
      membershipId: n.membershipId,
      kind: n.kind,
      title: n.title,
      body: n.body ?? null,
      link: n.link ?? null,
      topic: n.topic ?? null,
    }));
  if (rows.length > 0) tx.insert(notifications).values(rows).run();
}

/**
 * Notifies every current member of an organisation (optionally only some roles), e.g. a new referral
 * to socialtjänsten's members. Returns how many were notified.
 */
export function notifyOrganisation(
  tx: Db | Tx,
  organisationId: number,
  notice: Omit<NewNotification, "membershipId">,
  options: { roles?: readonly Role[]; exceptMembershipId?: number } = {},
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
  );
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
