import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/modules/auth/actor.server";
import { listOrganisations } from "~/modules/organizations/admin.server";
import { ORGANISATION_KIND_LABELS, SCHOOL_ORGANISER_LABELS } from "~/modules/organizations/labels";

export const meta: MetaFunction = () => [{ title: "Organisationer – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["system_admin"]);
  return { organisations: listOrganisations() };
}

export default function Organisations() {
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading">
        <h1>Organisationer</h1>
        <Link to="/admin/organisationer/ny" className="button">
          Ny organisation
        </Link>
      </div>
      <div className="table-wrap">
        <Table>
          <caption className="visually-hidden">Organisationer i portalen</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Typ</th>
              <th scope="col">Kommun</th>
              <th scope="col">Huvudman</th>
              <th scope="col">Funktionsbrevlåda</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link to={`/admin/organisationer/${o.id}`}>{o.name}</Link>
                </td>
                <td>{ORGANISATION_KIND_LABELS[o.kind]}</td>
                <td>{o.municipalityName}</td>
                <td>{o.schoolOrganiserKind ? `${o.schoolOrganiserName} (${SCHOOL_ORGANISER_LABELS[o.schoolOrganiserKind].toLowerCase()})` : "–"}</td>
                <td>{o.functionalMailbox ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}
