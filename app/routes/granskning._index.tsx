import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/modules/auth/actor.server";
import { myReviewGrants } from "~/modules/internal-control/review-cases.server";
import { REVIEW_GRANT_STATE_LABELS } from "~/modules/internal-control/review-labels";

export const meta: MetaFunction = () => [{ title: "Granskning – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["auditor"]);
  return { grants: myReviewGrants(actor), municipalityName: actor.municipalityName };
}

export default function ReviewGrants() {
  const { grants, municipalityName } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Granskning</h1>
      <p className="lead">
        De stickprov ur {municipalityName}s register som KAA-samordnaren gett dig behörighet att granska. Du ser ärendena bara medan behörigheten gäller, och
        varje visning loggas.
      </p>
      {grants.length === 0 ? (
        <p>Du har ingen behörighet att granska något stickprov.</p>
      ) : (
        <div className="table-wrap">
          <Table>
            <caption className="visually-hidden">Dina granskningsbehörigheter</caption>
            <thead>
              <tr>
                <th scope="col">Stickprov</th>
                <th scope="col">Stickprovets period</th>
                <th scope="col">Behörigheten gäller</th>
                <th scope="col">Läge</th>
              </tr>
            </thead>
            <tbody>
              {grants.map((g) => (
                <tr key={g.id}>
                  <td>{g.state === "in_force" ? <Link to={`/granskning/${g.id}`}>Granskning {g.sampleId}</Link> : `Granskning ${g.sampleId}`}</td>
                  <td>
                    {g.periodFrom} – {g.periodTo}
                  </td>
                  <td>
                    {g.validFrom} – {g.validUntil}
                  </td>
                  <td>{g.state === "in_force" ? `Gäller till och med ${g.validUntil}` : REVIEW_GRANT_STATE_LABELS[g.state]}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </>
  );
}
