/** The register list's options, shared by the page (browser) and the reader (server). */
export const REGISTER_PAGE_SIZE = 25;
/**
 * Counting stops here: past it the page says "fler än 10 000" and offers the first 400 pages, so a
 * register of hundreds of thousands never counts or skips through all of them. Filters narrow it.
 * The cap is shared by every list that grows for ever (~/lib/counting).
 */
export { COUNT_CAP as REGISTER_COUNT_CAP } from "~/lib/counting";
export const REGISTER_SORTS = ["namn", "nyast", "alder"] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];
export const REGISTER_STATUS_FILTERS = ["not_contacted", "contacted", "in_intervention", "watch", "none"] as const;
export type RegisterStatusFilter = (typeof REGISTER_STATUS_FILTERS)[number];
export type RegisterQuery = {
  q?: string;
  sort: RegisterSort;
  page: number;
  /** Status of the open enrollment; "none" = no open enrollment. */
  status?: RegisterStatusFilter;
  /** Caseworker membership id, or "unassigned". */
  caseworker?: number | "unassigned";
  /** Not contacted within four weeks of enrollment, or a watch date that has come. */
  overdue?: boolean;
};
