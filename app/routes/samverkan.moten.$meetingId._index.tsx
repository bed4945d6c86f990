import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { readFormData } from "~/lib/form.server";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgendaTable } from "~/components/meetings/agenda-table";
import { EmailProblems, Proposals, SendReportView } from "~/components/meetings/meeting-sections";
import { formatDateTime } from "~/lib/format";
import { fieldErrors } from "~/lib/form-fields";
import { requireRole } from "~/modules/auth/actor.server";
import { completeActionItem } from "~/modules/meetings/action-items.server";
import { moveAgendaItem, withdrawAgendaItem } from "~/modules/meetings/agenda.server";
import { acceptProposal, declineProposal } from "~/modules/meetings/agenda-proposals.server";
import { meetingIntentSchema, type MeetingIntent } from "~/modules/meetings/agenda-schemas";
import { portalOrigin, resendFailedEmails, sendAgenda, type SendReport } from "~/modules/meetings/agenda-send.server";
import { AGENDA_STATE_LABELS, FORUM_ROLE_LABELS, MEETING_STATUS_LABELS } from "~/modules/meetings/labels";
import { requireMeeting } from "~/modules/meetings/meeting-access.server";
import { meetingView } from "~/modules/meetings/meeting-view.server";
import type { MeetingContext } from "~/modules/meetings/meetings.server";
import { markHeld } from "~/modules/meetings/minutes.server";
import { FORUM_PORTAL_ROLES } from "~/modules/meetings/permissions";
import type { Actor } from "~/modules/auth/actor.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.view.meeting.title ?? "Möte"} – Samverkansportalen` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const ctx = requireMeeting(actor, Number(params.meetingId));
  return { view: meetingView(actor, ctx) };
}

type ActionResult = { ok: boolean; message: string; report?: Extract<SendReport, { ok: true }> };

