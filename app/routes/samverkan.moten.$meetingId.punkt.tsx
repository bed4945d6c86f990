import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, SelectField, TextField, useValidatedForm, TextAreaField } from "~/components/form";

import { invalid, parseForm } from "~/lib/form.server";
import { forbidden, notFound } from "~/lib/http";
import { requireRole, type Actor } from "~/modules/auth/actor.server";
import { addAgendaItem, agendaRows, updateAgendaItem } from "~/modules/meetings/agenda.server";
import { agendaItemEditSchema, agendaItemSchema, MANUAL_AGENDA_KINDS } from "~/modules/meetings/agenda-schemas";
import { AGENDA_KIND_LABELS } from "~/modules/meetings/labels";
import { requireMeeting } from "~/modules/meetings/meeting-access.server";
import { participantsOf } from "~/modules/meetings/meetings.server";
import { FORUM_PORTAL_ROLES, mayHaveKeyFigures, mayPlan, mayPropose } from "~/modules/meetings/permissions";

export const meta: MetaFunction = () => [{ title: "Punkt på dagordningen – Samverkansportalen" }];

/** `?id=` edits an item; without it a new one is added (or proposed, by a member). */
function context(actor: Actor, request: Request, meetingId: number) {
  const ctx = requireMeeting(actor, meetingId);
  if (!mayPropose(ctx.standing)) throw forbidden("Forumets medlemmar föreslår punkter till dagordningen.");
  const idParam = new URL(request.url).searchParams.get("id");
  const found = idParam ? agendaRows(ctx.meeting.id).find((r) => r.id === Number(idParam)) : undefined;
  // A member edits only their own open proposal; anything else is the planners', and otherwise a 404.
  const item = found && (mayPlan(ctx.standing) || (found.state === "proposed" && found.proposedByMembershipId === actor.membershipId)) ? found : undefined;
  if (idParam && !item) throw notFound();
  return { ctx, item };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const { ctx, item } = context(actor, request, Number(params.meetingId));
  const kinds = MANUAL_AGENDA_KINDS.filter((k) => (k !== "key_figures" && k !== "goals") || mayHaveKeyFigures(ctx.forum.kind));
  return {
    meeting: { id: ctx.meeting.id, title: ctx.meeting.title },
    planner: mayPlan(ctx.standing),
    editing: item ? { id: item.id, kind: item.kind } : null,
    kinds: kinds.map((k) => ({ value: k, label: AGENDA_KIND_LABELS[k] })),
    presenters: participantsOf(ctx.meeting.id, ctx.forum.id).map((p) => ({ value: String(p.id), label: `${p.name} (${p.organisationName})` })),
    defaults: item
      ? {
          title: item.title,
          description: item.description ?? "",
          presenterParticipantId: item.presenterParticipantId ? String(item.presenterParticipantId) : "",
          minutesAllotted: String(item.minutesAllotted),
        }
      : { kind: "information", minutesAllotted: "10" },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const { ctx, item } = context(actor, request, Number(params.meetingId));
  const back = `/samverkan/moten/${ctx.meeting.id}`;
  if (item) {
    const form = await parseForm(request, agendaItemEditSchema);
    if (!form.ok) return invalid(form.errors, form.values);
    const result = updateAgendaItem(actor, ctx, item.id, form.data);
    return result.ok ? redirect(`${back}#punkt-${item.id}`) : invalid(result.errors, form.values);
  }
  const form = await parseForm(request, agendaItemSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = addAgendaItem(actor, ctx, form.data);
  return result.ok ? redirect(result.state === "accepted" ? `${back}#punkt-${result.id}` : `${back}#forslag`) : invalid(result.errors, form.values);
}

export default function AgendaItemPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(data.editing ? agendaItemEditSchema : agendaItemSchema, {
    defaultValues: actionData?.values ?? data.defaults,
    serverErrors: actionData?.errors,
  });
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  const heading = data.editing ? "Ändra punkt" : data.planner ? "Lägg till punkt" : "Föreslå punkt";
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/samverkan/moten/${data.meeting.id}`}>{data.meeting.title}</Link>
      </p>
      <h1>{heading}</h1>
      {!data.planner && !data.editing ? <p>Ordföranden eller sekreteraren tar ställning till ditt förslag.</p> : null}
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <TextField {...field("title")} label="Rubrik" required />
        {data.editing ? (
          <p>
            Typ: <strong>{AGENDA_KIND_LABELS[data.editing.kind]}</strong>
          </p>
        ) : (
          <SelectField
            {...field("kind")}
            label="Typ av punkt"
            required
            options={data.kinds}
            hint="Nyckeltal och Mål och handlingsplan: en ögonblicksbild av kommunens KAA-arbete, målens läge och handlingsplanens aktiviteter, som fryses när dagordningen skickas."
          />
        )}
        <SelectField {...field("presenterParticipantId")} label="Föredragande" options={data.presenters} />
        <TextField {...field("minutesAllotted")} label="Tid (minuter)" inputMode="numeric" required />
        <TextAreaField {...field("description")} label="Beskrivning (frivilligt)" hint="Syns för alla deltagare. Skriv inga personuppgifter om ungdomar här." />
        <button type="submit" className="button" disabled={submitting}>
          {data.editing ? "Spara ändringen" : data.planner ? "Lägg till på dagordningen" : "Skicka förslaget"}
        </button>
      </Form>
    </div>
  );
}
