/**
 * Computes the key figures of one municipality's KAA work over the last twelve months. Aggregates
 * straight from the register tables: counts only, never a youth, so no access-log row is written
 * (the same as the register size on the start page).
 */
import { and, count, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "#db/client";
import { contactAttempts, enrollments, municipalities, notices, type EnrollmentEndReason } from "#db/schema";
import { addDays, addMonths, stockholmDayStartUtc, todayIso } from "~/lib/dates";
import { KEY_FIGURE_PERIOD_MONTHS, type KeyFigures } from "./key-figures";
import { schoolNoticeReceived } from "~/modules/notices/notice-counting.server";

/** End reasons that mean the youth went back to studies. */
export const RETURNED_TO_STUDIES: readonly EnrollmentEndReason[] = ["national_programme", "introduction_programme", "komvux", "folkhogskola"];

export const CONTACT_WINDOW_DAYS = 28;

export function keyFigurePeriod(today: string) {
  return { from: addDays(addMonths(today, -KEY_FIGURE_PERIOD_MONTHS), 1), to: today };
}

export function computeKeyFigures(municipalityId: number, options: { today?: string; now?: Date; db?: Db | Tx } = {}): KeyFigures {
  const db = options.db ?? getDb();
  // The figures are as of `now` (when the snapshot is taken), in Swedish dates.
  const today = options.today ?? todayIso(options.now);
  const period = keyFigurePeriod(today);
  // Counting only reads: "i insats" is kept up to the day by the daily status job
  // (jobs/status-job.server.ts), not brought up to date here.
  const n = (row: { n: number } | undefined) => row?.n ?? 0;
  const inMunicipality = eq(enrollments.municipalityId, municipalityId);
  const open = and(inMunicipality, isNull(enrollments.endDate));
  const startedInPeriod = and(inMunicipality, gte(enrollments.startDate, period.from), lte(enrollments.startDate, period.to));

  const targetGroup = n(db.select({ n: count() }).from(enrollments).where(open).get());
  const notContacted = n(
    db
      .select({ n: count() })
      .from(enrollments)
      .where(and(open, eq(enrollments.status, "not_contacted")))
      .get(),
  );
  const inIntervention = n(
    db
      .select({ n: count() })
      .from(enrollments)
      .where(and(open, eq(enrollments.status, "in_intervention")))
      .get(),
  );
  const newEnrollments = n(db.select({ n: count() }).from(enrollments).where(startedInPeriod).get());
  const noticesReceived = n(
    db
      .select({ n: count() })
      .from(notices)
      .where(
        and(
          eq(notices.homeMunicipalityId, municipalityId),
          gte(notices.createdAt, stockholmDayStartUtc(period.from)),
          sql`${notices.createdAt} < ${stockholmDayStartUtc(addDays(period.to, 1))}`,
          schoolNoticeReceived(),
        ),
      )
      .get(),
  );
  // Only enrollments whose four weeks have run out can be judged; the rest are still in time.
  const judged = and(startedInPeriod, lte(enrollments.startDate, addDays(today, -CONTACT_WINDOW_DAYS)));
  const reachedInTime = sql`EXISTS (SELECT 1 FROM ${contactAttempts} WHERE ${contactAttempts.enrollmentId} = ${enrollments.id} AND ${contactAttempts.outcome} = 'reached' AND ${contactAttempts.date} <= date(${enrollments.startDate}, '+' || ${CONTACT_WINDOW_DAYS} || ' days'))`;
  const contactJudged = n(db.select({ n: count() }).from(enrollments).where(judged).get());
  const contactInTime = n(db.select({ n: count() }).from(enrollments).where(and(judged, reachedInTime)).get());
  const returnedToStudies = n(
    db
      .select({ n: count() })
      .from(enrollments)
      .where(
        and(
          inMunicipality,
          gte(enrollments.endDate, period.from),
          lte(enrollments.endDate, period.to),
          inArray(enrollments.endReason, [...RETURNED_TO_STUDIES]),
        ),
      )
      .get(),
  );
  const municipalityName = db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, municipalityId)).get()?.name ?? "";
  return {
    municipalityName,
    computedAt: (options.now ?? new Date()).toISOString(),
    period,
    figures: {
      targetGroup,
      newEnrollments,
      noticesReceived,
      notContacted,
      contactedWithin4Weeks: { count: contactInTime, of: contactJudged },
      inIntervention,
      returnedToStudies,
    },
  };
}
