import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ActionItemsTable, Attendance, MinutesItems } from "~/components/meetings/minutes-view";
import { PrintButton } from "~/components/print-button";
import { formatDateTime } from "~/lib/format";
import { requireRole } from "~/modules/auth/actor.server";
import { actionItemsOfMeeting } from "~/modules/meetings/action-items.server";
import { requireMeeting } from "~/modules/meetings/meeting-access.server";
import { meetingView } from "~/modules/meetings/meeting-view.server";
import { FORUM_PORTAL_ROLES } from "~/modules/meetings/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Protokoll: ${data?.view.meeting.title ?? "möte"} – Samverkansportalen` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const ctx = requireMeeting(actor, Number(params.meetingId));
  return { view: meetingView(actor, ctx), actionItems: actionItemsOfMeeting(ctx.meeting.id), printedAt: new Date().toISOString() };
}

export default function PrintMinutes() {
  const { view, actionItems, printedAt } = useLoaderData<typeof loader>();
  const { meeting, forum } = view;
  const held = meeting.status === "held" || meeting.status === "minutes_approved";
  return (
    <article className="print-document">
      <p className="breadcrumbs no-print">
        <Link to={`/samverkan/moten/${meeting.id}/protokoll`}>Tillbaka till protokollet</Link>
      </p>
      <PrintButton label="Skriv ut protokollet" />
      <header className="print-document__header">
        <p className="print-document__forum">{forum.name}</p>
        <h1>Protokoll: {meeting.title}</h1>
        <p>
          {meeting.timeLabel}
          {meeting.place ? `, ${meeting.place}` : ""}
        </p>
        {meeting.status === "minutes_approved" ? null : <p className="print-document__draft">Utkast – protokollet är inte justerat.</p>}
      </header>
      {held ? (
        <>
          <h2>Närvaro</h2>
          <Attendance participants={view.participants} />
          <h2>Förhandlingar</h2>
          <MinutesItems items={view.agenda} actionItems={actionItems} />
          {meeting.minutesNote ? (
            <>
              <h2>Övrigt</h2>
              <p className="pre-line">{meeting.minutesNote}</p>
            </>
          ) : null}
          <h2>Åtgärdspunkter</h2>
          <ActionItemsTable actionItems={actionItems.filter((a) => a.status !== "cancelled")} caption="Åtgärdspunkter som beslutades på mötet" />
          <section className="signatures" aria-label="Justering">
            <p>
              Justerat:{" "}
              {meeting.status === "minutes_approved"
                ? `${meeting.approvedByName}, ${formatDateTime(meeting.minutesApprovedAt!)} (elektroniskt i Samverkansportalen)`
                : `–${meeting.adjusterName ? ` (justerare: ${meeting.adjusterName})` : ""}`}
            </p>
          </section>
        </>
      ) : (
        <p>Mötet har inte hållits ännu.</p>
      )}
      <p className="print-document__footer muted">Utskrivet {formatDateTime(printedAt)} ur Samverkansportalen. Uppgifter om ungdomar omfattas av sekretess.</p>
    </article>
  );
}
