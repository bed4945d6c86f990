import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { COUNT_CAP, countText } from "~/lib/counting";
import { parsePage } from "~/lib/format";
import { readDocumentationReport, type DocumentationFilter } from "~/modules/documentation/documentation-report.server";
import { KAA_ROLES, requireRole } from "~/modules/auth/actor.server";
import { openRegister } from "~/modules/access/gate.server";
import { kaaStaff } from "~/modules/organizations/memberships.server";
import { CaseworkerSelect, caseworkerChoice } from "~/components/caseworker-select";
import { ENROLLMENT_STATUS_LABELS } from "~/modules/outreach/labels";
import { CHECKLIST_POINTS, CHECKLIST_POINT_LABELS, CHECKLIST_POINT_SHORT, type ChecklistPoint } from "~/modules/documentation/checklist";
import { plural } from "~/lib/plural";

export const meta: MetaFunction = () => [{ title: "Dokumentationens kvalitet – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, KAA_ROLES);
  const params = new URL(request.url).searchParams;
  const { choice, caseworker } = caseworkerChoice(params.get("handlaggare"), actor);
  const pointParam = Number(params.get("punkt"));
  const point = (CHECKLIST_POINTS as readonly number[]).includes(pointParam) ? (pointParam as ChecklistPoint) : undefined;
  const filter: DocumentationFilter = {
    caseworker,
    point,
    page: parsePage(params.get("sida")),
    newestFirst: params.get("ordning") === "nyast",
  };
  return {
    report: readDocumentationReport(openRegister(actor), filter),
    staff: kaaStaff(actor.organisationId!),
    choice,
    point: point ? String(point) : "",
    order: filter.newestFirst ? "nyast" : "aldst",
  };
}

export default function DocumentationQuality() {
  const { report, staff, choice, point, order } = useLoaderData<typeof loader>();
  const location = useLocation();
  const share = report.share ? (report.share.inScope === 0 ? 100 : Math.round((100 * report.share.complete) / report.share.inScope)) : null;
  return (
    <>
      <h1>Dokumentationens kvalitet</h1>
      <p className="lead">
        De sju punkter Skolverkets allmänna råd kräver för varje ungdom. Listan visar öppna inskrivningar där kontakt är etablerad och något saknas. Ungdomar
        som ännu inte nåtts räknas inte: de kan inte ha en kartläggning.
      </p>
      <section aria-labelledby="andel-rubrik" className="card">
        <h2 id="andel-rubrik">Andel komplett dokumentation</h2>
        {report.share ? (
          <p>
            <span className="big-number">{share} %</span> – {report.share.complete} av {plural(report.share.inScope, "inskrivning", "inskrivningar")} har
            komplett dokumentation
            {choice === "alla" ? " i enheten" : ""}.
          </p>
        ) : (
          <p>
            {countText(COUNT_CAP, true, "öppen inskrivning", "öppna inskrivningar")} – för många för att räkna här. Välj en handläggare för att se andelen för
            den.
          </p>
        )}
      </section>
      <Form method="get" className="filter-form" aria-label="Filtrera listan">
        <CaseworkerSelect label="Handläggare" choice={choice} staff={staff} />
        <div className="field">
          <label htmlFor="punkt">Saknar punkt</label>
          <select id="punkt" name="punkt" defaultValue={point}>
            <option value="">Någon punkt</option>
            {CHECKLIST_POINTS.map((p) => (
              <option key={p} value={p}>
                {p}. {CHECKLIST_POINT_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ordning">Ordning</label>
          <select id="ordning" name="ordning" defaultValue={order}>
            <option value="aldst">Längst inskrivna först</option>
            <option value="nyast">Senast inskrivna först</option>
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Visa
        </button>
      </Form>
      <p aria-live="polite">{plural(report.total, "inskrivning", "inskrivningar")} med ofullständig dokumentation.</p>
      {report.rows.length > 0 ? (
        <div className="table-wrap">
          <Table>
            <caption className="visually-hidden">Inskrivningar med ofullständig dokumentation</caption>
            <thead>
              <tr>
                <th scope="col">Ungdom</th>
                <th scope="col">Handläggare</th>
                <th scope="col">Status</th>
                <th scope="col">Inskriven</th>
                <th scope="col">Saknas</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => (
                <tr key={r.enrollmentId}>
                  <td>
                    <Link to={`/ungdomar/${r.youthId}#dokumentation`}>{r.name}</Link>
                  </td>
                  <td>{r.caseworkerName ?? "Ingen"}</td>
                  <td>{ENROLLMENT_STATUS_LABELS[r.status]}</td>
                  <td>{r.startDate}</td>
                  <td>
                    <ul className="compact-list">
                      {r.missingPoints.map((p) => (
                        <li key={p}>
                          {p}. {CHECKLIST_POINT_SHORT[p]}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : (
        <p>Ingen inskrivning saknar något.</p>
      )}
      {report.moreThanCap ? (
        <p>
          {countText(report.total, true, "inskrivning saknar något", "inskrivningar saknar något")}: listan visar de första. Filtrera på handläggare eller
          punkt.
        </p>
      ) : null}
      <Pagination page={report.page} pageCount={report.pageCount} search={location.search} />
      <p>
        <Link to="/insatstyper">Kommunens insatskatalog</Link>
      </p>
    </>
  );
}
