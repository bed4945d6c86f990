import { Table } from "~/components/table";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GoalForm } from "~/components/steering/goal-form";
import { PeriodJudgement } from "~/components/steering/goal-parts";
import { todayIso } from "~/lib/dates";
import { parseForm } from "~/lib/form.server";
import { requireActor } from "~/modules/auth/actor.server";
import { requireSteeringEditor, requireSteeringReader } from "~/modules/steering/access.server";
import { goalSchema } from "~/modules/steering/goal-schemas";
import { goalStatuses, goalSummary } from "~/modules/steering/goal-status.server";
import { createGoal, listGoals } from "~/modules/steering/goals.server";
import { SMALL_LABEL } from "~/modules/statistics/suppression";

export const meta: MetaFunction = () => [{ title: "Mål – Uppföljning – Samverkansportalen" }];

/** The goals in force, each judged for its latest ended period and the running one, as the reader may see the follow-up. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const access = requireSteeringReader(actor);
  const today = todayIso();
  const goals = goalStatuses(access.audience, listGoals(access.municipalityId), today).map(({ trend: _trend, ...goal }) => goal);
  return {
    municipalityName: actor.municipalityName,
    view: access.audience.view,
    mayEdit: access.mayEdit,
    goals,
    archived: listGoals(access.municipalityId, "archived").map(goalSummary),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const access = requireSteeringEditor(actor);
  const form = await parseForm(request, goalSchema);
  if (!form.ok) return json({ intent: "create", ok: false, message: "Målet innehåller fel.", errors: form.errors, values: form.values }, { status: 400 });
  const created = createGoal(actor, access, form.data);
  return redirect(`/uppfoljning/mal/${created.id}`);
}

export default function GoalsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/uppfoljning">Uppföljning</Link>
      </p>
      <h1>Mål för aktivitetsansvaret</h1>
      <p className="lead">
        {data.municipalityName}s mål för arbetet med aktivitetsansvaret. Varje mål följs i ett av uppföljningens mått, per tertial, termin, läsår, kalenderår
        eller halvår. Se också <Link to="/uppfoljning/handlingsplan">handlingsplanen</Link>.
      </p>
      {data.view === "outside" ? (
        <p>Små tal visas inte: ett värde som bygger på färre än fem ungdomar står som ”{SMALL_LABEL}”, och målet kan då inte bedömas för den perioden.</p>
      ) : null}
      {data.goals.length === 0 ? (
        <p>Kommunen har inga mål ännu.{data.mayEdit ? " Sätt det första nedan." : ""}</p>
      ) : (
        <div className="table-wrap">
          <Table>
            <caption>Målen och hur de uppfylls</caption>
            <thead>
              <tr>
                <th scope="col">Mål</th>
                <th scope="col">Senast avslutade period</th>
                <th scope="col">Pågående period</th>
              </tr>
            </thead>
            <tbody>
              {data.goals.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <Link to={`/uppfoljning/mal/${g.id}`}>{g.name}</Link>
                  </th>
                  <td>
                    {g.latest ? (
                      <>
                        <span className="block">{g.latest.label}</span>
                        <PeriodJudgement status={g.latest} />
                      </>
                    ) : (
                      "–"
                    )}
                  </td>
                  <td>
                    <span className="block">{g.current.label}</span>
                    <PeriodJudgement status={g.current} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {data.mayEdit ? (
        <section aria-labelledby="new-goal" className="card">
          <h2 id="new-goal">Nytt mål</h2>
          <p>Till exempel: Kontakt inom fyra veckor, minst 90 procent, per tertial.</p>
          <GoalForm
            actionData={actionData}
            intent="create"
            defaults={{ comparator: "gte", periodKind: "tertial" }}
            submitLabel="Spara målet"
            headingId="new-goal"
          />
        </section>
      ) : null}
      {data.archived.length > 0 ? (
        <section aria-labelledby="archived-goals">
          <h2 id="archived-goals">Arkiverade mål</h2>
          <ul className="link-list">
            {data.archived.map((g) => (
              <li key={g.id}>
                <Link to={`/uppfoljning/mal/${g.id}`}>{g.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
