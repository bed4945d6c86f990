/**
 * Each user's choice, per notification kind, of in the portal and by e-mail. Stored only when the
 * user saves the page; until then the defaults in labels.ts hold.
 */
import { and, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db, type Tx } from "#db/client";
import { NOTIFICATION_KINDS, notificationPreferences, type NotificationKind, type Role } from "#db/schema";
import { config } from "~/config.server";
import { activeMembershipsOfUser } from "~/modules/organizations/memberships.server";
import { defaultPreference, IN_APP_ONLY, NOTIFICATION_KIND_LABELS, NOTIFICATION_KIND_ROLES } from "./labels";

export type Preference = { inApp: boolean; email: boolean };

/** The choices of some users for some kinds, defaults filled in. Key: `${userId}:${kind}`. */
export function preferencesOf(tx: Db | Tx, userIds: number[], kinds: NotificationKind[]): (userId: number, kind: NotificationKind) => Preference {
  const stored =
    userIds.length === 0
      ? []
      : tx
          .select()
          .from(notificationPreferences)
          .where(and(inArray(notificationPreferences.userId, [...new Set(userIds)]), inArray(notificationPreferences.kind, [...new Set(kinds)])))
          .all();
  const byKey = new Map(stored.map((p) => [`${p.userId}:${p.kind}`, { inApp: p.inApp, email: p.email && !IN_APP_ONLY.has(p.kind) }]));
  return (userId, kind) => byKey.get(`${userId}:${kind}`) ?? defaultPreference(kind);
}

/** The kinds that can reach someone with these roles, in the order of the kind list. */
export function kindsFor(roles: readonly Role[]): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((kind) => NOTIFICATION_KIND_ROLES[kind].some((r) => roles.includes(r)));
}

export type PreferenceRow = { kind: NotificationKind; label: string; inApp: boolean; email: boolean; emailPossible: boolean };

/** The preferences page: one row per kind the user can receive in any of their roles. */
export function preferenceRows(userId: number, roles: readonly Role[]): PreferenceRow[] {
  const kinds = kindsFor(roles);
  const of = preferencesOf(getDb(), [userId], kinds);
  return kinds.map((kind) => ({ kind, label: NOTIFICATION_KIND_LABELS[kind], ...of(userId, kind), emailPossible: !IN_APP_ONLY.has(kind) }));
}

/**
 * Saves the page as submitted: a kind whose box is not in the form is off (an unchecked checkbox
 * sends nothing). Kinds the user cannot receive are ignored. One transaction.
 */
export function savePreferences(userId: number, roles: readonly Role[], checked: { inApp: string[]; email: string[] }) {
  const kinds = kindsFor(roles);
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    for (const kind of kinds) {
      const values = { inApp: checked.inApp.includes(kind), email: checked.email.includes(kind) && !IN_APP_ONLY.has(kind), updatedAt: now };
      tx.insert(notificationPreferences)
        .values({ userId, kind, ...values })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: values })
        .run();
    }
  });
  return kinds.length;
}

/** Whether one user wants a kind by e-mail (the agenda, which is mailed by its own sender). */
export function wantsEmail(tx: Db | Tx, userId: number, kind: NotificationKind): boolean {
  return preferencesOf(tx, [userId], [kind])(userId, kind).email;
}

/** The preferences form: the ticked boxes of each column (checkbox groups, see parseForm's `lists`). */
export const preferencesFormSchema = z.object({
  inApp: z.array(z.enum(NOTIFICATION_KINDS, { error: "Okänt slag av meddelande." })).max(NOTIFICATION_KINDS.length),
  email: z.array(z.enum(NOTIFICATION_KINDS, { error: "Okänt slag av meddelande." })).max(NOTIFICATION_KINDS.length),
});
export const PREFERENCE_LISTS = ["inApp", "email"] as const;

const rolesOf = (userId: number) => [...new Set(activeMembershipsOfUser(userId).map((m) => m.role))];

/** What the preferences page shows: the kinds of all the user's current roles, and whether e-mail is on at all. */
export function preferencesPage(userId: number) {
  return { rows: preferenceRows(userId, rolesOf(userId)), mailConfigured: config().smtp !== null };
}

export function saveOwnPreferences(userId: number, form: z.output<typeof preferencesFormSchema>) {
  return savePreferences(userId, rolesOf(userId), form);
}
