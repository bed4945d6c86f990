/**
 * The youth's own evaluation of the plan and of ended interventions, written on Mina sidor and read by the
 * caseworker beside their own. Append-only (triggers): a changed opinion is a new answer with its date.
 * Only the youth writes it (OwnFile opened for writing the plan: the kernel allows that to the youth
 * alone); a guardian never sees it, it is the youth's own words (ADR 0029).
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { plans, youthEvaluations } from "#db/schema";
import { todayIso } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-fields";
import { forbidden } from "~/lib/http";
import { OwnFile, type OpenedFile } from "~/modules/access/own-file.server";
import { documentationEnrollment } from "./documentation.server";
import { interventionOfYouth } from "./interventions.server";
import { YOUTH_RATING_LABELS } from "./labels";
import type { YouthEvaluationInput } from "./youth-evaluation-schema";

type Result = { ok: true } | { ok: false; errors: FieldErrors };

export type YouthEvaluation = {
  id: number;
  interventionId: number | null;
  rating: keyof typeof YOUTH_RATING_LABELS;
  ratingLabel: string;
  text: string | null;
  createdAt: string;
};

/** A guardian reads the plan but not what the youth wrote about it. */
function mayReadOwnWords(file: OpenedFile<"plan">): boolean {
  return !(file instanceof OwnFile) || file.relation === "self";
}

/**
 * The youth's evaluations in an enrollment (the current one unless asked), newest first; for one
 * intervention, or for the plan as a whole (`interventionId: null`), or all of them (undefined).
 */
export function youthEvaluationsOf(file: OpenedFile<"plan">, options: { enrollmentId?: number; interventionId?: number | null } = {}): YouthEvaluation[] {
  if (!mayReadOwnWords(file)) return [];
  const enrollment = documentationEnrollment(file, options.enrollmentId);
  if (!enrollment) return [];
  const about =
    options.interventionId === undefined
      ? undefined
      : options.interventionId === null
        ? isNull(youthEvaluations.interventionId)
        : eq(youthEvaluations.interventionId, options.interventionId);
  return getDb()
    .select({
      id: youthEvaluations.id,
      interventionId: youthEvaluations.interventionId,
      rating: youthEvaluations.rating,
      text: youthEvaluations.text,
      createdAt: youthEvaluations.createdAt,
    })
    .from(youthEvaluations)
    .where(and(eq(youthEvaluations.youthId, file.id), eq(youthEvaluations.enrollmentId, enrollment.id), about))
    .orderBy(desc(youthEvaluations.createdAt), desc(youthEvaluations.id))
    .all()
    .map((row) => ({ ...row, ratingLabel: YOUTH_RATING_LABELS[row.rating] }));
}

/**
 * Stores the youth's answer about the current plan or one of its ended interventions. Whatever the form
 * said: the intervention must be the youth's, in the current enrollment, and ended; the plan must exist.
 */
export function addYouthEvaluation(file: OwnFile<never, "plan">, input: YouthEvaluationInput, now = new Date()): Result {
  if (file.relation !== "self") throw forbidden("Bara du själv kan skriva vad du tycker om planen.");
  const enrollment = documentationEnrollment(file);
  if (!enrollment) return { ok: false, errors: { form: "Du har ingen plan hos oss ännu." } };
  const db = getDb();
  if (input.insats !== null) {
    const intervention = interventionOfYouth(file.id, input.insats);
    if (intervention.enrollmentId !== enrollment.id || !intervention.endDate || intervention.endDate > todayIso(now)) {
      return { ok: false, errors: { form: "Du kan skriva vad du tyckte om en insats när den är avslutad." } };
    }
  } else if (!db.select({ id: plans.id }).from(plans).where(eq(plans.enrollmentId, enrollment.id)).get()) {
    return { ok: false, errors: { form: "Du har ingen plan hos oss ännu." } };
  }
  db.insert(youthEvaluations)
    .values({
      youthId: file.id,
      enrollmentId: enrollment.id,
      interventionId: input.insats,
      rating: input.rating,
      text: input.text ?? null,
      authorUserId: file.citizen.userId,
      createdAt: now.toISOString(),
    })
    .run();
  return { ok: true };
}
