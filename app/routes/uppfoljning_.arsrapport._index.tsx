import { Table } from "~/components/table";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ANNUAL_REPORT_PERIOD_KINDS, ANNUAL_REPORT_STATUS_LABELS } from "~/modules/annual-report/labels";
import { ErrorSummary, Form, SelectField } from "~/components/form";
import { useIntentForm } from "~/components/intent-form";
import { todayIso } from "~/lib/dates";
import { formatDateTime } from "~/lib/format";
import { parseForm } from "~/lib/form.server";
import { forbidden } from "~/lib/http";
import { requireActor } from "~/modules/auth/actor.server";
import { createReport, listReports, requireReportReader, WRITE_FORBIDDEN } from "~/modules/annual-report/annual-report.server";
import { createReportSchema } from "~/modules/annual-report/report-schemas";
import { periodChoices } from "~/modules/statistics/periods";

export const meta: MetaFunction = () => [{ title: "Årsrapporter – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const reader = requireReportReader(await requireActor(request));
  const reports = listReports(reader);
  const taken = new Set(reports.map((r) => r.period));
  // Läsår and calendar years that have begun, five years back, without a report yet.
  const choices = reader.mayWrite
    ? periodChoices(todayIso(), 5)
        .filter((p) => (ANNUAL_REPORT_PERIOD_KINDS as readonly string[]).includes(p.kind) && !taken.has(p.value))
        .map((p) => ({ value: p.value, label: p.label }))
    : [];
  return json({ reports, unit: reader.unit, mayWrite: reader.mayWrite, choices, municipalityName: reader.municipalityName });
}

/** The samordnare creates the report of a läsår or a calendar year: one per municipality and period. */
export async function action({ request }: ActionFunctionArgs) {
  const reader = requireReportReader(await requireActor(request));
  if (!reader.mayWrite) throw forbidden(WRITE_FORBIDDEN);
  const form = await parseForm(request, createReportSchema);
  const refuse = (errors: Record<string, string>, values = form.values) => json({ intent: "create", ok: false, message: "", errors, values }, { status: 400 });
  if (!form.ok) return refuse(form.errors);
  const result = createReport(reader, form.data);
  if (!result.ok) return refuse(result.errors);
  return redirect(`/uppfoljning/arsrapport/${result.id}`);
}

function CreateForm({ choices }: { choices: { value: string; label: string }[] }) {
  const { formProps, field, errors, submitting } = useIntentForm(useActionData<typeof action>(), "create", createReportSchema, {});
  return (
    <section className="card" aria-labelledby="ny-rapport">
      <h2 id="ny-rapport">Ny årsrapport</h2>
      <ErrorSummary errors={errors} />
      <Form {...formProps}>
        <SelectField
          {...field("period")}
          label="Period"
          required
          hint="Ett läsår eller ett kalenderår. Rapporten kan skrivas under perioden och fastställas när den är slut."
          options={choices}
        />
        <button type="submit" className="button" disabled={submitting}>
          Skapa årsrapport
        </button>
      </Form>
    </section>
  );
}

export default function AnnualReports() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/uppfoljning">Uppföljning</Link> › Årsrapporter
      </p>
      <h1>Årsrapporter</h1>
      <p className="lead">
        Årsrapporten om det kommunala aktivitetsansvaret i {data.municipalityName} till nämnden, per läsår eller kalenderår: uppföljningens siffror med små tal
        dolda, och samordnarens analys per område. När rapporten är fastställd låses den med siffrorna som de var då.
      </p>
      {data.reports.length === 0 ? (
        <p>{data.unit ? "Det finns ingen årsrapport än." : "Det finns ingen fastställd årsrapport än."}</p>
      ) : (
        <div className="table-wrap">
          <Table>
            <caption>{data.unit ? "Årsrapporter" : "Fastställda årsrapporter"}</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Status</th>
                <th scope="col">Senast ändrad</th>
              </tr>
            </thead>
            <tbody>
              {data.reports.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/uppfoljning/arsrapport/${r.id}`}>{r.periodLabel}</Link>
                  </th>
                  <td>{ANNUAL_REPORT_STATUS_LABELS[r.status]}</td>
                  <td>{formatDateTime(r.approvedAt ?? r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {data.mayWrite ? <CreateForm choices={data.choices} /> : null}
    </>
  );
}