async function perform(actor: Actor, ctx: MeetingContext, intent: MeetingIntent, request: Request): Promise<ActionResult | Response> {
  const fail = (errors: Record<string, string>) => ({ ok: false, message: Object.values(errors).join(" ") });
  switch (intent.intent) {
    case "move": {
      const r = moveAgendaItem(actor, ctx, intent.itemId, intent.direction);
      return r.ok ? { ok: true, message: "Punkten är flyttad." } : fail(r.errors);
    }
    case "withdraw": {
      const r = withdrawAgendaItem(actor, ctx, intent.itemId);
      return r.ok ? { ok: true, message: "Punkten är borttagen från dagordningen." } : fail(r.errors);
    }
    case "accept": {
      const r = acceptProposal(actor, ctx, intent.itemId);
      if (!r.ok) return fail(r.errors);
      return {
        ok: true,
        message: r.anonymised
          ? "Förslaget är med på dagordningen, avidentifierat: samtycket omfattar inte alla deltagare."
          : "Förslaget är med på dagordningen.",
      };
    }
    case "decline": {
      const r = declineProposal(actor, ctx, intent.itemId, intent.declineReason);
      return r.ok ? { ok: true, message: "Förslaget är avböjt." } : fail(r.errors);
    }
    case "complete-action": {
      const r = completeActionItem(actor, intent.actionItemId, ctx.meeting.id);
      return r.ok ? { ok: true, message: "Åtgärdspunkten är markerad som klar." } : fail(r.errors);
    }
    case "send-agenda":
    case "resend-failed": {
      const report =
        intent.intent === "send-agenda" ? await sendAgenda(actor, ctx, portalOrigin(request)) : resendFailedEmails(actor, ctx, portalOrigin(request));
      if (!report.ok) return fail(report.errors);
      return { ok: true, message: intent.intent === "send-agenda" ? "Dagordningen är skickad." : "E-posten skickas på nytt.", report };
    }
    case "mark-held": {
      const r = markHeld(actor, ctx);
      return r.ok ? redirect(`/samverkan/moten/${ctx.meeting.id}/protokoll`) : fail(r.errors);
    }
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const ctx = requireMeeting(actor, Number(params.meetingId));
  const parsed = meetingIntentSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return json({ ok: false, message: Object.values(fieldErrors(parsed.error)).join(" ") } as ActionResult, { status: 400 });
  const result = await perform(actor, ctx, parsed.data, request);
  if (result instanceof Response) return result;
  return json(result, { status: result.ok ? 200 : 400 });
}

export default function MeetingPage() {
  const { view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { meeting, forum, may } = view;
  return (
    <>
      <p className="breadcrumbs">{may.openForum ? <Link to={`/samverkan/forum/${forum.id}`}>{forum.name}</Link> : <Link to="/samverkan">Samverkan</Link>}</p>
      <div className="page-heading">
        <h1>{meeting.title}</h1>
        <span className={`status-tag status-tag--${meeting.status}`}>{MEETING_STATUS_LABELS[meeting.status]}</span>
      </div>
      <dl className="facts">
        <dt>Tid</dt>
        <dd>{meeting.timeLabel}</dd>
        <dt>Plats</dt>
        <dd>{meeting.place ?? "–"}</dd>
        {meeting.videoLink ? (
          <>
            <dt>Videolänk</dt>
            <dd>
              <a href={meeting.videoLink} rel="noreferrer noopener">
                {meeting.videoLink}
              </a>
            </dd>
          </>
        ) : null}
        {meeting.agendaSentAt ? (
          <>
            <dt>Dagordningen skickad</dt>
            <dd>{formatDateTime(meeting.agendaSentAt)}</dd>
          </>
        ) : null}
      </dl>
      <nav aria-label="Mötets sidor" className="section-nav no-print">
        <ul>
          <li>
            <Link to={`/samverkan/moten/${meeting.id}/utskrift/dagordning`}>Skriv ut dagordningen</Link>
          </li>
          <li>
            <a href={`/samverkan/moten/${meeting.id}/kalender.ics`} download>
              Lägg till i kalendern (.ics)
            </a>
          </li>
          {meeting.status === "held" || meeting.status === "minutes_approved" ? (
            <li>
              <Link to={`/samverkan/moten/${meeting.id}/protokoll`}>Protokoll</Link>
            </li>
          ) : null}
          {may.plan ? (
            <li>
              <Link to={`/samverkan/moten/${meeting.id}/deltagare`}>Mötesuppgifter och deltagare</Link>
            </li>
          ) : null}
        </ul>
      </nav>

      {actionData ? (
        actionData.ok && actionData.report ? (
          <SendReportView report={actionData.report} />
        ) : (
          <p className={`alert ${actionData.ok ? "alert--success" : "alert--error"}`} role={actionData.ok ? "status" : "alert"}>
            {actionData.message}
          </p>
        )
      ) : null}
      {meeting.status === "cancelled" ? <p className="alert alert--warning">Mötet är inställt: {meeting.cancelReason}</p> : null}
      {meeting.status === "agenda_sent" && may.plan ? <EmailProblems problems={view.emailProblems} /> : null}

      <section aria-labelledby="dagordning" className="card">
        <h2 id="dagordning">Dagordning</h2>
        <AgendaTable
          items={view.agenda}
          totalMinutes={view.totalMinutes}
          controls={{ meetingId: meeting.id, edit: may.editAgenda, completeFollowUps: may.plan ? true : "own" }}
        />
        {may.proposeNow ? (
          <div className="button-row">
            <Link to={`/samverkan/moten/${meeting.id}/punkt`} className="button button--secondary">
              {may.plan ? "Lägg till punkt" : "Föreslå punkt"}
            </Link>
            <Link to={`/samverkan/moten/${meeting.id}/arendepunkt`} className="button button--secondary">
              {may.plan ? "Lägg till ärendepunkt" : "Föreslå ärendepunkt"}
            </Link>
          </div>
        ) : null}
      </section>

      {view.proposals.length > 0 ? <Proposals proposals={view.proposals} decide={may.editAgenda} withdrawOwn={may.proposeNow} /> : null}

      {may.send || may.markHeld ? (
        <section aria-labelledby="skicka" className="card">
          <h2 id="skicka">Skicka och håll mötet</h2>
          {may.send ? (
            <>
              <p>
                Deltagarna med konto i portalen får ett meddelande här, och alla deltagare med e-postadress får ett e-postmeddelande med mötets tid och plats
                och en länk hit. Själva dagordningen skickas aldrig med e-post. Nyckeltal fryses när dagordningen skickas.
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="send-agenda" />
                <button type="submit" className="button">
                  {meeting.status === "agenda_sent" ? "Skicka den uppdaterade dagordningen" : "Skicka dagordningen"}
                </button>
              </Form>
            </>
          ) : null}
          {may.markHeld ? (
            <Form method="post" className="spaced">
              <input type="hidden" name="intent" value="mark-held" />
              <button type="submit" className="button button--secondary">
                Mötet har hållits – skriv protokollet
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="deltagare" className="card">
        <h2 id="deltagare">Deltagare ({view.participants.length})</h2>
        <ul>
          {view.participants.map((p) => (
            <li key={p.id}>
              {p.name}, {p.organisationName} – {p.role === "guest" ? "gäst" : FORUM_ROLE_LABELS[p.role].toLowerCase()}
            </li>
          ))}
        </ul>
      </section>

      {view.closed.length > 0 ? (
        <details className="card">
          <summary>Borttagna och avböjda punkter ({view.closed.length})</summary>
          <ul>
            {view.closed.map((item) => (
              <li key={item.id}>
                {item.title} – {AGENDA_STATE_LABELS[item.state].toLowerCase()}
                {item.declineReason ? `: ${item.declineReason}` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
