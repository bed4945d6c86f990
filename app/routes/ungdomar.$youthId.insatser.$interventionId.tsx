import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { ErrorSummary, Form, SelectField, TextAreaField, TextField } from "~/components/form";
import { InterventionFields } from "~/components/intervention-fields";
import { InterventionEndForm, OccupationAfterForm } from "~/components/intervention-end-forms";
import { responsibleText } from "~/components/intervention-table";
import { todayIso } from "~/lib/dates";
import { invalidFor, parseForm } from "~/lib/form.server";
import { useIntentForm } from "~/components/intent-form";
import { notFound } from "~/lib/http";
import {
  addFollowUp,
  completeFollowUp,
  declineIntervention,
  endIntervention,
  readIntervention,
  updateIntervention,
} from "~/modules/documentation/interventions.server";
import { correctOccupationAfter } from "~/modules/documentation/intervention-occupation.server";
import { youthEvaluationsOf } from "~/modules/documentation/youth-evaluations.server";
import { YouthEvaluationList } from "~/components/youth-evaluation-list";
import { readYouthFile } from "~/modules/youth/youth-file.server";
import { requireActor } from "~/modules/auth/actor.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { partnerOrganisations } from "~/modules/organizations/partners.server";
import { listInterventionTypes } from "~/modules/documentation/intervention-types.server";
import { EVALUATION_OUTCOME_LABELS, INTERVENTION_END_REASON_LABELS, interventionState } from "~/modules/documentation/labels";
import { OCCUPATION_LABELS } from "~/modules/outreach/labels";
import {
  followUpDoneSchema,
  followUpSchema,
  interventionDeclineSchema,
  interventionEndSchema,
  interventionOccupationSchema,
  interventionSchema,
} from "~/modules/documentation/plan-schemas";

export const meta: MetaFunction = () => [{ title: "Insats – Samverkansportalen" }];

function interventionIdOf(params: { interventionId?: string }) {
  const id = Number(params.interventionId);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const file = openYouthFile(actor, params.youthId ?? "", { read: ["identity", "plan"], registerKeeperOnly: true });
  const youth = readYouthFile(file);
  const { intervention, enrollment } = readIntervention(file, interventionIdOf(params));
  const types = listInterventionTypes(actor);
  return {
    youthId: youth.id,
    name: `${youth.firstName} ${youth.lastName}`,
    intervention,
    youthEvaluations: youthEvaluationsOf(file, { enrollmentId: enrollment.id, interventionId: intervention.id }),
    enrollment: { startDate: enrollment.startDate, endDate: enrollment.endDate },
    // A retired type stays selectable on the intervention that already has it.
    types: types.filter((t) => t.active || t.id === intervention.typeId),
    organisations: partnerOrganisations(actor.municipalityId!),
    today: todayIso(),
  };
}

const FORMS = {
  andra: interventionSchema,
  avsluta: interventionEndSchema,
  sysselsattning: interventionOccupationSchema,
  avboj: interventionDeclineSchema,
  uppfoljning: followUpSchema,
  uppfoljning_gjord: followUpDoneSchema,
} as const;
type FormName = keyof typeof FORMS;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const youthId = params.youthId ?? "";
  const interventionId = interventionIdOf(params);
  const name = new URL(request.url).searchParams.get("atgard") as FormName | null;
  if (!name || !Object.hasOwn(FORMS, name)) return invalidFor("", { form: "Okänd åtgärd." });
  const form = await parseForm(request, FORMS[name]);
  const fail = (errors: Record<string, string>) => invalidFor(name, errors, form.values);
  if (!form.ok) return fail(form.errors);
  const data = form.data as z.output<(typeof FORMS)[typeof name]>;
  const file = openYouthFile(actor, youthId, { write: ["plan"] });
  const result =
    name === "andra"
      ? updateIntervention(file, interventionId, data as z.output<typeof interventionSchema>)
      : name === "avsluta"
        ? endIntervention(file, interventionId, data as z.output<typeof interventionEndSchema>)
        : name === "sysselsattning"
          ? correctOccupationAfter(file, interventionId, data as z.output<typeof interventionOccupationSchema>)
          : name === "avboj"
            ? declineIntervention(file, interventionId, data as z.output<typeof interventionDeclineSchema>)
            : name === "uppfoljning"
              ? addFollowUp(file, interventionId, (data as z.output<typeof followUpSchema>).dueDate)
              : completeFollowUp(file, interventionId, data as z.output<typeof followUpDoneSchema>);
  if (!result.ok) return fail(result.errors);
  return redirect(name === "avsluta" || name === "avboj" ? `/ungdomar/${youthId}/plan#insatser` : `/ungdomar/${youthId}/insatser/${interventionId}`);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/** Each form on the page shows only its own errors (the action says which form posted). */
