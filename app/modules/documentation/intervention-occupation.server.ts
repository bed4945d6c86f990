/**
 * The occupation after an ended insats (SCB block 4), corrected after the fact. Ending an insats asks it
 * (interventions.server.ts); this is the correction, kept as a revision like any change to the documentation.
 */
import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { interventions } from "#db/schema";
import { fieldErrors, type FieldErrors } from "~/lib/form-fields";
import type { YouthFile } from "~/modules/access/gate.server";
import { changedFields, recordRevision } from "./documentation.server";
import { interventionOfYouth } from "./interventions.server";
import { interventionOccupationSchema, type InterventionOccupationInput } from "./plan-schemas";

type Result = { ok: true } | { ok: false; errors: FieldErrors };

/** A declined insats never ran, so it has none; an open one gets it when it ends. */
export function correctOccupationAfter(file: YouthFile<never, "plan">, interventionId: number, input: InterventionOccupationInput): Result {
  const { actor, id: youthId } = file;
  const parsed = interventionOccupationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const row = interventionOfYouth(youthId, interventionId);
  if (row.declinedDate) return { ok: false, errors: { form: "Ungdomen tackade nej till insatsen; den har ingen sysselsättning efter." } };
  if (!row.endDate) return { ok: false, errors: { form: "Insatsen pågår; sysselsättningen efter anges när den avslutas." } };
  const values = { occupationAfter: parsed.data.occupationAfter };
  const changes = changedFields(row, values);
  if (Object.keys(changes).length === 0) return { ok: true };
  getDb().transaction((tx) => {
    tx.update(interventions)
      .set({ ...values, updatedAt: new Date().toISOString(), updatedByMembershipId: actor.membershipId })
      .where(eq(interventions.id, row.id))
      .run();
    recordRevision(tx, actor, { youthId, enrollmentId: row.enrollmentId, entity: "intervention", entityId: row.id, action: "updated", changes });
  });
  return { ok: true };
}
