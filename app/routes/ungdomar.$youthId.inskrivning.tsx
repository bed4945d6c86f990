import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, SelectField, TextField, useValidatedForm, optionsOf } from "~/components/form";
import { ScbRegistrationFields } from "~/components/scb-registration-fields";
import { todayIso } from "~/lib/dates";
import { invalid, parseForm } from "~/lib/form.server";
import { closeEnrollment, openEnrollment, openEnrollmentOf, updateEnrollment } from "~/modules/outreach/enrollments.server";
import { readYouthFile } from "~/modules/youth/youth-file.server";
import { requireActor } from "~/modules/auth/actor.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { kaaStaff } from "~/modules/organizations/memberships.server";
import { END_REASON_LABELS, ENROLLMENT_STATUS_LABELS, OCCUPATION_LABELS, START_REASON_LABELS } from "~/modules/outreach/labels";
import { noticesOfYouth } from "~/modules/notices/notices.server";
import { NOTICE_KIND_LABELS } from "~/modules/notices/notice-schema";
import { suggestedRegistration } from "~/modules/outreach/scb-registration";
import { lastEnrollmentEnd } from "~/modules/outreach/enrollment-scb.server";
import { enrollmentCloseSchema, enrollmentOpenSchema, enrollmentUpdateSchema } from "~/modules/outreach/outreach-schemas";

export const meta: MetaFunction = () => [{ title: "Inskrivning – Samverkansportalen" }];

