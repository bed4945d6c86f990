import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/lib/format";
import { requireActor } from "~/modules/auth/actor.server";
import { NOTIFICATION_PAGE_SIZE, readNotifications } from "~/modules/notifications/notifications.server";
import { plural } from "~/lib/plural";

export const meta: MetaFunction = () => [{ title: "Meddelanden – Samverkansportalen" }];

/** The user's in-app notices; opening the page marks them read. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return { notifications: readNotifications(actor.userId) };
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => n.unread).length;
  return (
    <>
      <h1>Meddelanden</h1>
      <p className="lead">{unread > 0 ? `${plural(unread, "nytt meddelande", "nya meddelanden")} sedan du senast tittade.` : "Inga nya meddelanden."}</p>
      <p>
        <Link to="/installningar/meddelanden">Välj vilka meddelanden du får i portalen och med e-post</Link>
      </p>
      {notifications.length === 0 ? (
        <p>Du har inga meddelanden.</p>
      ) : (
        <ul className="task-list">
          {notifications.map((n) => (
            <li key={n.id} className={n.unread ? "task task--new" : "task"}>
              {n.unread ? <span className="badge">Ny</span> : null} {n.link ? <Link to={n.link}>{n.title}</Link> : <strong>{n.title}</strong>}
              {n.body ? <span className="block">{n.body}</span> : null}
              <span className="block muted">{formatDateTime(n.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {notifications.length === NOTIFICATION_PAGE_SIZE ? <p className="muted">Visar de {NOTIFICATION_PAGE_SIZE} senaste meddelandena.</p> : null}
    </>
  );
}
