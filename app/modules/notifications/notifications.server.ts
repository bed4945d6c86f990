/**
 * In-app notices (meddelanden) to users. Written inside the transaction of what they tell about, so
 * a notice never exists without its cause; they hold a title and a link, never youth data.
 */
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Db, type Tx } from "#db/client";
import { memberships, notifications, type NotificationKind } from "#db/schema";

export type NewNotification = { membershipId: number; kind: NotificationKind; title: string; body?: string; link?: string };

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
    }));
  if (rows.length > 0) tx.insert(notifications).values(rows).run();
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
