import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { todayIso } from "~/lib/dates";
import { invalid, parseForm } from "~/lib/form.server";
import { notFound } from "~/lib/http";
import { requireActor } from "~/modules/auth/actor.server";
import { FiguresTable, TrendTable } from "~/components/follow-up/figures-table";
import { TrendCharts } from "~/components/follow-up/trend-charts";
import { computeFollowUp, followUpAudience } from "~/modules/statistics/follow-up.server";
import { PERIOD_KIND_LABELS, PERIOD_KINDS, parsePeriod, periodChoices, PeriodError, type Period } from "~/modules/statistics/periods";
import { populationSchema } from "~/modules/statistics/population-schema";
import { setPopulation } from "~/modules/statistics/population.server";
import { SMALL_LABEL } from "~/modules/statistics/suppression";
import { GoalsSection } from "~/components/steering/goals-section";
import { goalsOnFollowUp } from "~/modules/steering/goal-status.server";
import { mayExportToScb } from "~/modules/scb/exports.server";

export const meta: MetaFunction = () => [{ title: "Uppföljning – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const audience = followUpAudience(actor);
  if (!audience) throw notFound();
  const url = new URL(request.url);
  const today = todayIso();
  const base = {
    municipalityName: actor.municipalityName,
    choices: periodChoices(today).map(({ kind, label, value }) => ({ kind, label, value })),
    asked: { period: url.searchParams.get("period") ?? "", fran: url.searchParams.get("fran") ?? "", till: url.searchParams.get("till") ?? "" },
    mayEnterPopulation: audience.mayEnterPopulation,
    mayChooseInterval: audience.view === "unit",
    mayExportToScb: mayExportToScb(actor),
    // The stickprov reads individual cases: the samordnare's internal control, not a figure.
    mayDrawSamples: actor.role === "kaa_coordinator" && audience.view === "unit",
    today,
  };
  let period: Period;
  try {
    period = parsePeriod(url.searchParams, today, { allowInterval: audience.view === "unit" });
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    return json({ ...base, error: error.message, period: null, followUp: null, goals: null }, { status: 400 });
  }
  const followUp = computeFollowUp(audience, period, { today });
  // The goals for the chosen period come from the same figures: no second computation.
  const goals = goalsOnFollowUp(audience.municipalityId, followUp, period, today);
  return json({ ...base, error: null, period: { label: period.label, value: period.value }, followUp, goals });
}

/** The samordnare enters the municipality's population aged 16–19 for a year. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  if (!followUpAudience(actor)?.mayEnterPopulation) throw new Response("Du har inte behörighet att ändra befolkningstalet.", { status: 403 });
  const parsed = await parseForm(request, populationSchema);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  setPopulation(actor, parsed.data);
  return json({ ok: true as const, errors: {} as Record<string, string>, values: {} as Record<string, string | string[]>, year: parsed.data.year });
}

export default function FollowUpPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const selected = data.asked.period || data.period?.value || "";
  return (
    <>
      <h1>Uppföljning</h1>
      <p className="lead">
        Aggregerade siffror om aktivitetsansvaret i {data.municipalityName}: vald period, perioden före och samma period ett år tidigare. Inga enskilda ungdomar
        visas.
      </p>
      <ul>
        <li>
          <a href="/uppfoljning/insatser">Insatsernas effekt</a>: påbörjade, avslutade och avböjda insatser per insatstyp, måluppfyllelse och vad ungdomarna
          gjorde 6 och 12 månader efter insatsen.
        </li>
        <li>
          <a href="/uppfoljning/arsrapport">Årsrapporter till nämnden</a>
        </li>
        {data.mayExportToScb ? (
          <li>
            <a href="/uppfoljning/scb">SCB-rapporten (halvår)</a>: kontrollera registret, rätta det som saknas och hämta filen till SCB.
          </li>
        ) : null}
        {data.mayDrawSamples ? (
          <li>
            <a href="/uppfoljning/stickprov">Stickprov (intern kontroll)</a>: dra slumpmässiga ärenden och bedöm dem som revisorerna gör, på kontakt,
            kartläggning, åtgärder och uppföljning.
          </li>
        ) : null}
      </ul>
      <Form method="get" className="card" aria-labelledby="period-heading">
        <h2 id="period-heading">Välj period</h2>
        {data.error ? (
          <p className="alert alert--error" role="alert" id="period-error">
            {data.error}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="period">Period</label>
          <select id="period" name="period" defaultValue={selected} aria-describedby={data.error ? "period-error" : undefined}>
            {PERIOD_KINDS.filter((k) => k !== "intervall").map((kind) => (
              <optgroup key={kind} label={PERIOD_KIND_LABELS[kind]}>
                {data.choices
                  .filter((c) => c.kind === kind)
                  .map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
              </optgroup>
            ))}
            {data.mayChooseInterval ? <option value="intervall">Eget intervall (ange datum nedan)</option> : null}
          </select>
        </div>
        {data.mayChooseInterval ? (
          <fieldset>
            <legend>Eget intervall</legend>
            <div className="field">
              <label htmlFor="fran">Från och med</label>
              <input id="fran" name="fran" type="date" defaultValue={data.asked.fran} />
            </div>
            <div className="field">
              <label htmlFor="till">Till och med</label>
              <input id="till" name="till" type="date" defaultValue={data.asked.till} />
            </div>
          </fieldset>
        ) : null}
        <button type="submit" className="button">
          Visa
        </button>
      </Form>
      {data.goals && data.period ? <GoalsSection goals={data.goals} periodLabel={data.period.label} /> : null}
      {data.followUp ? (
        <section aria-labelledby="figures-heading" aria-busy={navigation.state === "loading"}>
          <h2 id="figures-heading">{data.period?.label}</h2>
          {data.followUp.view === "outside" ? (
            <p>
              Små tal visas inte: antal från 1 till 4 står som ”{SMALL_LABEL}”, och en andel som bygger på ett sådant antal visas inte. Där en siffra annars
              skulle gå att räkna fram ur summorna står den som ”färre än 5” (om den är 0) eller ”dold”.
            </p>
          ) : (
            <p>Siffrorna är exakta och är avsedda för KAA-enheten. Det som lämnar enheten (styrgruppen, samverkansforum, export) visas med små tal dolda.</p>
          )}
          {data.period && data.period.value !== "intervall" ? (
            <p className="no-print">
              Ladda ner perioden, med små tal dolda oavsett vem som laddar ner:{" "}
              <a href={`/uppfoljning/export.xlsx?period=${data.period.value}`} download>
                Excel (XLSX)
              </a>{" "}
              eller{" "}
              <a href={`/uppfoljning/export.csv?period=${data.period.value}`} download>
                CSV
              </a>
              .
            </p>
          ) : null}
          {data.followUp.trend ? <TrendCharts trend={data.followUp.trend} /> : null}
          {data.followUp.trend ? <TrendTable trend={data.followUp.trend} /> : null}
          {data.followUp.tables.map((table) => (
            <FiguresTable key={table.id} table={table} periods={data.followUp!.periods} />
          ))}
        </section>
      ) : null}
      {data.mayEnterPopulation ? (
        <Form method="post" className="card" aria-labelledby="population-heading">
          <h2 id="population-heading">Befolkning 16–19 år</h2>
          <p>Kommunens invånare 16–19 år enligt SCB:s befolkningsstatistik. Andelen för en period räknas mot året då perioden slutar.</p>
          {actionData?.ok ? (
            <p className="alert alert--success" role="status">
              Befolkningstalet för {actionData.year} är sparat.
            </p>
          ) : null}
          <div className={`field${errors.year ? " field--error" : ""}`}>
            <label htmlFor="population-year">År</label>
            <input
              id="population-year"
              name="year"
              inputMode="numeric"
              defaultValue={String(actionData?.values?.year ?? data.today.slice(0, 4))}
              aria-invalid={errors.year ? true : undefined}
              aria-describedby={errors.year ? "population-year-error" : undefined}
            />
            {errors.year ? (
              <p className="field__error" id="population-year-error">
                {errors.year}
              </p>
            ) : null}
          </div>
          <div className={`field${errors.aged16To19 ? " field--error" : ""}`}>
            <label htmlFor="population-n">Antal invånare 16–19 år</label>
            <input
              id="population-n"
              name="aged16To19"
              inputMode="numeric"
              defaultValue={String(actionData?.values?.aged16To19 ?? "")}
              aria-invalid={errors.aged16To19 ? true : undefined}
              aria-describedby={errors.aged16To19 ? "population-n-error" : undefined}
            />
            {errors.aged16To19 ? (
              <p className="field__error" id="population-n-error">
                {errors.aged16To19}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button">
            Spara befolkningstal
          </button>
        </Form>
      ) : null}
    </>
  );
}
