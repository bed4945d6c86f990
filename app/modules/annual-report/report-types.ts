/** The shapes of the annual report that the pages, the print view and the exports share. No database. */
import type { FollowUp } from "~/modules/statistics/follow-up.server";
import type { GoalInReport } from "~/modules/steering/goal-status.server";
import type { AnnualReportStatus } from "#db/schema/annual-reports-values";
import type { AreaKey } from "./areas";

/**
 * The figures of a report: computed live (suppressed) while it is a draft, frozen into the report
 * when it is fastställd. The trend over three periods travels in `followUp.trend`; the goals met and
 * not met are optional (reports frozen before they existed lack them). Both are computed in
 * `reportFigures` (report-figures.server.ts) and rendered through ReportDocument's `extras`
 * (components/annual-report/report-extras.tsx).
 */
export type ReportFigures = {
  followUp: FollowUp;
  /** The goals in force and how they were met in the report's period (absent in reports frozen before goals existed). */
  goals?: GoalInReport[];
};

export type AnnualReportSummary = {
  id: number;
  period: string;
  periodLabel: string;
  status: AnnualReportStatus;
  updatedAt: string;
  approvedAt: string | null;
};

export type AnnualReportView = AnnualReportSummary & {
  municipalityName: string;
  periodFrom: string;
  periodTo: string;
  version: number;
  analysis: Record<AreaKey, string>;
  createdByName: string;
  updatedByName: string;
  approvedByName: string | null;
  figures: ReportFigures;
};