// "I insats" follows the plan; it is not chosen by hand.
const { in_intervention: _inIntervention, ...MANUAL_STATUS_LABELS } = ENROLLMENT_STATUS_LABELS;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const file = openYouthFile(actor, params.youthId ?? "", { read: ["identity", "enrollment", "notices"], registerKeeperOnly: true });
  const youth = readYouthFile(file);
  const open = openEnrollmentOf(file);
  // The SCB variables are pre-selected only where the youth's newest notice says them.
  const { suggestion, notice } = open ? { suggestion: {}, notice: null } : suggestedRegistration(noticesOfYouth(file), lastEnrollmentEnd(file));
  return {
    suggestion,
    suggestedFrom: notice ? `${NOTICE_KIND_LABELS[notice.kind]}, ${notice.programme ?? "–"}, ${notice.eventDate}` : null,
    youthId: youth.id,
    name: `${youth.firstName} ${youth.lastName}`,
    open: open ? { status: open.status, caseworkerMembershipId: open.caseworkerMembershipId, watchUntil: open.watchUntil, startDate: open.startDate } : null,
    staff: kaaStaff(actor.organisationId!).map((s) => ({ value: String(s.membershipId), label: s.displayName })),
    today: todayIso(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const youthId = params.youthId ?? "";
  const intent = new URL(request.url).searchParams.get("atgard");
  const openFile = () => openYouthFile(actor, youthId, { write: ["enrollment"] });
  if (intent === "oppna") {
    const form = await parseForm(request, enrollmentOpenSchema);
    if (!form.ok) return invalid(form.errors, form.values);
    const result = openEnrollment(openFile(), form.data);
    if (!result.ok) return invalid(result.errors, form.values);
  } else if (intent === "andra") {
    const form = await parseForm(request, enrollmentUpdateSchema);
    if (!form.ok) return invalid(form.errors, form.values);
    const result = updateEnrollment(openFile(), form.data);
    if (!result.ok) return invalid(result.errors, form.values);
  } else if (intent === "avsluta") {
    const form = await parseForm(request, enrollmentCloseSchema);
    if (!form.ok) return invalid(form.errors, form.values);
    const result = closeEnrollment(openFile(), form.data);
    if (!result.ok) return invalid(result.errors, form.values);
  } else {
    return invalid({ form: "Okänd åtgärd." });
  }
  return redirect(`/ungdomar/${youthId}#inskrivning`);
}

export default function EnrollmentPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/ungdomar/${data.youthId}`}>Tillbaka till {data.name}</Link>
      </p>
      <h1>Inskrivning</h1>
      <ErrorSummary errors={actionData?.errors} />
      {data.open ? (
        <>
          <UpdateForm data={data} actionData={actionData} />
          <CloseForm today={data.today} actionData={actionData} />
        </>
      ) : (
        <OpenForm data={data} actionData={actionData} />
      )}
    </div>
  );
}

type Props = { data: ReturnType<typeof useLoaderData<typeof loader>>; actionData: ReturnType<typeof useActionData<typeof action>> };

function OpenForm({ data, actionData }: Props) {
  const { register, errorFor, formProps, submitting } = useValidatedForm(enrollmentOpenSchema, {
    defaultValues: actionData?.values ?? { startDate: data.today, ...data.suggestion },
    serverErrors: actionData?.errors,
  });
  const suggestion = data.suggestedFrom
    ? `Förslag utifrån anmälan (${data.suggestedFrom}). Kontrollera.`
    : "Rapporteras till SCB. Välj Uppgift saknas bara om ni inte vet.";
  return (
    <section aria-labelledby="oppna" className="card">
      <h2 id="oppna">Öppna en ny inskrivning</h2>
      <Form {...formProps} action="?atgard=oppna">
        <TextField name="startDate" label="Startdatum" type="date" register={register} error={errorFor("startDate")} required />
        <SelectField
          name="startReason"
          label="Anledning"
          register={register}
          error={errorFor("startReason")}
          required
          options={optionsOf(START_REASON_LABELS)}
        />
        <ScbRegistrationFields register={register} errorFor={errorFor} hints={{ registrationReason: suggestion, lastSchoolOccupation: suggestion }} />
        <SelectField name="caseworkerMembershipId" label="Handläggare" register={register} error={errorFor("caseworkerMembershipId")} options={data.staff} />
        <button type="submit" className="button" disabled={submitting}>
          Öppna inskrivning
        </button>
      </Form>
    </section>
  );
}

function UpdateForm({ data, actionData }: Props) {
  const open = data.open!;
  const { register, errorFor, formProps, submitting } = useValidatedForm(enrollmentUpdateSchema, {
    defaultValues: actionData?.values ?? {
      status: open.status,
      caseworkerMembershipId: open.caseworkerMembershipId ? String(open.caseworkerMembershipId) : "",
      watchUntil: open.watchUntil ?? "",
    },
    serverErrors: actionData?.errors,
  });
  return (
    <section aria-labelledby="andra" className="card">
      <h2 id="andra">Status och handläggare</h2>
      <p>Inskriven sedan {open.startDate}.</p>
      <Form {...formProps} action="?atgard=andra">
        {open.status === "in_intervention" ? (
          <p className="alert alert--info">Status är ”I insats” så länge en insats i planen pågår. Den ändras när insatserna avslutas.</p>
        ) : null}
        <SelectField
          name="status"
          label="Status"
          register={register}
          error={errorFor("status")}
          required
          options={optionsOf(open.status === "in_intervention" ? ENROLLMENT_STATUS_LABELS : MANUAL_STATUS_LABELS)}
          hint="”I insats” sätts automatiskt när en insats i planen pågår."
        />
        <SelectField name="caseworkerMembershipId" label="Handläggare" register={register} error={errorFor("caseworkerMembershipId")} options={data.staff} />
        <TextField
          name="watchUntil"
          label="Kontakta igen (vid bevakning)"
          type="date"
          register={register}
          error={errorFor("watchUntil")}
          hint="En ungdom som tackar nej eller redan är sysselsatt sätts under bevakning och kontaktas igen detta datum."
        />
        <button type="submit" className="button" disabled={submitting}>
          Spara status och handläggare
        </button>
      </Form>
    </section>
  );
}

function CloseForm({ today, actionData }: { today: string; actionData: Props["actionData"] }) {
  const { register, errorFor, formProps, submitting } = useValidatedForm(enrollmentCloseSchema, {
    defaultValues: { endDate: today },
    serverErrors: actionData?.errors,
  });
  return (
    <section aria-labelledby="avsluta" className="card">
      <h2 id="avsluta">Avsluta inskrivningen</h2>
      <Form {...formProps} action="?atgard=avsluta">
        <TextField name="endDate" label="Slutdatum" type="date" register={register} error={errorFor("endDate")} required />
        <SelectField name="endReason" label="Anledning" register={register} error={errorFor("endReason")} required options={optionsOf(END_REASON_LABELS)} />
        <SelectField
          name="endOccupation"
          label="Ungdomens sysselsättning när inskrivningen avslutas"
          register={register}
          error={errorFor("endOccupation")}
          required
          options={optionsOf(OCCUPATION_LABELS)}
          hint="Följs upp av styrgruppen och rapporteras till SCB."
        />
        <TextField name="endNote" label="Kort kommentar (frivilligt)" register={register} error={errorFor("endNote")} />
        <button type="submit" className="button button--danger" disabled={submitting}>
          Avsluta inskrivning
        </button>
      </Form>
    </section>
  );
}
