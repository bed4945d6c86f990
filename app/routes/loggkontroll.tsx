import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { countText } from "~/lib/counting";
import { formatDateTime, parsePage } from "~/lib/format";
import { AUDIT_PAGE_SIZE, AUDIT_YOUTH_MATCH_LIMIT, auditUsers, listAuditEvents } from "~/modules/access/audit.server";
import { ACTION_LABELS, describeRole, BASIS_FILTER_LABELS, describeBasis, SECTION_LABELS } from "~/modules/access/audit-labels";
import { parseAuditFilter } from "~/modules/access/audit-filter.server";
import { requireRole } from "~/modules/auth/actor.server";

export const meta: MetaFunction = () => [{ title: "Loggkontroll – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["kaa_coordinator"]);
  const url = new URL(request.url);
  const filter = parseAuditFilter(url.searchParams);
  const page = parsePage(url.searchParams.get("sida"));
  const { total, moreThanCap, tooManyYouths, rows } = listAuditEvents(actor.municipalityId!, actor.organisationId!, { ...filter, page });
  return {
    filter: {
      userId: filter.userId ? String(filter.userId) : "",
      youthName: filter.youthName ?? "",
      from: filter.from ?? "",
      to: filter.to ?? "",
      basis: filter.basis ?? "",
      otherOrganisations: filter.otherOrganisations ?? false,
    },
    users: auditUsers(actor.municipalityId!, actor.organisationId!),
    total,
    moreThanCap,
    // The limit travels in the data: the page's code in the browser cannot read a .server module.
    youthMatchLimit: tooManyYouths ? AUDIT_YOUTH_MATCH_LIMIT : null,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    exportQuery: url.search,
    rows: rows.map((row) => ({
      ...row,
      role: describeRole(row.role),
      section: SECTION_LABELS[row.section] ?? row.section,
      action: ACTION_LABELS[row.action] ?? row.action,
      basis: describeBasis(row),
    })),
  };
}

export default function AccessLogReview() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <h1>Loggkontroll</h1>
      <p className="lead">
        All åtkomst till uppgifter om kommunens ungdomar och allt som enhetens medarbetare gjort. Loggposter kan inte ändras eller tas bort.
      </p>
      <Form method="get" className="filter-form" aria-label="Filtrera loggen">
        <div className="field">
          <label htmlFor="anvandare">Användare</label>
          <select id="anvandare" name="anvandare" defaultValue={data.filter.userId}>
            <option value="">Alla</option>
            {data.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ungdom">Ungdomens namn</label>
          <input id="ungdom" name="ungdom" type="search" defaultValue={data.filter.youthName} pattern="[^0-9]*" title="Sök på namn, inte personnummer." />
        </div>
        <div className="field">
          <label htmlFor="fran">Från och med</label>
          <input id="fran" name="fran" type="date" defaultValue={data.filter.from} />
        </div>
        <div className="field">
          <label htmlFor="till">Till och med</label>
          <input id="till" name="till" type="date" defaultValue={data.filter.to} />
        </div>
        <div className="field">
          <label htmlFor="grund">Grund</label>
          <select id="grund" name="grund" defaultValue={data.filter.basis}>
            <option value="">Alla</option>
            {Object.entries(BASIS_FILTER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--checkbox">
          <input id="andra" name="andra" type="checkbox" value="ja" defaultChecked={data.filter.otherOrganisations} />
          <label htmlFor="andra">Bara andra organisationer än KAA-enheten och granskare</label>
        </div>
        <button type="submit" className="button button--secondary">
          Filtrera
        </button>
      </Form>
      <div className="page-heading">
        <p aria-live="polite">
          {data.youthMatchLimit
            ? `Namnet passar fler än ${data.youthMatchLimit} ungdomar i registret. Skriv mer av namnet, till exempel både för- och efternamn.`
            : data.moreThanCap
              ? `${countText(data.total, true, "loggpost", "loggposter")} – avgränsa med filtren.`
              : `${countText(data.total, false, "loggpost", "loggposter")}.`}
        </p>
        <a href={`/loggkontroll.csv${data.exportQuery}`} className="button button--secondary" download>
          Exportera urvalet (CSV)
        </a>
      </div>
      <div className="table-wrap">
        <Table>
          <caption className="visually-hidden">Loggposter, senaste först</caption>
          <thead>
            <tr>
              <th scope="col">Tid</th>
              <th scope="col">Användare</th>
              <th scope="col">Roll och organisation</th>
              <th scope="col">Ungdom</th>
              <th scope="col">Avsnitt</th>
              <th scope="col">Händelse</th>
              <th scope="col">Grund</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.id} className={row.outcome === "denied" ? "row--denied" : undefined}>
                <td>{formatDateTime(row.at)}</td>
                <td>{row.userName}</td>
                <td>
                  {row.role}
                  {row.organisationName ? `, ${row.organisationName}` : ""}
                </td>
                <td>
                  {row.youthFirstName && row.youthId ? (
                    <Link to={`/ungdomar/${row.youthId}`}>
                      {row.youthLastName}, {row.youthFirstName}
                    </Link>
                  ) : (
                    "–"
                  )}
                </td>
                <td>{row.section}</td>
                <td>{row.action}</td>
                <td>{row.basis}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <Pagination page={data.page} pageCount={data.pageCount} search={location.search} />
    </>
  );
}
