import { RowReport } from "~/components/row-report";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { readFormData } from "~/lib/form.server";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { fileNotices } from "~/modules/notices/notices.server";
import { findOpenDuplicate } from "~/modules/notices/school-notices.server";
import { formatDateTime } from "~/lib/format";
import { requireRole } from "~/modules/auth/actor.server";
import { CSV_FIELD_LABELS, decodeCsv, MAX_CSV_ROWS, municipalityResolver, parseNoticeCsv, type CsvRowResult } from "~/modules/notices/notice-csv";
import { listMunicipalities, municipalitiesWithKaaUnit } from "~/modules/organizations/municipalities.server";
import { CSV_FILE_LIMIT, FILE_TOO_LARGE_MESSAGE } from "~/modules/security/body-limit.server.js";
import { plural, pluralForm } from "~/lib/plural";

const DUPLICATE_ROW =
  "Möjlig dubblett: skolan har redan en öppen anmälan av samma slag om eleven till samma hemkommun. Skicka den via Ny anmälan om den behövs. Den förra skickades";

export const meta: MetaFunction = () => [{ title: "Importera anmälningar – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["school_staff"]);
  return null;
}

type Report = {
  error?: string;
  rows?: { line: number; ok: boolean; name: string; errors: { field: string; message: string }[] }[];
  validCount?: number;
  text?: string;
};

function report(rows: CsvRowResult[], text: string): Report {
  return {
    text,
    validCount: rows.filter((r) => r.ok).length,
    rows: rows.map((r) => ({
      line: r.line,
      ok: r.ok,
      name: [r.values.firstName, r.values.lastName].filter(Boolean).join(" ") || "–",
      errors: r.ok ? [] : Object.entries(r.errors).map(([field, message]) => ({ field: CSV_FIELD_LABELS[field] ?? field, message })),
    })),
  };
}

/**
 * Every row is checked. A file without errors is sent at once; from a file with errors nothing is
 * stored, unless the user then chooses to send only the valid rows.
 */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["school_staff"]);
  const form = await readFormData(request);
  const intent = form.get("intent");
  let text: string;
  if (intent === "send-valid") {
    text = String(form.get("csv") ?? "");
  } else {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return json<Report>({ error: "Välj en CSV-fil att läsa in." }, { status: 400 });
    // server.js refuses a body much larger than this before it is read (CSV_IMPORT_BODY_LIMIT).
    if (file.size > CSV_FILE_LIMIT) return json<Report>({ error: FILE_TOO_LARGE_MESSAGE }, { status: 400 });
    text = decodeCsv(await file.arrayBuffer());
  }
  const parsed = parseNoticeCsv(text, municipalityResolver(listMunicipalities()));
  if (!parsed.ok) return json<Report>({ error: parsed.error }, { status: 400 });
  // A row that repeats an open notice of the school is flagged, never sent from the file; the form
  // (Ny anmälan) sends it after an explicit "Skicka ändå".
  parsed.rows = parsed.rows.map((r) => {
    const duplicate = r.ok ? findOpenDuplicate(actor, r.data) : null;
    return duplicate
      ? { line: r.line, ok: false as const, values: r.values, errors: { personalNumber: `${DUPLICATE_ROW} ${formatDateTime(duplicate.createdAt)}.` } }
      : r;
  });
  const valid = parsed.rows.filter((r): r is Extract<CsvRowResult, { ok: true }> => r.ok);
  const hasErrors = valid.length < parsed.rows.length;
  if (intent === "send-valid" || !hasErrors) {
    if (valid.length === 0) return json<Report>({ error: "Filen har inga giltiga rader att skicka." }, { status: 400 });
    fileNotices(
      actor,
      valid.map((r) => r.data),
    );
    // Rows to a municipality without a KAA unit in the portal are stored to send by hand, not sent.
    const reachable = municipalitiesWithKaaUnit(valid.map((r) => r.data.homeMunicipalityId));
    const manual = valid.filter((r) => !reachable.has(r.data.homeMunicipalityId)).length;
    return redirect(`/anmalningar?skickade=${valid.length - manual}${manual > 0 ? `&manuella=${manual}` : ""}`);
  }
  return json<Report>(report(parsed.rows, text), { status: 400 });
}

export default function ImportNotices() {
  const data = useActionData<typeof action>() as Report | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <>
      <h1>Importera anmälningar från fil</h1>
      <p>
        Läs in många anmälningar på en gång från en CSV-fil, till exempel sparad från Excel. Varje rad kontrolleras. Har filen fel skickas ingenting förrän du
        rättat filen – eller väljer att bara skicka de rader som är rätt.
      </p>
      <p>
        <a href="/anmalningar/mall.csv" download>
          Ladda ner mallen (CSV)
        </a>{" "}
        – kolumnerna Typ, Personnummer, Förnamn, Efternamn, Hemkommun, Program, Datum, Orsak, Kontaktperson, Telefon och E-post. Högst{" "}
        {MAX_CSV_ROWS.toLocaleString("sv-SE")} rader.
      </p>
      <div className="alert alert--warning">
        <strong>Skriv inga känsliga uppgifter</strong> i kolumnen Orsak (till exempel hälsa eller familjeförhållanden).
      </div>
      {data?.error ? (
        <p className="alert alert--error" role="alert">
          {data.error}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card">
        <div className="field">
          <label htmlFor="file">CSV-fil</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" />
        </div>
        <button type="submit" className="button" name="intent" value="check" disabled={busy}>
          Läs in och kontrollera
        </button>
      </Form>
      {data?.rows ? (
        <section aria-labelledby="rapport">
          <h2 id="rapport">Rapport: {plural(data.rows.length - (data.validCount ?? 0), "rad har", "rader har")} fel</h2>
          <p role="status">
            Ingenting har skickats. {data.validCount} av {plural(data.rows.length, "rad", "rader")} är rätt.
          </p>
          <RowReport rows={data.rows} withName />
          {data.validCount ? (
            <Form method="post" encType="multipart/form-data" className="card">
              {/* Multipart, so the text goes back as it is, not URL-encoded to up to three times its size. */}
              <textarea name="csv" defaultValue={data.text} hidden readOnly aria-hidden="true" tabIndex={-1} />
              <p>Du kan rätta filen och läsa in den igen, eller skicka de rader som är rätt nu och rätta resten senare.</p>
              <button type="submit" className="button" name="intent" value="send-valid" disabled={busy}>
                Skicka bara {pluralForm(data.validCount, "den giltiga raden", `de ${data.validCount} giltiga raderna`)}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
