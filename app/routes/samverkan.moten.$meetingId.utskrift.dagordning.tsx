import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AgendaTable } from "~/components/meetings/agenda-table";
import { PrintButton } from "~/components/print-button";
import { formatDateTime } from "~/lib/format";
import { requireRole } from "~/modules/auth/actor.server";
import { FORUM_ROLE_LABELS, MEETING_STATUS_LABELS } from "~/modules/meetings/labels";
import { requireMeeting } from "~/modules/meetings/meeting-access.server";
import { meetingView } from "~/modules/meetings/meeting-view.server";
import { FORUM_PORTAL_ROLES } from "~/modules/meetings/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Dagordning: ${data?.view.meeting.title ?? "möte"} – Samverkansportalen` }];

/** The agenda for printing: what the viewer may see, as on the meeting page (and logged the same way). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const ctx = requireMeeting(actor, Number(params.meetingId));
  return { view: meetingView(actor, ctx), printedAt: new Date().toISOString() };
}

export default function PrintAgenda() {
  const { view, printedAt } = useLoaderData<typeof loader>();
  const { meeting, forum } = view;
  return (
    <article className="print-document">
      <p className="breadcrumbs no-print">
        <Link to={`/samverkan/moten/${meeting.id}`}>Tillbaka till mötet</Link>
      </p>
      <PrintButton label="Skriv ut dagordningen" />
      <header className="print-document__header">
        <p className="print-document__forum">{forum.name}</p>
        <h1>Dagordning: {meeting.title}</h1>
        <dl className="facts">
          <dt>Tid</dt>
          <dd>{meeting.timeLabel}</dd>
          <dt>Plats</dt>
          <dd>{[meeting.place, meeting.videoLink].filter(Boolean).join(" · ") || "–"}</dd>
          <dt>Status</dt>
          <dd>{MEETING_STATUS_LABELS[meeting.status]}</dd>
        </dl>
      </header>
      <AgendaTable items={view.agenda} totalMinutes={view.totalMinutes} />
      <h2>Kallade</h2>
      <ul className="compact-list">
        {view.participants.map((p) => (
          <li key={p.id}>
            {p.name}, {p.organisationName} ({p.role === "guest" ? "gäst" : FORUM_ROLE_LABELS[p.role].toLowerCase()})
          </li>
        ))}
      </ul>
      <p className="print-document__footer muted">
        Utskriven {formatDateTime(printedAt)} ur Samverkansportalen. Innehåller den här deltagarens vy; uppgifter om ungdomar omfattas av sekretess.
      </p>
    </article>
  );
}
