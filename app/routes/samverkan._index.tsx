import { Table } from "~/components/table";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { readFormData } from "~/lib/form.server";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { formatDate } from "~/lib/format";
import { requireRole } from "~/modules/auth/actor.server";
import { completeActionItem, myOpenActionItems } from "~/modules/meetings/action-items.server";
import { isForumAdministrator, municipalityForums, myForums } from "~/modules/meetings/forums.server";
import { FORUM_KIND_LABELS, FORUM_ROLE_LABELS, MEETING_STATUS_LABELS, RHYTHM_LABELS } from "~/modules/meetings/labels";
import { upcomingMeetingsOf } from "~/modules/meetings/meetings.server";
import { FORUM_PORTAL_ROLES } from "~/modules/meetings/permissions";
import { formatMeetingTime } from "~/modules/meetings/time";
import { unreadCount } from "~/modules/notifications/notifications.server";
import { plural } from "~/lib/plural";

export const meta: MetaFunction = () => [{ title: "Samverkan – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const isAdministrator = actor.municipalityId !== null && isForumAdministrator(actor, actor.municipalityId);
  return {
    forums: myForums(actor),
    upcoming: upcomingMeetingsOf(actor).map((m) => ({ ...m, timeLabel: formatMeetingTime(m.startsAt, m.endsAt) })),
    actionItems: myOpenActionItems(actor),
    isAdministrator,
    allForums: isAdministrator ? municipalityForums(actor) : [],
    unread: unreadCount(actor.userId),
  };
}

const completeSchema = z.object({ actionItemId: z.coerce.number().int().positive() });

/** The owner marks an action item done from here. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const parsed = completeSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return json({ ok: false as const, message: "Välj en åtgärdspunkt." }, { status: 400 });
  const result = completeActionItem(actor, parsed.data.actionItemId);
  if (!result.ok) return json({ ok: false as const, message: Object.values(result.errors).join(" ") }, { status: 400 });
  return json({ ok: true as const, message: "Åtgärdspunkten är markerad som klar." });
}

export default function Samverkan() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <div className="page-heading">
        <h1>Samverkan</h1>
        {data.isAdministrator ? (
          <Link to="/samverkan/nytt-forum" className="button button--secondary">
            Skapa forum
          </Link>
        ) : null}
      </div>
      <p className="lead">Styrgrupp, samverkansforum och arbetsgrupper: möten, dagordningar, protokoll och åtgärdspunkter.</p>
      <p>
        <Link to="/meddelanden">Meddelanden{data.unread > 0 ? ` (${plural(data.unread, "oläst", "olästa")})` : ""}</Link>
      </p>
      {actionData ? (
        <p className={`alert ${actionData.ok ? "alert--success" : "alert--error"}`} role={actionData.ok ? "status" : "alert"}>
          {actionData.message}
        </p>
      ) : null}

      <section aria-labelledby="mina-forum" className="card">
        <h2 id="mina-forum">Mina forum</h2>
        {data.forums.length === 0 ? (
          <p>Du är inte medlem i något forum. Forumets ordförande eller KAA-samordnaren lägger till medlemmar.</p>
        ) : (
          <div className="table-wrap">
            <Table>
              <caption className="visually-hidden">Forum där du är medlem</caption>
              <thead>
                <tr>
                  <th scope="col">Forum</th>
                  <th scope="col">Typ</th>
                  <th scope="col">Din roll</th>
                  <th scope="col">Mötesrytm</th>
                </tr>
              </thead>
              <tbody>
                {data.forums.map((f) => (
                  <tr key={f.id}>
                    <td>
                      <Link to={`/samverkan/forum/${f.id}`}>{f.name}</Link>
                    </td>
                    <td>{FORUM_KIND_LABELS[f.kind]}</td>
                    <td>{FORUM_ROLE_LABELS[f.forumRole]}</td>
                    <td>{RHYTHM_LABELS[f.rhythm]}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="kommande" className="card">
        <h2 id="kommande">Kommande möten</h2>
        {data.upcoming.length === 0 ? (
          <p>Inga planerade möten.</p>
        ) : (
          <ul className="task-list">
            {data.upcoming.map((m) => (
              <li key={m.id} className="task">
                <Link to={`/samverkan/moten/${m.id}`}>{m.title}</Link>
                <span className="block">
                  {m.forumName} · {m.timeLabel} · {MEETING_STATUS_LABELS[m.status]}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="atgardspunkter" id="mina-atgardspunkter" className="card">
        <h2 id="atgardspunkter">Mina åtgärdspunkter</h2>
        {data.actionItems.length === 0 ? (
          <p>Du har inga öppna åtgärdspunkter.</p>
        ) : (
          <div className="table-wrap">
            <Table>
              <caption className="visually-hidden">Dina öppna åtgärdspunkter, tidigast först</caption>
              <thead>
                <tr>
                  <th scope="col">Åtgärd</th>
                  <th scope="col">Klart senast</th>
                  <th scope="col">Från mötet</th>
                  <th scope="col">
                    <span className="visually-hidden">Markera som klar</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.actionItems.map((a) => (
                  <tr key={a.id}>
                    <td>{a.title}</td>
                    <td>{a.dueDate}</td>
                    <td>
                      <Link to={`/samverkan/moten/${a.meetingId}`}>
                        {a.meetingTitle} ({formatDate(a.meetingStartsAt)})
                      </Link>
                      <span className="block muted">{a.forumName}</span>
                    </td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="actionItemId" value={a.id} />
                        <button type="submit" className="button button--secondary" aria-label={`Markera som klar: ${a.title}`}>
                          Markera som klar
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>

      {data.isAdministrator ? (
        <section aria-labelledby="alla-forum" className="card">
          <h2 id="alla-forum">Alla forum i kommunen</h2>
          <p className="muted">Som KAA-samordnare skapar du forum och hanterar deras medlemmar. Mötena ser bara forumets medlemmar.</p>
          {data.allForums.length === 0 ? (
            <p>Kommunen har inga forum ännu.</p>
          ) : (
            <div className="table-wrap">
              <Table>
                <caption className="visually-hidden">Kommunens forum</caption>
                <thead>
                  <tr>
                    <th scope="col">Forum</th>
                    <th scope="col">Typ</th>
                    <th scope="col">Medlemmar</th>
                  </tr>
                </thead>
                <tbody>
                  {data.allForums.map((f) => (
                    <tr key={f.id}>
                      <td>
                        <Link to={`/samverkan/forum/${f.id}/medlemmar`}>{f.name}</Link>
                      </td>
                      <td>{FORUM_KIND_LABELS[f.kind]}</td>
                      <td>{f.memberCount}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}
