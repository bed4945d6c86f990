/**
 * The registerutdrag (GDPR art. 15): everything the portal holds about the youth, read through the same
 * readers the KAA unit uses, and who has accessed the file and on what ground. For the youth only, never a
 * guardian (the log and the contacts are the youth's own). Every section read here was opened, and logged
 * with the basis "den registrerade", by the kernel (openOwnFile) for this request.
 * See docs/decisions/0030-registerutdrag.md for what is shown of reports of concern and how the log is summarised.
 */
import { notFound } from "~/lib/http";
import { ownAccessLog } from "~/modules/access/own-access-log.server";
import type { OwnFile } from "~/modules/access/own-file.server";
import { concernReportsAboutSubject } from "~/modules/concern-reports/concern-reports.server";
import { consentRequestsOf } from "~/modules/consent/consent-requests.server";
import { listConsents } from "~/modules/consent/consents.server";
import { readAssessment, readPlan } from "~/modules/documentation/plans.server";
import { youthEvaluationsOf } from "~/modules/documentation/youth-evaluations.server";
import { noticesOfYouth } from "~/modules/notices/notices.server";
import { readOutreach } from "~/modules/outreach/contacts.server";
import { referralsOfYouth } from "~/modules/referrals/referrals.server";
import { readYouthFile } from "~/modules/youth/youth-file.server";

/** Every section of the file: the registerutdrag opens them all (the protected address only on request, after step-up). */
export const REGISTERUTDRAG_SECTIONS = [
  "identity",
  "enrollment",
  "contacts",
  "assessment",
  "plan",
  "consents",
  "referrals",
  "notices",
  "concern_reports",
] as const;
export type RegisterutdragSection = (typeof REGISTERUTDRAG_SECTIONS)[number];

export function readRegisterutdrag(file: OwnFile<RegisterutdragSection>) {
  if (file.relation !== "self") throw notFound();
  const identity = readYouthFile(file);
  const outreach = readOutreach(file);
  const periods = outreach.enrollments.map((enrollment) => {
    const { assessment } = readAssessment(file, enrollment.id);
    const { plan, interventions } = readPlan(file, enrollment.id);
    // What the youth wrote on Mina sidor about the plan and the ended interventions: their own words are held too.
    const ownEvaluations = youthEvaluationsOf(file, { enrollmentId: enrollment.id }).map((e) => ({
      ...e,
      about: e.interventionId === null ? null : (interventions.find((i) => i.id === e.interventionId)?.typeName ?? null),
    }));
    return { enrollment, assessment, plan, interventions, ownEvaluations };
  });
  return {
    identity,
    periods,
    attempts: outreach.attempts,
    consents: listConsents(file),
    consentRequests: consentRequestsOf(file),
    referrals: referralsOfYouth(file).map((r) => ({ id: r.id, recipientName: r.recipientName, sentAt: r.sentAt, status: r.status })),
    notices: noticesOfYouth(file).map((n) => ({ id: n.id, kind: n.kind, eventDate: n.eventDate, createdAt: n.createdAt, schoolName: n.schoolName })),
    concernReports: concernReportsAboutSubject(file),
    accessLog: ownAccessLog(file),
  };
}
