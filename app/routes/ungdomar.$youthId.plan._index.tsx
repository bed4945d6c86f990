import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Checklist } from "~/components/checklist";
import { CheckboxField, ErrorSummary, Form, TextAreaField, TextField, useValidatedForm } from "~/components/form";
import { InterventionTable } from "~/components/intervention-table";
import { RevisionHistory } from "~/components/revision-history";
import { SensitiveDataWarning } from "~/components/sensitive-data-warning";
import { invalid, parseForm } from "~/lib/form.server";
import { readDocumentation, savePlan } from "~/modules/documentation/plans.server";
import { youthEvaluationsOf } from "~/modules/documentation/youth-evaluations.server";
import { YouthEvaluationList } from "~/components/youth-evaluation-list";
import { readYouthFile } from "~/modules/youth/youth-file.server";
import { requireActor } from "~/modules/auth/actor.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { planSchema } from "~/modules/documentation/plan-schemas";

export const meta: MetaFunction = () => [{ title: "Individuell plan – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const file = openYouthFile(actor, params.youthId ?? "", { read: ["identity", "assessment", "plan"], registerKeeperOnly: true });
  const youth = readYouthFile(file);
  const asked = Number(new URL(request.url).searchParams.get("inskrivning")) || undefined;
  const documentation = readDocumentation(file, asked);
  const periods = documentation?.periods ?? [];
  const plan = documentation?.plan;
  return {
    youthId: youth.id,
    name: `${youth.firstName} ${youth.lastName}`,
    documentation,
    // What the youth wrote about the plan as a whole on Mina sidor (each intervention's own is on its page).
    youthEvaluations: documentation ? youthEvaluationsOf(file, { enrollmentId: documentation.enrollment.id, interventionId: null }) : [],
    // Earlier periods are read here; the current one is written.
    isCurrent: documentation !== null && documentation.enrollment.id === periods[0]?.id,
    enrollments: periods,
    values: plan
      ? {
          goal: plan.goal,
          madeWithYouth: plan.madeWithYouth,
          madeWithYouthDate: plan.madeWithYouthDate ?? "",
          youthComment: plan.youthComment ?? "",
          noYouthInterventionsReason: plan.noYouthInterventionsReason ?? "",
          noMunicipalityInterventionsReason: plan.noMunicipalityInterventionsReason ?? "",
          noOtherActorInterventionsReason: plan.noOtherActorInterventionsReason ?? "",
        }
      : { madeWithYouth: false },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await parseForm(request, planSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = savePlan(openYouthFile(actor, params.youthId ?? "", { write: ["plan"] }), form.data);
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect(`/ungdomar/${params.youthId}/plan#insatser`);
}

export default function PlanPage() {
  const data = useLoaderData<typeof loader>();
  const doc = data.documentation;
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/ungdomar/${data.youthId}`}>Tillbaka till {data.name}</Link>
      </p>
      <div className="page-heading">
        <h1>Individuell plan för {data.name}</h1>
        {doc ? (
          <Link to={`/ungdomar/${data.youthId}/plan/utskrift${data.isCurrent ? "" : `?inskrivning=${doc.enrollment.id}`}`} className="button button--secondary">
            Utskrift till ungdomen
          </Link>
        ) : null}
      </div>
      {!doc ? (
        <p className="alert alert--warning">Ungdomen har ingen inskrivning. Öppna en inskrivning innan du gör en plan.</p>
      ) : (
        <>
          <p>
            Inskrivningen från {doc.enrollment.startDate}
            {doc.enrollment.endDate ? `, avslutad ${doc.enrollment.endDate}` : ""}.{!data.isCurrent ? " Det här är en tidigare inskrivning." : ""}
          </p>
          {data.enrollments.length > 1 ? <EnrollmentPicker youthId={data.youthId} enrollments={data.enrollments} currentId={doc.enrollment.id} /> : null}
          <section aria-labelledby="checklista-rubrik" className="card">
            <h2 id="checklista-rubrik">Dokumentationens sju punkter</h2>
            <Checklist youthId={data.youthId} items={doc.checklist} readOnly={!data.isCurrent} />
          </section>
          {data.isCurrent ? <GoalForm /> : <GoalView plan={doc.plan} />}
          <section id="egen-bedomning" aria-labelledby="egen-bedomning-rubrik" className="card">
            <h2 id="egen-bedomning-rubrik">Ungdomens egen bedömning</h2>
            <p>Vad ungdomen har svarat på Mina sidor om planen. Svaren om en avslutad insats finns på insatsens sida.</p>
            <YouthEvaluationList evaluations={data.youthEvaluations} empty="Ungdomen har inte skrivit något om planen på Mina sidor." />
          </section>
          <section id="insatser" aria-labelledby="insatser-rubrik" className="card">
            <h2 id="insatser-rubrik">Insatser</h2>
            <InterventionTable youthId={data.youthId} interventions={doc.interventions} today={doc.today} linked={data.isCurrent} />
            {data.isCurrent && !doc.enrollment.endDate ? (
              <p>
                <Link to={`/ungdomar/${data.youthId}/insatser/ny`} className="button">
                  Lägg till insats
                </Link>
              </p>
            ) : null}
          </section>
          <section id="historik" aria-labelledby="historik-rubrik" className="card">
            <h2 id="historik-rubrik">Ändringshistorik för kartläggning, plan och insatser</h2>
            <RevisionHistory revisions={doc.revisions} />
          </section>
        </>
      )}
    </>
  );
}

function EnrollmentPicker({
  youthId,
  enrollments,
  currentId,
}: {
  youthId: string;
  enrollments: { id: number; startDate: string; endDate: string | null }[];
  currentId: number;
}) {
  return (
    <nav aria-label="Inskrivningar" className="section-nav">
      <ul>
        {enrollments.map((e, i) => (
          <li key={e.id}>
            <Link
              to={i === 0 ? `/ungdomar/${youthId}/plan` : `/ungdomar/${youthId}/plan?inskrivning=${e.id}`}
              aria-current={e.id === currentId ? "page" : undefined}
            >
              {e.startDate} – {e.endDate ?? "pågår"}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function GoalView({ plan }: { plan: { goal: string; madeWithYouth: boolean; madeWithYouthDate: string | null; youthComment: string | null } | null }) {
  return (
    <section id="mal" aria-labelledby="mal-rubrik" className="card">
      <h2 id="mal-rubrik">Mål</h2>
      {plan ? (
        <dl className="facts">
          <dt>Målet med insatserna</dt>
          <dd>{plan.goal}</dd>
          <dt>Gjord tillsammans med ungdomen</dt>
          <dd>{plan.madeWithYouth ? `Ja, ${plan.madeWithYouthDate}` : "Nej"}</dd>
          <dt>Ungdomens kommentar</dt>
          <dd>{plan.youthComment ?? "–"}</dd>
        </dl>
      ) : (
        <p>Ingen plan dokumenterades.</p>
      )}
    </section>
  );
}

function GoalForm() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(planSchema, {
    defaultValues: actionData?.values ?? data.values,
    serverErrors: actionData?.errors,
  });
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  return (
    <section id="mal" aria-labelledby="mal-rubrik" className="card">
      <h2 id="mal-rubrik">Mål</h2>
      <SensitiveDataWarning />
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <TextAreaField
          {...field("goal")}
          label="Målet med insatserna"
          maxLength={500}
          required
          hint="Vad ska insatserna leda till, och när? Till exempel ”Börja på Komvux till vårterminen”."
        />
        <CheckboxField {...field("madeWithYouth")} label="Planen är gjord tillsammans med ungdomen" />
        <TextField {...field("madeWithYouthDate")} label="Datum då planen gjordes med ungdomen" type="date" />
        <TextAreaField {...field("youthComment")} label="Ungdomens egen kommentar till planen" maxLength={300} />
        <fieldset>
          <legend>När en sorts insats inte är aktuell</legend>
          <p className="field__hint">Fyll i bara om ingen insats av det slaget behövs, och skriv kort varför. Det dokumenterar punkt 2–4.</p>
          <TextField {...field("noYouthInterventionsReason")} label="Ingen insats som ungdomen ansvarar för, eftersom" />
          <TextField {...field("noMunicipalityInterventionsReason")} label="Ingen insats som kommunen ansvarar för, eftersom" />
          <TextField {...field("noOtherActorInterventionsReason")} label="Ingen insats som en annan aktör ansvarar för, eftersom" />
        </fieldset>
        <button type="submit" className="button" disabled={submitting}>
          Spara planen
        </button>
      </Form>
    </section>
  );
}
