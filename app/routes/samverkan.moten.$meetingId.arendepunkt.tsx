import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, ErrorSummary, Form, SelectField, TextField, useValidatedForm, TextAreaField } from "~/components/form";

import { parseForm } from "~/lib/form.server";
import { forbidden } from "~/lib/http";
import { mayUseRegister } from "~/modules/access/policy";
import { requireRole } from "~/modules/auth/actor.server";
import { caseItemSchema } from "~/modules/meetings/agenda-schemas";
import { addCaseItem } from "~/modules/meetings/case-items.server";
import { CASE_SECTION_LABELS } from "~/modules/meetings/labels";
import { requireMeeting } from "~/modules/meetings/meeting-access.server";
import { participantsOf } from "~/modules/meetings/meetings.server";
import { FORUM_PORTAL_ROLES, mayPlan, mayPropose } from "~/modules/meetings/permissions";

export const meta: MetaFunction = () => [{ title: "Ärendepunkt – Samverkansportalen" }];

async function context(request: Request, meetingId: number) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const ctx = requireMeeting(actor, meetingId);
  if (!mayPropose(ctx.standing)) throw forbidden("Forumets medlemmar föreslår punkter till dagordningen.");
  // Only the KAA unit keeping the register can name a youth; everyone else writes anonymised items.
  const mayLink = mayUseRegister(actor) && actor.municipalityId === ctx.forum.municipalityId;
  return { actor, ctx, mayLink };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, mayLink } = await context(request, Number(params.meetingId));
  const anonymisedOnly = !mayLink || new URL(request.url).searchParams.has("avidentifierad");
  return {
    meeting: { id: ctx.meeting.id, title: ctx.meeting.title },
    planner: mayPlan(ctx.standing),
    mayLink,
    mode: anonymisedOnly ? ("anonymised" as const) : ("link" as const),
    presenters: participantsOf(ctx.meeting.id, ctx.forum.id).map((p) => ({ value: String(p.id), label: `${p.name} (${p.organisationName})` })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, ctx } = await context(request, Number(params.meetingId));
  const form = await parseForm(request, caseItemSchema);
  // After a refusal the personnummer is not sent back: the anonymised form must not carry it.
  const { personalNumber: _personalNumber, ...values } = form.values;
  if (!form.ok) return json({ errors: form.errors, values: form.values.mode === "link" ? form.values : values, refused: null }, { status: 400 });
  const result = addCaseItem(actor, ctx, form.data);
  if (result.ok) return redirect(`/samverkan/moten/${ctx.meeting.id}${result.state === "accepted" ? `#punkt-${result.id}` : "#forslag"}`);
  if ("refused" in result) return json({ errors: {} as Record<string, string>, values, refused: result.refused }, { status: 400 });
  return json({ errors: result.errors, values: form.values, refused: null }, { status: 400 });
}

function CaseItemForm({
  mode,
  defaults,
  serverErrors,
}: {
  mode: "link" | "anonymised";
  defaults: Record<string, unknown>;
  serverErrors?: Record<string, string>;
}) {
  const data = useLoaderData<typeof loader>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(caseItemSchema, { defaultValues: { ...defaults, mode }, serverErrors });
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  const { defaultValue: modeValue, ...modeProps } = register("mode");
  return (
    <Form {...formProps}>
      <input type="hidden" {...modeProps} defaultValue={modeValue} />
      <TextField
        {...field("title")}
        label="Rubrik"
        required
        hint="Utan namn eller andra uppgifter som kan identifiera ungdomen, till exempel ”Samordnad planering inför hösten”."
      />
      <TextAreaField
        {...field("description")}
        label={mode === "link" ? "Beskrivning för alla deltagare (frivilligt)" : "Beskrivning av ärendet, avidentifierad"}
        hint="Syns för alla deltagare. Inga namn, personnummer, adresser eller andra uppgifter som kan identifiera ungdomen."
      />
      {mode === "link" ? (
        <>
          <TextField
            {...field("personalNumber")}
            label="Ungdomens personnummer"
            required
            autoComplete="off"
            hint="Ungdomen i KAA-registret. Numret skickas aldrig i en adress och visas inte på mötet."
          />
          <fieldset aria-describedby={errorFor("showIdentity") ? "f-showIdentity-error" : undefined}>
            <legend>Vad punkten visar om ungdomen</legend>
            <p className="field__hint">Varje deltagande organisation måste ha ungdomens samtycke till det som visas.</p>
            <CheckboxField {...field("showIdentity")} label={CASE_SECTION_LABELS.identity} />
            <CheckboxField {...field("showPlan")} label={CASE_SECTION_LABELS.plan} />
          </fieldset>
        </>
      ) : (
        <CheckboxField {...field("confirmAnonymous")} label="Jag har kontrollerat att rubriken och beskrivningen inte kan identifiera ungdomen." />
      )}
      <SelectField {...field("presenterParticipantId")} label="Föredragande" options={data.presenters} />
      <TextField {...field("minutesAllotted")} label="Tid (minuter)" inputMode="numeric" required />
      <button type="submit" className="button" disabled={submitting}>
        {mode === "link" ? "Koppla och lägg till" : data.planner ? "Lägg till avidentifierad ärendepunkt" : "Föreslå avidentifierad ärendepunkt"}
      </button>
    </Form>
  );
}

export default function CaseItemPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // A refused link turns the form into the anonymised one, keeping what was written.
  const mode = actionData?.refused ? "anonymised" : data.mode;
  // Posted checkboxes come back as "on" (or not at all); the form wants booleans.
  const posted = actionData?.values as Record<string, string> | undefined;
  const defaults = posted
    ? { ...posted, showIdentity: posted.showIdentity === "on", showPlan: posted.showPlan === "on", confirmAnonymous: posted.confirmAnonymous === "on" }
    : { minutesAllotted: "15", showIdentity: true, showPlan: true };
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/samverkan/moten/${data.meeting.id}`}>{data.meeting.title}</Link>
      </p>
      <h1>{data.planner ? "Lägg till ärendepunkt" : "Föreslå ärendepunkt"}</h1>
      {actionData?.refused ? (
        <div className="alert alert--error" role="alert">
          <p>
            <strong>Ärendepunkten kan inte kopplas till ungdomen.</strong> Det finns inget samtycke i kraft som omfattar alla som deltar i mötet. Samtycke
            saknas för:
          </p>
          <ul>
            {actionData.refused.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>Du kan i stället lägga till punkten avidentifierad, utan koppling till ungdomen.</p>
        </div>
      ) : null}
      {mode === "anonymised" ? (
        <p className="alert alert--warning">
          <strong>Avidentifierad ärendepunkt.</strong> Punkten kopplas inte till någon ungdom och syns för alla deltagare. Skriv inget som kan identifiera
          ungdomen: inga namn, personnummer, adresser, skolor eller ovanliga omständigheter som pekar ut en person.
        </p>
      ) : (
        <p>
          Punkten kopplas till en ungdom i registret bara om ungdomens samtycke omfattar varje organisation som deltar i mötet. Deltagarna ser uppgifterna genom
          portalens behörighetskontroll, och varje visning loggas.{" "}
          <Link to={`/samverkan/moten/${data.meeting.id}/arendepunkt?avidentifierad`}>Lägg till avidentifierad i stället</Link>
        </p>
      )}
      <ErrorSummary errors={actionData?.errors} />
      <CaseItemForm key={mode} mode={mode} defaults={defaults} serverErrors={actionData?.errors} />
    </div>
  );
}
