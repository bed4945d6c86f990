import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { parsePage } from "~/lib/format";
import { requireRole } from "~/modules/auth/actor.server";
import { listUsers } from "~/modules/organizations/admin.server";

export const meta: MetaFunction = () => [{ title: "Användare – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["system_admin"]);
  const params = new URL(request.url).searchParams;
  const q = params.get("q")?.trim() ?? "";
  const page = parsePage(params.get("sida"));
  return { q, page, ...listUsers({ q: q || undefined, page }) };
}

export default function Users() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <div className="page-heading">
        <h1>Användare</h1>
        <Link to="/admin/anvandare/ny" className="button">
          Ny användare
        </Link>
      </div>
      <Form method="get" className="search-form" role="search" aria-label="Sök användare">
        <div className="field">
          <label htmlFor="q">Sök på namn eller e-post</label>
          <input id="q" name="q" type="search" defaultValue={data.q} />
        </div>
        <button type="submit" className="button button--secondary">
          Sök
        </button>
      </Form>
      <p aria-live="polite">{data.total} användare.</p>
      <div className="table-wrap">
        <Table>
          <caption className="visually-hidden">Användare</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Användarnamn</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/admin/anvandare/${u.id}`}>{u.displayName}</Link>
                </td>
                <td>{u.username}</td>
                <td>{u.disabledAt ? "Inaktiverad" : "Aktiv"}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <Pagination page={data.page} pageCount={data.pageCount} search={location.search} />
    </>
  );
}
