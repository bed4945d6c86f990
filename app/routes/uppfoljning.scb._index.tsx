import { Table } from "~/components/table";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FailureTable } from "~/components/scb/failure-table";
import { todayIso } from "~/lib/dates";
import { formatDateTime } from "~/lib/format";
import { parseForm } from "~/lib/form.server";
import { requireActor } from "~/modules/auth/actor.server";
import { SCB_RULE_LABELS, SCB_RULES } from "~/modules/scb/rules";
import { createScbExport, parseScbPeriod, scbCheck, scbHistory, scbPeriodChoices, scbRegister } from "~/modules/scb/exports.server";
import { CURRENT_VERSION, SCB_BLOCK_NAMES, SCB_BLOCKS, versionLabel } from "~/modules/scb/mapping";
import { scbExportSchema } from "~/modules/scb/scb-schemas";
import { PeriodError } from "~/modules/statistics/periods";
import { plural } from "~/lib/plural";

export const meta: MetaFunction = () => [{ title: "SCB-rapporten – Samverkansportalen" }];

const version = {
  id: CURRENT_VERSION.id,
  label: versionLabel(CURRENT_VERSION),
  verified: CURRENT_VERSION.verified,
  source: CURRENT_VERSION.source,
  decisions: CURRENT_VERSION.decisions,
};

