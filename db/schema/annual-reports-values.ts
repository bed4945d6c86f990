/** The value lists of the annual reports, without drizzle, so that browser code can import them. */
export const ANNUAL_REPORT_STATUSES = ["draft", "approved"] as const;
export type AnnualReportStatus = (typeof ANNUAL_REPORT_STATUSES)[number];
/** An annual report covers a läsår or a calendar year (period kinds of the follow-up). */
export const ANNUAL_REPORT_PERIOD_KINDS = ["lasar", "ar"] as const;
export type AnnualReportPeriodKind = (typeof ANNUAL_REPORT_PERIOD_KINDS)[number];

export const ANNUAL_REPORT_STATUS_LABELS: Record<AnnualReportStatus, string> = { draft: "Utkast", approved: "Fastställd" };
