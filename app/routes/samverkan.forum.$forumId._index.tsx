import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { requireRole } from "~/modules/auth/actor.server";
import { openActionItemsOfForum } from "~/modules/meetings/action-items.server";
import { forumMembersOf, forumOrganisationsOf, requireForum } from "~/modules/meetings/forums.server";
import { FORUM_KIND_LABELS, FORUM_ROLE_LABELS, MEETING_STATUS_LABELS, RHYTHM_LABELS } from "~/modules/meetings/labels";
import { forumCalendar } from "~/modules/meetings/meetings.server";
import { FORUM_PORTAL_ROLES, mayManageForum, mayPlan } from "~/modules/meetings/permissions";
import { formatMeetingTime, formatMonth } from "~/modules/meetings/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.forum.name ?? "Forum"} – Samverkansportalen` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const { forum, standing } = requireForum(actor, Number(params.forumId));
  const now = new Date().toISOString();
  const calendar = forumCalendar(forum.id).map((m) => ({ ...m, timeLabel: formatMeetingTime(m.startsAt, m.endsAt), month: formatMonth(m.startsAt) }));
  return {
    forum: {
      id: forum.id,
      name: forum.name,
      kind: forum.kind,
      purpose: forum.purpose,
      rhythm: forum.rhythm,
      rhythmNote: forum.rhythmNote,
      defaultPlace: forum.defaultPlace,
    },
    myRole: standing.forumRole,
    mayPlan: mayPlan(standing),
    mayManage: mayManageForum(standing),
    members: forumMembersOf(forum.id),
    organisations: forumOrganisationsOf(forum.id),
    upcoming: calendar.filter((m) => m.endsAt >= now),
    past: calendar.filter((m) => m.endsAt < now).reverse(),
    actionItems: openActionItemsOfForum(forum.id),
    now,
  };
}

type CalendarRow = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

/** Meetings grouped by month, one table: the forum's calendar. */
function Calendar({ id, caption, meetings, now }: { id: string; caption: string; meetings: CalendarRow[]; now: string }) {
  if (meetings.length === 0) return <p>Inga möten.</p>;
  const months = [...new Set(meetings.map((m) => m.month))];
  return (
    <div className="table-wrap">
      <Table className="calendar" id={id}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Tid</th>
            <th scope="col">Möte</th>
            <th scope="col">Plats</th>
            <th scope="col">Status</th>
            <th scope="col">Kalender</th>
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <Fragment key={month}>
              <tr className="calendar__month">
                <th scope="colgroup" colSpan={5}>
                  {month}
                </th>
              </tr>
              {meetings
                .filter((m) => m.month === month)
                .map((m) => (
                  <tr key={m.id} className={m.status === "cancelled" ? "calendar__cancelled" : undefined}>
                    <td>{m.timeLabel}</td>
                    <td>
                      <Link to={`/samverkan/moten/${m.id}`}>{m.title}</Link>
                    </td>
                    <td>{[m.place, m.videoLink ? "Video" : null].filter(Boolean).join(" och ") || "–"}</td>
                    <td>{MEETING_STATUS_LABELS[m.status]}</td>
                    <td>
                      {m.status !== "cancelled" && m.endsAt >= now ? (
                        <a href={`/samverkan/moten/${m.id}/kalender.ics`} download>
                          Lägg till i kalendern<span className="visually-hidden"> ({m.title})</span>
                        </a>
                      ) : (
                        "–"
                      )}
                    </td>
                  </tr>
                ))}
            </Fragment>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

export default function ForumPage() {
  const data = useLoaderData<typeof loader>();
  const { forum } = data;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/samverkan">Samverkan</Link>
      </p>
      <div className="page-heading">
        <h1>{forum.name}</h1>
        <div className="button-row">
          {data.mayPlan ? (
            <Link to={`/samverkan/forum/${forum.id}/nytt-mote`} className="button">
              Planera nytt möte
            </Link>
          ) : null}
          <Link to={`/samverkan/forum/${forum.id}/medlemmar`} className="button button--secondary">
            {data.mayManage ? "Medlemmar och inställningar" : "Medlemmar"}
          </Link>
        </div>
      </div>
      <dl className="facts">
        <dt>Typ</dt>
        <dd>{FORUM_KIND_LABELS[forum.kind]}</dd>
        <dt>Syfte och uppdrag</dt>
        <dd className="pre-line">{forum.purpose}</dd>
        <dt>Mötesrytm</dt>
        <dd>
          {RHYTHM_LABELS[forum.rhythm]}
          {forum.rhythmNote ? ` – ${forum.rhythmNote}` : ""}
        </dd>
        {forum.defaultPlace ? (
          <>
            <dt>Vanlig plats</dt>
            <dd>{forum.defaultPlace}</dd>
          </>
        ) : null}
        <dt>Din roll</dt>
        <dd>{data.myRole ? FORUM_ROLE_LABELS[data.myRole] : "–"}</dd>
      </dl>

      <section aria-labelledby="kommande-moten" className="card">
        <h2 id="kommande-moten">Mötesplan: kommande möten</h2>
        <Calendar id="kalender-kommande" caption={`Kommande möten i ${forum.name}`} meetings={data.upcoming} now={data.now} />
      </section>

      <section aria-labelledby="atgarder" className="card">
        <h2 id="atgarder">Öppna åtgärdspunkter ({data.actionItems.length})</h2>
        {data.actionItems.length === 0 ? (
          <p>Inga öppna åtgärdspunkter.</p>
        ) : (
          <ul className="task-list">
            {data.actionItems.map((a) => (
              <li key={a.id} className="task">
                {a.title}
                <span className="block muted">
                  {a.ownerName}, klart senast {a.dueDate} · från <Link to={`/samverkan/moten/${a.meetingId}`}>{a.meetingTitle}</Link>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="medlemmar" className="card">
        <h2 id="medlemmar">Medlemmar</h2>
        <ul>
          {data.members.map((m) => (
            <li key={m.id}>
              {m.displayName}, {m.organisationName} – {FORUM_ROLE_LABELS[m.forumRole]}
            </li>
          ))}
        </ul>
        <p className="muted">Medlemsorganisationer: {data.organisations.map((o) => o.name).join(", ")}.</p>
      </section>

      <section aria-labelledby="tidigare-moten" className="card">
        <h2 id="tidigare-moten">Tidigare möten</h2>
        <Calendar id="kalender-tidigare" caption={`Tidigare möten i ${forum.name}, senaste först`} meetings={data.past} now={data.now} />
      </section>
    </>
  );
}
