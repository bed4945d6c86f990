import { Table } from "~/components/table";
/**
 * /uppfoljning/insatser: do the interventions work? Per intervention type, for a period: started,
 * ended, declined, goal met, and what the youths were doing 6 and 12 months later (ADR 0014). The
 * same readers as /uppfoljning: the KAA unit exactly, the styrgrupp with small numbers hidden.
 * (The trailing underscore keeps the page out of /uppfoljning's layout: the two are separate pages.)
 */
import { Fragment } from "react";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { BarChart, TrendSection } from "~/components/charts";
import { PeriodPicker } from "~/components/period-picker";
import { todayIso } from "~/lib/dates";
import { notFound } from "~/lib/http";
import { requireActor } from "~/modules/auth/actor.server";
import { formatShown } from "~/modules/statistics/follow-up-format";
import { followUpAudience } from "~/modules/statistics/follow-up.server";
import { computeInterventionEffect } from "~/modules/statistics/intervention-effect.server";
import { OUTCOME_RULE, type EffectTable } from "~/modules/statistics/intervention-effect-tables";
import { parsePeriod, periodChoices, PeriodError, type Period } from "~/modules/statistics/periods";
import { SMALL_LABEL } from "~/modules/statistics/suppression";

export const meta: MetaFunction = () => [{ title: "Insatsernas effekt – Uppföljning – Samverkansportalen" }];

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
    mayChooseInterval: audience.view === "unit",
  };
  let period: Period;
  try {
    period = parsePeriod(url.searchParams, today, { allowInterval: audience.view === "unit" });
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    return json({ ...base, error: error.message, period: null, effect: null }, { status: 400 });
  }
  return json({ ...base, error: null, period: { label: period.label, value: period.value }, effect: computeInterventionEffect(audience, period, { today }) });
}

function EffectTableView({ table }: { table: EffectTable }) {
  return (
    // A wide table scrolls sideways on a narrow screen: the scrolling region takes keyboard focus.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-wrap" role="region" aria-labelledby={`${table.id}-caption`} tabIndex={0}>
      <Table id={table.id} className="effect-table">
        <caption id={`${table.id}-caption`}>{table.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{table.rowHeading}</th>
            {table.columns.map((c) => (
              <th scope="col" key={c.key} className="num">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className={row.total ? "row--total" : undefined}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                <td key={table.columns[i]!.key} className="num">
                  {formatShown(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
      {table.note ? <p className="muted">{table.note}</p> : null}
    </div>
  );
}

export default function InterventionEffectPage() {
  const data = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const effect = data.effect;
  return (
    <>
      <p>
        <Link to="/uppfoljning">← Till uppföljningen</Link>
      </p>
      <h1>Insatsernas effekt</h1>
      <p className="lead">
        Per insatstyp i {data.municipalityName}: hur många insatser som påbörjades, avslutades och avböjdes, hur ofta målet uppnåddes och vad ungdomarna gjorde
        6 och 12 månader efter att insatsen avslutades. Varje rad visar hur många ungdomar den bygger på – några få ungdomar säger lite om en insatstyp.
      </p>
      <PeriodPicker
        choices={data.choices}
        selected={data.asked.period || data.period?.value || ""}
        error={data.error}
        mayChooseInterval={data.mayChooseInterval}
        asked={data.asked}
      />
      {effect ? (
        <section aria-labelledby="effect-heading" aria-busy={navigation.state === "loading"}>
          <h2 id="effect-heading">{effect.period.label}</h2>
          {effect.view === "outside" ? (
            <p>
              Små tal visas inte: antal från 1 till 4 står som ”{SMALL_LABEL}”, och en andel eller ett antal ungdomar som bygger på ett dolt antal visas inte.
              Där en siffra annars skulle gå att räkna fram ur summorna står den som ”{SMALL_LABEL}” (om den är 0) eller ”dold”.
            </p>
          ) : (
            <p>Siffrorna är exakta och är avsedda för KAA-enheten. Styrgruppen ser dem med små tal dolda.</p>
          )}
          <TrendSection id="effect-trend" heading="Påbörjade och avslutade insatser över tid" series={effect.trend} unit="antal" categoryHeading="Period">
            <p>Alla insatstyper, den valda perioden och perioderna före den (upp till tre år).</p>
          </TrendSection>
          {effect.tables.map((table) => (
            <Fragment key={table.id}>
              {table.id === "sysselsattning-efter" ? (
                <BarChart
                  title="Sysselsättning 6 och 12 månader efter avslutad insats"
                  series={effect.outcomeSeries}
                  unit="antal"
                  numbers={{ tableId: table.id, tableCaption: table.caption }}
                />
              ) : null}
              <EffectTableView table={table} />
            </Fragment>
          ))}
          <section aria-labelledby="rule-heading">
            <h2 id="rule-heading">Så räknas sysselsättningen efter insatsen</h2>
            <ul>
              {OUTCOME_RULE.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
        </section>
      ) : null}
    </>
  );
}
