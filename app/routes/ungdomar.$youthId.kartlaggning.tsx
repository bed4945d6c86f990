import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, ErrorSummary, Form, SelectField, TextAreaField, TextField, useValidatedForm, optionsOf } from "~/components/form";
import { SensitiveDataWarning } from "~/components/sensitive-data-warning";
import { todayIso } from "~/lib/dates";
import { invalid, parseForm } from "~/lib/form.server";
import { readAssessment, saveAssessment } from "~/modules/documentation/plans.server";
import { readYouthFile } from "~/modules/youth/youth-file.server";
import { requireActor } from "~/modules/auth/actor.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { OCCUPATION_LABELS } from "~/modules/outreach/labels";
import { STUDIEBEVIS_LABELS } from "~/modules/documentation/labels";
import { assessmentSchema } from "~/modules/documentation/plan-schemas";

export const meta: MetaFunction = () => [{ title: "Kartläggning – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const file = openYouthFile(actor, params.youthId ?? "", { read: ["identity", "assessment"], registerKeeperOnly: true });
  const youth = readYouthFile(file);
  const { enrollment, assessment } = readAssessment(file);
  return {
    youthId: youth.id,
    name: `${youth.firstName} ${youth.lastName}`,
    isMinor: youth.age < 18,
    enrollment: enrollment ? { startDate: enrollment.startDate, endDate: enrollment.endDate } : null,
    values: assessment
      ? {
          date: assessment.date,
          occupation: assessment.occupation,
          occupationNote: assessment.occupationNote ?? "",
          completedGrades: assessment.completedGrades ?? "",
          studiebevis: assessment.studiebevis,
          imHistory: assessment.imHistory ?? "",
          prerequisites: assessment.prerequisites ?? "",
          needs: assessment.needs ?? "",
          youthWishes: assessment.youthWishes ?? "",
          youthTookPart: assessment.youthTookPart,
          guardianTookPart: assessment.guardianTookPart,
          otherParticipants: assessment.otherParticipants ?? "",
        }
      : { date: todayIso(), studiebevis: "unknown", youthTookPart: true },
    exists: Boolean(assessment),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await parseForm(request, assessmentSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = saveAssessment(openYouthFile(actor, params.youthId ?? "", { write: ["assessment"] }), form.data);
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect(`/ungdomar/${params.youthId}#dokumentation`);
}

export default function AssessmentPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(assessmentSchema, {
    defaultValues: actionData?.values ?? data.values,
    serverErrors: actionData?.errors,
  });
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/ungdomar/${data.youthId}`}>Tillbaka till {data.name}</Link>
      </p>
      <h1>Kartläggning</h1>
      {data.enrollment ? (
        <p>
          Kartläggningen hör till inskrivningen från {data.enrollment.startDate}
          {data.enrollment.endDate ? ` (avslutad ${data.enrollment.endDate})` : ""}. {data.exists ? "Ändringar sparas i ändringshistoriken." : ""}
        </p>
      ) : (
        <p className="alert alert--warning">Ungdomen har ingen inskrivning. Öppna en inskrivning innan du gör en kartläggning.</p>
      )}
      <SensitiveDataWarning />
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <TextField {...field("date")} label="Datum för kartläggningen" type="date" required />
        <fieldset>
          <legend>Nuvarande sysselsättning</legend>
          <SelectField {...field("occupation")} label="Sysselsättning" required options={optionsOf(OCCUPATION_LABELS)} />
          <TextField {...field("occupationNote")} label="Sysselsättning, kort beskrivning" hint="Till exempel praktikplats eller arbetsgivare." />
        </fieldset>
        <fieldset>
          <legend>Skolbakgrund</legend>
          <TextField {...field("completedGrades")} label="Avslutade årskurser" hint="Till exempel ”åk 9, gymnasiet åk 1”." />
          <SelectField {...field("studiebevis")} label="Har ungdomen studiebevis från gymnasiet?" required options={optionsOf(STUDIEBEVIS_LABELS)} />
          <TextField {...field("imHistory")} label="Tidigare introduktionsprogram (IM)" hint="Vilket program och när." />
        </fieldset>
        <fieldset>
          <legend>Förutsättningar, behov och ungdomens önskemål</legend>
          <TextAreaField
            {...field("prerequisites")}
            label="Förutsättningar för studier eller arbete"
            maxLength={300}
            hint="Det som gör studier eller arbete möjligt, till exempel betyg, körkort, erfarenheter."
          />
          <TextAreaField
            {...field("needs")}
            label="Behov av stöd för att komma vidare"
            maxLength={300}
            hint="Beskriv stödet, inte orsaker som hälsa eller diagnoser."
          />
          <TextAreaField {...field("youthWishes")} label="Ungdomens egna önskemål och mål" maxLength={300} />
        </fieldset>
        <fieldset>
          <legend>Vilka deltog</legend>
          <CheckboxField {...field("youthTookPart")} label="Ungdomen deltog" />
          <CheckboxField {...field("guardianTookPart")} label="Vårdnadshavare deltog" hint={data.isMinor ? "Ungdomen är under 18 år." : undefined} />
          <TextField {...field("otherParticipants")} label="Andra som deltog (funktion, inte namn)" hint="Till exempel ”SYV på Kvarnbäcksgymnasiet”." />
        </fieldset>
        <button type="submit" className="button" disabled={submitting || !data.enrollment}>
          Spara kartläggningen
        </button>
      </Form>
    </div>
  );
}
