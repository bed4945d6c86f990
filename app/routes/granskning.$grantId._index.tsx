import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/modules/auth/actor.server";
import { grantInForce, reviewCases } from "~/modules/internal-control/review-cases.server";

export const meta: MetaFunction = () => [{ title: "Stickprovets ärenden – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["auditor"]);
  // The grant is read anew on every request: expired or revoked, the page is gone at once.
  const grant = grantInForce(actor, Number(params.grantId));
  return { grant, cases: reviewCases(actor, grant) };
}

export default function ReviewCaseList() {
  const { grant, cases } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/granskning">Granskning</Link>
      </p>
      <h1>Granskning {grant.sampleId}</h1>
      <p className="lead">
        Stickprov av inskrivningar under {grant.periodFrom} – {grant.periodTo}. Din behörighet gäller till och med {grant.validUntil}.
      </p>
      <div className="table-wrap">
        <Table>
          <caption className="visually-hidden">Stickprovets ärenden i ordning</caption>
          <thead>
            <tr>
              <th scope="col">Ärende</th>
              <th scope="col">Namn</th>
              <th scope="col">Personnummer</th>
              <th scope="col">Inskrivning</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.position}>
                <td>{c.youth ? <Link to={`/granskning/${grant.id}/${c.position}`}>Ärende {c.position}</Link> : `Ärende ${c.position}`}</td>
                {c.youth ? (
                  <>
                    <td>{c.youth.name}</td>
                    <td>{c.youth.personalNumber}</td>
                    <td>
                      {c.youth.startDate} – {c.youth.endDate ?? "pågår"}
                    </td>
                  </>
                ) : (
                  <td colSpan={3}>Ungdomen finns inte längre i kommunens register: ärendet kan inte visas.</td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}
