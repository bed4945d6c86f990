import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { formatDateTime, parsePage } from "~/lib/format";
import { notFound } from "~/lib/http";
import { requireRole } from "~/modules/auth/actor.server";
import { SCHOOL_LIST_KIND_LABELS, SCHOOL_LIST_SOURCE_LABELS } from "~/modules/reconciliation/school-list-csv";
import { readSchoolList } from "~/modules/reconciliation/school-lists.server";

export const meta: MetaFunction = () => [{ title: "Skollista – Samverkansportalen" }];

/** One list and a page of its rows: only for the organisation it belongs to (anyone else: 404, logged). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["school_staff", "kaa_coordinator"]);
  if (!/^\d{1,15}$/.test(params.listId ?? "")) throw notFound();
  return readSchoolList(actor, Number(params.listId), parsePage(new URL(request.url).searchParams.get("sida")));
}

const OUTCOME_LABELS: Record<string, string> = { avbrott: "Avbrott", studiebevis: "Studiebevis", examen: "Examen" };

export default function SchoolList() {
  const { list, rows, page, pageCount } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <h1>{SCHOOL_LIST_KIND_LABELS[list.kind]}</h1>
      <dl className="facts">
        <dt>Källa</dt>
        <dd>
          {SCHOOL_LIST_SOURCE_LABELS[list.source] ?? list.source}
          {list.fileName ? ` (${list.fileName})` : ""}
        </dd>
        <dt>Inläst</dt>
        <dd>
          {formatDateTime(list.createdAt)}
          {list.uploadedBy ? ` av ${list.uploadedBy}` : ""}
        </dd>
        <dt>Rader</dt>
        <dd>{list.rowCount.toLocaleString("sv-SE")}</dd>
        <dt>Status</dt>
        <dd>{list.supersededAt ? `Ersatt av en nyare lista ${formatDateTime(list.supersededAt)}` : "Gällande"}</dd>
      </dl>
      <div className="table-wrap">
        <Table>
          <caption className="visually-hidden">Listans rader i filens ordning</caption>
          <thead>
            <tr>
              <th scope="col">Rad</th>
              <th scope="col">Personnummer</th>
              <th scope="col">Skolenhet</th>
              <th scope="col">Skolform</th>
              <th scope="col">Program</th>
              <th scope="col">Start</th>
              <th scope="col">Slut</th>
              <th scope="col">Utfall</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.rowNumber}>
                <td>{r.rowNumber}</td>
                <td>{r.personalNumber}</td>
                <td>{r.schoolUnitCode}</td>
                <td>{r.schoolType}</td>
                <td>{r.programmeCode ?? "–"}</td>
                <td>{r.startDate ?? "–"}</td>
                <td>{r.endDate ?? "–"}</td>
                <td>{r.outcome ? OUTCOME_LABELS[r.outcome] : "–"}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <Pagination page={page} pageCount={pageCount} search={location.search} />
      <p>
        <Link to="/skollistor">Tillbaka till skollistorna</Link>
      </p>
    </>
  );
}
