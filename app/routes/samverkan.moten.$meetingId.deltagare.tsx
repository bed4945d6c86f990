import { Table } from "~/components/table";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form as PlainForm, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, SelectField, TextField } from "~/components/form";
import { useIntentForm } from "~/components/intent-form";
import { MeetingFields } from "~/components/meetings/meeting-fields";
import { doneFor, invalidFor, parseForm, type FormValues, readFormData } from "~/lib/form.server";
import { forbidden } from "~/lib/http";
import { requireRole } from "~/modules/auth/actor.server";
import { recheckMeetingCaseItems } from "~/modules/meetings/case-item-links.server";
import { organisationsOfMunicipality } from "~/modules/meetings/forums.server";
import { FORUM_ROLE_LABELS } from "~/modules/meetings/labels";
import { requireMeeting } from "~/modules/meetings/meeting-access.server";
import { cancelSchema, externalGuestSchema, meetingSchema, participantRemoveSchema, portalGuestSchema } from "~/modules/meetings/meeting-schemas";
import {
  addExternalGuest,
  addPortalParticipant,
  cancelMeeting,
  guestCandidates,
  participantsOf,
  removeParticipant,
  updateMeetingDetails,
} from "~/modules/meetings/meetings.server";
import { agendaEditable, FORUM_PORTAL_ROLES, mayPlan } from "~/modules/meetings/permissions";
import { utcToStockholm } from "~/modules/meetings/time";

export const meta: MetaFunction = () => [{ title: "Mötesuppgifter och deltagare – Samverkansportalen" }];

async function context(request: Request, meetingId: number) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const ctx = requireMeeting(actor, meetingId);
  if (!mayPlan(ctx.standing)) throw forbidden("Forumets ordförande eller sekreterare ändrar mötet och dess deltagare.");
  return { actor, ctx };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await context(request, Number(params.meetingId));
  const { meeting, forum } = ctx;
  const start = utcToStockholm(meeting.startsAt);
  return {
    meeting: { id: meeting.id, title: meeting.title },
    editable: agendaEditable(meeting.status),
    details: {
      title: meeting.title,
      date: start.date,
      startTime: start.time,
      endTime: utcToStockholm(meeting.endsAt).time,
      place: meeting.place ?? "",
      videoLink: meeting.videoLink ?? "",
    },
    participants: participantsOf(meeting.id, forum.id),
    candidates: guestCandidates(meeting, forum).map((c) => ({ value: String(c.membershipId), label: `${c.displayName} (${c.organisationName})` })),
    organisations: organisationsOfMunicipality(forum.municipalityId).map((o) => ({ value: String(o.id), label: o.name })),
  };
}

type Intent = "details" | "add-portal" | "add-guest" | "remove" | "cancel";

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, ctx } = await context(request, Number(params.meetingId));
  const intent = String((await readFormData(request.clone())).get("intent") ?? "") as Intent;
  const failed = (errors: Record<string, string>, values: FormValues = {}) => invalidFor(intent, errors, values);
  // Who takes part decides whether case items may name a youth: check them again after a change.
  const done = (message: string) => {
    const unlinked = intent === "details" || intent === "cancel" ? 0 : recheckMeetingCaseItems(ctx.meeting.id).length;
    const extra = unlinked > 0 ? ` ${unlinked} ärendepunkt(er) avidentifierades: samtycket omfattar inte alla som nu deltar.` : "";
    return doneFor(intent, message + extra);
  };
  switch (intent) {
    case "details": {
      const form = await parseForm(request, meetingSchema);
      if (!form.ok) return failed(form.errors, form.values);
      const r = updateMeetingDetails(actor, ctx, form.data);
      return r.ok ? done("Mötesuppgifterna är sparade.") : failed(r.errors, form.values);
    }
    case "add-portal": {
      const form = await parseForm(request, portalGuestSchema);
      if (!form.ok) return failed(form.errors, form.values);
      const r = addPortalParticipant(actor, ctx, form.data.guestMembershipId);
      return r.ok ? done("Deltagaren är inbjuden.") : failed(r.errors, form.values);
    }
    case "add-guest": {
      const form = await parseForm(request, externalGuestSchema);
      if (!form.ok) return failed(form.errors, form.values);
      const r = addExternalGuest(actor, ctx, form.data);
      return r.ok ? done("Gästen är inbjuden.") : failed(r.errors, form.values);
    }
    case "remove": {
      const form = await parseForm(request, participantRemoveSchema);
      if (!form.ok) return failed(form.errors);
      const r = removeParticipant(actor, ctx, form.data.participantId);
      return r.ok ? done("Deltagaren är borttagen från mötet.") : failed(r.errors);
    }
    case "cancel": {
      const form = await parseForm(request, cancelSchema);
      if (!form.ok) return failed(form.errors, form.values);
      const r = cancelMeeting(actor, ctx, form.data.cancelReason);
      return r.ok ? redirect(`/samverkan/moten/${ctx.meeting.id}`) : failed(r.errors, form.values);
    }
    default:
      return failed({ form: "Okänd åtgärd." });
  }
}

