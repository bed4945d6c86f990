/** A grant's state as the samordnare's and the granskare's pages say it. Pure: the browser uses it too. */
import { reviewGrantInForce } from "~/modules/access/policy";

export type ReviewGrantState = "upcoming" | "in_force" | "expired" | "revoked";

export function reviewGrantState(grant: { validFrom: string; validUntil: string; revokedAt: string | null }, today: string): ReviewGrantState {
  if (grant.revokedAt !== null) return "revoked";
  if (reviewGrantInForce({ ...grant, revoked: false }, today)) return "in_force";
  return grant.validFrom > today ? "upcoming" : "expired";
}

export const REVIEW_GRANT_STATE_LABELS: Record<ReviewGrantState, string> = {
  upcoming: "Börjar gälla senare",
  in_force: "Gäller",
  expired: "Har gått ut",
  revoked: "Återkallad",
};
