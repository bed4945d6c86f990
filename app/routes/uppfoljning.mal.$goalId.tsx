import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form as PlainForm, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GoalForm } from "~/components/steering/goal-form";
import { ActivitiesTable, PeriodJudgement, TrendTable } from "~/components/steering/goal-parts";
import { todayIso } from "~/lib/dates";
import { formatDateTime } from "~/lib/format";
import { parseForm, readFormData, type FormValues } from "~/lib/form.server";
import { requireActor } from "~/modules/auth/actor.server";
import { requireSteeringEditor, requireSteeringReader } from "~/modules/steering/access.server";
import { notJudgedReason } from "~/modules/steering/goal-evaluation";
import { COMPARATOR_SIGNS, formatTarget, GOAL_PERIOD_LABELS } from "~/modules/steering/goal-labels";
import { goalSchema } from "~/modules/steering/goal-schemas";
import { goalStatuses } from "~/modules/steering/goal-status.server";
import { archiveGoal, goalHistory, requireGoal, restoreGoal, updateGoal } from "~/modules/steering/goals.server";
import { listActivities } from "~/modules/steering/plan.server";
import { SMALL_LABEL } from "~/modules/statistics/suppression";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.goal.name ?? "Mål"} – Uppföljning – Samverkansportalen` }];

/** One goal: how it stands in its latest ended period and the running one, its trend, its activities and its history. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const access = requireSteeringReader(actor);
  const goal = requireGoal(access, params.goalId);
  const today = todayIso();
  const history = goalHistory(goal.id);
  return {
    view: access.audience.view,
    mayEdit: access.mayEdit,
    goal: goalStatuses(access.audience, [goal], today)[0]!,
    archivedAt: goal.archivedAt,
    archivedBy: goal.archivedAt ? (history[0]?.recordedBy ?? null) : null,
    activities: listActivities(access.municipalityId, today, goal.id),
    history,
    defaults: {
      figureKey: goal.figureKey,
      comparator: goal.comparator,
      target: String(goal.target).replace(".", ","),
      periodKind: goal.periodKind,
      note: goal.note ?? "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const access = requireSteeringEditor(actor);
  const goal = requireGoal(access, params.goalId);
  const intent = String((await readFormData(request.clone())).get("intent") ?? "");
  const respond = (ok: boolean, message: string, errors: Record<string, string> = {}, values: FormValues = {}) =>
    json({ intent, ok, message, errors, values }, { status: ok ? 200 : 400 });
  const outcome = (r: { ok: true } | { ok: false; errors: Record<string, string> }, message: string, values: FormValues = {}) =>
    r.ok ? respond(true, message) : respond(false, Object.values(r.errors).join(" "), r.errors, values);
  if (intent === "update") {
    const form = await parseForm(request, goalSchema);
    if (!form.ok) return respond(false, "Målet innehåller fel.", form.errors, form.values);
    return outcome(updateGoal(actor, access, goal.id, form.data), "Målet är ändrat.", form.values);
  }
  if (intent === "archive") return outcome(archiveGoal(actor, access, goal.id), "Målet är arkiverat. Det finns kvar med sin historik.");
  if (intent === "restore") return outcome(restoreGoal(actor, access, goal.id), "Målet är återställt.");
  return respond(false, "Okänd åtgärd.");
}

export default function GoalPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { goal } = data;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/uppfoljning">Uppföljning</Link> › <Link to="/uppfoljning/mal">Mål</Link>
      </p>
      <h1>{goal.name}</h1>
      {actionData?.ok ? (
        <p className="alert alert--success" role="status">
          {actionData.message}
        </p>
      ) : actionData && actionData.intent !== "update" ? (
        <p className="alert alert--error" role="alert">
          {actionData.message}
        </p>
      ) : null}
      {data.archivedAt ? (
        <p className="alert alert--info">
          Målet arkiverades {formatDateTime(data.archivedAt)}
          {data.archivedBy ? ` av ${data.archivedBy}` : ""}. Det följs inte längre men finns kvar med sin historik.
        </p>
      ) : null}
      <dl className="facts">
        <dt>Mått</dt>
        <dd>{goal.figureLabel}</dd>
        <dt>Mål</dt>
        <dd>
          {COMPARATOR_SIGNS[goal.comparator]} {formatTarget(goal.figureKind ?? undefined, goal.target)}
        </dd>
        <dt>Följs per</dt>
        <dd>{GOAL_PERIOD_LABELS[goal.periodKind].toLowerCase()}</dd>
        {goal.note ? (
          <>
            <dt>Varför</dt>
            <dd className="pre-line">{goal.note}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="status-heading" className="card">
        <h2 id="status-heading">Läget</h2>
        <dl className="facts">
          {goal.latest ? (
            <>
              <dt>Senast avslutade period: {goal.latest.label}</dt>
              <dd>
                <PeriodJudgement status={goal.latest} />
                {goal.latest.notJudged ? <span className="block muted">{notJudgedReason(goal.latest.notJudged)}</span> : null}
              </dd>
            </>
          ) : null}
          <dt>Pågående period: {goal.current.label}</dt>
          <dd>
            <PeriodJudgement status={goal.current} />
            {goal.current.notJudged ? <span className="block muted">{notJudgedReason(goal.current.notJudged)}</span> : null}
          </dd>
        </dl>
        {data.view === "outside" ? (
          <p className="muted">Värden som bygger på färre än fem ungdomar visas som ”{SMALL_LABEL}” eller ”dold”, och målet kan då inte bedömas.</p>
        ) : (
          <p className="muted">Exakta värden i KAA-enhetens vy. Styrgruppen ser samma mål med små tal dolda.</p>
        )}
      </section>

      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">Utveckling</h2>
        <TrendTable
          trend={goal.trend}
          id="malets-utveckling"
          caption={`${goal.figureLabel} per ${GOAL_PERIOD_LABELS[goal.periodKind].toLowerCase()}, de senaste perioderna`}
        />
      </section>

      <section aria-labelledby="activities-heading">
        <h2 id="activities-heading">Aktiviteter för målet</h2>
        <ActivitiesTable
          activities={data.activities}
          caption="Handlingsplanens aktiviteter kopplade till målet"
          editLink={data.mayEdit ? (id) => `/uppfoljning/handlingsplan?aktivitet=${id}#andra-aktivitet` : undefined}
        />
        <p>
          <Link to="/uppfoljning/handlingsplan">Hela handlingsplanen</Link>
        </p>
      </section>

      {data.mayEdit && !data.archivedAt ? (
        <section aria-labelledby="edit-goal" className="card">
          <h2 id="edit-goal">Ändra målet</h2>
          <p>Ändringen gäller från och med nu för alla perioder som visas. Den tidigare lydelsen finns kvar i historiken nedan.</p>
          <GoalForm actionData={actionData} intent="update" defaults={data.defaults} submitLabel="Spara ändringen" headingId="edit-goal" />
          <PlainForm method="post" className="spaced">
            <input type="hidden" name="intent" value="archive" />
            <button type="submit" className="button button--secondary">
              Arkivera målet
            </button>
          </PlainForm>
        </section>
      ) : null}
      {data.mayEdit && data.archivedAt ? (
        <PlainForm method="post" className="spaced">
          <input type="hidden" name="intent" value="restore" />
          <button type="submit" className="button button--secondary">
            Återställ målet
          </button>
        </PlainForm>
      ) : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Historik</h2>
        <ol className="revision-list">
          {data.history.map((h) => (
            <li key={h.id}>
              <strong>{h.event}</strong> {formatDateTime(h.recordedAt)} av {h.recordedBy}: {h.name}
              {h.note ? <span className="block muted pre-line">{h.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