function useFormFor(name: FormName, defaults: Record<string, unknown>) {
  return useIntentForm(useActionData<typeof action>(), name, FORMS[name], defaults);
}

export default function InterventionPage() {
  const data = useLoaderData<typeof loader>();
  const i = data.intervention;
  const state = interventionState(i, data.today);
  const closed = Boolean(i.endDate || i.declinedDate);
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/ungdomar/${data.youthId}/plan`}>Tillbaka till planen för {data.name}</Link>
      </p>
      <h1>
        {i.typeName} <span className="badge">{state.label}</span>
      </h1>
      {state.key === "overdue" ? (
        <p className="alert alert--error">
          Det planerade slutet {i.plannedEndDate} har passerats. Avsluta insatsen med orsak och utvärdering, eller ändra det planerade slutdatumet.
        </p>
      ) : null}
      <dl className="facts">
        <dt>Ansvarig</dt>
        <dd>{responsibleText(i)}</dd>
        <dt>Anordnare</dt>
        <dd>{i.provider ?? "–"}</dd>
        <dt>Tid</dt>
        <dd>
          {i.startDate} – {i.endDate ? i.endDate : `${i.plannedEndDate} (planerat)`}
        </dd>
        {i.declinedDate ? (
          <>
            <dt>Avböjd</dt>
            <dd>
              {i.declinedDate}
              {i.declinedNote ? `: ${i.declinedNote}` : ""}
            </dd>
          </>
        ) : null}
        {i.endDate ? (
          <>
            <dt>Orsak till avslut</dt>
            <dd>{i.endReason ? INTERVENTION_END_REASON_LABELS[i.endReason] : <strong>Saknas</strong>}</dd>
            <dt>Utvärdering</dt>
            <dd>
              {i.evaluationOutcome ? EVALUATION_OUTCOME_LABELS[i.evaluationOutcome] : <strong>Saknas</strong>}
              {i.evaluationText ? <span className="block">{i.evaluationText}</span> : null}
            </dd>
            <dt>Sysselsättning efter insatsen</dt>
            <dd>{i.occupationAfter ? OCCUPATION_LABELS[i.occupationAfter] : <strong>Saknas</strong>}</dd>
          </>
        ) : null}
      </dl>
      {i.endDate ? (
        <section aria-labelledby="egen-bedomning-rubrik" className="card">
          <h2 id="egen-bedomning-rubrik">Ungdomens egen bedömning</h2>
          <YouthEvaluationList evaluations={data.youthEvaluations} empty="Ungdomen har inte skrivit något om insatsen på Mina sidor." />
        </section>
      ) : null}
      <FollowUps data={data} closed={closed} />
      {!closed || (i.endDate && !i.evaluationOutcome) ? <InterventionEndForm intervention={i} today={data.today} /> : null}
      {i.endDate && i.evaluationOutcome ? <OccupationAfterForm intervention={i} /> : null}
      <EditForm data={data} />
      {!closed ? <DeclineForm data={data} /> : null}
    </div>
  );
}

function FollowUps({ data, closed }: { data: Data; closed: boolean }) {
  const add = useFormFor("uppfoljning", {});
  const done = useFormFor("uppfoljning_gjord", { doneDate: data.today });
  const open = data.intervention.followUps.filter((f) => !f.doneDate);
  return (
    <section aria-labelledby="uppfoljning-rubrik" className="card">
      <h2 id="uppfoljning-rubrik">Uppföljning</h2>
      {data.intervention.followUps.length === 0 ? <p className="alert alert--warning">Inget datum för uppföljning är satt.</p> : null}
      <ul className="compact-list">
        {data.intervention.followUps.map((f) => (
          <li key={f.id}>
            {f.dueDate}: {f.doneDate ? `gjord ${f.doneDate} – ${f.note ?? ""}` : f.dueDate < data.today ? <strong>försenad</strong> : "planerad"}
          </li>
        ))}
      </ul>
      {open.length > 0 ? (
        <>
          <h3>Registrera en gjord uppföljning</h3>
          <ErrorSummary errors={done.errors} />
          <Form {...done.formProps} action="?atgard=uppfoljning_gjord">
            <SelectField
              {...done.field("followUpId")}
              label="Vilken uppföljning"
              required
              options={open.map((f) => ({ value: String(f.id), label: f.dueDate }))}
            />
            <TextField {...done.field("doneDate")} label="Gjord den" type="date" required />
            <TextAreaField
              {...done.field("note")}
              label="Vad uppföljningen visade"
              required
              maxLength={300}
              hint="Hur går insatsen mot målet? Inga känsliga uppgifter."
            />
            <button type="submit" className="button button--secondary" disabled={done.submitting}>
              Registrera uppföljningen
            </button>
          </Form>
        </>
      ) : null}
      {!closed ? (
        <>
          <h3>Planera en uppföljning</h3>
          <ErrorSummary errors={add.errors} />
          <Form {...add.formProps} action="?atgard=uppfoljning">
            <TextField {...add.field("dueDate")} label="Datum för uppföljning" type="date" required />
            <button type="submit" className="button button--secondary" disabled={add.submitting}>
              Lägg till uppföljning
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}

function EditForm({ data }: { data: Data }) {
  const i = data.intervention;
  const edit = useFormFor("andra", {
    typeId: String(i.typeId),
    description: i.description ?? "",
    provider: i.provider ?? "",
    responsibleParty: i.responsibleParty,
    responsibleUnit: i.responsibleUnit ?? "",
    responsibleOrganisationId: i.responsibleOrganisationId ? String(i.responsibleOrganisationId) : "",
    responsibleOrganisationName: i.responsibleOrganisationName ?? "",
    startDate: i.startDate,
    plannedEndDate: i.plannedEndDate,
  });
  return (
    <section aria-labelledby="andra-rubrik" className="card">
      <h2 id="andra-rubrik">Ändra insatsen</h2>
      <p className="muted">Ändringar sparas i ändringshistoriken med vem som gjorde dem.</p>
      <ErrorSummary errors={edit.errors} />
      <Form {...edit.formProps} action="?atgard=andra">
        <InterventionFields
          register={edit.register}
          errorFor={edit.errorFor}
          types={data.types}
          organisations={data.organisations}
          followUpLabel={i.endDate || i.declinedDate ? null : "Ny uppföljning (frivilligt)"}
        />
        <button type="submit" className="button button--secondary" disabled={edit.submitting}>
          Spara ändringarna
        </button>
      </Form>
    </section>
  );
}

function DeclineForm({ data }: { data: Data }) {
  const decline = useFormFor("avboj", { declinedDate: data.today });
  return (
    <section aria-labelledby="avboj-rubrik" className="card">
      <h2 id="avboj-rubrik">Ungdomen tackade nej</h2>
      <p>Alla insatser är frivilliga. Om ungdomen tackar nej till insatsen registreras det här; insatsen räknas då inte som genomförd.</p>
      <ErrorSummary errors={decline.errors} />
      <Form {...decline.formProps} action="?atgard=avboj">
        <TextField {...decline.field("declinedDate")} label="Datum då ungdomen tackade nej" type="date" required />
        <TextField {...decline.field("declinedNote")} label="Kort kommentar (frivilligt)" />
        <button type="submit" className="button button--secondary" disabled={decline.submitting}>
          Registrera att ungdomen tackade nej
        </button>
      </Form>
    </section>
  );
}
