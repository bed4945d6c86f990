/**
 * The sign-in log (sign_in_events): every sign-in through a provider and every refusal, for the
 * systemförvaltare and the informationssäkerhetsansvarige. Append-only (triggers). Never a personnummer:
 * a citizen is their user id or nobody, and `detail` only ever holds what a staff provider called someone.
 */
import { getDb } from "#db/client";
import { signInEvents } from "#db/schema";

export type SignInEvent = {
  userId: number | null;
  providerId: number | null;
  method: string;
  outcome: "succeeded" | "refused";
  reason?: string | null;
  detail?: string | null;
  address: string;
};

export function recordSignInEvent(event: SignInEvent) {
  getDb()
    .insert(signInEvents)
    .values({ ...event, reason: event.reason ?? null, detail: event.detail ?? null })
    .run();
}
