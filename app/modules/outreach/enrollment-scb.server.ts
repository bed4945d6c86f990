/**
 * The SCB variables of one enrollment, open or ended (block 1: orsak till registrering and senaste
 * skolrelaterade sysselsättning; block 5: the reason the responsibility ended), read and corrected
 * after the fact. The SCB checks link here to fix a youth, so an enrollment of an earlier period is
 * as correctable as the open one. Only the register keeper writes, through the gate, which logs it.
 */
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { getDb } from "#db/client";
import { enrollments } from "#db/schema";
import type { FieldErrors } from "~/lib/form-fields";
import { notFound } from "~/lib/http";
import type { YouthFile } from "~/modules/access/gate.server";
import { enrollmentScbSchema, type EnrollmentScbInput } from "./outreach-schemas";
import { fieldErrors } from "~/lib/form-fields";

type Result = { ok: true } | { ok: false; errors: FieldErrors };

/**
 * One enrollment of this youth kept by this register. Another youth's, or one another municipality
 * kept before the youth moved here, is the same 404 as one that does not exist.
 */
export function enrollmentOfYouth(file: YouthFile<"enrollment"> | YouthFile<never, "enrollment">, enrollmentId: number) {
  const row = getDb()
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.id, enrollmentId), eq(enrollments.youthId, file.id), eq(enrollments.municipalityId, file.municipalityId)))
    .get();
  if (!row) throw notFound();
  return row;
}

export function saveEnrollmentScb(file: YouthFile<never, "enrollment">, enrollmentId: number, input: EnrollmentScbInput): Result {
  // Checked here whatever the form did: an ended enrollment without its end reason is what block 5 cannot report.
  const parsed = enrollmentScbSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const row = enrollmentOfYouth(file, enrollmentId);
  if (row.endDate && !parsed.data.endReason) {
    return { ok: false, errors: { endReason: "Välj orsak till att ansvaret upphörde." } };
  }
  getDb()
    .update(enrollments)
    .set({
      registrationReason: parsed.data.registrationReason,
      lastSchoolOccupation: parsed.data.lastSchoolOccupation,
      // An open enrollment has no end reason; one is given when it is closed.
      ...(row.endDate ? { endReason: parsed.data.endReason } : {}),
    })
    .where(eq(enrollments.id, row.id))
    .run();
  return { ok: true };
}

/** When the youth's latest enrollment in this register ended: a notice from before then opened that one. */
export function lastEnrollmentEnd(file: YouthFile<"enrollment">): string | null {
  return (
    getDb()
      .select({ endDate: enrollments.endDate })
      .from(enrollments)
      .where(and(eq(enrollments.youthId, file.id), eq(enrollments.municipalityId, file.municipalityId), isNotNull(enrollments.endDate)))
      .orderBy(desc(enrollments.endDate))
      .limit(1)
      .get()?.endDate ?? null
  );
}
