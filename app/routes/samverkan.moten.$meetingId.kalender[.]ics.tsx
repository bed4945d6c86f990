import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/auth/actor.server";
import { portalOrigin } from "~/modules/meetings/agenda-send.server";
import { meetingIcs } from "~/modules/meetings/ics";
import { requireMeeting } from "~/modules/meetings/meeting-access.server";
import { meetingLink } from "~/modules/meetings/meeting-notices.server";
import { FORUM_PORTAL_ROLES } from "~/modules/meetings/permissions";

/** One meeting as a calendar file: time, place and a link; the agenda stays in the portal. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const { meeting, forum } = requireMeeting(actor, Number(params.meetingId));
  const origin = portalOrigin(request);
  const url = `${origin}${meetingLink(meeting.id)}`;
  const body = meetingIcs({
    uid: `mote-${meeting.id}@${new URL(origin).host}`,
    sequence: meeting.revision,
    title: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    location: [meeting.place, meeting.videoLink].filter(Boolean).join(", ") || null,
    url,
    description: `${forum.name}. Dagordningen finns i Samverkansportalen: ${url}`,
    cancelled: meeting.status === "cancelled",
    now: new Date(),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="mote-${meeting.id}.ics"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
