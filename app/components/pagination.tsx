import { Link } from "@remix-run/react";

/** Page links that keep the rest of the query (filters, sort) as it is. */
export function Pagination({ page, pageCount, search }: { page: number; pageCount: number; search: string }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(search);
    params.set("sida", String(p));
    return `?${params.toString()}`;
  };
  return (
    <nav className="pagination" aria-label="Sidor">
      {page > 1 ? <Link to={href(page - 1)}>Föregående</Link> : <span aria-hidden="true" />}
      <span>
        Sida {page} av {pageCount}
      </span>
      {page < pageCount ? <Link to={href(page + 1)}>Nästa</Link> : <span aria-hidden="true" />}
    </nav>
  );
}
