import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActivitiesTable } from "~/components/steering/goal-parts";
import { ActivityForm, PlanRevisionForm } from "~/components/steering/plan-forms";
import { todayIso } from "~/lib/dates";
import { formatDateTime } from "~/lib/format";
import { parseForm, readFormData, type FormValues } from "~/lib/form.server";
import { requireActor } from "~/modules/auth/actor.server";
import { requireSteeringEditor, requireSteeringReader } from "~/modules/steering/access.server";
import { activitySchema, planRevisionSchema } from "~/modules/steering/goal-schemas";
import { goalName } from "~/modules/steering/goal-labels";
import { listGoals } from "~/modules/steering/goals.server";
import { createActivity, listActivities, planRevisions, recordPlanRevision, requireActivity, updateActivity } from "~/modules/steering/plan.server";

export const meta: MetaFunction = () => [{ title: "Handlingsplan – Uppföljning – Samverkansportalen" }];

const PAGE = "/uppfoljning/handlingsplan";
const SAVED: Record<string, string> = {
  aktivitet: "Aktiviteten är tillagd.",
  andrad: "Aktiviteten är ändrad.",
  revision: "Revisionen är registrerad.",
};

/** `?aktivitet=` opens an activity for editing (for those who may change the plan). */
function editedActivity(request: Request, access: ReturnType<typeof requireSteeringReader>) {
  const id = new URL(request.url).searchParams.get("aktivitet");
  return id !== null && access.mayEdit ? requireActivity(access, id) : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const access = requireSteeringReader(actor);
  const today = todayIso();
  const editing = editedActivity(request, access);
  const revisions = planRevisions(access.municipalityId);
  return {
    municipalityName: actor.municipalityName,
    mayEdit: access.mayEdit,
    today,
    saved: SAVED[new URL(request.url).searchParams.get("sparat") ?? ""] ?? null,
    activities: listActivities(access.municipalityId, today),
    revisions,
    revisionOverdue: revisions[0] ? revisions[0].nextRevisionOn < today : false,
    goals: listGoals(access.municipalityId).map((g) => ({ value: String(g.id), label: goalName(g) })),
    editing: editing
      ? {
          id: editing.id,
          defaults: {
            description: editing.description,
            owner: editing.owner,
            dueDate: editing.dueDate,
            status: editing.status,
            goalId: editing.goalId ? String(editing.goalId) : "",
          },
        }
      : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const access = requireSteeringEditor(actor);
  const intent = String((await readFormData(request.clone())).get("intent") ?? "");
  const refuse = (message: string, errors: Record<string, string> = {}, values: FormValues = {}) =>
    json({ intent, ok: false, message, errors, values }, { status: 400 });
  if (intent === "add-activity" || intent === "update-activity") {
    const editing = intent === "update-activity" ? editedActivity(request, access) : null;
    if (intent === "update-activity" && !editing) return refuse("Välj en aktivitet att ändra.");
    const form = await parseForm(request, activitySchema);
    if (!form.ok) return refuse("Aktiviteten innehåller fel.", form.errors, form.values);
    const result = editing ? updateActivity(actor, access, editing.id, form.data) : createActivity(actor, access, form.data);
    if (!result.ok) return refuse(Object.values(result.errors).join(" "), result.errors, form.values);
    return redirect(`${PAGE}?sparat=${editing ? "andrad" : "aktivitet"}#aktiviteter`);
  }
  if (intent === "revision") {
    const form = await parseForm(request, planRevisionSchema);
    if (!form.ok) return refuse("Revisionen innehåller fel.", form.errors, form.values);
    recordPlanRevision(actor, access, form.data);
    return redirect(`${PAGE}?sparat=revision`);
  }
  return refuse("Okänd åtgärd.");
}

export default function PlanPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const latest = data.revisions[0];
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/uppfoljning">Uppföljning</Link>
      </p>
      <h1>Handlingsplan för aktivitetsansvaret</h1>
      <p className="lead">
        Aktiviteterna som ska hjälpa {data.municipalityName} att nå sina <Link to="/uppfoljning/mal">mål</Link>: vad som ska göras, vem som ansvarar och när det
        ska vara klart.
      </p>
      {data.saved ? (
        <p className="alert alert--success" role="status">
          {data.saved}
        </p>
      ) : null}
      {actionData && !actionData.ok && Object.keys(actionData.errors).length === 0 ? (
        <p className="alert alert--error" role="alert">
          {actionData.message}
        </p>
      ) : null}

      <section aria-labelledby="revision-heading" className="card">
        <h2 id="revision-heading">Revision</h2>
        {latest ? (
          <dl className="facts">
            <dt>Reviderad</dt>
            <dd>{latest.revisedOn}</dd>
            <dt>Nästa revision</dt>
            <dd>
              {latest.nextRevisionOn}
              {data.revisionOverdue ? <strong className="block">Revisionen är försenad.</strong> : null}
            </dd>
          </dl>
        ) : (
          <p>Ingen revision är registrerad ännu.</p>
        )}
        {data.mayEdit ? <PlanRevisionForm actionData={actionData} defaults={{ revisedOn: data.today }} /> : null}
        {data.revisions.length > 0 ? (
          <details>
            <summary>Tidigare revisioner</summary>
            <ol className="revision-list">
              {data.revisions.map((r) => (
                <li key={r.id}>
                  Reviderad {r.revisedOn}, nästa revision {r.nextRevisionOn} (registrerad {formatDateTime(r.recordedAt)} av {r.recordedBy})
                  {r.note ? <span className="block muted pre-line">{r.note}</span> : null}
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="aktiviteter">
        <h2 id="aktiviteter">Aktiviteter</h2>
        <ActivitiesTable
          activities={data.activities}
          caption="Handlingsplanens aktiviteter, efter när de ska vara klara"
          editLink={data.mayEdit ? (id) => `${PAGE}?aktivitet=${id}#andra-aktivitet` : undefined}
        />
      </section>

      {data.mayEdit && data.editing ? (
        <section aria-labelledby="andra-aktivitet" className="card">
          <h2 id="andra-aktivitet">Ändra aktiviteten</h2>
          <ActivityForm
            key={data.editing.id}
            actionData={actionData}
            intent="update-activity"
            defaults={data.editing.defaults}
            goals={data.goals}
            submitLabel="Spara ändringen"
            headingId="andra-aktivitet"
          />
          <p>
            <Link to={PAGE}>Avbryt</Link>
          </p>
        </section>
      ) : null}
      {/* One activity form at a time: the two share their fields' ids. */}
      {data.mayEdit && !data.editing ? (
        <section aria-labelledby="ny-aktivitet" className="card">
          <h2 id="ny-aktivitet">Ny aktivitet</h2>
          <ActivityForm
            actionData={actionData}
            intent="add-activity"
            defaults={{ status: "planned" }}
            goals={data.goals}
            submitLabel="Lägg till aktiviteten"
            headingId="ny-aktivitet"
          />
        </section>
      ) : null}
    </>
  );
}
