import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { responsibleText } from "~/components/intervention-table";
import { PrintButton } from "~/components/print-button";
import { todayIso } from "~/lib/dates";
import { readPlan } from "~/modules/documentation/plans.server";
import { readYouthFile } from "~/modules/youth/youth-file.server";
import { requireActor } from "~/modules/auth/actor.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { interventionState } from "~/modules/documentation/labels";

export const meta: MetaFunction = () => [{ title: "Min plan – utskrift – Samverkansportalen" }];

/**
 * The plan as handed to the youth: the goal, what each party will do and when it is followed up.
 * The assessment stays out: it is the unit's working document, the plan is the youth's.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const file = openYouthFile(actor, params.youthId ?? "", { read: ["identity", "plan"], registerKeeperOnly: true });
  const youth = readYouthFile(file);
  const asked = Number(new URL(request.url).searchParams.get("inskrivning")) || undefined;
  const { enrollment, plan, interventions } = readPlan(file, asked);
  return {
    youthId: youth.id,
    name: `${youth.firstName} ${youth.lastName}`,
    unit: actor.organisationName,
    caseworker: actor.displayName,
    printedOn: todayIso(),
    enrollment,
    plan,
    interventions: interventions.filter((i) => !i.declinedDate),
  };
}

export default function PrintablePlan() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <div className="no-print">
        <p className="breadcrumbs">
          <Link to={`/ungdomar/${data.youthId}/plan`}>Tillbaka till planen</Link>
        </p>
        <PrintButton />
      </div>
      <article className="letter printable-plan" aria-labelledby="plan-rubrik">
        <p className="letter__date">
          {data.unit}
          <br />
          Utskriven {data.printedOn}
        </p>
        <h1 id="plan-rubrik">Din plan, {data.name}</h1>
        {!data.plan ? (
          <p>Det finns ingen plan dokumenterad ännu.</p>
        ) : (
          <>
            <h2>Målet</h2>
            <p>{data.plan.goal}</p>
            {data.plan.madeWithYouth ? <p>Vi gjorde planen tillsammans den {data.plan.madeWithYouthDate}.</p> : null}
            {data.plan.youthComment ? (
              <>
                <h2>Dina egna tankar</h2>
                <p>{data.plan.youthComment}</p>
              </>
            ) : null}
          </>
        )}
        <h2>Det här ska göras</h2>
        {data.interventions.length === 0 ? (
          <p>Inga insatser är planerade ännu.</p>
        ) : (
          <Table>
            <caption className="visually-hidden">Insatser i planen</caption>
            <thead>
              <tr>
                <th scope="col">Vad</th>
                <th scope="col">Vem ansvarar</th>
                <th scope="col">När</th>
                <th scope="col">Vi följer upp</th>
              </tr>
            </thead>
            <tbody>
              {data.interventions.map((i) => (
                <tr key={i.id}>
                  <td>
                    {i.typeName}
                    {i.description ? <span className="block">{i.description}</span> : null}
                    {i.provider ? <span className="block">Hos {i.provider}</span> : null}
                  </td>
                  <td>{responsibleText(i)}</td>
                  <td>
                    {i.startDate} – {i.endDate ?? i.plannedEndDate}
                    <span className="block">{interventionState(i, data.printedOn).label}</span>
                  </td>
                  <td>
                    {i.followUps
                      .filter((f) => !f.doneDate)
                      .map((f) => f.dueDate)
                      .join(", ") || "–"}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <h2>Allt är frivilligt</h2>
        <p>
          Du bestämmer själv om du vill vara med. Du kan när som helst ändra dig eller be om att planen ändras. Hör av dig till {data.caseworker} på {data.unit}{" "}
          om du har frågor.
        </p>
      </article>
    </>
  );
}