export async function loader({ request }: LoaderFunctionArgs) {
  const register = scbRegister(await requireActor(request));
  const params = new URL(request.url).searchParams;
  const base = {
    version,
    choices: scbPeriodChoices().map(({ label, value }) => ({ label, value })),
    history: scbHistory(register),
    created: Number(params.get("export")) || null,
  };
  try {
    const period = parseScbPeriod(params);
    const check = scbCheck(register, period);
    const failures = check.failures.map((f) => ({ ...f, ruleLabel: SCB_RULE_LABELS[f.rule] }));
    return json({
      ...base,
      error: null,
      period: { label: period.label, value: period.value, from: period.from, to: period.to, ended: period.to < todayIso() },
      check: { ...check, failures },
    });
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    return json({ ...base, error: error.message, period: null, check: null }, { status: 400 });
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const register = scbRegister(await requireActor(request));
  const parsed = await parseForm(request, scbExportSchema);
  if (!parsed.ok) return json({ message: Object.values(parsed.errors)[0] ?? "Formuläret kunde inte läsas." }, { status: 400 });
  let period;
  try {
    period = parseScbPeriod(new URLSearchParams({ period: parsed.data.period }));
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    return json({ message: error.message }, { status: 400 });
  }
  const result = createScbExport(register, period, { acceptExceptions: parsed.data.godkann === "1", acceptedChecksum: parsed.data.kontrollsumma });
  if (!result.ok) return json({ message: result.message }, { status: result.status });
  return redirect(`/uppfoljning/scb?period=${period.value}&export=${result.id}`);
}

export default function ScbExportPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const check = data.check;
  const missing = check?.failures.filter((f) => f.missing) ?? [];
  const other = check?.failures.filter((f) => !f.missing) ?? [];
  const created = data.created ? data.history.find((h) => h.id === data.created) : undefined;
  return (
    <>
      <p>
        <Link to="/uppfoljning">Uppföljning</Link>
      </p>
      <h1>SCB-rapporten (halvår)</h1>
      <p className="lead">
        Registret lämnas till SCB två gånger om året, en fil per halvår med block 1–5. Portalen kontrollerar filen innan den hämtas och sparar varje fil som
        skapas.
      </p>
      <section className={`alert ${version.verified ? "alert--success" : "alert--warning"}`} aria-labelledby="version-heading">
        <h2 id="version-heading">Portalen följer SCB-version {version.label}</h2>
        {version.verified ? null : (
          <p>
            <strong>Ej verifierad.</strong> Kolumnordning, koder och format måste kontrolleras mot SCB:s aktuella Datafilsbeskrivning innan filen laddas upp
            första gången. {version.source}
          </p>
        )}
        <details>
          <summary>Beslut som versionen fattar där SCB:s material inte fanns</summary>
          <dl>
            {version.decisions.map((d) => (
              <div key={d.question}>
                <dt>{d.question}</dt>
                <dd>{d.answer}</dd>
              </div>
            ))}
          </dl>
        </details>
      </section>
      {created ? (
        <p className="alert alert--success" role="status">
          Filen är skapad (export {created.id}). <a href={`/uppfoljning/scb/${created.id}.txt`}>Hämta datafilen</a> ·{" "}
          <a href={`/uppfoljning/scb/${created.id}.xlsx`}>Hämta Excel-filen</a>. Kontrollsumma (SHA-256): <code>{created.sha256}</code>
        </p>
      ) : null}
      <Form method="get" className="card" aria-labelledby="period-heading">
        <h2 id="period-heading">Välj halvår</h2>
        {data.error ? (
          <p className="alert alert--error" role="alert" id="period-error">
            {data.error}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="period">Halvår</label>
          <select id="period" name="period" defaultValue={data.period?.value} aria-describedby={data.error ? "period-error" : undefined}>
            {data.choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Kontrollera uppgifterna
        </button>
      </Form>
      {check && data.period ? (
        <section aria-labelledby="check-heading">
          <h2 id="check-heading">Kontroll av {data.period.label}</h2>
          <p>
            {plural(check.youthCount, "ungdom", "ungdomar")} i registret under perioden ({data.period.from}–{data.period.to}).{" "}
            {SCB_BLOCKS.map((b) => `Block ${b} ${SCB_BLOCK_NAMES[b].toLowerCase()}: ${plural(check.rowCounts[b], "rad", "rader")}`).join(". ")}.
          </p>
          <ul className="compact-list" aria-label="Kontrollerna">
            {SCB_RULES.map((rule) => {
              const n = check.failures.filter((f) => f.rule === rule && f.severity === "error").length;
              return (
                <li key={rule}>
                  {n === 0 ? "✓" : "✗"} {SCB_RULE_LABELS[rule]}
                  {n === 0 ? "" : `: ${n} fel`}
                </li>
              );
            })}
          </ul>
          {missing.length > 0 ? <FailureTable id="uppgift-saknas" caption="Uppgift saknas" rows={missing} /> : <p>Ingen uppgift saknas.</p>}
          {other.length > 0 ? <FailureTable id="andra-fel" caption="Andra fel" rows={other} /> : null}
          {data.period.ended ? null : (
            <p className="alert alert--info">Halvåret är inte slut. Kontrollerna kan köras nu; filen kan skapas från och med dagen efter {data.period.to}.</p>
          )}
          <Form method="post" className="card" aria-labelledby="export-heading" hidden={!data.period.ended}>
            <h3 id="export-heading">Skapa filen</h3>
            {actionData?.message ? (
              <p className="alert alert--error" role="alert">
                {actionData.message}
              </p>
            ) : null}
            <input type="hidden" name="period" value={data.period.value} />
            {check.errorCount > 0 ? (
              <div className="field field--checkbox">
                <input id="godkann" name="godkann" type="checkbox" value="1" />
                {/* The acceptance is of this check: the server refuses it if the file would differ now. */}
                <input type="hidden" name="kontrollsumma" value={check.sha256} />
                <label htmlFor="godkann">Jag godkänner en undantagsrapport: filen skapas trots {check.errorCount} fel, och felen sparas med exporten</label>
              </div>
            ) : (
              <p>Alla kontroller är godkända.</p>
            )}
            <p>
              Kontrollsumma för filen som skapas (SHA-256): <code>{check.sha256}</code>
            </p>
            <button type="submit" className="button">
              Skapa SCB-filen
            </button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Tidigare exporter</h2>
        {data.history.length === 0 ? (
          <p>Ingen fil har skapats ännu.</p>
        ) : (
          <div className="table-wrap">
            <Table>
              <caption className="visually-hidden">Tidigare exporter till SCB</caption>
              <thead>
                <tr>
                  <th scope="col">Export</th>
                  <th scope="col">Period</th>
                  <th scope="col">Version</th>
                  <th scope="col">Skapad</th>
                  <th scope="col">Ungdomar</th>
                  <th scope="col">Undantag</th>
                  <th scope="col">Kontrollsumma (SHA-256)</th>
                  <th scope="col">Filer</th>
                </tr>
              </thead>
              <tbody>
                {data.history.map((h) => (
                  <tr key={h.id}>
                    <td>{h.id}</td>
                    <td>
                      {h.periodFrom}–{h.periodTo}
                    </td>
                    <td>{h.mappingVersion}</td>
                    <td>
                      {formatDateTime(h.createdAt)} av {h.createdBy}
                    </td>
                    <td>{h.youthCount}</td>
                    <td>{h.withExceptions ? `Ja, ${plural(h.acceptedErrors, "fel godkänt", "fel godkända")}` : "Nej"}</td>
                    <td>
                      <code className="checksum">{h.sha256}</code>
                    </td>
                    <td>
                      <a href={`/uppfoljning/scb/${h.id}.txt`} aria-label={`Datafil för export ${h.id}`}>
                        Datafil
                      </a>{" "}
                      ·{" "}
                      <a href={`/uppfoljning/scb/${h.id}.xlsx`} aria-label={`Excel-fil för export ${h.id}`}>
                        Excel
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
        <p>Varje gång en fil skapas eller hämtas loggas det i loggen, en rad per ungdom i filen.</p>
      </section>
    </>
  );
}
