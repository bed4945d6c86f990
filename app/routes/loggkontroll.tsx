import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { formatDateTime, parsePage } from "~/lib/format";
import { AUDIT_PAGE_SIZE, auditUsers, listAuditEvents } from "~/modules/access/audit.server";
import { requireRole } from "~/modules/auth/actor.server";
import { ROLE_LABELS } from "~/modules/organizations/labels";
import type { Role } from "~/components/labels";

export const meta: MetaFunction = () => [{ title: "Loggkontroll – Samverkansportalen" }];

const SECTION_LABELS: Record<string, string> = {
  identity: "Identitet och kontaktuppgifter",
  protected_address: "Skyddad adress",
  enrollment: "Inskrivning",
  contacts: "Kontakter",
  notices: "Anmälningar",
  assessment: "Kartläggning",
  plan: "Plan och insatser",
  referrals: "Remisser",
  consents: "Samtycken",
};
const ACTION_LABELS: Record<string, string> = { read: "Läste", list: "Visades i lista", write: "Ändrade", create: "Registrerade", search: "Sökte fram" };
const BASIS_LABELS: Record<string, string> = { register_keeper: "Registeransvar (KAA)", notice_sender: "Anmälande skola" };
const DENIAL_LABELS: Record<string, string> = {
  not_found: "finns inte",
  role: "rollen saknar behörighet",
  other_municipality: "annan kommuns register",
  protected_identity: "skyddad identitet",
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["kaa_coordinator"]);
  const params = new URL(request.url).searchParams;
  const userId = Number(params.get("anvandare")) || undefined;
  const rawName = params.get("ungdom")?.trim() ?? "";
  // Names only: a number here would be a personnummer in the URL.
  const youthName = rawName && !/\d/.test(rawName) ? rawName : undefined;
  const from = ISO_DATE.test(params.get("fran") ?? "") ? params.get("fran")! : undefined;
  const to = ISO_DATE.test(params.get("till") ?? "") ? params.get("till")! : undefined;
  const page = parsePage(params.get("sida"));
  const { total, rows } = listAuditEvents(actor.municipalityId!, actor.organisationId!, { userId, youthName, from, to, page });
  return {
    filter: { userId: userId ? String(userId) : "", youthName: youthName ?? "", from: from ?? "", to: to ?? "" },
    users: auditUsers(actor.municipalityId!, actor.organisationId!),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    rows: rows.map((row) => ({
      ...row,
      role: row.role ? ROLE_LABELS[row.role as Role] ?? row.role : "",
      section: SECTION_LABELS[row.section] ?? row.section,
      action: ACTION_LABELS[row.action] ?? row.action,
      basis: row.outcome === "allowed" ? BASIS_LABELS[row.basis ?? ""] ?? row.basis : `Nekad: ${DENIAL_LABELS[row.basisRef ?? ""] ?? row.basisRef}`,
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
        All åtkomst till uppgifter om kommunens ungdomar och allt som enhetens medarbetare gjort. Loggposter kan inte ändras
        eller tas bort.
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
        <button type="submit" className="button button--secondary">
          Filtrera
        </button>
      </Form>
      <p aria-live="polite">{data.total} loggposter.</p>
      <div className="table-wrap">
        <table>
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
        </table>
      </div>
      <Pagination page={data.page} pageCount={data.pageCount} search={location.search} />
    </>
  );
}
