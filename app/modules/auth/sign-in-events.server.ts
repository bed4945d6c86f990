/**
 * The sign-in log (sign_in_events): every sign-in through a provider and every refusal, for the
 * systemförvaltare and the informationssäkerhetsansvarige. Append-only. Never a personnummer: a citizen
 * appears as their user id or not at all, and `detail` holds only a staff subject or e-mail.
 */
import { desc, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { identityProviders, signInEvents } from "#db/schema";

export type SignInMethod = "sso" | "eid";

export type SignInEvent = {
  method: SignInMethod;
  outcome: "succeeded" | "refused";
  reason?: string | null;
  userId?: number | null;
  providerId?: number | null;
  detail?: string | null;
  address?: string | null;
};

export function recordSignInEvent(event: SignInEvent) {
  getDb()
    .insert(signInEvents)
    .values({
      method: event.method,
      outcome: event.outcome,
      reason: event.reason ?? null,
      userId: event.userId ?? null,
      providerId: event.providerId ?? null,
      // Bounded: whatever a provider sends, the log keeps a line of it.
      detail: event.detail ? event.detail.slice(0, 200) : null,
      address: event.address ?? null,
    })
    .run();
}

/** The latest refusals, newest first (the admin's page). */
export function recentRefusals(limit = 50) {
  return getDb()
    .select({
      id: signInEvents.id,
      at: signInEvents.at,
      method: signInEvents.method,
      reason: signInEvents.reason,
      detail: signInEvents.detail,
      address: signInEvents.address,
      provider: identityProviders.displayName,
    })
    .from(signInEvents)
    .leftJoin(identityProviders, eq(identityProviders.id, signInEvents.providerId))
    .where(eq(signInEvents.outcome, "refused"))
    .orderBy(desc(signInEvents.id))
    .limit(limit)
    .all();
}
