import { RowReport } from "~/components/row-report";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { readFormData } from "~/lib/form.server";
import { requireRole } from "~/modules/auth/actor.server";
import { decodeCsv } from "~/modules/notices/notice-csv";
import { MAX_SCHOOL_LIST_ROWS, SCHOOL_LIST_KIND_LABELS, SCHOOL_LIST_KINDS, type SchoolListKind } from "~/modules/reconciliation/school-list-csv";
import { uploadSchoolList, uploadTargets, type UploadReport } from "~/modules/reconciliation/school-lists.server";
import { SCHOOL_LIST_FILE_LIMIT, SCHOOL_LIST_TOO_LARGE_MESSAGE } from "~/modules/security/body-limit.server.js";
import { plural } from "~/lib/plural";

export const meta: MetaFunction = () => [{ title: "Läs in skollista – Samverkansportalen" }];

const ROLES = ["school_staff", "kaa_coordinator"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ROLES);
  return { targets: uploadTargets(actor), isCoordinator: actor.role === "kaa_coordinator" };
}

type ActionData = { error?: string; report?: UploadReport };

/** Every row is checked; a file with any error stores nothing, and the report says which rows to fix. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ROLES);
  const form = await readFormData(request);
  const kind = String(form.get("lista") ?? "");
  if (!(SCHOOL_LIST_KINDS as readonly string[]).includes(kind)) return json<ActionData>({ error: "Välj vilken sorts lista filen är." }, { status: 400 });
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return json<ActionData>({ error: "Välj en CSV-fil att läsa in." }, { status: 400 });
  // server.js refuses a body much larger than this before it is read (SCHOOL_LIST_BODY_LIMIT).
  if (file.size > SCHOOL_LIST_FILE_LIMIT) return json<ActionData>({ error: SCHOOL_LIST_TOO_LARGE_MESSAGE }, { status: 400 });
  const result = uploadSchoolList(actor, {
    kind: kind as SchoolListKind,
    target: String(form.get("skola") ?? ""),
    fileName: file.name,
    text: await fileText(file),
  });
  if (result.ok) return redirect(`/skollistor?lagrade=${result.rowCount}`);
  return json<ActionData>("report" in result ? { report: result.report } : { error: result.error }, { status: 400 });
}

/**
 * The file as text without a copy of its bytes beside it in the usual case (UTF-8); only a file that
 * is not UTF-8 (Excel's plain "CSV (semikolonavgränsad)", Windows-1252) is read again as bytes.
 */
async function fileText(file: File): Promise<string> {
  const text = await file.text();
  return text.includes("\uFFFD") ? decodeCsv(await file.arrayBuffer()) : text;
}

export default function UploadSchoolList() {
  const { targets, isCoordinator } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>Läs in en skollista</h1>
      <p>
        Läs in skolans lista över elever från en CSV-fil, till exempel sparad från Excel. Varje rad kontrolleras. Har någon rad fel lagras ingenting: rätta
        raderna som rapporten visar och läs in filen igen. En ny lista ersätter den förra av samma slag. Högst {MAX_SCHOOL_LIST_ROWS.toLocaleString("sv-SE")}{" "}
        rader.
      </p>
      <p>
        Mallar: <a href="/skollistor/mall.csv">gymnasieelever (CSV)</a> och <a href="/skollistor/mall.csv?lista=arskurs9">elever som lämnar årskurs 9 (CSV)</a>{" "}
        – kolumnerna Personnummer, Skolenhetskod, Skolform, Programkod, Startdatum, Slutdatum och Utfall (avbrott, studiebevis, examen eller tomt). Datum skrivs
        ÅÅÅÅ-MM-DD.
      </p>
      {data?.error ? (
        <p className="alert alert--error" role="alert">
          {data.error}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card">
        <div className="field">
          <label htmlFor="lista">Sorts lista</label>
          <select id="lista" name="lista" defaultValue="gymnasium">
            {SCHOOL_LIST_KINDS.map((k) => (
              <option key={k} value={k}>
                {SCHOOL_LIST_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        {isCoordinator ? (
          <div className="field">
            <label htmlFor="skola">Listan gäller</label>
            <select id="skola" name="skola" aria-describedby="skola-hint">
              {targets.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
            <p id="skola-hint" className="muted">
              Kommunens grundskolor: bara listan över årskurs 9. En lista du läser in för en skola blir skolans; du ser sedan att den finns, inte raderna.
            </p>
          </div>
        ) : (
          <input type="hidden" name="skola" value={targets[0]?.value ?? ""} />
        )}
        <div className="field">
          <label htmlFor="file">CSV-fil</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" />
        </div>
        <button type="submit" className="button" disabled={busy}>
          Läs in och kontrollera
        </button>
      </Form>
      {data?.report ? <Report report={data.report} /> : null}
      <p>
        <Link to="/skollistor">Tillbaka till skollistorna</Link>
      </p>
    </>
  );
}

function Report({ report }: { report: UploadReport }) {
  return (
    <section aria-labelledby="rapport">
      <h2 id="rapport">Rapport: {plural(report.errorCount, "rad har", "rader har")} fel</h2>
      <p role="status">
        Ingenting har lagrats. {(report.total - report.errorCount).toLocaleString("sv-SE")} av {plural(report.total, "rad", "rader")} är rätt. Rätta raderna
        nedan i filen och läs in den igen.
        {report.allRowsShown ? null : ` Här visas bara raderna med fel${report.errorCount > report.rows.length ? `, de ${report.rows.length} första` : ""}.`}
      </p>
      <RowReport rows={report.rows} />
    </section>
  );
}
