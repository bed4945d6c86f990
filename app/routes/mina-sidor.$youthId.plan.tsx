/**
 * /mina-sidor/:youthId/plan: the youth's plan as the caseworker documented it (youth-view.ts says what is
 * left out), and the youth's own evaluation of the plan and of each ended intervention. A guardian sees the
 * same plan but writes nothing and does not see what the youth wrote.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { IntentResult } from "~/components/intent-form";
import { OwnEvaluations, YouthEvaluationForm, type OwnEvaluation } from "~/components/mina-sidor/youth-evaluation-form";
import { todayIso } from "~/lib/dates";
import { doneFor, invalidFor, parseForm } from "~/lib/form.server";
import { openOwnFile } from "~/modules/access/own-file.server";
import { requireCitizen } from "~/modules/auth/citizen.server";
import { readPlan } from "~/modules/documentation/plans.server";
import { youthEvaluationSchema } from "~/modules/documentation/youth-evaluation-schema";
import { addYouthEvaluation, youthEvaluationsOf, type YouthEvaluation } from "~/modules/documentation/youth-evaluations.server";
import { genitive, longDate, youthPlanView, type YouthIntervention } from "~/modules/documentation/youth-view";

export const meta: MetaFunction = () => [{ title: "Planen – Mina sidor – Samverkansportalen" }];

const withDate = (list: YouthEvaluation[]): OwnEvaluation[] => list.map((e) => ({ ...e, date: longDate(e.createdAt) }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request);
  const file = openOwnFile(citizen, params.youthId ?? "", { read: ["identity", "plan"] });
  const today = todayIso();
  const { plan, interventions } = readPlan(file);
  const view = youthPlanView(plan, interventions, today, file.relation);
  const own = youthEvaluationsOf(file);
  return {
    youthId: file.id,
    self: file.relation === "self",
    firstName: file.youth.firstName,
    plan: view && {
      ...view,
      madeTogetherOn: view.madeTogetherOn ? longDate(view.madeTogetherOn) : null,
      nextFollowUp: view.nextFollowUp ? longDate(view.nextFollowUp) : null,
      interventions: view.interventions.map((i) => ({
        ...i,
        startDate: longDate(i.startDate),
        endDate: longDate(i.endDate),
        nextFollowUp: i.nextFollowUp ? longDate(i.nextFollowUp) : null,
      })),
    },
    ownAboutPlan: withDate(own.filter((e) => e.interventionId === null)),
    ownAboutInterventions: withDate(own.filter((e) => e.interventionId !== null)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const citizen = await requireCitizen(request);
  // Writing is the youth's own: the kernel refuses a guardian (the same 404 as a file that is not theirs).
  const file = openOwnFile(citizen, params.youthId ?? "", { write: ["plan"] });
  const form = await parseForm(request, youthEvaluationSchema);
  const intent = typeof form.values.intent === "string" && /^(plan|insats-\d+)$/.test(form.values.intent) ? form.values.intent : "plan";
  if (!form.ok) return invalidFor(intent, form.errors, form.values);
  const result = addYouthEvaluation(file, form.data);
  if (!result.ok) return invalidFor(intent, result.errors, form.values);
  return doneFor(intent, "Tack! Det du skrev är sparat, och din kontaktperson på KAA kan läsa det.");
}

export default function MyPlan() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as IntentResult | undefined;
  const plan = data.plan;
  return (
    <div className="my-pages">
      <p className="breadcrumbs">
        <Link to={`/mina-sidor/${data.youthId}`}>Tillbaka</Link>
      </p>
      <h1>{data.self ? "Din plan" : `${genitive(data.firstName)} plan`}</h1>
      {!plan ? (
        <p>Det finns ingen plan ännu. Planen gör {data.self ? "du" : data.firstName} tillsammans med kontaktpersonen på KAA.</p>
      ) : (
        <>
          <section aria-labelledby="mal-rubrik" className="card">
            <h2 id="mal-rubrik">{data.self ? "Ditt mål" : "Målet"}</h2>
            <p className="lead">{plan.goal}</p>
            {plan.madeTogetherOn ? <p>Planen gjordes tillsammans den {plan.madeTogetherOn}.</p> : null}
            {plan.youthComment ? (
              <>
                <h3>{data.self ? "Det du sa om planen" : `Det ${data.firstName} sa om planen`}</h3>
                <p>{plan.youthComment}</p>
              </>
            ) : null}
            <p>
              <strong>Nästa uppföljning:</strong> {plan.nextFollowUp ?? "Ingen tid är bestämd ännu."}
            </p>
          </section>
          <section aria-labelledby="insatser-rubrik">
            <h2 id="insatser-rubrik">Det här ska göras</h2>
            {plan.interventions.length === 0 ? <p>Inget är planerat ännu.</p> : null}
            {plan.interventions.map((i) => (
              <InterventionCard
                key={i.id}
                intervention={i}
                self={data.self}
                own={data.ownAboutInterventions.filter((e) => e.interventionId === i.id)}
                result={result}
              />
            ))}
          </section>
          {data.self ? (
            <section aria-labelledby="tycker-rubrik" className="card">
              <h2 id="tycker-rubrik">Vad tycker du om din plan?</h2>
              <p>Hjälper planen dig? Svara när du vill, så ofta du vill. Ditt svar ändrar inte planen, men din kontaktperson ser det.</p>
              <OwnEvaluations list={data.ownAboutPlan} heading="Det här har du svarat" level={3} />
              <YouthEvaluationForm intent="plan" legend="Hjälper planen dig?" interventionId={null} result={result} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

type ShownIntervention = Omit<YouthIntervention, "nextFollowUp"> & { nextFollowUp: string | null };

function InterventionCard({
  intervention: i,
  self,
  own,
  result,
}: {
  intervention: ShownIntervention;
  self: boolean;
  own: OwnEvaluation[];
  result: IntentResult | undefined;
}) {
  const headingId = `insats-${i.id}-rubrik`;
  return (
    <article aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{i.type}</h3>
      <dl className="facts">
        {i.what ? (
          <>
            <dt>Vad</dt>
            <dd>{i.what}</dd>
          </>
        ) : null}
        <dt>Vem ansvarar</dt>
        <dd>{i.who}</dd>
        {i.provider ? (
          <>
            <dt>Var</dt>
            <dd>{i.provider}</dd>
          </>
        ) : null}
        <dt>När</dt>
        <dd>
          {i.startDate} – {i.endDate}
        </dd>
        <dt>Just nu</dt>
        <dd>{i.stateLabel}</dd>
        {i.nextFollowUp ? (
          <>
            <dt>Nästa uppföljning</dt>
            <dd>{i.nextFollowUp}</dd>
          </>
        ) : null}
      </dl>
      {i.evaluation ? (
        <>
          <h4>Vad kontaktpersonen skrev när insatsen var klar</h4>
          {i.evaluation.outcome ? <p>{i.evaluation.outcome}</p> : null}
          {i.evaluation.text ? <p>{i.evaluation.text}</p> : null}
          {!i.evaluation.outcome && !i.evaluation.text ? <p>Inget är skrivet ännu.</p> : null}
        </>
      ) : null}
      {self && i.state === "ended" ? (
        <>
          <OwnEvaluations list={own} heading="Det här har du svarat" />
          <YouthEvaluationForm intent={`insats-${i.id}`} legend="Vad tyckte du om insatsen?" interventionId={i.id} result={result} />
        </>
      ) : null}
    </article>
  );
}
