import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form as PlainForm, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { CheckboxField, ErrorSummary, Form, SelectField, TextField, useValidatedForm, TextAreaField } from "~/components/form";
import { AgendaItemBody } from "~/components/meetings/agenda-parts";

import { useIntentForm } from "~/components/intent-form";
import { ActionItemsTable, Attendance, MinutesItems } from "~/components/meetings/minutes-view";
import { formatDateTime } from "~/lib/format";
import { parseForm, type FormValues, readFormData } from "~/lib/form.server";
import { requireRole } from "~/modules/auth/actor.server";
import { actionItemsOfMeeting } from "~/modules/meetings/action-items.server";
import { AGENDA_KIND_LABELS } from "~/modules/meetings/labels";
import { requireMeeting } from "~/modules/meetings/meeting-access.server";
import { meetingView } from "~/modules/meetings/meeting-view.server";
import { actionOwnerCandidates, addActionItem, approveMinutes, cancelActionItem, saveMinutes } from "~/modules/meetings/minutes.server";
import {
  actionItemSchema,
  approveSchema,
  decisionField,
  minutesInput,
  minutesIntentSchema,
  minutesSchemaFor,
  notesField,
  presentField,
} from "~/modules/meetings/minutes-schemas";
import { FORUM_PORTAL_ROLES } from "~/modules/meetings/permissions";
import { utcToStockholm } from "~/modules/meetings/time";

