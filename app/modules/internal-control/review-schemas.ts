/**
 * The samordnare's forms for a granskare's grant: give one for a stickprov, or revoke one. Shared by
 * the browser and the server. A grant is short by design: an audit, not a standing access.
 */
import { z } from "zod";
import { addDays } from "~/lib/dates";
import { dateField, idField, todayInForm } from "~/lib/form-fields";

/** The longest a grant may run from today: a quarter is time enough for an audit. */
export const REVIEW_GRANT_MAX_DAYS = 90;

export const reviewGrantSchema = z
  .object({
    membershipId: idField("Välj en granskare."),
    validFrom: dateField("från vilket datum behörigheten gäller"),
    validUntil: dateField("till vilket datum behörigheten gäller"),
  })
  .superRefine((v, ctx) => {
    const today = todayInForm();
    if (v.validFrom < today) {
      ctx.addIssue({ code: "custom", path: ["validFrom"], message: "Behörigheten kan inte börja gälla före i dag." });
    }
    if (v.validUntil < v.validFrom) {
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "Slutdatumet måste vara samma dag som startdatumet eller senare." });
    }
    const latest = addDays(today, REVIEW_GRANT_MAX_DAYS);
    if (v.validUntil > latest) {
      ctx.addIssue({
        code: "custom",
        path: ["validUntil"],
        message: `Behörigheten kan gälla högst ${REVIEW_GRANT_MAX_DAYS} dagar framåt, till och med ${latest}.`,
      });
    }
  });
export type ReviewGrantInput = z.output<typeof reviewGrantSchema>;

export const reviewRevokeSchema = z.object({ grantId: idField("Välj vilken behörighet som ska återkallas.") });
export type ReviewRevokeInput = z.output<typeof reviewRevokeSchema>;
