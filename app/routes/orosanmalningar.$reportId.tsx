import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, SelectField, TextAreaField, useValidatedForm } from "~/components/form";
import { formatDateTime } from "~/lib/format";
import { invalid, parseForm } from "~/lib/form.server";
import { notFound } from "~/lib/http";
import { readConcernReport } from "~/modules/concern-reports/concern-reports.server";
import { setConcernStatus } from "~/modules/concern-reports/concern-status.server";
import { CONCERN_STATUS_LABELS, concernStatusSchema, type ConcernHandlingStatus } from "~/modules/concern-reports/concern-status";
import { requireActor } from "~/modules/auth/actor.server";

export const meta: MetaFunction = () => [{ title: "Orosanmälan – Samverkansportalen" }];

function reportIdOf(params: { reportId?: string }) {
  const id = Number(params.reportId);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return readConcernReport(actor, reportIdOf(params));
}

/** Socialtjänsten sets the handling status; the module checks the step and tells the reporter. */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const id = reportIdOf(params);
  const form = await parseForm(request, concernStatusSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = setConcernStatus(actor, id, form.data);
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect(`/orosanmalningar/${id}`);
}

export default function ConcernReport() {
  const { report, isRecipient, statuses, nextStatuses } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to="/orosanmalningar">Orosanmälningar</Link>
      </p>
      <h1>
        Orosanmälan {report.id} {report.handlingStatus ? <span className="badge">{CONCERN_STATUS_LABELS[report.handlingStatus]}</span> : null}
      </h1>
      {!isRecipient ? (
        <p className="alert alert--success" role="status">
          Anmälan är skickad till {report.recipientName}
          {report.receivedAt ? ` och öppnades ${formatDateTime(report.receivedAt)}` : " och har ännu inte öppnats"}.
        </p>
      ) : null}
      <dl className="facts">
        <dt>Barn</dt>
        <dd>
          {report.name}, {report.personalNumber}
        </dd>
        <dt>Hemkommun</dt>
        <dd>{report.homeMunicipality}</dd>
        <dt>Iakttaget</dt>
        <dd>{report.observedWhen}</dd>
        <dt>Vad som iakttagits</dt>
        <dd className="preserve-lines">{report.observed}</dd>
        <dt>Anmälare</dt>
        <dd>
          {report.reporterName}, {report.reporterOrganisation}
          {report.reporterPhone ? `, tel. ${report.reporterPhone}` : ""}
        </dd>
        <dt>Skickad</dt>
        <dd>{formatDateTime(report.createdAt)}</dd>
        <dt>Mottagare</dt>
        <dd>{report.recipientName}</dd>
      </dl>
      <section aria-labelledby="status-rubrik" className="card">
        <h2 id="status-rubrik">Handläggning</h2>
        {isRecipient ? null : (
          <p>Socialtjänsten berättar här hur anmälan hanteras: att den tagits emot, och om en utredning inleds eller inte (SoL 14 kap. 1 a §).</p>
        )}
        {statuses.length === 0 ? (
          <p>Socialtjänsten har ännu inte tagit emot anmälan.</p>
        ) : (
          <ol className="revision-list">
            {statuses.map((s) => (
              <li key={s.id}>
                <p className="revision-list__head">
                  <strong>{CONCERN_STATUS_LABELS[s.status]}</strong> · {formatDateTime(s.at)}
                  {s.by ? ` · ${s.by}` : ""}
                </p>
                {s.note ? <p className="preserve-lines">{s.note}</p> : null}
              </li>
            ))}
          </ol>
        )}
        {nextStatuses.length > 0 ? <StatusForm next={nextStatuses} /> : null}
      </section>
    </div>
  );
}

function StatusForm({ next }: { next: readonly ConcernHandlingStatus[] }) {
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(concernStatusSchema, {
    defaultValues: actionData?.values ?? {},
    serverErrors: actionData?.errors,
  });
  return (
    <Form {...formProps}>
      <ErrorSummary errors={actionData?.errors} />
      <SelectField
        name="status"
        register={register}
        error={errorFor("status")}
        label="Ny status"
        required
        hint="Anmälaren får ett meddelande om den nya statusen, men inte er anteckning."
        options={next.map((s) => ({ value: s, label: CONCERN_STATUS_LABELS[s] }))}
      />
      <TextAreaField name="note" register={register} error={errorFor("note")} label="Anteckning (syns bara för socialtjänsten)" maxLength={500} />
      <button type="submit" className="button" disabled={submitting}>
        Spara status
      </button>
    </Form>
  );
}
