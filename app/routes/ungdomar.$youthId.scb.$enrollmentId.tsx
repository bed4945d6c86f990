import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, SelectField, useValidatedForm, optionsOf } from "~/components/form";
import { ScbRegistrationFields } from "~/components/scb-registration-fields";
import { invalid, parseForm } from "~/lib/form.server";
import { notFound } from "~/lib/http";
import { enrollmentOfYouth, saveEnrollmentScb } from "~/modules/outreach/enrollment-scb.server";
import { readYouthFile } from "~/modules/youth/youth-file.server";
import { requireActor } from "~/modules/auth/actor.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { END_REASON_LABELS, START_REASON_LABELS } from "~/modules/outreach/labels";
import { enrollmentScbSchema } from "~/modules/outreach/outreach-schemas";

export const meta: MetaFunction = () => [{ title: "SCB-uppgifter för inskrivningen – Samverkansportalen" }];

function enrollmentIdOf(params: { enrollmentId?: string }) {
  const id = Number(params.enrollmentId);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const file = openYouthFile(actor, params.youthId ?? "", { read: ["identity", "enrollment"], registerKeeperOnly: true });
  const youth = readYouthFile(file);
  const e = enrollmentOfYouth(file, enrollmentIdOf(params));
  return {
    youthId: youth.id,
    name: `${youth.firstName} ${youth.lastName}`,
    enrollment: {
      startDate: e.startDate,
      startReason: e.startReason,
      endDate: e.endDate,
      registrationReason: e.registrationReason,
      lastSchoolOccupation: e.lastSchoolOccupation,
      endReason: e.endReason,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const youthId = params.youthId ?? "";
  const enrollmentId = enrollmentIdOf(params);
  // The gate first: someone who may not write this youth's enrollments gets the 404, not a form error.
  const file = openYouthFile(actor, youthId, { write: ["enrollment"], registerKeeperOnly: true });
  const form = await parseForm(request, enrollmentScbSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = saveEnrollmentScb(file, enrollmentId, form.data);
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect(`/ungdomar/${youthId}#inskrivning`);
}

export default function EnrollmentScbPage() {
  const { youthId, name, enrollment: e } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(enrollmentScbSchema, {
    // "Uppgift saknas" is shown as the value it is; the person chooses what replaces it.
    defaultValues: actionData?.values ?? {
      registrationReason: e.registrationReason,
      lastSchoolOccupation: e.lastSchoolOccupation,
      endReason: e.endReason ?? "",
    },
    serverErrors: actionData?.errors,
  });
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/ungdomar/${youthId}`}>Tillbaka till {name}</Link>
      </p>
      <h1>SCB-uppgifter för inskrivningen</h1>
      <p className="lead">
        Inskrivningen {e.startDate} – {e.endDate ?? "pågår"} ({START_REASON_LABELS[e.startReason]}). Uppgifterna rapporteras till SCB varje halvår. Välj Uppgift
        saknas bara om ni inte vet.
      </p>
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <ScbRegistrationFields register={register} errorFor={errorFor} />
        {e.endDate ? (
          <SelectField
            name="endReason"
            label="Orsak till att ansvaret upphörde"
            register={register}
            error={errorFor("endReason")}
            required
            options={optionsOf(END_REASON_LABELS)}
            hint={`Inskrivningen avslutades ${e.endDate}.`}
          />
        ) : null}
        <button type="submit" className="button" disabled={submitting}>
          Spara SCB-uppgifterna
        </button>
      </Form>
    </div>
  );
}
