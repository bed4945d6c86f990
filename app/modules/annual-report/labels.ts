/** The annual report's value lists and their Swedish labels, for the pages (the values live beside the schema, ADR 0008). */
export { ANNUAL_REPORT_PERIOD_KINDS, ANNUAL_REPORT_STATUS_LABELS } from "#db/schema/annual-reports-values";
