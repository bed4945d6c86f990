import { and, eq, ne } from "drizzle-orm";
import { getDb } from "#db/client";
import { sessions, users } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { hashPassword, verifyPassword } from "./password.server";
import { checkPassword } from "./password-policy.server";

/**
 * A user changes their own password. The current password is required; the user's other
 * sessions end (ASVS 3.3.3), this one continues.
 */
export async function changeOwnPassword(
  userId: number,
  currentSessionId: string,
  input: { currentPassword: string; newPassword: string; repeatPassword: string },
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const db = getDb();
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return { ok: false, errors: { form: "Kontot finns inte." } };
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, errors: { currentPassword: "Nuvarande lösenord stämmer inte." } };
  }
  const problem = checkPassword(input.newPassword, { username: user.username, displayName: user.displayName });
  if (problem) return { ok: false, errors: { newPassword: problem } };
  if (input.newPassword !== input.repeatPassword) {
    return { ok: false, errors: { repeatPassword: "Lösenorden är inte lika." } };
  }
  if (await verifyPassword(user.passwordHash, input.newPassword)) {
    return { ok: false, errors: { newPassword: "Välj ett annat lösenord än det nuvarande." } };
  }
  const passwordHash = await hashPassword(input.newPassword);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date().toISOString() }).where(eq(users.id, userId)).run();
    tx.delete(sessions)
      .where(and(eq(sessions.userId, userId), ne(sessions.id, currentSessionId)))
      .run();
  });
  return { ok: true };
}
