import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { NOTICE_STATUS_LABELS } from "~/components/labels";
import { Pagination } from "~/components/pagination";
import { countFigure } from "~/lib/counting";
import { formatDateTime, parsePage } from "~/lib/format";
import { listInbox } from "~/modules/notices/notices.server";
import { KAA_ROLES, requireRole } from "~/modules/auth/actor.server";
import { openRegister } from "~/modules/access/gate.server";
import { NOTICE_KIND_LABELS } from "~/modules/notices/notice-schema";
import { INBOX_STATUSES, type InboxStatus } from "~/components/labels";
import { plural } from "~/lib/plural";

export const meta: MetaFunction = () => [{ title: "Inkorg – Samverkansportalen" }];

/** How long a notice has waited, in words a caseworker reads at a glance. */
function waited(createdAt: string, now: number) {
  const hours = Math.floor((now - Date.parse(createdAt)) / 3_600_000);
  if (hours < 1) return "mindre än en timme";
  if (hours < 48) return plural(hours, "timme", "timmar");
  return plural(Math.floor(hours / 24), "dag", "dagar");
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, KAA_ROLES);
  const params = new URL(request.url).searchParams;
  const statusParam = params.get("status");
  const status: InboxStatus = INBOX_STATUSES.includes(statusParam as InboxStatus) ? (statusParam as InboxStatus) : "sent";
  const page = parsePage(params.get("sida"));
  const now = Date.now();
  const inbox = listInbox(openRegister(actor), status, page);
  return { ...inbox, rows: inbox.rows.map((r) => ({ ...r, waited: waited(r.createdAt, now) })), status };
}

const TAB_LABELS: Record<InboxStatus, string> = { sent: "Nya", received: "Mottagna", handled: "Hanterade" };

export default function Inbox() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <h1>Inkorg: anmälningar från skolor</h1>
      <p className="lead">Anmälningar om elever folkbokförda i kommunen, från alla skolor oavsett huvudman och kommun. Äldst först.</p>
      <nav aria-label="Anmälningar efter status" className="section-nav">
        <ul>
          {INBOX_STATUSES.map((s) => (
            <li key={s}>
              <Link to={`?status=${s}`} aria-current={s === data.status ? "page" : undefined}>
                {TAB_LABELS[s]} ({countFigure(data.counts[s].total, data.counts[s].moreThanCap)})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {data.rows.length > 0 ? (
        <div className="table-wrap">
          <Table>
            <caption className="visually-hidden">{TAB_LABELS[data.status]} anmälningar</caption>
            <thead>
              <tr>
                <th scope="col">Elev</th>
                <th scope="col">Gäller</th>
                <th scope="col">Skola</th>
                <th scope="col">Händelsedatum</th>
                <th scope="col">Inkom</th>
                {data.status === "sent" ? <th scope="col">Har väntat</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((n) => (
                <tr key={n.id}>
                  <td>
                    <Link to={`/inkorg/${n.id}`}>{n.name}</Link>
                  </td>
                  <td>{NOTICE_KIND_LABELS[n.kind]}</td>
                  <td>
                    {n.schoolName}
                    {n.schoolOrganiserKind === "fristaende" ? <span className="badge">Fristående</span> : null}
                  </td>
                  <td>{n.eventDate}</td>
                  <td>{formatDateTime(n.createdAt)}</td>
                  {data.status === "sent" ? <td>{n.waited}</td> : null}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : (
        <p>Inga {TAB_LABELS[data.status].toLowerCase()} anmälningar.</p>
      )}
      <p className="muted">Status: {NOTICE_STATUS_LABELS[data.status]}.</p>
      <Pagination page={data.page} pageCount={data.pageCount} search={location.search} />
    </>
  );
}
