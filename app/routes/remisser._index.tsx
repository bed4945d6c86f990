import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { countText } from "~/lib/counting";
import { formatDateTime, parsePage } from "~/lib/format";
import { listReceivedReferrals, listSentReferrals } from "~/modules/referrals/referral-lists.server";
import { registerOf } from "~/modules/access/gate.server";
import { REFERRAL_ROLES, requireRole } from "~/modules/auth/actor.server";
import { INBOX_TABS, REFERRAL_STATUS_LABELS, type InboxTab } from "~/modules/referrals/referral-states";

export const meta: MetaFunction = () => [{ title: "Remisser – Samverkansportalen" }];

const TAB_LABELS: Record<InboxTab, string> = { nya: "Nya", accepterade: "Accepterade", avslutade: "Avslutade" };

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, REFERRAL_ROLES);
  const params = new URL(request.url).searchParams;
  const tabParam = params.get("flik") ?? "nya";
  const tab: InboxTab = Object.hasOwn(INBOX_TABS, tabParam) ? (tabParam as InboxTab) : "nya";
  const page = parsePage(params.get("sida"));
  // The KAA unit lists what it sent from its register; every other organisation its inbox.
  const register = registerOf(actor);
  return { tab, list: register ? listSentReferrals(register, tab, page) : listReceivedReferrals(actor, tab, page) };
}

export default function Referrals() {
  const { tab, list } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <h1>{list.asSender ? "Skickade remisser" : "Inkomna remisser"}</h1>
      <p className="lead">
        {list.asSender
          ? "Remisser som KAA-enheten skickat, med mottagarens beslut och utfall."
          : "Remisser till er organisation. Ni ser uppgifter om ungdomen bara så länge samtycket gäller."}
      </p>
      <nav aria-label="Remisser efter läge" className="section-nav">
        <ul>
          {(Object.keys(INBOX_TABS) as InboxTab[]).map((t) => (
            <li key={t}>
              <Link to={`?flik=${t}`} aria-current={t === tab ? "page" : undefined}>
                {TAB_LABELS[t]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p aria-live="polite">{countText(list.total, list.moreThanCap, "remiss", "remisser")}.</p>
      {list.rows.length > 0 ? (
        <div className="table-wrap">
          <Table>
            <caption className="visually-hidden">Remisser, senaste först</caption>
            <thead>
              <tr>
                <th scope="col">Remiss</th>
                <th scope="col">Ungdom</th>
                <th scope="col">{list.asSender ? "Mottagare" : "Från"}</th>
                <th scope="col">Skickad</th>
                <th scope="col">Läge</th>
                <th scope="col">Ansvarig</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/remisser/${r.id}`}>Remiss {r.id}</Link>
                    {r.question ? <span className="block muted">{r.question.length > 90 ? `${r.question.slice(0, 90)} …` : r.question}</span> : null}
                  </td>
                  <td>{r.available ? r.youthName : <em>Inte längre tillgänglig (samtycket gäller inte)</em>}</td>
                  <td>{r.counterpart}</td>
                  <td>{formatDateTime(r.sentAt)}</td>
                  <td>{REFERRAL_STATUS_LABELS[r.status]}</td>
                  <td>{r.responsible ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : (
        <p>Inga remisser här.</p>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} search={location.search} />
    </>
  );
}
