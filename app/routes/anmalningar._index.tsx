import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { NOTICE_STATUS_LABELS } from "~/components/labels";
import { Pagination } from "~/components/pagination";
import { countText } from "~/lib/counting";
import { formatDateTime, parsePage } from "~/lib/format";
import { listSchoolNotices } from "~/modules/notices/notices.server";
import { requireRole } from "~/modules/auth/actor.server";
import { NOTICE_KIND_LABELS } from "~/modules/notices/notice-schema";
import { pluralForm } from "~/lib/plural";

export const meta: MetaFunction = () => [{ title: "Anmälningar – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["school_staff"]);
  const params = new URL(request.url).searchParams;
  const page = parsePage(params.get("sida"));
  return {
    ...listSchoolNotices(actor, page),
    sent: Number(params.get("skickade")) || 0,
    manual: Number(params.get("manuella")) || 0,
    schoolName: actor.organisationName,
  };
}

export default function SchoolNotices() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <div className="page-heading">
        <h1>Anmälningar till hemkommunen</h1>
        <div className="button-row">
          <Link to="/anmalningar/ny" className="button">
            Ny anmälan
          </Link>
          <Link to="/anmalningar/importera" className="button button--secondary">
            Importera från fil
          </Link>
        </div>
      </div>
      {data.sent > 0 ? (
        <p className="alert alert--success" role="status">
          {pluralForm(data.sent, "Anmälan är skickad", `${data.sent} anmälningar är skickade`)} till elevens hemkommun.
        </p>
      ) : null}
      {data.manual > 0 ? (
        <p className="alert alert--warning" role="status">
          {pluralForm(data.manual, "En anmälan är inte skickad", `${data.manual} anmälningar är inte skickade`)}: hemkommunen har ingen KAA-enhet i portalen.
          Öppna anmälningar med status &quot;Att skicka manuellt&quot;, skriv ut dem och skicka dem med post eller e-post.
        </p>
      ) : null}
      <p>
        {data.schoolName} anmäler enligt skollagen 15 kap. 15 § till elevens hemkommun när en elev under 20 år börjar, slutar eller har betydande ogiltig
        frånvaro. Här ser ni era anmälningar och om hemkommunen har tagit emot dem.
      </p>
      <p aria-live="polite">{countText(data.total, data.moreThanCap, "anmälan", "anmälningar")}.</p>
      {data.rows.length > 0 ? (
        <div className="table-wrap">
          <Table>
            <caption className="visually-hidden">Skolans anmälningar, senaste först</caption>
            <thead>
              <tr>
                <th scope="col">Skickad</th>
                <th scope="col">Elev</th>
                <th scope="col">Personnummer</th>
                <th scope="col">Gäller</th>
                <th scope="col">Datum</th>
                <th scope="col">Hemkommun</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((n) => (
                <tr key={n.id}>
                  <td>{formatDateTime(n.createdAt)}</td>
                  <td>
                    <Link to={`/anmalningar/${n.id}`}>{n.name}</Link>
                  </td>
                  <td>{n.personalNumber}</td>
                  <td>{NOTICE_KIND_LABELS[n.kind]}</td>
                  <td>{n.eventDate}</td>
                  <td>{n.municipalityName}</td>
                  <td>
                    <span className={`status status--${n.status}`}>{NOTICE_STATUS_LABELS[n.status]}</span>
                    {n.receivedAt ? <span className="block muted">{formatDateTime(n.receivedAt)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : (
        <p>Skolan har inte skickat några anmälningar ännu.</p>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} search={location.search} />
    </>
  );
}
