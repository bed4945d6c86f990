import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { countText } from "~/lib/counting";
import { formatDateTime, parsePage } from "~/lib/format";
import { listConcernReports } from "~/modules/concern-reports/concern-reports.server";
import { requireRole } from "~/modules/auth/actor.server";
import { CONCERN_STATUS_LABELS } from "~/modules/concern-reports/concern-status";

export const meta: MetaFunction = () => [{ title: "Orosanmälningar – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["social_worker", "kaa_coordinator", "kaa_caseworker", "school_staff"]);
  return { list: listConcernReports(actor, parsePage(new URL(request.url).searchParams.get("sida"))) };
}

export default function ConcernReports() {
  const { list } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <div className="page-heading">
        <h1>{list.received ? "Inkomna orosanmälningar" : "Orosanmälningar vi har gjort"}</h1>
        {!list.received ? (
          <Link to="/orosanmalningar/ny" className="button">
            Ny orosanmälan
          </Link>
        ) : null}
      </div>
      <p aria-live="polite">{countText(list.total, list.moreThanCap, "orosanmälan", "orosanmälningar")}.</p>
      {list.rows.length > 0 ? (
        <div className="table-wrap">
          <Table>
            <caption className="visually-hidden">Orosanmälningar, senaste först</caption>
            <thead>
              <tr>
                <th scope="col">Anmälan</th>
                <th scope="col">Barn</th>
                <th scope="col">Inkom</th>
                <th scope="col">Iakttaget</th>
                <th scope="col">Mottagen av socialtjänsten</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id} className={list.received && !r.receivedAt ? "row--warning" : undefined}>
                  <td>
                    <Link to={`/orosanmalningar/${r.id}`}>Orosanmälan {r.id}</Link>
                  </td>
                  <td>{r.name}</td>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td>{r.observedWhen}</td>
                  <td>{r.receivedAt ? formatDateTime(r.receivedAt) : <strong>Ej öppnad</strong>}</td>
                  <td>{r.handlingStatus ? CONCERN_STATUS_LABELS[r.handlingStatus] : "–"}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : (
        <p>Inga orosanmälningar.</p>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} search={location.search} />
    </>
  );
}