function useFormFor(intent: Intent, schema: Parameters<typeof useIntentForm>[2], defaults: Record<string, unknown>) {
  return useIntentForm(useActionData<typeof action>(), intent, schema, defaults);
}

function DetailsForm() {
  const { details } = useLoaderData<typeof loader>();
  const { formProps, register, errorFor, errors, submitting } = useFormFor("details", meetingSchema, details);
  return (
    <section aria-labelledby="uppgifter" className="card">
      <h2 id="uppgifter">Mötesuppgifter</h2>
      <ErrorSummary errors={errors} />
      <Form {...formProps}>
        <input type="hidden" name="intent" value="details" />
        <MeetingFields register={register} errorFor={errorFor} />
        <button type="submit" className="button" disabled={submitting}>
          Spara mötesuppgifterna
        </button>
      </Form>
    </section>
  );
}

function PortalGuestForm() {
  const { candidates } = useLoaderData<typeof loader>();
  const { formProps, field, submitting } = useFormFor("add-portal", portalGuestSchema, {});
  return (
    <Form {...formProps} aria-labelledby="bjud-in-anvandare">
      <h3 id="bjud-in-anvandare">Bjud in någon med konto i portalen</h3>
      <input type="hidden" name="intent" value="add-portal" />
      <SelectField
        {...field("guestMembershipId")}
        label="Person"
        required
        options={candidates}
        hint="Forumets medlemmar som inte är med, eller andra i kommunens organisationer (gäster)."
      />
      <button type="submit" className="button button--secondary" disabled={submitting}>
        Bjud in personen
      </button>
    </Form>
  );
}

function ExternalGuestForm() {
  const { organisations } = useLoaderData<typeof loader>();
  const { formProps, field, submitting } = useFormFor("add-guest", externalGuestSchema, {});
  return (
    <Form {...formProps} aria-labelledby="bjud-in-gast">
      <h3 id="bjud-in-gast">Bjud in en gäst utan konto</h3>
      <input type="hidden" name="intent" value="add-guest" />
      <TextField {...field("guestName")} label="Namn" required />
      <SelectField {...field("guestOrganisationId")} label="Organisation i portalen" options={organisations} />
      <TextField
        {...field("guestOrganisationName")}
        label="Eller: annan organisation"
        hint="Till exempel Region Jönköpings län. En gäst från en organisation utanför portalen kan aldrig omfattas av ett samtycke, så ärendepunkter på mötet blir avidentifierade."
      />
      <TextField
        {...field("guestEmail")}
        label="E-postadress (frivilligt)"
        type="email"
        hint="Dit skickas mötets tid, plats och en länk när dagordningen skickas."
      />
      <button type="submit" className="button button--secondary" disabled={submitting}>
        Bjud in gästen
      </button>
    </Form>
  );
}

function CancelForm() {
  const { formProps, field, submitting } = useFormFor("cancel", cancelSchema, {});
  return (
    <section aria-labelledby="stall-in" className="card">
      <h2 id="stall-in">Ställ in mötet</h2>
      <p>Deltagarna får ett meddelande i portalen. Mötet finns kvar i forumets kalender som inställt.</p>
      <Form {...formProps}>
        <input type="hidden" name="intent" value="cancel" />
        <TextField {...field("cancelReason")} label="Varför mötet ställs in" required />
        <button type="submit" className="button button--danger" disabled={submitting}>
          Ställ in mötet
        </button>
      </Form>
    </section>
  );
}

export default function MeetingParticipants() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const listError = actionData && !actionData.ok && actionData.intent === "remove" ? Object.values(actionData.errors).join(" ") : null;
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/samverkan/moten/${data.meeting.id}`}>{data.meeting.title}</Link>
      </p>
      <h1>Mötesuppgifter och deltagare</h1>
      {actionData?.ok ? (
        <p className="alert alert--success" role="status">
          {actionData.message}
        </p>
      ) : null}
      {listError ? (
        <p className="alert alert--error" role="alert">
          {listError}
        </p>
      ) : null}
      {!data.editable ? <p className="alert alert--info">Mötet har hållits eller är inställt. Uppgifterna och deltagarna kan inte längre ändras.</p> : null}
      <section aria-labelledby="deltagarlista" className="card">
        <h2 id="deltagarlista">Deltagare</h2>
        <div className="table-wrap">
          <Table>
            <caption className="visually-hidden">Mötets deltagare</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Organisation</th>
                <th scope="col">Roll</th>
                <th scope="col">E-post</th>
                {data.editable ? <th scope="col">Ta bort</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.participants.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{p.organisationName}</td>
                  <td>{p.role === "guest" ? "Gäst" : FORUM_ROLE_LABELS[p.role]}</td>
                  <td>{p.email ?? "–"}</td>
                  {data.editable ? (
                    <td>
                      <PlainForm method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="participantId" value={p.id} />
                        <button type="submit" className="button button--link">
                          Ta bort<span className="visually-hidden"> {p.name}</span>
                        </button>
                      </PlainForm>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
        {data.editable ? (
          <>
            <PortalGuestForm />
            <ExternalGuestForm />
          </>
        ) : null}
      </section>
      {data.editable ? (
        <>
          <DetailsForm />
          <CancelForm />
        </>
      ) : null}
    </>
  );
}
