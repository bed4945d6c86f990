import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ANNUAL_REPORT_STATUS_LABELS } from "~/modules/annual-report/labels";
import { ReportDocument } from "~/components/annual-report/report-document";
import { reportExtras } from "~/components/annual-report/report-extras";
import { CheckboxField, ErrorSummary, Form, TextAreaField, useValidatedForm } from "~/components/form";
import { useIntentForm } from "~/components/intent-form";
import { todayIso } from "~/lib/dates";
import { formatDateTime } from "~/lib/format";
import { parseForm, readFormData, type FormValues } from "~/lib/form.server";
import { forbidden } from "~/lib/http";
import { requireActor } from "~/modules/auth/actor.server";
import { approveReport, requireReportReader, reportView, saveReport, WRITE_FORBIDDEN, type Result } from "~/modules/annual-report/annual-report.server";
import { analysisField, reportTitle, REPORT_AREAS } from "~/modules/annual-report/areas";
import {
  analysisSchema,
  approveFormSchema,
  approveReportSchema,
  MAX_ANALYSIS_LENGTH,
  saveReportInput,
  saveReportSchema,
} from "~/modules/annual-report/report-schemas";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? reportTitle(data.report.periodLabel) : "Årsrapport"} – Samverkansportalen` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const reader = requireReportReader(await requireActor(request));
  const report = reportView(reader, Number(params.reportId));
  const draft = report.status === "draft";
  return json({ report, mayEdit: reader.mayWrite && draft, periodEnded: todayIso() > report.periodTo });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const reader = requireReportReader(await requireActor(request));
  if (!reader.mayWrite) throw forbidden(WRITE_FORBIDDEN);
  const reportId = Number(params.reportId);
  const intent = String((await readFormData(request.clone())).get("intent") ?? "");
  const respond = (status: number, message: string, errors: Record<string, string> = {}, values: FormValues = {}) =>
    json({ intent, ok: status === 200, message, errors, values }, { status });
  const outcome = (result: Result, message: string, values: FormValues) =>
    result.ok ? respond(200, message) : respond(result.status, Object.values(result.errors).join(" "), result.errors, values);
  if (intent === "save") {
    const form = await parseForm(request, saveReportSchema);
    if (!form.ok) return respond(400, "Texten kunde inte sparas.", form.errors, form.values);
    return outcome(saveReport(reader, reportId, saveReportInput(form.data)), "Texten är sparad.", form.values);
  }
  if (intent === "approve") {
    const form = await parseForm(request, approveReportSchema);
    if (!form.ok) return respond(400, "Rapporten är inte fastställd.", form.errors, form.values);
    return outcome(approveReport(reader, reportId, form.data), "Årsrapporten är fastställd och låst.", form.values);
  }
  return respond(400, "Okänd åtgärd. Ladda om sidan och försök igen.");
}

function SaveButton({ busy }: { busy: boolean }) {
  return (
    <button type="submit" className="button button--secondary" disabled={busy}>
      Spara texten
    </button>
  );
}

/** The draft with a text field per area; every "Spara" saves all of them, at the version read. */
function DraftForm() {
  const { report } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const mine = actionData?.intent === "save" && !actionData.ok ? actionData : undefined;
  const defaults = Object.fromEntries(REPORT_AREAS.map((a) => [analysisField(a.key), report.analysis[a.key]]));
  const { register, errorFor, formProps, submitting } = useValidatedForm(analysisSchema, {
    defaultValues: mine?.values ?? defaults,
    serverErrors: mine?.errors,
  });
  // After a conflict the version posted stays, so saving again cannot overwrite the other's text unseen.
  const version = typeof mine?.values.version === "string" ? mine.values.version : String(report.version);
  return (
    <Form {...formProps} aria-label="Analysen per område">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="version" value={version} />
      <ErrorSummary errors={mine?.errors} />
      <ReportDocument
        extras={reportExtras(report.figures)}
        figures={report.figures}
        analysis={report.analysis}
        frozen={false}
        csvHref={(id) => `/uppfoljning/arsrapport/${report.id}/export.csv?tabell=${encodeURIComponent(id)}`}
        renderAnalysis={(area) => (
          <>
            <TextAreaField
              name={analysisField(area.key)}
              register={register}
              error={errorFor(analysisField(area.key))}
              label={`Analys: ${area.title}`}
              hint={`${area.prompt} Skriv i löpande text; en tom rad börjar ett nytt stycke. Inga uppgifter om enskilda ungdomar.`}
              maxLength={MAX_ANALYSIS_LENGTH}
              rows={8}
            />
            <SaveButton busy={submitting} />
          </>
        )}
      />
    </Form>
  );
}

function ApproveForm() {
  const { report, periodEnded } = useLoaderData<typeof loader>();
  const { formProps, field, errors, submitting } = useIntentForm(useActionData<typeof action>(), "approve", approveFormSchema, {});
  return (
    <section aria-labelledby="faststall" className="card">
      <h2 id="faststall">Fastställ rapporten</h2>
      <p>
        När rapporten är fastställd låses den: texten kan inte ändras och siffrorna sparas som de är i det ögonblicket. Spara texten först. Styrgruppen kan läsa
        rapporten när den är fastställd.
      </p>
      {periodEnded ? null : (
        <p className="alert alert--info">Perioden är inte slut än. Rapporten kan fastställas från och med dagen efter {report.periodTo}.</p>
      )}
      <ErrorSummary errors={errors} />
      <Form {...formProps}>
        <input type="hidden" name="intent" value="approve" />
        <input type="hidden" name="version" value={String(report.version)} />
        <CheckboxField {...field("confirmApproval")} label="Rapporten är färdig och ska fastställas." />
        <button type="submit" className="button" disabled={submitting}>
          Fastställ årsrapporten
        </button>
      </Form>
    </section>
  );
}

export default function AnnualReport() {
  const { report, mayEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/uppfoljning/arsrapport/${report.id}`;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/uppfoljning">Uppföljning</Link> › <Link to="/uppfoljning/arsrapport">Årsrapporter</Link> › {report.periodLabel}
      </p>
      <h1>{reportTitle(report.periodLabel)}</h1>
      <p>
        <span className={`status-tag status-tag--${report.status}`}>{ANNUAL_REPORT_STATUS_LABELS[report.status]}</span>{" "}
        {report.status === "approved"
          ? `Fastställd ${formatDateTime(report.approvedAt!)} av ${report.approvedByName ?? "samordnaren"}.`
          : `Senast sparad ${formatDateTime(report.updatedAt)} av ${report.updatedByName}.`}{" "}
        {report.municipalityName}, {report.periodFrom} – {report.periodTo}.
      </p>
      {actionData?.ok ? (
        <p className="alert alert--success" role="status">
          {actionData.message}
        </p>
      ) : null}
      <ul className="link-list">
        <li>
          <Link to={`${base}/utskrift`}>Utskrift och PDF</Link>
        </li>
        <li>
          <a href={`${base}/export.xlsx`} download>
            Hela rapporten som Excel-fil (XLSX)
          </a>
        </li>
        <li>
          <a href={`${base}/export.csv`} download>
            Alla tabeller som CSV
          </a>
        </li>
      </ul>
      {mayEdit ? (
        <>
          <DraftForm />
          <ApproveForm />
        </>
      ) : (
        <ReportDocument
          extras={reportExtras(report.figures)}
          figures={report.figures}
          analysis={report.analysis}
          frozen={report.status === "approved"}
          csvHref={(id) => `${base}/export.csv?tabell=${encodeURIComponent(id)}`}
        />
      )}
    </>
  );
}