export const meta: MetaFunction = () => [{ title: "Protokoll – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const ctx = requireMeeting(actor, Number(params.meetingId));
  const view = meetingView(actor, ctx);
  return {
    view,
    actionItems: actionItemsOfMeeting(ctx.meeting.id),
    owners: view.may.writeMinutes ? actionOwnerCandidates(ctx) : [],
    meetingDate: utcToStockholm(ctx.meeting.startsAt).date,
  };
}

/** Only items whose notes the writer can see are in the form, so no hidden notes are overwritten. */
function editableIds(view: { agenda: { id: number; minutes: unknown }[]; participants: { id: number }[] }) {
  return { itemIds: view.agenda.filter((i) => i.minutes !== null).map((i) => i.id), participantIds: view.participants.map((p) => p.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const ctx = requireMeeting(actor, Number(params.meetingId));
  const intent = String((await readFormData(request.clone())).get("intent") ?? "");
  const respond = (ok: boolean, message: string, errors: Record<string, string> = {}, values: FormValues = {}) =>
    json({ intent, ok, message, errors, values }, { status: ok ? 200 : 400 });
  const outcome = (r: { ok: true } | { ok: false; errors: Record<string, string> }, message: string, values: FormValues = {}) =>
    r.ok ? respond(true, message) : respond(false, Object.values(r.errors).join(" "), r.errors, values);
  if (intent === "save-minutes") {
    const { itemIds, participantIds } = editableIds(meetingView(actor, ctx));
    const form = await parseForm(request, minutesSchemaFor(itemIds, participantIds));
    if (!form.ok) return respond(false, "Protokollet innehåller fel.", form.errors, form.values);
    return outcome(saveMinutes(actor, ctx, minutesInput(form.data as Record<string, unknown>, itemIds, participantIds)), "Protokollet är sparat.", form.values);
  }
  if (intent === "add-action") {
    const form = await parseForm(request, actionItemSchema);
    if (!form.ok) return respond(false, "Åtgärdspunkten innehåller fel.", form.errors, form.values);
    return outcome(addActionItem(actor, ctx, form.data), "Åtgärdspunkten är tillagd.", form.values);
  }
  if (intent === "approve") {
    const form = await parseForm(request, approveSchema);
    if (!form.ok) return respond(false, "Bekräfta justeringen.", form.errors, form.values);
    return outcome(approveMinutes(actor, ctx), "Protokollet är justerat och låst.");
  }
  const parsed = minutesIntentSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return respond(false, "Okänd åtgärd.");
  return outcome(cancelActionItem(actor, ctx, parsed.data.actionItemId), "Åtgärdspunkten är struken.");
}

function MinutesForm() {
  const { view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // The schema depends only on which items and participants are editable: keyed by their ids, so a
  // re-render with the same ids keeps the same schema (and the form its state).
  const idsKey = JSON.stringify(editableIds(view));
  const schema = useMemo(() => {
    const { itemIds, participantIds } = JSON.parse(idsKey) as ReturnType<typeof editableIds>;
    return minutesSchemaFor(itemIds, participantIds);
  }, [idsKey]);
  const defaults: Record<string, unknown> = {
    minutesNote: view.meeting.minutesNote ?? "",
    adjusterMembershipId: view.meeting.adjusterMembershipId ? String(view.meeting.adjusterMembershipId) : "",
  };
  for (const item of view.agenda) {
    if (item.minutes === null) continue;
    defaults[notesField(item.id)] = item.minutes.notes ?? "";
    defaults[decisionField(item.id)] = item.minutes.decision ?? "";
  }
  // Until attendance is recorded, everyone invited is assumed present.
  for (const p of view.participants) defaults[presentField(p.id)] = p.attendance !== "absent";
  const mine = actionData?.intent === "save-minutes" && !actionData.ok ? actionData : undefined;
  const { register, errorFor, formProps, submitting } = useValidatedForm(schema, { defaultValues: defaults, serverErrors: mine?.errors });
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  return (
    <Form {...formProps}>
      <input type="hidden" name="intent" value="save-minutes" />
      <ErrorSummary errors={mine?.errors} />
      <fieldset>
        <legend>Närvarande</legend>
        {view.participants.map((p) => (
          <CheckboxField key={p.id} {...field(presentField(p.id))} label={`${p.name} (${p.organisationName})`} />
        ))}
      </fieldset>
      {view.agenda.map((item) => (
        <fieldset key={item.id} id={`punkt-${item.id}`}>
          <legend>
            § {item.number} {item.title} ({AGENDA_KIND_LABELS[item.kind].toLowerCase()})
          </legend>
          <AgendaItemBody item={item} />
          {item.minutes === null ? (
            <p className="muted">Du får inte se uppgifterna om ärendet, och därför inte heller anteckningarna om det.</p>
          ) : (
            <>
              <TextAreaField
                {...field(notesField(item.id))}
                label="Anteckningar"
                rows={3}
                hint={item.kind === "case" ? "Ärendet: skriv bara det som behövs, och aldrig personnummer." : undefined}
              />
              <TextAreaField {...field(decisionField(item.id))} label="Beslut" rows={2} />
            </>
          )}
        </fieldset>
      ))}
      <TextAreaField {...field("minutesNote")} label="Övrigt" rows={3} />
      <SelectField
        {...field("adjusterMembershipId")}
        label="Justerare"
        hint="En närvarande deltagare med konto i portalen, vanligen en annan än sekreteraren. Justeraren justerar protokollet här i portalen."
        options={view.participants
          .filter((p) => p.membershipId !== null)
          .map((p) => ({ value: String(p.membershipId), label: `${p.name} (${p.organisationName})` }))}
      />
      <button type="submit" className="button" disabled={submitting}>
        Spara protokollet
      </button>
    </Form>
  );
}

function ActionItemForm() {
  const { view, owners, meetingDate } = useLoaderData<typeof loader>();
  const { formProps, field, errors, submitting } = useIntentForm(useActionData<typeof action>(), "add-action", actionItemSchema, {
    actionDueDate: meetingDate,
  });
  return (
    <Form {...formProps} aria-labelledby="ny-atgard">
      <h3 id="ny-atgard">Ny åtgärdspunkt</h3>
      <ErrorSummary errors={errors} />
      <input type="hidden" name="intent" value="add-action" />
      <TextField {...field("actionTitle")} label="Vad ska göras" required hint="Skriv inga personuppgifter om ungdomar." />
      <SelectField
        {...field("actionOwnerMembershipId")}
        label="Ansvarig"
        required
        options={owners.map((o) => ({ value: String(o.membershipId), label: o.label }))}
      />
      <TextField {...field("actionDueDate")} label="Klart senast" type="date" required />
      <SelectField
        {...field("actionAgendaItemId")}
        label="Under punkt (frivilligt)"
        options={view.agenda.map((i) => ({ value: String(i.id), label: `§ ${i.number} ${i.title}` }))}
      />
      <button type="submit" className="button button--secondary" disabled={submitting}>
        Lägg till åtgärdspunkten
      </button>
    </Form>
  );
}

function ApproveForm() {
  const { formProps, field, errors, submitting } = useIntentForm(useActionData<typeof action>(), "approve", approveSchema, {});
  return (
    <section aria-labelledby="justera" className="card">
      <h2 id="justera">Justera protokollet</h2>
      <p>
        Du är utsedd till justerare. När protokollet är justerat låses det och kan inte ändras. Öppna åtgärdspunkter går då till de ansvariga och till forumets
        nästa möte.
      </p>
      <ErrorSummary errors={errors} />
      <Form {...formProps}>
        <input type="hidden" name="intent" value="approve" />
        <CheckboxField {...field("confirmApproval")} label="Jag har läst protokollet och justerar det." />
        <button type="submit" className="button" disabled={submitting}>
          Justera protokollet
        </button>
      </Form>
    </section>
  );
}

export default function Minutes() {
  const { view, actionItems } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { meeting, may } = view;
  const drafting = may.writeMinutes;
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/samverkan/moten/${meeting.id}`}>{meeting.title}</Link>
      </p>
      <h1>Protokoll: {meeting.title}</h1>
      <p className="lead">{meeting.timeLabel}</p>
      {actionData?.ok ? (
        <p className="alert alert--success" role="status">
          {actionData.message}
        </p>
      ) : actionData && actionData.intent === "cancel-action" ? (
        <p className="alert alert--error" role="alert">
          {actionData.message}
        </p>
      ) : null}
      {meeting.status === "minutes_approved" ? (
        <p className="alert alert--info">
          Protokollet justerades {formatDateTime(meeting.minutesApprovedAt!)} av {meeting.approvedByName}. Det är låst och kan inte ändras.
        </p>
      ) : meeting.status === "held" ? (
        <p className="alert alert--warning">
          Protokollet är inte justerat ännu.{meeting.adjusterName ? ` Justerare: ${meeting.adjusterName}.` : " Sekreteraren har inte utsett någon justerare."}
        </p>
      ) : (
        <p className="alert alert--info">Mötet har inte hållits ännu. Protokollet skrivs när mötet har hållits.</p>
      )}
      <p className="no-print">
        <Link to={`/samverkan/moten/${meeting.id}/utskrift/protokoll`}>Skriv ut protokollet</Link>
      </p>

      {drafting ? (
        <section aria-labelledby="skriv" className="card">
          <h2 id="skriv">Skriv protokollet</h2>
          <MinutesForm />
        </section>
      ) : meeting.status === "held" || meeting.status === "minutes_approved" ? (
        <section aria-labelledby="protokollet" className="card">
          <h2 id="protokollet">Protokollet</h2>
          <Attendance participants={view.participants} />
          <MinutesItems items={view.agenda} actionItems={actionItems} />
          {meeting.minutesNote ? (
            <>
              <h3>Övrigt</h3>
              <p className="pre-line">{meeting.minutesNote}</p>
            </>
          ) : null}
        </section>
      ) : null}

      {meeting.status === "held" || meeting.status === "minutes_approved" ? (
        <section aria-labelledby="atgardspunkter" className="card">
          <h2 id="atgardspunkter">Åtgärdspunkter</h2>
          <ActionItemsTable
            actionItems={actionItems}
            caption="Åtgärdspunkter som beslutades på mötet"
            strike={
              drafting
                ? (a) => (
                    <PlainForm method="post">
                      <input type="hidden" name="intent" value="cancel-action" />
                      <input type="hidden" name="actionItemId" value={a.id} />
                      <button type="submit" className="button button--link">
                        Stryk<span className="visually-hidden"> {a.title}</span>
                      </button>
                    </PlainForm>
                  )
                : undefined
            }
          />
          {drafting ? <ActionItemForm /> : null}
        </section>
      ) : null}

      {may.approve ? <ApproveForm /> : null}
    </>
  );
}
