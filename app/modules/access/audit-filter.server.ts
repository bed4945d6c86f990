import { AUDIT_BASIS_FILTERS, type AuditBasisFilter, type AuditFilter } from "./audit.server";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The log review's filter from the query string: shared by the page and its export. */
export function parseAuditFilter(params: URLSearchParams): Omit<AuditFilter, "page"> {
  const rawName = params.get("ungdom")?.trim() ?? "";
  const basis = params.get("grund") ?? "";
  return {
    userId: Number(params.get("anvandare")) || undefined,
    // Names only: a number here would be a personnummer in the URL.
    youthName: rawName && !/\d/.test(rawName) ? rawName : undefined,
    from: ISO_DATE.test(params.get("fran") ?? "") ? params.get("fran")! : undefined,
    to: ISO_DATE.test(params.get("till") ?? "") ? params.get("till")! : undefined,
    basis: (AUDIT_BASIS_FILTERS as readonly string[]).includes(basis) ? (basis as AuditBasisFilter) : undefined,
    otherOrganisations: params.get("andra") === "ja",
  };
}
